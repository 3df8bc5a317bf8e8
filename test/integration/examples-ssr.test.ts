import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { demoUrl, device, renderedText, signIn, useDemoServer } from '../e2e/harness.js';

/**
 * The server-rendered example apps (examples/next, examples/astro) as their users run them:
 * installed from their own lockfiles, built for production, served by their own servers on
 * loopback, and driven in headless Chromium against the real demo server, which they reach
 * through the app's own origin (Next.js rewrites, an Astro endpoint). Each page renders
 * `<session-provider initial-session>` with the session the server read with the request's
 * cookies, and the test watches every frame from navigation on: the branch of the other state
 * must never be visible, not even for one frame.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplePath = (...parts: string[]) => join(ROOT, 'examples', ...parts);

interface App {
  name: 'next' | 'astro';
  /** The production build, run in the example's folder. */
  build: string[];
  /** The production server on `port`, run in the example's folder. */
  start: (port: number) => { command: string[]; env: Record<string, string> };
}

const bin = (app: string, tool: string) => examplePath(app, 'node_modules', '.bin', tool);

const APPS: App[] = [
  {
    name: 'next',
    build: [bin('next', 'next'), 'build'],
    start: (port) => ({
      command: [bin('next', 'next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)],
      env: {},
    }),
  },
  {
    name: 'astro',
    build: [bin('astro', 'astro'), 'build'],
    start: (port) => ({
      command: [process.execPath, 'dist/server/entry.mjs'],
      env: { HOST: '127.0.0.1', PORT: String(port) },
    }),
  },
];

/** `npm ci` in the example when its lockfile is newer than what is installed. */
function ensurePackages(name: string): void {
  const lock = examplePath(name, 'package-lock.json');
  const installed = examplePath(name, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  const npm = spawnSync(
    'npm',
    ['ci', '--prefix', examplePath(name), '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  assert.equal(npm.status, 0, `npm ci in examples/${name}`);
}

/** Runs a command to its end; its output goes to the test's log only when it fails. */
function run(command: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`${command.join(' ')} exited ${code}\n${output}`)),
    );
  });
}

/** A port nobody listens on right now, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const servers: ChildProcess[] = [];

/** Starts the app's production server; resolves with its origin once it answers. */
async function serve(app: App): Promise<string> {
  const port = await freePort();
  const { command, env } = app.start(port);
  const child = spawn(command[0]!, command.slice(1), {
    cwd: examplePath(app.name),
    env: { ...process.env, ...appEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    assert.equal(child.exitCode, null, `${app.name} server exited\n${output}`);
    const answered = await fetch(`${origin}/`).then(
      (response) => response.status,
      () => 0,
    );
    if (answered === 200) return origin;
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`${app.name} server did not answer within 30 s\n${output}`);
}

/** What the apps read at build and at run time: where the session API is. */
const appEnv = () => ({
  SESSION_API_ORIGIN: demoUrl(),
  NEXT_TELEMETRY_DISABLED: '1',
  // Not whatever the test runner or Vite left in this process's NODE_ENV.
  NODE_ENV: 'production',
  ASTRO_TELEMETRY_DISABLED: '1',
});

useDemoServer({ trustProxy: true });

const origins = new Map<string, string>();
const timings: string[] = [];

/** Runs `step` and notes how long it took. */
async function timed<T>(label: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await step();
  timings.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return value;
}

/** Errors the page throws or logs, and any warning about hydration. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /hydrat/i.test(message.text()))
      errors.push(`console ${message.type()}: ${message.text()} ${message.location().url}`);
  });
  return errors;
}

/**
 * Every script the page loads from `origin`, gzipped; `total()` waits for the bodies still
 * being read and adds them up.
 */
function recordScripts(page: Page, origin: string): { total(): Promise<number> } {
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    if (!response.url().startsWith(origin)) return;
    sizes.push(response.body().then((body) => gzipSync(body).length));
  });
  return {
    total: async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0),
  };
}

interface Flash {
  /** ms since navigation start of the first frame with the tags defined. */
  definedAt: number | null;
  /** ms since navigation start when the right branch was first visible. */
  rightAt: number | null;
  /** How long the wrong branch was visible in all, in ms. */
  wrongMs: number;
  /** Whether any frame showed the wrong branch. */
  wrongSeen: boolean;
  /** Frames sampled. */
  samples: number;
}

/**
 * Watches every frame from before the first byte is parsed: is the element `#wrong` (the other
 * state's branch) visible, and when does `#right` first show. Sampled in requestAnimationFrame,
 * which runs right before each paint and not while stylesheets still block rendering, so what
 * it sees is what the user sees.
 */
