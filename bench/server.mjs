// Benchmarks the server handler against better-auth on one real better-auth + SQLite app
// (bench/server-app.ts, its own process, 127.0.0.1 only) and prints the numbers (no assertions):
//   1. handler overhead: requests per second of the kit's routes against better-auth's own,
//      same user, same server, concurrency 20, keep-alive (goal ≥ 0.8×)
//   2. live latency: a revoke through the handler → the event on another browser's open stream
//   3. idle event streams: the server process's RSS with 1,000 then 5,000 idle streams open,
//      after a full GC, 3 s after the last one opened and once RSS holds still (steady: goal
//      5,000 with the process within 200 MB); no V8 or allocator flags beyond --expose-gc
// The server app is compiled to plain JavaScript first (esbuild, dependencies left as imports)
// and run with plain node, as it would be deployed: no TypeScript loader in the measured process.
// Run: node bench/server.mjs            (all three, in this order, one server process)
//      node bench/server.mjs streams    (only the idle streams, on a freshly started server)
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './lib.mjs';

/** The origin better-auth is configured with in the fixture (mutations must come from it). */
const ORIGIN = 'http://127.0.0.1:3000';
const EMAIL = 'bench@example.com';
const PASSWORD = 'correct horse battery staple';
const CONCURRENCY = 20;
const WARMUP = 200;
const REQUESTS = 2_000;
const LATENCY_RUNS = 50;
const STREAM_STEPS = [1_000, 5_000];
/** Every wait is bounded: a stuck step fails the bench instead of hanging it. */
const STEP_TIMEOUT = 30_000;

/** Inside node_modules, so the compiled app resolves its dependencies from the project. */
const OUT = join(root, 'node_modules/.cache/session-elements-bench');
/** `streams`: only part 3, so its figure is not mixed with what parts 1 and 2 left in the process. */
const ONLY_STREAMS = process.argv[2] === 'streams';
/** Memory is first read this long after the last stream opened (the earlier figure of this bench). */
const SETTLE_MS = 3_000;
/**
 * Then once a second until it holds still: V8 gives back its grown young generation and
 * emptied pages some seconds after a burst of allocation (such as opening thousands of
 * authenticated streams), so the reading at 3 s is a transient, not the steady state.
 * Steady: STEADY_READINGS readings in a row within STEADY_MB; at most STEADY_MAX_MS.
 */
const STEADY_READINGS = 5;
const STEADY_MB = 2;
const STEADY_MAX_MS = 30_000;
const GOAL_MB = 200;

/**
 * The server app as one JavaScript module, started through an entry of its own: modules
 * in it that check whether they are the main script (the test store helpers) stay inert.
 */
async function compiledApp() {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(root, 'bench/server-app.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: join(OUT, 'server-app.mjs'),
    logLevel: 'warning',
  });
  writeFileSync(join(OUT, 'entry.mjs'), "import './server-app.mjs';\n");
  return join(OUT, 'entry.mjs');
}

const child = fork(await compiledApp(), [], {
  execArgv: ['--expose-gc'],
  env: { ...process.env, SESSION_ELEMENTS_STORE: 'sqlite' },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

/** The next IPC message of this type from the server process. */
function message(type) {
  return within(
    new Promise((resolve) => {
      const on = (m) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m);
      };
      child.on('message', on);
    }),
    `server message ${type}`,
  );
}

function within(promise, what, ms = STEP_TIMEOUT) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let port = 0;

