import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Session } from '../../src/core/types.js';
import {
  createApp,
  createAppWithAnaAndBen,
  createOrganization,
  sessionCount,
  type App,
} from './fixture.js';

function errorCode(json: unknown): string | undefined {
  return (json as { error?: { code?: string } } | undefined)?.error?.code;
}

describe('CSRF: a mutation that is not ours changes nothing', () => {
  let app: App;
  let laptop: ReturnType<App['browser']>;
  let phoneId: string;
  before(async () => {
    app = await createApp({ handler: { trustedOrigins: ['https://app.example.com'] } });
    await app.signUp('Ana Sousa', 'ana@example.com');
    laptop = app.browser();
    await laptop.signIn('ana@example.com');
    const phone = app.browser();
    await phone.signIn('ana@example.com');
    phoneId = ((await phone.get('/')).json as Session).active_signin!.id;
  });
  after(() => app.close());

  const attempts: [string, number, string, Record<string, string | null>, string?][] = [
    ['without the X-Session-Elements header', 403, 'forbidden', { 'x-session-elements': null }],
    ['with a wrong X-Session-Elements value', 403, 'forbidden', { 'x-session-elements': 'yes' }],
    ['from a foreign Origin', 403, 'forbidden', { origin: 'https://evil.example' }],
    ['without an Origin', 403, 'forbidden', { origin: null }],
    ['with Origin: null', 403, 'forbidden', { origin: 'null' }],
    ['as a form post', 415, 'unsupported', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['as text/plain', 415, 'unsupported', { 'content-type': 'text/plain' }],
  ];

  for (const [name, status, code, headers] of attempts) {
    test(`revoke-others ${name} → ${status}`, async () => {
      const before = sessionCount(app);
      const response = await laptop.post('/signins/revoke-others', {}, headers);
      assert.equal(response.status, status);
      assert.equal(errorCode(response.json), code);
      assert.equal(sessionCount(app), before);
    });
    test(`revoke one ${name} → ${status}`, async () => {
      const response = await laptop.delete(`/signins/${phoneId}`, headers);
      assert.equal(response.status, status);
      assert.ok(app.db.prepare('select 1 from session where id = ?').get(phoneId), 'still there');
    });
  }

  test('a trusted cross-origin page may mutate', async () => {
    const response = await laptop.post(
      '/switch-organization',
      { organizationId: null },
      { origin: 'https://app.example.com' },
    );
    assert.equal(response.status, 200);
  });

  test('GET (or any other method) on a mutation route is 405 with Allow, and signs nobody out', async () => {
    for (const method of ['GET', 'PUT', 'PATCH']) {
      const response = await laptop.request(method, '/api/session/sign-out');
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'POST');
      assert.equal(errorCode(response.json), 'unsupported');
    }
    const get = await laptop.request('GET', `/api/session/signins/${phoneId}`);
    assert.equal(get.status, 405);
    assert.equal((await laptop.get('/')).status, 200);
    assert.ok(app.db.prepare('select 1 from session where id = ?').get(phoneId));
  });

  test('malformed JSON is 400 and changes nothing', async () => {
    for (const body of ['{"all": tru', '[]', '"everywhere"', 'null']) {
      const response = await laptop.post('/sign-out', body);
      assert.equal(response.status, 400, body);
      assert.equal(errorCode(response.json), 'bad-request');
    }
    assert.equal((await laptop.get('/')).status, 200);
  });

  test('unknown paths are 404 in the error shape', async () => {
    const response = await laptop.get('/nope');
    assert.equal(response.status, 404);
    assert.equal(errorCode(response.json), 'not-found');
  });
});