async function watchFlash(page: Page, right: string, wrong: string): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const flash = { definedAt: null, rightAt: null, wrongMs: 0, wrongSeen: false, samples: 0 };
      window.__flash = flash;
      const visible = (id) => document.getElementById(id)?.checkVisibility() ?? false;
      let wrongSince = null;
      const sample = () => {
        const now = performance.now();
        flash.samples++;
        if (visible(${JSON.stringify(wrong)})) {
          flash.wrongSeen = true;
          wrongSince ??= now;
        } else if (wrongSince !== null) {
          flash.wrongMs += now - wrongSince;
          wrongSince = null;
        }
        if (flash.rightAt === null && visible(${JSON.stringify(right)})) flash.rightAt = now;
        if (flash.definedAt === null && customElements.get('signed-in')) flash.definedAt = now;
      };
      const frame = () => { sample(); requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    })();`,
  });
}

const readFlash = (page: Page) => page.evaluate('window.__flash') as Promise<Flash>;

/**
 * The JavaScript the app loads on a page without the kit (its 404 page), gzipped: what the
 * framework costs anyway, subtracted to get what the kit and the page add.
 */
async function baselineScripts(origin: string): Promise<number> {
  const page = await device('desktop');
  const scripts = recordScripts(page, origin);
  await page.goto(`${origin}/no-such-page`);
  await page.waitForLoadState('load');
  return scripts.total();
}

/** The app's page as the server renders it for this browser's cookies, quotes unescaped. */
const pageHtml = async (page: Page, origin: string) =>
  (await (await page.request.get(`${origin}/`)).text()).replace(/&quot;|&#34;/g, '"');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('the server-rendered examples, built, against the real demo server', () => {
  // In the suite: the demo server (a root-level hook) is up before the apps build against it.
  before(async () => {
    // The apps import the kit's package build (dist/), as an installed package resolves.
    // emptyOutDir off: the CDN file other tests build into dist/ stays.
    await timed('kit build', () =>
      build({
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'warn',
        build: { emptyOutDir: false },
      }),
    );
    for (const app of APPS) {
      await timed(`${app.name} install`, () => ensurePackages(app.name));
      await timed(`${app.name} build`, () => run(app.build, examplePath(app.name), appEnv()));
      origins.set(app.name, await timed(`${app.name} start`, () => serve(app)));
    }
  });

  after(async () => {
    for (const child of servers) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((wait) => setTimeout(wait, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  for (const app of APPS) {
    test(`${app.name}: signed in with two accounts, the right branch from the first frame; strings, switch, revoke and both handlers after hydration`, async (t) => {
      const origin = origins.get(app.name)!;
      const page = await device('laptop');
      await signIn(page, 'ben@demo.test');
      await signIn(page, 'ana@demo.test');
      const errors = recordErrors(page);
      const scripts = recordScripts(page, origin);
      await watchFlash(page, 'signed-in', 'signed-out');
      // Cookies belong to the host, not the port: the app on its own port shares the sign-in.
      const html = await pageHtml(page, origin);
      assert.match(
        html,
        /<session-provider[^>]* initial-session="\{"active_signin":\{"id":/,
        'the server rendered the session it read with the cookies',
      );
      await page.goto(`${origin}/`);

      const current = page.locator('active-sessions [part~="item-current"]', {
        hasText: 'Chrome 141 on macOS',
      });
      await current.waitFor();
      const flash = await readFlash(page);
      assert.equal(flash.wrongSeen, false, 'the signed-out branch never showed');
      assert.equal(flash.wrongMs, 0);
      // initial-session: the first frame with the tags defined already shows the account.
      assert.equal(flash.rightAt, flash.definedAt, 'no loading frame before the signed-in branch');

      // Strings set from the server-rendered page survived hydration.
      assert.match(await renderedText(current), /Chrome 141 on macOS[\s\S]*You are here/);
      assert.equal(await page.locator('active-sessions [part~="item"]').count(), 5, 'page-size 5');

      // A device revoked through the dialog; the page's signin-revoked handler runs.
      const row = page
        .locator('active-sessions [part~="item"]:not([part~="item-current"])')
        .first();
      await row.locator('[part~="revoke-button"]').click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
      await page.locator('#last-revoke', { hasText: 'Signed out 1 device' }).waitFor();

      // The switcher's own strings, and the account-switched handler.
      const trigger = page.locator('account-switcher [part~="trigger"]');
      assert.match(await trigger.innerText(), /Ana Sousa/);
      await trigger.click();
      await page.getByRole('group', { name: 'Your accounts here' }).waitFor();
      await page.getByRole('menuitemradio', { name: /Ben Okafor/ }).click();
      await page.locator('#last-switch', { hasText: 'Switched to Ben' }).waitFor();
      await page.waitForFunction(
        `document.querySelector('account-switcher').shadowRoot.querySelector('[part~="trigger"]').textContent.includes('Ben Okafor')`,
      );
      assert.deepEqual(errors, []);

      const loaded = await scripts.total();
      const baseline = await baselineScripts(origin);
      t.diagnostic(`set-up: ${timings.join(', ')}`);
      t.diagnostic(
        `${app.name}: tags defined at ${Math.round(flash.definedAt!)} ms, right branch at ` +
          `${Math.round(flash.rightAt!)} ms, wrong branch shown ` +
          `${flash.wrongMs} ms (${flash.samples} frames); client JS: ${kb(loaded)} gzip loaded ` +
          `by the page, ${kb(baseline)} by a page without the kit: the kit and page add ` +
          kb(loaded - baseline),
      );
    });

    test(`${app.name}: signed out, the signed-in branch never shows`, async (t) => {
      const page = await device('phone');
      const errors = recordErrors(page);
      await watchFlash(page, 'signed-out', 'signed-in');
      const origin = origins.get(app.name)!;
      const html = await pageHtml(page, origin);
      assert.match(html, /<session-provider[^>]* initial-session="null"/);
      await page.goto(`${origin}/`);
      await page.locator('#signed-out').waitFor();
      // Long enough for the browser's own revalidation to have answered.
      await page.waitForTimeout(500);
      const flash = await readFlash(page);
      assert.equal(flash.wrongSeen, false, 'the signed-in branch never showed');
      assert.equal(flash.wrongMs, 0);
      assert.equal(await page.locator('account-switcher [part~="trigger"]').count(), 0);
      assert.deepEqual(errors, []);
      t.diagnostic(
        `${app.name} signed out: tags defined at ${Math.round(flash.definedAt!)} ms, right ` +
          `branch at ${Math.round(flash.rightAt!)} ms, wrong branch shown 0 ms`,
      );
    });
  }
});
