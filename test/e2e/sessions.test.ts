import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type {
  Organization,
  Page as ListPage,
  Session,
  SignIn,
  Workspace,
} from '../../src/core/types.js';
import { startDemoServer, type DemoServer } from '../../demo/server.js';
// @ts-expect-error scripts/chromium.mjs is plain JavaScript without types.
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/**
 * The real demo server (better-auth + SQLite + the kit's handler) driven by
 * headless Chromium. Each browser context is one device: its own cookie jar,
 * user agent and edge geo headers. Pages talk to the server only through the
 * kit's RestBackend, loaded through Vite like the demo page loads it.
 */

const DEVICES = {
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
  tablet: {
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
    geo: { 'x-vercel-ip-city': 'S%C3%A3o%20Paulo', 'x-vercel-ip-country': 'BR' },
  },
} as const;

type DeviceName = keyof typeof DEVICES;

let dir: string;
let demo: DemoServer;
let chrome: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'session-elements-e2e-'));
  demo = await startDemoServer({ port: 0, dbPath: join(dir, 'demo.db'), seed: true });
  assert.match(demo.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const executablePath = findChromium();
  assert.ok(executablePath, 'a Chromium is installed (npm test installs one)');
  chrome = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await chrome?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A new device with an empty cookie jar, on a same-origin page of the demo. */
async function device(name: DeviceName): Promise<Page> {
  const { userAgent, geo } = DEVICES[name];
  const context = await chrome.newContext({ userAgent, extraHTTPHeaders: geo });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${demo.url}/api/demo/users`);
  return page;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; status?: number };

/** Calls a RestBackend method inside the page (a string, so no test-side transpilation leaks in). */
async function backend<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
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
async function signIn(page: Page, email: string): Promise<void> {
  const status = await page.evaluate(
    `fetch('/api/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Session-Elements': '1' }, body: JSON.stringify({ email: ${JSON.stringify(email)} }) }).then((r) => r.status)`,
  );
  assert.equal(status, 200);
}

const session = (page: Page) => backend<Session | null>(page, 'getSession');

async function signedInDevice(name: DeviceName, email = 'ana@demo.test') {
  const page = await device(name);
  await signIn(page, email);
  const current = await session(page);
  assert.ok(current?.active_signin);
  return { page, id: current.active_signin.id, session: current };
}

describe('a real browser against the demo server', () => {
  test('signed out, the session is null; after signing in it is the seeded user', async () => {
    const page = await device('laptop');
    assert.equal(await session(page), null);
    await signIn(page, 'ana@demo.test');
    const current = await session(page);
    assert.equal(current?.active_signin?.user?.first_name, 'Ana');
    assert.equal(current?.active_signin?.user?.last_name, 'Sousa');
    assert.match(current?.active_signin?.user?.profile_picture_url ?? '', /^data:image\/svg\+xml,/);
    assert.equal(current?.active_signin?.current, true);
    assert.equal(current?.active_signin?.city, 'Lisbon');
    assert.equal(current?.active_signin?.country, 'Portugal');
    assert.equal(current?.active_signin?.userAgent, DEVICES.laptop.userAgent);
    assert.deepEqual(
      current?.signins.map((s) => s.id),
      [current?.active_signin?.id],
    );
  });

  test('sign-ins from other devices appear in listSignins with their device and place', async () => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    const tablet = await signedInDevice('tablet');
    const page = await backend<ListPage<SignIn>>(laptop.page, 'listSignins', {
      page: 1,
      pageSize: 100,
    });
    assert.equal(page.items[0]?.id, laptop.id, 'this device first');
    const byId = new Map(page.items.map((s) => [s.id, s]));
    assert.equal(byId.get(phone.id)?.city, 'Berlin');
    assert.equal(byId.get(phone.id)?.userAgent, DEVICES.phone.userAgent);
    assert.equal(byId.get(tablet.id)?.city, 'São Paulo');
    assert.equal(byId.get(tablet.id)?.countryCode, 'BR');
    assert.ok(
      page.items.some((s) => s.city === 'Tokyo'),
      'seeded devices are listed too',
    );
    const online = await backend<ListPage<SignIn>>(laptop.page, 'listSignins', {
      pageSize: 100,
      status: 'online',
    });
    assert.ok(online.items.some((s) => s.id === phone.id));
    assert.ok(
      !online.items.some((s) => s.city === 'Tokyo'),
      'a device idle for weeks is not online',
    );
    const expired = await backend<ListPage<SignIn>>(laptop.page, 'listSignins', {
      pageSize: 100,
      status: 'expired',
    });
    assert.ok(expired.total >= 1);
  });

  test('revoking a device by id signs that device out', async () => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    await backend(laptop.page, 'removeSignin', phone.id);
    assert.equal(await session(phone.page), null);
    assert.ok(await session(laptop.page));
    const list = await backend<ListPage<SignIn>>(laptop.page, 'listSignins', { pageSize: 100 });
    assert.ok(!list.items.some((s) => s.id === phone.id));
  });

  test('switching between accounts on this browser', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    const both = await session(laptop.page);
    assert.equal(both?.active_signin?.user?.first_name, 'Ben');
    assert.deepEqual(both?.signins.map((s) => s.user?.first_name).sort(), ['Ana', 'Ben']);
    const switched = await backend<Session>(laptop.page, 'switchSignIn', laptop.id);
    assert.equal(switched.active_signin?.user?.first_name, 'Ana');
    assert.equal((await session(laptop.page))?.active_signin?.id, laptop.id);
  });

  test('switching organization and workspace', async () => {
    const laptop = await signedInDevice('laptop');
    const orgs = await backend<Organization[]>(laptop.page, 'listOrganizations');
    assert.deepEqual(orgs.map((o) => o.name).sort(), ['Acme Inc', 'Globex Research']);
    const acme = orgs.find((o) => o.slug === 'acme')!;
    const afterOrg = await backend<Session>(laptop.page, 'switchOrganization', acme.id);
    assert.equal(afterOrg.active_signin?.active_organization_membership_id, acme.membership_id);
    const workspaces = await backend<Workspace[]>(laptop.page, 'listWorkspaces', undefined);
    assert.deepEqual(workspaces.map((w) => w.name).sort(), ['Design', 'Marketing', 'Platform']);
    const design = workspaces.find((w) => w.name === 'Design')!;
    const afterWorkspace = await backend<Session>(laptop.page, 'switchWorkspace', design.id);
    assert.equal(
      afterWorkspace.active_signin?.active_workspace_membership_id,
      design.membership_id,
    );
    const personal = await backend<Session>(laptop.page, 'switchOrganization', null);
    assert.equal(personal.active_signin?.active_organization_membership_id, undefined);
  });

  test('getToken returns a JWT that verifies against the server JWKS', async () => {
    const laptop = await signedInDevice('laptop');
    const { token, expiresAt } = await backend<{ token: string; expiresAt: number }>(
      laptop.page,
      'getToken',
      undefined,
    );
    const jwks = createRemoteJWKSet(new URL(`${demo.url}/api/auth/jwks`));
    const { payload } = await jwtVerify(token, jwks);
    assert.equal(payload.sub, laptop.session.active_signin?.user?.id);
    assert.equal(expiresAt, (payload.exp ?? 0) * 1000);
  });

  test('sign out one account on this browser: the other account stays', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    await backend(laptop.page, 'signOut', { signInId: laptop.id });
    const left = await session(laptop.page);
    assert.deepEqual(
      left?.signins.map((s) => s.user?.first_name),
      ['Ben'],
    );
  });

  test('sign out all accounts on this browser: other devices stay signed in', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    const phone = await signedInDevice('phone');
    await backend(laptop.page, 'signOut', { all: true });
    assert.equal(await session(laptop.page), null);
    assert.ok(await session(phone.page));
  });

  test('revoke others, then sign out everywhere', async () => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    const tablet = await signedInDevice('tablet');
    const { revoked } = await backend<{ revoked: number }>(laptop.page, 'revokeOtherSignins');
    assert.ok(revoked >= 2);
    assert.equal(await session(phone.page), null);
    assert.equal(await session(tablet.page), null);
    const listed = await backend<ListPage<SignIn>>(laptop.page, 'listSignins', {
      status: 'online',
    });
    assert.deepEqual(
      listed.items.map((s) => s.id),
      [laptop.id],
    );

    const again = await signedInDevice('phone');
    await backend(laptop.page, 'signOut', { everywhere: true });
    assert.equal(await session(laptop.page), null);
    assert.equal(await session(again.page), null);
  });

  test('the demo panel mounts itself, signs in as a seeded user and toggles the theme', async () => {
    const page = await device('laptop');
    await page.addScriptTag({ type: 'module', url: '/demo/panel.ts' });
    const panel = page.getByRole('complementary', { name: /Demo controls/ });
    // The panel reloads the page once the sign-in went through.
    await Promise.all([
      page.waitForEvent('framenavigated'),
      panel.getByRole('button', { name: 'Ben Okafor' }).click(),
    ]);
    await page.waitForLoadState('load');
    assert.equal((await session(page))?.active_signin?.user?.first_name, 'Ben');
    await page.addScriptTag({ type: 'module', url: '/demo/panel.ts' });
    await page.getByRole('button', { name: 'Toggle light / dark' }).click();
    assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'dark');
    const before = await backend<ListPage<SignIn>>(page, 'listSignins', { pageSize: 100 });
    await page.getByRole('button', { name: 'Simulate a sign-in from another device' }).click();
    await page.getByRole('status').filter({ hasText: 'New sign-in from' }).waitFor();
    const after = await backend<ListPage<SignIn>>(page, 'listSignins', { pageSize: 100 });
    assert.equal(after.total, before.total + 1, 'one more sign-in, from another device');
    const added = after.items.find((s) => !before.items.some((b) => b.id === s.id));
    assert.ok(added?.city && added.current === false);
  });
});
