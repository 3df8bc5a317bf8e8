import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { Session } from '../../src/core/types.js';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../demo/server.js';
import type { ChildProcess } from 'node:child_process';
import { RoundRobin, startInstance, stopInstance } from '../server/demo-instances.js';
import { createTestDatabase, readRows, type TestDatabase } from '../server/fixture.js';
import { instancesWanted } from '../server/round-robin.js';
import { storeKind } from '../server/stores.js';
// @ts-expect-error scripts/chromium.mjs is plain JavaScript without types.
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/**
 * The real demo server (better-auth + the kit's handler) driven by
 * headless Chromium. Each browser context is one device: its own cookie jar,
 * user agent and edge geo headers. Pages talk to the server only through the
 * kit's RestBackend, loaded through Vite like the demo page loads it. The
 * store is `SESSION_ELEMENTS_STORE`, as for the server tests: SQLite by
 * default, or a fresh database on this process's throwaway PostgreSQL (and Redis).
 */

export const DEVICES = {
  laptop: {
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
    geo: { 'cf-ipcity': 'Lisbon', 'cf-ipcountry': 'PT' },
  },
  phone: {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    geo: { 'cf-ipcity': 'Berlin', 'cf-ipcountry': 'DE' },
  },
  desktop: {
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
    geo: { 'cf-ipcity': 'Madrid', 'cf-ipcountry': 'ES' },
  },
  tablet: {
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
    geo: { 'x-vercel-ip-city': 'S%C3%A3o%20Paulo', 'x-vercel-ip-country': 'BR' },
  },
} as const;

export type DeviceName = keyof typeof DEVICES;

let dir: string;
let database: TestDatabase | undefined;
let demo: DemoServer | undefined;
/** With `SESSION_ELEMENTS_INSTANCES=2`: two demo processes and the balancer in front. */
const instances: ChildProcess[] = [];
let balancer: RoundRobin | undefined;
let chrome: Browser;
const contexts: BrowserContext[] = [];

/** The in-process demo server; the token checks need its better-auth. */
function local(): DemoServer {
  if (!demo) throw new Error('Only an in-process demo server (not two instances) can be read');
  return demo;
}

/** The running demo server's origin (or the balancer's), e.g. http://127.0.0.1:40123. */
export const demoUrl = () => balancer?.url ?? local().url;

/** False when sessions live only in Redis: an expired sign-in is gone there, not listed. */
export const demoKeepsExpiredSessions = () => storeKind() !== 'postgres+redis';

/** Every live session token the running demo server holds, wherever its store keeps them. */
export const demoSessionTokens = async () =>
  (await readRows(local().auth, 'session')).map((row) => row.token as string);

/** Whether the running demo server still holds the session `id`. */
export const demoHasSession = async (id: string) =>
  (await readRows(local().auth, 'session', { id })).length > 0;

/**
 * Starts a fresh demo server (own database) and Chromium for the calling test file; `trustProxy`
 * for apps that forward the session API to it with rewrites (Next.js).
 */
export function useDemoServer(options: Pick<DemoServerOptions, 'trustProxy'> = {}): void {
  before(() => startAll(options));
  after(stopAll);
}

async function startAll(options: Pick<DemoServerOptions, 'trustProxy'>): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'session-elements-e2e-'));
  const kind = storeKind();
  if (instancesWanted()) {
    assert.equal(kind, 'postgres+redis', 'two instances share PostgreSQL and Redis');
    await startInstances();
  } else if (kind === 'sqlite') {
    demo = await startDemoServer({ ...options, port: 0, dbPath: join(dir, 'demo.db'), seed: true });
  } else {
    database = await createTestDatabase(kind);
    const { databaseUrl, redisUrl } = database;
    demo = await startDemoServer({
      ...options,
      port: 0,
      databaseUrl,
      ...(redisUrl ? { redisUrl } : {}),
    });
    assert.equal(demo.store, kind);
  }
  assert.match(demoUrl(), /^http:\/\/127\.0\.0\.1:\d+$/);
  const executablePath = findChromium();
  assert.ok(executablePath, 'a Chromium is installed (npm test installs one)');
  chrome = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Two demo processes on one fresh PostgreSQL database and Redis (each with its
 * Redis bus), behind a balancer that alternates them on every request: a page
 * and its API calls never stay on one instance.
 */
