/**
 * Malformed HTTP against the real server: better-auth + SQLite behind
 * `http.createServer(toNodeHandler(createSessionHandler({ auth })))`, in a child
 * process so that a crash shows. Seeded (FUZZ_SEED=… reproduces a run), bounded
 * in count, concurrency and time, loopback only.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SESSION_ERROR_CODES } from '../../../src/core/errors.js';

const REQUESTS = 2_200;
const CONCURRENCY = 20;
const BODY_TIMEOUT = 1_000;
const SOCKET_DEADLINE = 5_000;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: small, seedable, good enough to pick cases. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const chance = (p: number) => random() < p;

function randomString(length: number, alphabet?: string): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet ? alphabet[int(alphabet.length)] : String.fromCharCode(int(0x3000));
  }
  return out;
}

function randomJson(depth = 0): unknown {
  const kind = int(depth > 3 ? 5 : 8);
  if (kind === 0) return null;
  if (kind === 1) return chance(0.5);
  if (kind === 2) return pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.14]);
  if (kind === 3) return randomString(int(40));
  if (kind === 4)
    return pick(['', '__proto__', 'constructor', '<script>', '\u0000', 'a'.repeat(5000)]);
  if (kind === 5) return Array.from({ length: int(5) }, () => randomJson(depth + 1));
  const keys = [
    'signInId',
    'all',
    'everywhere',
    'organizationId',
    'workspaceId',
    'ticket',
    '__proto__',
  ];
  return Object.fromEntries(
    Array.from({ length: int(4) }, () => [pick(keys), randomJson(depth + 1)]),
  );
}

interface Case {
  kind: string;
  method: string;
  chunks: Buffer[];
  /** Milliseconds between chunks. */
  gapMs?: number;
  /** We hang up after the last chunk, without waiting for an answer. */
  hangUp?: boolean;
  /** The server must answer 408 at its body deadline. */
  slow?: boolean;
}

let port = 0;
let cookies: string[] = [];
let reserved = '';

const PATHS = [
  '/api/session/',
  '/api/session',
  '/api/session/signins',
  '/api/session/signins/revoke-others',
  '/api/session/switch-signin',
  '/api/session/sign-out',
  '/api/session/token',
  '/api/session/organizations',
  '/api/session/workspaces',
  '/api/session/exchange-ticket',
];

function randomPath(): string {
  const base = pick(PATHS);
  switch (int(12)) {
    case 0:
      return `${base}/${'a'.repeat(500 + int(20_000))}`;
    case 1:
      return `${base}/%${randomString(2, 'GZ%0-')}%%${randomString(3, '%zZ9')}`;
    case 2:
      return `${base}/../../../etc/passwd`;
    case 3:
      return `${base}/%00%2e%2e%2f%c0%ae%ff`;
    case 4:
      return `/api/session/signins/${encodeURIComponent(randomString(8))}`;
    case 5:
      return pick([
        '*',
        '//evil.example/api/session/',
        'http://evil.example/api/session/',
        '\\\\x',
        '',
      ]);
    case 6:
      return `${base}?page=${pick(['-1', '1e9', 'x', '%'])}&pageSize=${pick(['0', '101', 'NaN'])}&status=${pick(['<s>', 'online', ''])}`;
    case 7:
      return `/api/session/signins/${randomString(6, 'abc')}é`;
    default:
      return base;
  }
}

/** The contract's routes with their methods (DESIGN §5). */
const ROUTES = [
  ['GET', '/api/session/'],
  ['GET', '/api/session/signins'],
  ['DELETE', '/api/session/signins/{id}'],
  ['POST', '/api/session/signins/revoke-others'],
  ['POST', '/api/session/switch-signin'],
  ['POST', '/api/session/switch-organization'],
  ['POST', '/api/session/switch-workspace'],
  ['GET', '/api/session/organizations'],
  ['GET', '/api/session/workspaces'],
  ['POST', '/api/session/sign-out'],
  ['GET', '/api/session/token'],
  ['POST', '/api/session/exchange-ticket'],
] as const;

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'SEARCH',
];

function randomMethod(): string {
  if (chance(0.85)) return pick(METHODS);
  return pick([
    'FOO',
    'get',
    'G T',
    'G\u0000T',
    '',
    randomString(1 + int(10), 'ABCXYZ-_!'),
    'TRACK',
  ]);
}

function randomHost(): string[] {
  const good = `Host: 127.0.0.1:${port}`;
  switch (int(10)) {
    case 0:
      return [];
    case 1:
      return ['Host: '];
    case 2:
      return [
        pick([
          'Host: [bad',
          'Host: a b',
          'Host: a/b/c',
          'Host: user@evil',
          'Host: a:999999',
          'Host: \u00e9x',
        ]),
      ];
    case 3:
      return [good, 'Host: evil.example'];
    case 4:
      return [`Host: ${'h'.repeat(300)}.example`];
    default:
      return [good];
  }
}

