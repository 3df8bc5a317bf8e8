import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoDataDir, isInsideRoot, LEGACY_DATA_DIR, ROOT } from '../../../demo/data.js';
import { startDemoServer, type DemoServer } from '../../../demo/server.js';
// @ts-expect-error scripts/chromium.mjs is plain JavaScript without types.
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';

/**
 * The demo server (`npm start`) against a curious neighbour: its database, WAL and
 * cookie secret, its own source and the repository must never be served, under any
 * spelling Vite understands; other local origins can neither read nor frame it; the
 * page runs under a strict CSP with Trusted Types; password guessing gets 429s.
 */

const DATA_FILES = ['demo.db', 'demo.db-wal', 'demo.db.secret'];

let dir: string;
let demo: DemoServer;
let port: number;
/** Byte strings that must never appear in an answer to a refused path. */
const markers: string[] = ['SQLite format 3'];
/** Files this test planted in a legacy `.data` directory in the project (removed after). */
const planted: string[] = [];
let plantedDir = false;

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with the path sent exactly as written (fetch would normalize `..` and `%2e`). */
function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('latin1'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Plants stand-ins in the project's `.data` (where an older demo kept its data) unless real ones are there. */
function plantLegacyData(): void {
  plantedDir = !existsSync(LEGACY_DATA_DIR);
  mkdirSync(LEGACY_DATA_DIR, { recursive: true });
  const canary = `canary-${randomBytes(12).toString('hex')}`;
  markers.push(canary);
  for (const name of DATA_FILES) {
    const file = join(LEGACY_DATA_DIR, name);
    if (existsSync(file)) {
      if (name.endsWith('.secret')) markers.push(readFileSync(file, 'utf8').trim());
      continue;
    }
    writeFileSync(file, name === 'demo.db' ? `SQLite format 3\0${canary}` : canary);
    planted.push(file);
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'session-elements-demo-security-'));
  plantLegacyData();
  demo = await startDemoServer({ port: 0, dbPath: join(dir, 'demo.db'), seed: true });
  port = Number(new URL(demo.url).port);
  markers.push(readFileSync(join(dir, 'demo.db.secret'), 'utf8').trim());
  // Live session tokens sit in the database and its WAL.
  const tokens = demo.db.prepare('select token from session').all() as { token: string }[];
  assert.ok(tokens.length > 0, 'the seeded database has sessions');
  markers.push(...tokens.map((row) => row.token));
});

