import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Session } from '../../../src/core/types.js';
import { SESSION_EVENTS } from '../../../src/events.js';
import {
  demoHasSession,
  demoSessionTokens,
  demoUrl,
  signedInDevice,
  signIn,
  useDemoServer,
} from '../../e2e/harness.js';
import {
  createAppWithAnaAndBen,
  createOrganization,
  type App,
  type Browser,
} from '../../server/fixture.js';
import { findAll } from './report.js';

/**
 * No session token leaves the server except in the browser's own HttpOnly
 * cookie. (a) Every route of the kit's handler, succeeding and failing, for
 * several browsers with several accounts: bodies and headers carry no token,
 * and a Set-Cookie only ever names a session of the browser it is sent to.
 * (b) The demo page in Chromium after listing devices, switching account,
 * revoking a device and getting a token: nothing a script can read (DOM with
 * every shadow root, storage, IndexedDB, cookies, BroadcastChannel, kit events,
 * console, network) holds a token.
 */

const scan = { places: 0, leaked: 0 };
after(() =>
  console.log(`security token-leak: scanned ${scan.places} places, leaked ${scan.leaked}`),
);

/** One place checked; a hit is counted, then fails the test with where it was. */
function check(where: string, text: string, tokens: Iterable<string>): void {
  scan.places++;
  const found = findAll(text, tokens);
  if (found.length) scan.leaked++;
  assert.deepEqual(found, [], `${where} carried a session token: ${text.slice(0, 300)}`);
}

describe('token leak, server side: every route, every browser', () => {
  let app: App;
  const everyToken = new Set<string>();
  const owned = new Map<Browser, Set<string>>();
  const remember = async () =>
    (await app.sessionTokens()).forEach((token) => everyToken.add(token));

  /** Runs a step and credits the sessions it created to the browser that made them. */
  async function as(browser: Browser, step: () => Promise<unknown>): Promise<void> {
    const before = new Set(await app.sessionTokens());
    await step();
    const mine = owned.get(browser) ?? new Set<string>();
    for (const token of await app.sessionTokens()) if (!before.has(token)) mine.add(token);
    owned.set(browser, mine);
    await remember();
  }

  before(async () => {
    ({ app } = await createAppWithAnaAndBen());
  });
  after(() => app?.close());

  test('bodies and headers carry no token; Set-Cookie names only the receiver’s sessions', async () => {
    const userId = async (email: string) => (await app.rows('user', { email }))[0]!.id as string;
    const ana = await userId('ana@example.com');
    const ben = await userId('ben@example.com');
    const org = await createOrganization(app, {
      name: 'Acme',
      slug: 'acme',
      members: [
        { userId: ana, role: 'owner' },
        { userId: ben, role: 'member' },
      ],
      teams: [{ name: 'Design', members: [ana, ben] }],
    });
    const home = app.browser();
    const anaPhone = app.browser({ userAgent: 'Mozilla/5.0 (iPhone) Mobile Safari/604.1' });
    const anaTablet = app.browser({ userAgent: 'Mozilla/5.0 (iPad) Safari/604.1' });
    const benPhone = app.browser({ userAgent: 'Mozilla/5.0 (Android 15) Chrome/141.0 Mobile' });
    const fresh = app.browser();
    const stranger = app.browser();
    await as(home, () => home.signIn('ben@example.com'));
    await as(home, () => home.signIn('ana@example.com'));
    await as(anaPhone, () => anaPhone.signIn('ana@example.com'));
    await as(anaTablet, () => anaTablet.signIn('ana@example.com'));
    await as(benPhone, () => benPhone.signIn('ben@example.com'));

    const session = (await home.get('/')).json as Session;
    const benOnHome = session.signins.find((s) => s.user?.id === ben)!.id;
    const anaOnHome = session.active_signin!.id;
    const tabletId = ((await anaTablet.get('/')).json as Session).active_signin!.id;

    // Reads, good and bad.
    for (const path of [
      '/',
      '/signins',
      '/signins?status=online',
      '/signins?status=expired',
      '/signins?status=offline',
      '/signins?page=2&pageSize=1',
      '/signins?pageSize=1000',
      '/organizations',
      `/workspaces?organizationId=${org.id}`,
      '/workspaces?organizationId=nope',
      '/token',
      '/token?template=convex',
      '/token?template=nope',
      '/nope',
    ]) {
      await as(home, () => home.get(path));
      await as(stranger, () => stranger.get(path));
    }
    // Refused mutations.
    await as(home, () => home.post('/sign-out', { all: true }, { origin: 'https://evil.example' }));
    await as(home, () => home.post('/sign-out', '[]'));
    await as(home, () => home.request('GET', '/api/session/sign-out'));
    await as(home, () => home.delete('/signins/nope'));
    await as(home, () => home.post('/switch-signin', { signInId: tabletId }));
    await as(stranger, () => stranger.post('/sign-out', {}));
    await as(fresh, () => fresh.post('/exchange-ticket', { ticket: 'nope' }));
    // Mutations that work.
    await as(home, () => home.post('/switch-organization', { organizationId: org.id }));
    await as(home, () => home.post('/switch-workspace', { workspaceId: org.teams[0] }));
    await as(home, () => home.post('/switch-signin', { signInId: benOnHome }));
    await as(home, () => home.get('/token?template=convex'));
    await as(home, () => home.post('/switch-signin', { signInId: anaOnHome }));
    const { token: ticket } = await app.auth.api.generateOneTimeToken({
      headers: home.cookieHeader(),
    });
    // The ticket stands for home's active session: redeeming it may hand fresh that session.
    owned.set(
      fresh,
      new Set(findAll(home.cookies.get('better-auth.session_token') ?? '', everyToken)),
    );
    await as(fresh, () => fresh.post('/exchange-ticket', { ticket }));
    await as(fresh, () => fresh.post('/exchange-ticket', { ticket }));
    await as(home, () => home.delete(`/signins/${tabletId}`));
    await as(anaTablet, () => anaTablet.get('/'));
    // Ana's phone ends Ana's session on home: home's next requests find it gone.
    await as(anaPhone, () => anaPhone.delete(`/signins/${anaOnHome}`));
    await as(home, () => home.get('/'));
    await as(home, () => home.get('/signins'));
    await as(anaPhone, () => anaPhone.post('/signins/revoke-others'));
    await as(benPhone, () => benPhone.post('/sign-out', { everywhere: true }));
    await as(home, () => home.get('/'));
    await as(fresh, () => fresh.post('/sign-out', { all: true }));
    await as(anaPhone, () => anaPhone.post('/sign-out', {}));
    await as(anaPhone, () => anaPhone.get('/'));

    assert.ok(everyToken.size >= 5, `saw ${everyToken.size} tokens`);
    let responses = 0;
    for (const [name, browser] of Object.entries({
      home,
      anaPhone,
      anaTablet,
      benPhone,
      fresh,
      stranger,
    })) {
      const mine = owned.get(browser) ?? new Set<string>();
      const others = [...everyToken].filter((token) => !mine.has(token));
      for (const r of browser.responses.filter((r) => r.path.startsWith('/api/session'))) {
        const where = `${name} ${r.path} (${r.status})`;
        const lines = r.headers.split('\n');
        const cookies = lines.filter((line) => line.startsWith('set-cookie:'));
        check(`${where} body`, r.body, everyToken);
        check(`${where} headers`, lines.filter((l) => !cookies.includes(l)).join('\n'), everyToken);
        check(`${where} Set-Cookie`, cookies.join('\n'), others);
        for (const line of cookies.filter((l) => /session_token/.test(l))) {
          assert.match(line, /;\s*HttpOnly/i, `${where}: ${line}`);
        }
        responses++;
      }
    }
    assert.ok(responses >= 50, `checked ${responses} responses`);
  });
});