describe('no session token ever leaves the server', () => {
  test('through any route, in any body or header but the HttpOnly cookie itself', async () => {
    const { app, ana, ben } = await createAppWithAnaAndBen();
    try {
      await createOrganization(app, {
        name: 'Acme',
        slug: 'acme',
        members: [
          { userId: ana, role: 'owner' },
          { userId: ben, role: 'member' },
        ],
        teams: [{ name: 'Design', members: [ana, ben] }],
      });
      const tokens = new Set<string>();
      const remember = () => app.tokens().forEach((t) => tokens.add(t));
      const browser = app.browser();
      const phone = app.browser();
      await browser.signIn('ana@example.com');
      await browser.signIn('ben@example.com');
      await phone.signIn('ben@example.com');
      const other = app.browser();
      await other.signIn('ben@example.com');
      remember();
      const session = (await browser.get('/')).json as Session;
      const anaSignIn = session.signins.find((s) => s.user?.id === ana)!;
      const orgs = (await browser.get('/organizations')).json as { id: string }[];
      const teams = (await browser.get(`/workspaces?organizationId=${orgs[0]!.id}`)).json as {
        id: string;
      }[];
      await browser.get('/signins');
      await browser.get('/signins?status=online');
      await browser.get('/token');
      await browser.get('/token?template=convex');
      await browser.post('/switch-organization', { organizationId: orgs[0]!.id });
      await browser.post('/switch-workspace', { workspaceId: teams[0]!.id });
      await browser.post('/switch-signin', { signInId: anaSignIn.id });
      await browser.post('/switch-signin', { signInId: session.active_signin!.id });
      const phoneId = ((await phone.get('/')).json as Session).active_signin!.id;
      await browser.delete(`/signins/${phoneId}`);
      const { token: ticket } = await app.auth.api.generateOneTimeToken({
        headers: browser.cookieHeader(),
      });
      const fresh = app.browser();
      await fresh.post('/exchange-ticket', { ticket });
      remember();
      await browser.post('/signins/revoke-others');
      await browser.post('/sign-out', { signInId: anaSignIn.id });
      await browser.post('/sign-out', { everywhere: true });
      await fresh.post('/sign-out', { all: true });
      remember();

      assert.ok(tokens.size >= 4, `saw ${tokens.size} tokens`);
      let checked = 0;
      for (const b of [browser, phone, other, fresh]) {
        // better-auth's own /api/auth routes answer sign-in with the token; the kit's never do.
        for (const response of b.responses.filter((r) => r.path.startsWith('/api/session'))) {
          const headers = response.headers
            .split('\n')
            .filter((line) => !line.startsWith('set-cookie:'))
            .join('\n');
          for (const token of tokens) {
            assert.ok(
              !response.body.includes(token),
              `a response body carried a session token: ${response.body.slice(0, 120)}`,
            );
            assert.ok(!headers.includes(token), 'a response header carried a session token');
          }
          checked++;
        }
      }
      assert.ok(checked >= 15, `checked ${checked} responses`);
    } finally {
      app.close();
    }
  });
});

describe('rate limiting', () => {
  test("better-auth's 429 reaches the browser with Retry-After; mutations are not held by it", async () => {
    const app = await createApp({
      auth: {
        rateLimit: {
          enabled: true,
          window: 60,
          max: 100,
          customRules: { '/get-session': { window: 30, max: 2 } },
        },
      },
    });
    try {
      await app.signUp('Ana Sousa', 'ana@example.com');
      const browser = app.browser({ headers: { 'x-forwarded-for': '198.51.100.20' } });
      await browser.signIn('ana@example.com');
      assert.equal((await browser.get('/')).status, 200);
      assert.equal((await browser.get('/signins')).status, 200);
      const limited = await browser.get('/');
      assert.equal(limited.status, 429);
      assert.equal(errorCode(limited.json), 'rate-limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After: ${retryAfter}`);
      // Revoking must never wait on a budget that others sharing the IP can spend.
      const before = sessionCount(app);
      assert.equal((await browser.post('/sign-out', { all: true })).status, 200);
      assert.equal(sessionCount(app), before - 1, 'signed out despite the spent read budget');
      const elsewhere = app.browser({ headers: { 'x-forwarded-for': '198.51.100.21' } });
      assert.equal((await elsewhere.get('/')).status, 200, 'another client has its own budget');
    } finally {
      app.close();
    }
  });
});