after(async () => {
  await demo?.close();
  for (const file of planted) rmSync(file, { force: true });
  if (plantedDir) rmSync(LEGACY_DATA_DIR, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo serves only its page', () => {
  test('the data lives outside the project, and a database inside it is refused', async () => {
    assert.equal(isInsideRoot(demoDataDir()), false, demoDataDir());
    const inside = join(LEGACY_DATA_DIR, 'inside.db');
    const outcome = await startDemoServer({ port: 0, dbPath: inside }).then(
      async (server) => {
        await server.close();
        for (const suffix of ['', '-wal', '-shm', '.secret'])
          rmSync(inside + suffix, { force: true });
        return 'started';
      },
      (error: Error) => error.message,
    );
    assert.match(outcome, /must be outside/);
    assert.equal(existsSync(inside), false);
  });

  test('the page and its modules still load', async () => {
    for (const path of ['/', '/index.html', '/src/define.ts', '/demo/panel.ts', '/demo/page.ts']) {
      assert.equal((await raw(path)).status, 200, path);
    }
  });

  test('the database, its WAL, the secret and the server source are refused under every spelling', async () => {
    const probes: string[] = [];
    for (const name of DATA_FILES) {
      const real = join(dir, name);
      probes.push(
        `/.data/${name}`,
        `/%2edata/${name}`,
        `/%2Edata/${name}`,
        `/.data%2f${name}`,
        `//.data/${name}`,
        `/./.data/${name}`,
        `/.data/../.data/${name}`,
        `/src/../.data/${name}`,
        `/src/..%2f.data/${name}`,
        `/node_modules/.vite/deps/../../../.data/${name}`,
        `/%2e%2e/${name}`,
        `http://127.0.0.1:${port}/.data/${name}`,
        ...['raw', 'import', 'url', 'inline', 'raw&import'].map((q) => `/.data/${name}?${q}`),
        `/@fs${ROOT}/.data/${name}`,
        `/@fs${ROOT}/.data/${name}?raw`,
        `/@fs${real}`,
        `/@fs${real}?raw`,
        `/@fs${real}?import`,
        `/@fs${real}?url`,
        `/@fs${encodeURI(real).replaceAll('.', '%2e')}`,
        `/@id/${real}`,
        `/@id/__x00__${real}`,
        `/@fs/../../..${real}`,
        `/src/define.ts/../../.data/${name}`,
      );
    }
    probes.push(
      '/package.json',
      '/package.json?raw',
      '/.git/config',
      '/.git/HEAD',
      '/.gitignore',
      '/src/server/handler.ts',
      '/src/server/handler.ts?raw',
      '/src/server/../server/handler.ts',
      '/demo/seed.ts',
      '/demo/server.ts',
      '/demo/auth.ts',
      '/demo/data.ts',
      '/demo/demo-api.ts',
      '/test/e2e/harness.ts',
      '/scripts/chromium.mjs',
      '/vite.config.ts',
      '/__open-in-editor?file=package.json',
      `/@fs${ROOT}/package.json`,
      '/src/define.ts?raw',
      '/index.html?raw',
      // A module query's value is read by Vite too.
      '/src/define.ts?v=?raw',
      '/src/index.ts?t=1?inline',
      '/src/define.ts?v=x&v=?url',
      // Installed packages' metadata: which versions run here, and where they came from.
      '/node_modules/.vite/deps/_metadata.json',
      '/node_modules/.vite/deps/package.json',
      '/node_modules/lit/package.json',
      '/node_modules/.package-lock.json',
      '/node_modules/better-auth/README.md',
    );
    const leaks: string[] = [];
    for (const path of probes) {
      const answer = await raw(path);
      const leaked = markers.filter((marker) => answer.body.includes(marker));
      const served = answer.status < 400;
      if (served || leaked.length)
        leaks.push(`${path} → ${answer.status} ${leaked.map((m) => m.slice(0, 16)).join(',')}`);
    }
    console.log(
      `security demo-files: tried ${probes.length}, refused ${probes.length - leaks.length}, leaked ${leaks.length}`,
    );
    assert.deepEqual(leaks, []);
  });

  test('better-auth routes that hand a page raw session tokens or tickets are not exposed', async () => {
    const signIn = await raw('/api/demo/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-session-elements': '1',
        origin: `http://127.0.0.1:${port}`,
      },
      body: JSON.stringify({ email: 'ana@demo.test' }),
    });
    assert.equal(signIn.status, 200);
    const cookie = (signIn.headers['set-cookie'] ?? [])
      .map((line) => line.split(';')[0])
      .join('; ');
    const tokens = (demo.db.prepare('select token from session').all() as { token: string }[]).map(
      (row) => row.token,
    );
    const exposed: string[] = [];
    for (const path of [
      '/api/auth/get-session',
      '/api/auth/list-sessions',
      '/api/auth/multi-session/list-device-sessions',
      '/api/auth/one-time-token/generate',
      '/api/auth/admin/list-user-sessions',
    ]) {
      const answer = await raw(path, { headers: { cookie } });
      if (answer.status < 400 || tokens.some((token) => answer.body.includes(token)))
        exposed.push(`${path} → ${answer.status}`);
    }
    assert.deepEqual(exposed, []);
    // The kit's own read still works with that cookie, and carries no token.
    const session = await raw('/api/session/', { headers: { cookie } });
    assert.equal(session.status, 200);
    assert.equal(tokens.filter((token) => session.body.includes(token)).length, 0);
  });

  test('another local origin gets no CORS grant, not even for the page', async () => {
    const origin = 'http://127.0.0.1:1';
    const granted: string[] = [];
    for (const path of [
      '/',
      '/src/define.ts',
      '/@vite/client',
      '/api/session/',
      '/api/demo/users',
    ]) {
      for (const method of ['GET', 'OPTIONS']) {
        const answer = await raw(path, {
          method,
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
        });
        if (answer.headers['access-control-allow-origin'])
          granted.push(`${method} ${path}: ${answer.headers['access-control-allow-origin']}`);
      }
    }
    assert.deepEqual(granted, []);
  });

  test('a request naming another host (DNS rebinding) is refused', async () => {
    const answer = await raw('/', { headers: { Host: `rebind.example:${port}` } });
    assert.equal(answer.status, 421);
    assert.doesNotMatch(answer.body, /session-provider/);
  });
});