/** JSON that tolerates cycles. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[cycle]';
      seen.add(v);
    }
    return v;
  });
}

/** Hooks installed before any page script: BroadcastChannel posts and every kit event, as JSON. */
const RECORDER = `(() => {
  const log = (window.__leakLog = []);
  const seen = () => {
    const objects = new WeakSet();
    return (key, value) => {
      if (value instanceof Error) return { name: value.name, message: value.message, ...value };
      if (typeof value === 'function') return '[function]';
      if (value && typeof value === 'object') {
        if (objects.has(value)) return '[cycle]';
        objects.add(value);
      }
      return value;
    };
  };
  const record = (kind, value) => {
    try {
      log.push(kind + ' ' + JSON.stringify(value, seen()));
    } catch (error) {
      log.push(kind + ' unserializable ' + String(error));
    }
  };
  const post = BroadcastChannel.prototype.postMessage;
  BroadcastChannel.prototype.postMessage = function (message) {
    record('broadcast:' + this.name, message);
    return post.call(this, message);
  };
  new BroadcastChannel('session-elements').addEventListener('message', (event) =>
    record('channel', event.data),
  );
  for (const name of ${JSON.stringify(SESSION_EVENTS)}) {
    document.addEventListener(name, (event) => record('event:' + name, event.detail), true);
  }
})();`;

/** Everything a script on the page can read, one labelled text per place. */
const READ_PAGE = `(async () => {
  const out = [];
  const walk = (node, parts) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      parts.push(node.nodeValue);
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      parts.push('<' + node.localName);
      for (const attribute of node.attributes) parts.push(attribute.name + '=' + attribute.value);
      if ('value' in node && typeof node.value === 'string') parts.push('value=' + node.value);
      if (node.shadowRoot) {
        parts.push('#shadow-root');
        walk(node.shadowRoot, parts);
      }
      if (node.localName === 'template') walk(node.content, parts);
    }
    for (const child of node.childNodes) walk(child, parts);
  };
  const dom = [];
  walk(document, dom);
  out.push(['DOM with shadow roots', dom.join('\\n')]);
  const storage = (store) => Object.keys(store).map((k) => k + '=' + store.getItem(k)).join('\\n');
  out.push(['localStorage', storage(localStorage)]);
  out.push(['sessionStorage', storage(sessionStorage)]);
  const databases = indexedDB.databases ? await indexedDB.databases() : [];
  out.push(['IndexedDB names', databases.map((d) => d.name).join('\\n')]);
  out.push(['document.cookie', document.cookie]);
  out.push(['performance entries', performance.getEntries().map((e) => e.name).join('\\n')]);
  out.push(['location and history', location.href + '\\n' + JSON.stringify(history.state)]);
  out.push(['BroadcastChannel and kit events', window.__leakLog.join('\\n')]);
  return out;
})()`;