/** One request over the keep-alive agent; the body is read whole. */
function send(method, path, { cookie, body } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { origin: ORIGIN };
    if (cookie) headers.cookie = cookie;
    // What the kit's client sends with every mutation (its CSRF check wants both).
    if (method !== 'GET') {
      headers['x-session-elements'] = '1';
      headers['content-type'] = 'application/json';
    }
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          setCookie: res.headers['set-cookie'] ?? [],
          text: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** A fresh browser signed in as the bench user: its Cookie header. */
async function signIn() {
  const res = await send('POST', '/api/auth/sign-in/email', {
    body: { email: EMAIL, password: PASSWORD },
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${res.text}`);
  return res.setCookie.map((line) => line.split(';')[0]).join('; ');
}

/** `total` requests of one route, `CONCURRENCY` at a time; requests per second. */
async function rate(path, cookie, total) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const res = await send('GET', path, { cookie });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return (total / (performance.now() - start)) * 1000;
}

async function compare(label, kitPath, authPath, cookie) {
  await rate(kitPath, cookie, WARMUP);
  await rate(authPath, cookie, WARMUP);
  // Interleaved halves, so a drift of the machine during the run hits both sides alike.
  const half = REQUESTS / 2;
  const kit = [await rate(kitPath, cookie, half)];
  const auth = [await rate(authPath, cookie, half)];
  kit.push(await rate(kitPath, cookie, half));
  auth.push(await rate(authPath, cookie, half));
  const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const [k, a] = [mean(kit), mean(auth)];
  console.log(
    `  ${label.padEnd(46)} ${k.toFixed(0).padStart(5)} req/s vs ${a.toFixed(0).padStart(5)} req/s ` +
      `= ${(k / a).toFixed(2)}×  (goal ≥ 0.8×)`,
  );
}

/**
 * An open `GET /events` stream read with fetch; `until(match)` resolves with the time the
 * first event whose text matches arrived.
 */
async function openStream(cookie) {
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/api/session/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`events: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const waiters = [];
  const check = () => {
    const now = performance.now();
    for (const waiter of [...waiters]) {
      if (waiter.match(text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(now);
      }
    }
  };
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += value;
        check();
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
  return {
    until: (match) =>
      within(
        new Promise((resolve) => {
          waiters.push({ match, resolve });
          check();
        }),
        'stream event',
      ),
    close: () => controller.abort(),
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function liveLatency(cookieA) {
  const times = [];
  for (let run = 0; run < LATENCY_RUNS; run++) {
    const cookieB = await signIn();
    const session = JSON.parse((await send('GET', '/api/session/', { cookie: cookieB })).text);
    const id = session.active_signin.id;
    const stream = await openStream(cookieB);
    await stream.until((text) => text.includes('retry:'));
    const seen = stream.until(
      (text) =>
        text.includes(`"kind":"revoked","signInId":"${id}"`) || /event: signed-out/.test(text),
    );
    const start = performance.now();
    const res = await send('DELETE', `/api/session/signins/${encodeURIComponent(id)}`, {
      cookie: cookieA,
    });
    if (res.status !== 204) throw new Error(`revoke: ${res.status} ${res.text}`);
    times.push((await seen) - start);
    stream.close();
  }
  times.sort((a, b) => a - b);
  console.log(
    `  revoke (DELETE /signins/:id, browser A) → event on browser B's stream, ${LATENCY_RUNS} runs: ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms ` +
      `(goal p99 ≤ 1 s; one instance, in-process bus)`,
  );
}

/** A raw idle stream on its own socket, held open until `sockets` are destroyed. */
function idleStream(cookie, sockets) {
  return within(
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      let head = '';
      const onData = (chunk) => {
        head += chunk.toString();
        if (!head.includes('retry:')) return;
        socket.off('data', onData);
        // Keep reading (heartbeats) so the server never sees backpressure from us.
        socket.resume();
        if (!head.startsWith('HTTP/1.1 200')) reject(new Error(head.split('\r\n')[0]));
        else resolve();
      };
      socket.on('data', onData);
      socket.on('error', reject);
      socket.write(
        `GET /api/session/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
          `Cookie: ${cookie}\r\nAccept: text/event-stream\r\n\r\n`,
      );
    }),
    'idle stream',
  );
}

async function memory() {
  child.send({ type: 'memory' });
  return (await message('memory')).usage;
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first reading after a pause, then readings each second until RSS holds still. */
async function settledMemory() {
  await sleep(SETTLE_MS);
  const first = await memory();
  const readings = [first];
  const start = performance.now();
  for (;;) {
    const last = readings.slice(-STEADY_READINGS).map((m) => m.rss);
    const steady =
      last.length === STEADY_READINGS &&
      Math.max(...last) - Math.min(...last) <= STEADY_MB * 1024 * 1024;
    const waited = SETTLE_MS + performance.now() - start;
    if (steady || waited >= STEADY_MAX_MS) {
      return { first, steady: readings.at(-1), seconds: waited / 1000, held: steady };
    }
    await sleep(1_000);
    readings.push(await memory());
  }
}

/** `steady after 9 s` or, when RSS never held still, what the last reading was. */
function steadiness({ seconds, held }) {
  return held ? `steady after ${seconds.toFixed(0)} s` : `NOT steady after ${seconds.toFixed(0)} s`;
}

async function streams(cookie) {
  const sockets = [];
  const { steady: base, ...baseSettled } = await settledMemory();
  console.log(
    `  before: rss ${mb(base.rss)} MB, heap ${mb(base.heapUsed)} MB ` +
      `(server process, after a full GC, ${steadiness(baseSettled)})`,
  );
  try {
    for (const target of STREAM_STEPS) {
      const start = performance.now();
      while (sockets.length < target) {
        const batch = Math.min(50, target - sockets.length);
        await Promise.all(Array.from({ length: batch }, () => idleStream(cookie, sockets)));
      }
      const opened = performance.now() - start;
      const settled = await settledMemory();
      const now = settled.steady;
      const rss = now.rss - base.rss;
      const heap = now.heapUsed - base.heapUsed + (now.external - base.external);
      const verdict =
        target === 5_000
          ? `\n  → server process ${mb(now.rss)} MB with 5,000 idle streams: ` +
            `${now.rss <= GOAL_MB * 1024 * 1024 ? 'within' : 'OVER'} the goal of ${GOAL_MB} MB`
          : '';
      console.log(
        `  ${String(target).padStart(5)} idle streams (opened in ${(opened / 1000).toFixed(1)} s): ` +
          `rss ${mb(settled.first.rss)} MB at ${SETTLE_MS / 1000} s, ${mb(now.rss)} MB ` +
          `${steadiness(settled)} (+${mb(rss)} MB, ${(rss / target / 1024).toFixed(1)} KB/stream); ` +
          `heap+external +${mb(heap)} MB (${(heap / target / 1024).toFixed(1)} KB/stream)` +
          verdict,
      );
    }
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

try {
  port = (await message('ready')).port;
  // Ten sign-ins of one user, so the lists are realistic; the first browser is the measured one.
  const cookies = [];
  for (let i = 0; i < 10; i++) cookies.push(await signIn());
  const [cookie] = cookies;
  if (!ONLY_STREAMS) await handlerAndLatency(cookie);
  console.log(
    `idle GET /events streams: RSS of the server process (one instance, one cookie, maxStreamsPerUser ` +
      `raised to 5,000 for the bench), after a full GC, read ${SETTLE_MS / 1000} s after the last one ` +
      `opened and again once steady (${STEADY_READINGS} readings a second apart within ${STEADY_MB} MB)` +
      `${ONLY_STREAMS ? ', nothing measured before them' : ''}:`,
  );
  await streams(cookie);
} finally {
  agent.destroy();
  child.send({ type: 'close' });
  await within(new Promise((resolve) => child.once('exit', resolve)), 'server exit', 5_000).catch(
    () => child.kill(),
  );
}

/** Parts 1 and 2: handler overhead against better-auth, then live latency. */
async function handlerAndLatency(cookie) {
  console.log(
    `server handler vs better-auth (one node:http server, SQLite, 1 user with 10 sign-ins, ` +
      `concurrency ${CONCURRENCY}, ${REQUESTS} requests each after ${WARMUP} warm-up, keep-alive):`,
  );
  await compare(
    'GET /api/session/ vs /api/auth/get-session',
    '/api/session/',
    '/api/auth/get-session',
    cookie,
  );
  await compare(
    'GET /api/session/signins vs /api/auth/list-sessions',
    '/api/session/signins',
    '/api/auth/list-sessions',
    cookie,
  );
  console.log('live updates:');
  await liveLatency(cookie);
}