describe('security headers', () => {
  test('every kind of answer carries them: page, module, APIs, errors, 404s', async () => {
    const answers = {
      page: await raw('/'),
      module: await raw('/src/define.ts'),
      dependency: await raw('/@vite/client'),
      session: await raw('/api/session/'),
      auth: await raw('/api/auth/get-session'),
      'demo api 404': await raw('/api/demo/nope'),
      'refused file': await raw('/package.json'),
      'unknown path': await raw('/nope'),
      'auth error': await raw('/api/auth/sign-in/email', { method: 'POST', body: '{' }),
    };
    for (const [kind, answer] of Object.entries(answers)) {
      const csp = String(answer.headers['content-security-policy'] ?? '');
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "require-trusted-types-for 'script'",
      ]) {
        assert.ok(csp.includes(directive), `${kind} (${answer.status}): ${directive} in ${csp}`);
      }
      const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      assert.doesNotMatch(scripts, /unsafe-(inline|eval)/, kind);
      assert.doesNotMatch(csp, /trusted-types [^;]/, `${kind}: no list of policy names`);
      assert.equal(answer.headers['x-frame-options'], 'DENY', kind);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', kind);
      assert.equal(answer.headers['referrer-policy'], 'no-referrer', kind);
      assert.equal(answer.headers['cross-origin-opener-policy'], 'same-origin', kind);
    }
  });

  describe('in Chromium', () => {
    let chrome: Browser;
    let framer: Server;

    before(async () => {
      const executablePath = findChromium();
      assert.ok(executablePath, 'a Chromium is installed');
      chrome = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    });

    after(async () => {
      await chrome?.close();
      if (framer) await new Promise((done) => framer.close(done));
    });

    /** Records CSP and Trusted Types violations and console errors from the first script on. */
    async function watchedPage(): Promise<{ page: Page; problems: () => Promise<string[]> }> {
      const page = await (await chrome.newContext()).newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error')
          errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { cspViolations: seen });
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
        );
      });
      const problems = async () => [
        ...errors,
        ...((await page.evaluate('window.cspViolations')) as string[]),
      ];
      return { page, problems };
    }

    test('the signed-in page renders and works with no CSP or Trusted Types violation', async () => {
      const { page, problems } = await watchedPage();
      await page.goto(`${demo.url}/api/demo/users`);
      const status = await page.evaluate(
        `fetch('/api/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Session-Elements': '1' }, body: JSON.stringify({ email: 'ana@demo.test' }) }).then((r) => r.status)`,
      );
      assert.equal(status, 200);
      await page.goto(`${demo.url}/`);
      await page.locator('active-sessions [part~="item-current"]').waitFor();
      assert.ok((await page.locator('active-sessions [part~="item"]').count()) > 1, 'devices');

      await page.locator('account-switcher [part~="trigger"]').click();
      await page.getByRole('menu').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Sign out everywhere?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      // The demo panel (a separate module) rendered too.
      await page.getByRole('button', { name: 'Ana Sousa', exact: true }).waitFor();
      assert.deepEqual(await problems(), []);

      // The watch itself works: an HTML string into a sink is refused and reported.
      const sink = await page.evaluate(`(() => {
        try { document.createElement('div').innerHTML = '<b>x</b>'; return 'allowed'; }
        catch { return 'refused'; }
      })()`);
      assert.equal(sink, 'refused');
      // Chromium reports the violation in a task of its own, sometimes after the refusal returns.
      await page.waitForFunction(
        `window.cspViolations.some((seen) => seen.startsWith('require-trusted-types-for'))`,
        null,
        { timeout: 5_000 },
      );
    });

    test('a page on another local origin cannot frame the demo', async () => {
      framer = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(`<!doctype html><iframe src="${demo.url}/" title="demo"></iframe>`);
      });
      await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
      const framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
      const page = await (await chrome.newContext()).newPage();
      await page.goto(framerUrl);
      await page.locator('iframe').waitFor();
      // Give a frame that would load the time to do so.
      await page.waitForTimeout(1_500);
      const child = page.frames().find((frame) => frame !== page.mainFrame());
      assert.ok(child, 'the iframe exists');
      assert.ok(!child.url().startsWith(demo.url), `the frame was blocked (${child.url()})`);
      const rendered = await child
        .evaluate(`Boolean(document.querySelector('session-provider'))`)
        .catch(() => false);
      assert.equal(rendered, false, 'the demo page did not render inside the frame');
    });
  });
});

describe('sign-in rate limiting', () => {
  test('40 wrong passwords in a few seconds get 429s with Retry-After, even with made-up client IPs', async () => {
    const counts: Record<number, number> = {};
    const retryAfter: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      const answer = await raw('/api/auth/sign-in/email', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: demo.url,
          // The demo sets X-Forwarded-For from the socket; a client cannot pick its budget.
          'X-Forwarded-For': `203.0.113.${i + 1}`,
        },
        body: JSON.stringify({ email: 'ana@demo.test', password: `wrong-${i}` }),
      });
      counts[answer.status] = (counts[answer.status] ?? 0) + 1;
      if (answer.status === 429) retryAfter.push(String(answer.headers['retry-after']));
    }
    assert.ok(Date.now() - started < 30_000, 'the loop stays short');
    assert.ok((counts[429] ?? 0) >= 30, `mostly 429: ${JSON.stringify(counts)}`);
    assert.ok((counts[401] ?? 0) >= 1, `the first few are checked: ${JSON.stringify(counts)}`);
    for (const value of retryAfter) assert.match(value, /^[1-9]\d*$/, 'Retry-After in seconds');
    // The server keeps serving.
    assert.equal((await raw('/api/auth/ok')).status, 200);
    assert.equal((await raw('/')).status, 200);
  });
});