/**
 * A token through the page's controller. A request still settling from the revoke may
 * change the session under it (documented: `session-changed`), so that one is asked again.
 */
async function pageToken(page: Page, template?: string): Promise<string> {
  return (await page.evaluate(`(async () => {
    const controller = document.querySelector('session-provider').sessionController;
    for (let attempt = 1; ; attempt++) {
      try {
        return await controller.getToken(${JSON.stringify(template)});
      } catch (error) {
        if (error.code !== 'session-changed' || attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  })()`)) as string;
}

describe('token leak, browser side: the demo page in Chromium', () => {
  useDemoServer();

  test('DOM, storage, cookies, channels, events, console and network hold no session token', async () => {
    const tokens = new Set<string>();
    const remember = async () => (await demoSessionTokens()).forEach((t) => tokens.add(t));
    const desktop = await signedInDevice('desktop');
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    await remember();
    const page = laptop.page;
    const heard: string[] = [];
    await page.addInitScript(RECORDER);
    const pending: Promise<unknown>[] = [];
    // The text of a console message only previews objects: their values are read in full too.
    page.on('console', (message) => {
      heard.push(`console.${message.type()}: ${message.text()}`);
      pending.push(
        Promise.all(message.args().map((arg) => arg.jsonValue().catch(String))).then((values) =>
          heard.push(`console args: ${safeJson(values)}`),
        ),
      );
    });
    page.on('pageerror', (error) => heard.push(`pageerror: ${error.message}`));
    page.on('request', (request) => heard.push(`request: ${request.url()} ${request.postData()}`));
    page.on('response', (response) => {
      const headers = Object.entries(response.headers()).filter(([k]) => k !== 'set-cookie');
      heard.push(`response: ${response.url()} ${JSON.stringify(headers)}`);
      // The live-update stream never ends; test/server/events.test.ts scans its events for tokens.
      if (response.url().includes('/api/session') && !response.url().endsWith('/events')) {
        pending.push(
          response
            .text()
            .then((body) => heard.push(`response body: ${body}`))
            .catch(() => {}),
        );
      }
    });

    // List devices.
    await page.goto(`${demoUrl()}/`);
    await page.locator('active-sessions [part~="item-current"]').waitFor();
    // Switch account, from Ben to Ana.
    const trigger = page.locator('account-switcher [part~="trigger"]');
    await page.locator('account-switcher [part~="trigger"]', { hasText: 'Ben Okafor' }).waitFor();
    await trigger.click();
    await page.getByRole('menu').waitFor();
    await page.getByRole('menuitemradio', { name: /Ana Sousa/ }).click();
    await page.locator('account-switcher [part~="trigger"]', { hasText: 'Ana Sousa' }).waitFor();
    // Revoke Ana's desktop.
    const revoke = { name: 'Sign out of Firefox 132 on Ubuntu' };
    await page.getByRole('button', revoke).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', revoke).waitFor({ state: 'detached' });
    // Get tokens through the page's controller, as an app would.
    for (const template of [undefined, 'api']) {
      assert.match(await pageToken(page, template), /^eyJ/, 'the page got a JWT');
    }
    assert.equal(await demoHasSession(desktop.id), false, 'the desktop was really revoked');
    await remember();
    assert.ok(tokens.size >= 3, `the demo database held ${tokens.size} tokens`);

    const cookies = await page.context().cookies();
    const sessionCookies = cookies.filter((c) => /session_token/.test(c.name));
    assert.ok(sessionCookies.length >= 1, cookies.map((c) => c.name).join(', '));
    for (const cookie of sessionCookies) assert.equal(cookie.httpOnly, true, cookie.name);

    const places = (await page.evaluate(READ_PAGE)) as [string, string][];
    // The open live-update stream would keep the network busy for ever: end it first.
    await page.evaluate(`document.querySelector('session-provider').sessionController.dispose()`);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    assert.ok(
      heard.some((line) => line.startsWith('console args:') && line.includes('@demo.test')),
      'the console was heard in full',
    );
    const events = places.find(([where]) => where.startsWith('BroadcastChannel'))![1];
    assert.match(events, /event:account-switched/, 'the recorder heard the kit');
    assert.match(events, /broadcast:session-elements|channel /, 'the recorder heard the channel');
    for (const [where, text] of places) check(`page ${where}`, text, tokens);
    for (const line of heard) check(line.slice(0, 60), line, tokens);
  });
});