function head(method: string, path: string, lines: string[], version = 'HTTP/1.1'): Buffer {
  return Buffer.from(`${method} ${path} ${version}\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

function mutationHeaders(): string[] {
  const lines = [
    `Host: 127.0.0.1:${port}`,
    `Origin: http://127.0.0.1:${port}`,
    'Content-Type: application/json',
    'X-Session-Elements: 1',
    'Connection: close',
  ];
  if (chance(0.5)) lines.push(`Cookie: ${pick(cookies)}`);
  else if (chance(0.5)) lines.push(`Cookie: ${randomString(int(80), 'abc=;%._- ')}`);
  return lines;
}

/** One malformed (or valid-looking) request, chosen by the seeded generator. */
function makeCase(): Case {
  const family = int(10);
  if (family === 0) {
    const method = randomMethod();
    return {
      kind: 'method',
      method,
      chunks: [head(method, randomPath(), [...randomHost(), 'Connection: close'])],
    };
  }
  if (family === 1) {
    const method = pick(['GET', 'POST']);
    return {
      kind: 'host',
      method,
      chunks: [
        head(
          method,
          randomPath(),
          [...randomHost(), 'Content-Length: 0', 'Connection: close'],
          pick(['HTTP/1.1', 'HTTP/1.0']),
        ),
      ],
    };
  }
  if (family === 2) {
    return {
      kind: 'path',
      method: 'GET',
      chunks: [head('GET', randomPath(), [`Host: 127.0.0.1:${port}`, 'Connection: close'])],
    };
  }
  if (family === 3) {
    const body = Buffer.from(JSON.stringify(randomJson()));
    const variant = int(6);
    const lines = mutationHeaders();
    const path = pick(PATHS);
    if (variant === 0) {
      return {
        kind: 'bad-chunks',
        method: 'POST',
        chunks: [
          head('POST', path, [...lines, 'Transfer-Encoding: chunked']),
          Buffer.from(
            `${pick(['zz', '-1', 'fffffffffffffffff', '5'])}\r\nhello world\r\n0\r\n\r\n`,
          ),
        ],
      };
    }
    if (variant === 1) {
      return {
        kind: 'cl-and-te',
        method: 'POST',
        chunks: [
          head('POST', path, [
            ...lines,
            `Content-Length: ${body.length}`,
            'Transfer-Encoding: chunked',
          ]),
          body,
        ],
      };
    }
    if (variant === 2) {
      return {
        kind: 'cl-short',
        method: 'POST',
        chunks: [
          head('POST', path, [...lines, `Content-Length: ${Math.max(0, body.length - 3)}`]),
          body,
        ],
      };
    }
    if (variant === 3) {
      const zipped = chance(0.5) ? gzipSync(body) : Buffer.from('not gzip at all');
      return {
        kind: 'gzip',
        method: 'POST',
        chunks: [
          head('POST', path, [
            ...lines,
            'Content-Encoding: gzip',
            `Content-Length: ${zipped.length}`,
          ]),
          zipped,
        ],
      };
    }
    if (variant === 4) {
      return {
        kind: 'cl-garbage',
        method: 'POST',
        chunks: [
          head('POST', path, [
            ...lines,
            `Content-Length: ${pick(['-5', 'abc', '1e3', '99999999999999999999', '5, 6'])}`,
          ]),
          body,
        ],
      };
    }
    return {
      kind: 'bad-header',
      method: 'POST',
      chunks: [
        head('POST', path, [
          ...lines,
          pick([
            'X-A: b\r\n c',
            'Bad Name: x',
            `X-Big: ${'b'.repeat(20_000)}`,
            'X-Nul: a\u0000b',
            'X-Hi: \u00ff\u00fe',
          ]),
          `Content-Length: ${body.length}`,
        ]),
        body,
      ],
    };
  }
  if (family === 4) {
    const body = Buffer.from(JSON.stringify({ signInId: randomString(20, 'abc') }));
    return {
      kind: 'truncated',
      method: 'POST',
      hangUp: true,
      gapMs: 10,
      chunks: [
        head('POST', pick(PATHS), [
          ...mutationHeaders(),
          `Content-Length: ${body.length + 50 + int(1000)}`,
        ]),
        body,
      ],
    };
  }
  if (family === 5) {
    const size = 65 * 1024 + int(1024 * 1024);
    const chunked = chance(0.3);
    const lines = [
      ...mutationHeaders(),
      chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`,
    ];
    const piece = Buffer.alloc(32 * 1024, 'x');
    const pieces: Buffer[] = [];
    for (let sent = 0; sent < size; sent += piece.length) {
      pieces.push(
        chunked
          ? Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from('\r\n'),
            ])
          : piece,
      );
    }
    return {
      kind: 'oversized',
      method: 'POST',
      chunks: [head('POST', pick(PATHS), lines), ...pieces],
    };
  }
  if (family === 6 && chance(0.5)) {
    const size = 40 + int(100);
    return {
      kind: 'slow',
      method: 'POST',
      slow: true,
      gapMs: 150,
      chunks: [
        head('POST', pick(PATHS), [...mutationHeaders(), `Content-Length: ${size}`]),
        ...Array.from({ length: 20 }, () => Buffer.from('{')),
      ],
    };
  }
  // Valid-looking requests: a route of the contract with its method, random JSON and query.
  const [method, route] = pick(ROUTES);
  const path = route
    .replace('{id}', encodeURIComponent(randomString(int(30))))
    .concat(chance(0.3) ? `?template=${randomString(5, 'ab')}&organizationId=${int(9)}` : '');
  const body =
    method === 'GET'
      ? Buffer.alloc(0)
      : Buffer.from(chance(0.9) ? JSON.stringify(randomJson()) : randomString(int(100)), 'utf8');
  const lines = [...mutationHeaders(), `Content-Length: ${body.length}`];
  return { kind: 'valid-looking', method, chunks: [head(method, path, lines), body] };
}

interface Outcome {
  kind: string;
  status?: number;
  headers?: string;
  body?: Buffer;
  ms: number;
}

/** A chunked body's payload, or null while it is incomplete. */
function dechunk(raw: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = raw.indexOf('\r\n', at);
    if (line < 0) return null;
    const size = parseInt(raw.subarray(at, line).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    if (raw.length < line + 2 + size + 2) return null;
    parts.push(raw.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}

const isChunked = (header: string) => /\r\ntransfer-encoding: *chunked/i.test(header);

/** Where a complete first response ends in `data`, or -1 while it is still coming. */
function responseEnd(data: Buffer, method: string): number {
  const split = data.indexOf('\r\n\r\n');
  if (split < 0) return -1;
  const header = data.subarray(0, split).toString('latin1');
  const status = Number(header.split(' ')[1]);
  if (method === 'HEAD' || status === 204 || status === 304) return split + 4;
  const length = /\r\ncontent-length: *(\d+)/i.exec(header);
  if (length)
    return data.length >= split + 4 + Number(length[1]) ? split + 4 + Number(length[1]) : -1;
  if (isChunked(header)) return dechunk(data.subarray(split + 4)) ? data.length : -1;
  return -1;
}

function send(item: Case): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    let settled = false;
    const socket = connect(port, '127.0.0.1');
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const split = data.indexOf('\r\n\r\n');
      if (!data.length || split < 0) return resolve({ kind: item.kind, ms: Date.now() - started });
      const headers = data.subarray(0, split).toString('latin1');
      const end = responseEnd(data, item.method);
      const raw = data.subarray(split + 4, end < 0 ? data.length : end);
      resolve({
        kind: item.kind,
        status: Number(headers.split(' ')[1]),
        headers,
        body: isChunked(headers) ? (dechunk(raw) ?? raw) : raw,
        ms: Date.now() - started,
      });
    };
    const timer = setTimeout(finish, SOCKET_DEADLINE);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (responseEnd(data, item.method) >= 0) finish();
    });
    socket.on('close', finish);
    socket.on('error', finish);
    void (async () => {
      for (const chunk of item.chunks) {
        if (settled || socket.destroyed) return;
        socket.write(chunk);
        if (item.gapMs) await new Promise((r) => setTimeout(r, item.gapMs));
      }
      if (item.hangUp) finish();
    })();
  });
}

function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

let child: ChildProcess;
let exited: string | null = null;
let stderr = '';

before(async () => {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./fuzz-server.ts', import.meta.url).pathname],
    {
      cwd: new URL('../../../', import.meta.url).pathname,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, BODY_TIMEOUT: String(BODY_TIMEOUT) },
    },
  );
  child.on('exit', (code, signal) => (exited = `exit ${code} ${signal ?? ''}`));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`no port from the fuzz server: ${stderr}`)),
      30_000,
    );
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.split('\n')[0]!);
      }
    });
    child.on('exit', () => reject(new Error(`the fuzz server exited early: ${stderr}`)));
  });
  ({ port, cookies, reserved } = JSON.parse(first) as {
    port: number;
    cookies: string[];
    reserved: string;
  });
});

after(async () => {
  if (exited === null) {
    const gone = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5_000))]);
    if (exited === null) child.kill('SIGKILL');
  }
});

/** What an answer from our code must look like; null when it does. */
function contractViolation(outcome: Outcome): string | null {
  const { status = 0, headers = '', body = Buffer.alloc(0) } = outcome;
  if (status >= 500) return `5xx ${status}`;
  if (status === 405 && !/\r\nallow: /i.test(headers)) return '405 without Allow';
  if (!body.length) return null;
  if (!/\r\ncontent-type: application\/json/i.test(headers)) return 'a body that is not JSON';
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return 'a body that does not parse';
  }
  if (status >= 200 && status < 300) return null;
  const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || !(SESSION_ERROR_CODES as readonly unknown[]).includes(error.code)) {
    return 'an error without a kit code';
  }
  return typeof error.message === 'string' ? null : 'an error without a message';
}

test('2,000+ malformed requests: the server stays up, answers JSON, never 5xx, memory bounded', async () => {
  console.log(`security fuzz: seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
  const warm = await Promise.all(
    Array.from({ length: 40 }, () =>
      send({
        kind: 'warm-up',
        method: 'GET',
        chunks: [
          head('GET', '/api/session/', [
            `Host: 127.0.0.1:${port}`,
            `Cookie: ${reserved}`,
            'Connection: close',
          ]),
        ],
      }),
    ),
  );
  assert.ok(
    warm.every((o) => o.status === 200),
    warm.map((o) => `${o.status} ${o.headers?.slice(0, 80)} ${o.body}`).join('\n'),
  );
  const rssBefore = rssKb(child.pid!);
  let rssPeak = rssBefore;
  const cases = Array.from({ length: REQUESTS }, makeCase);
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length && exited === null) {
        const item = cases[next++]!;
        const outcome = await send(item);
        outcomes.push(outcome);
        if (outcomes.length % 200 === 0) {
          rssPeak = Math.max(rssPeak, rssKb(child.pid!));
          if (process.env.FUZZ_VERBOSE) console.log(`rss ${rssKb(child.pid!)}`);
        }
      }
    }),
  );
  assert.equal(exited, null, `the server died: ${exited}\n${stderr}`);

  let answeredJson = 0;
  let parser = 0;
  let dropped = 0;
  let fiveXX = 0;
  const violations: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === undefined) dropped++;
    else if (outcome.status >= 500) fiveXX++;
    // Node's own HTTP parser refuses garbage before our code runs: a status line, no body.
    else if (!outcome.body?.length && !/\r\ncontent-type:/i.test(outcome.headers ?? '')) parser++;
    else answeredJson++;
    const problem = outcome.status === undefined ? null : contractViolation(outcome);
    if (problem)
      violations.push(
        `${outcome.kind}: ${problem}: ${outcome.headers?.split('\r\n')[0]} ${outcome.body?.subarray(0, 120)}`,
      );
  }
  const slow = outcomes.filter((o) => o.kind === 'slow');
  const late = slow.filter((o) => o.status !== 408 || o.ms > BODY_TIMEOUT + 1_500);

  // Still serving: a signed-in browser the fuzzer never touched, and an anonymous one.
  const signedIn = await fetch(`http://127.0.0.1:${port}/api/session/`, {
    headers: { cookie: reserved },
  });
  assert.equal(signedIn.status, 200);
  const session = (await signedIn.json()) as { active_signin?: { user?: { id?: string } } };
  assert.ok(session.active_signin, 'the untouched browser is still signed in');
  // Signed out is answered 200 null (the contract's GET /), not an error.
  const anonymous = await fetch(`http://127.0.0.1:${port}/api/session/`);
  assert.equal(anonymous.status, 200);
  assert.equal(await anonymous.json(), null);
  const rssAfter = rssKb(child.pid!);
  rssPeak = Math.max(rssPeak, rssAfter);
  const growthMb = (rssPeak - rssBefore) / 1024;

  console.log(
    `security fuzz: tried ${outcomes.length}, answered-json ${answeredJson}, parser-400 ${parser}, dropped ${dropped}, 5xx ${fiveXX}, rss +${growthMb.toFixed(1)} MB, seed ${SEED}`,
  );
  if (process.env.FUZZ_VERBOSE) {
    const table: Record<string, Record<string, number>> = {};
    for (const o of outcomes) {
      const row = (table[o.kind] ??= {});
      row[o.status ?? 'dropped'] = (row[o.status ?? 'dropped'] ?? 0) + 1;
    }
    console.log(JSON.stringify(table));
  }
  assert.equal(outcomes.length, REQUESTS);
  assert.deepEqual(violations.slice(0, 10), [], `${violations.length} answers break the contract`);
  assert.equal(fiveXX, 0);
  assert.ok(slow.length > 0, 'the generator produced slow senders');
  assert.deepEqual(
    late.map((o) => `${o.status} after ${o.ms} ms`),
    [],
    'slow senders get 408 at the deadline',
  );
  assert.ok(growthMb < 100, `RSS grew ${growthMb.toFixed(1)} MB`);
  assert.equal(stderr.trim(), '', 'client faults are not logged');
});