async function startInstances(): Promise<void> {
  database = await createTestDatabase('postgres+redis');
  const env = {
    DATABASE_URL: database.databaseUrl,
    REDIS_URL: database.redisUrl ?? '',
    SESSION_ELEMENTS_DEMO_DATA: dir,
    // What they build in a temp directory goes with ours, also when one of them is killed.
    TMPDIR: dir,
  };
  const started = [startInstance(env), startInstance(env)];
  instances.push(...started.map((s) => s.child));
  const [a, b] = await Promise.all(started.map((s) => s.url));
  balancer = new RoundRobin([
    { name: 'a', url: a! },
    { name: 'b', url: b! },
  ]);
  await balancer.listen();
}

/**
 * Kills the demo instance named `name` ('a' or 'b') as a crash would (SIGKILL: no stream is
 * ended politely); the balancer then sends everything to the other.
 */
export async function killDemoInstance(name: string): Promise<void> {
  const child = instances[['a', 'b'].indexOf(name)];
  assert.ok(child, `no demo instance ${name} (SESSION_ELEMENTS_INSTANCES=2 only)`);
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await gone;
}

async function stopAll(): Promise<void> {
  for (const context of contexts) await context.close().catch(() => {});
  await chrome?.close();
  await balancer?.close();
  await Promise.all(instances.map(stopInstance));
  await demo?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
}

/** A new device with an empty cookie jar, on a same-origin page of the demo. */
export async function device(name: DeviceName): Promise<Page> {
  const { userAgent, geo } = DEVICES[name];
  // The tests inject scripts (axe, string predicates) that the demo's CSP rightly refuses;
  // the CSP itself is tested in test/security/server/demo.test.ts.
  const context = await chrome.newContext({ userAgent, extraHTTPHeaders: geo, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${demoUrl()}/api/demo/users`);
  return page;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; status?: number };

/** Calls a RestBackend method inside the page (a string, so no test-side transpilation leaks in). */
export async function backend<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const outcome = (await page.evaluate(`(async () => {
    const { RestBackend } = await import('/src/backends/rest.ts');
    const backend = new RestBackend({ baseUrl: '/api/session' });
    try {
      const value = await backend[${JSON.stringify(method)}](...${JSON.stringify(args)}, { signal: new AbortController().signal });
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      return { ok: false, code: error.code, status: error.status };
    }
  })()`)) as Outcome<T>;
  if (!outcome.ok) throw Object.assign(new Error(`${method} failed: ${outcome.code}`), outcome);
  return outcome.value;
}

/** Signs the page's browser in as a seeded user, the way the demo panel does. */
export async function signIn(page: Page, email: string): Promise<void> {
  const status = await page.evaluate(
    `fetch('/api/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Session-Elements': '1' }, body: JSON.stringify({ email: ${JSON.stringify(email)} }) }).then((r) => r.status)`,
  );
  assert.equal(status, 200);
}

export const session = (page: Page) => backend<Session | null>(page, 'getSession');

export async function signedInDevice(name: DeviceName, email = 'ana@demo.test') {
  const page = await device(name);
  await signIn(page, email);
  const current = await session(page);
  assert.ok(current?.active_signin);
  return { page, id: current.active_signin.id, session: current };
}

/**
 * The text of `locator` as the user sees it. Rows use `content-visibility: auto`, and Chromium
 * lays out their content from the first frame after they are inserted: `innerText` read before
 * that frame (right after a wait for the row) is empty.
 */
export function renderedText(locator: Locator): Promise<string> {
  return locator.evaluate(
    (element: HTMLElement) =>
      new Promise<string>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.innerText))),
      ),
  );
}
