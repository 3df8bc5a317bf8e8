import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Page, Session, SignIn } from '../../src/core/types.js';
import {
  createApp,
  createAppWithAnaAndBen,
  createOrganization,
  countSessions,
  updateSession,
  type App,
} from './fixture.js';

const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1';
const LISBON = { 'cf-ipcity': 'Lisbon', 'cf-ipcountry': 'PT', 'x-forwarded-for': '203.0.113.9' };
const TOKYO = {
  'x-vercel-ip-city': 'T%C5%8Dky%C5%8D',
  'x-vercel-ip-country': 'JP',
  'x-vercel-ip-country-region': '13',
};

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const DAY = 86_400_000;

function errorCode(json: unknown): string | undefined {
  return (json as { error?: { code?: string } } | undefined)?.error?.code;
}

describe('reading the session', () => {
  let app: App;
  before(async () => {
    ({ app } = await createAppWithAnaAndBen());
  });
  after(() => app.close());

  test('signed out (no session cookie): 200 with null, not an error', async () => {
    const response = await app.browser().get('/');
    assert.equal(response.status, 200);
    assert.equal(response.json, null);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  });

  test('a cookie of a session that is gone: 401 once, with the cookie cleared', async () => {
    const phone = app.browser();
    await phone.signIn('ana@example.com');
    const { id } = ((await phone.get('/')).json as Session).active_signin!;
    const laptop = app.browser();
    await laptop.signIn('ana@example.com');
    assert.equal((await laptop.delete(`/signins/${id}`)).status, 204);
    const revoked = await phone.get('/');
    assert.equal(revoked.status, 401);
    assert.equal(errorCode(revoked.json), 'unauthorized');
    assert.equal(typeof (revoked.json as { error: { message: string } }).error.message, 'string');
    const next = await phone.get('/');
    assert.equal(next.status, 200, 'better-auth cleared the cookie: the next visit is signed out');
    assert.equal(next.json, null);
  });

  test('signed out, GET /signins is an empty page; with a forged session cookie both are 401', async () => {
    const anonymous = await app.browser().get('/signins?pageSize=5');
    assert.equal(anonymous.status, 200);
    assert.deepEqual(anonymous.json, { items: [], total: 0, page: 1, pageSize: 5 });
    assert.equal((await app.browser().get('/signins?page=0')).status, 400, 'still validated');
    assert.equal((await app.browser().get('/organizations')).status, 401);
    const forged = app.browser();
    forged.cookies.set('better-auth.session_token', 'not-a-token.not-a-signature');
    assert.equal((await forged.get('/')).status, 401);
    assert.equal((await forged.get('/signins')).status, 401);
  });

  test('the session carries the active sign-in and the accounts on this browser', async () => {
    const browser = app.browser({ headers: LISBON });
    await browser.signIn('ana@example.com');
    await browser.signIn('ben@example.com');
    const { status, json } = await browser.get('/');
    assert.equal(status, 200);
    const session = json as Session;
    assert.equal(session.active_signin?.user?.first_name, 'Ben');
    assert.equal(session.active_signin?.current, true);
    assert.deepEqual(
      session.signins.map((s) => [s.user?.first_name, s.user?.last_name, s.current]),
      [
        ['Ben', 'Okafor', true],
        ['Ana', 'Sousa', false],
      ],
    );
    const ana = session.signins[1]!;
    assert.equal(ana.city, 'Lisbon');
    assert.equal(ana.country, 'Portugal');
    assert.equal(ana.countryCode, 'PT');
    assert.equal(ana.ipAddress, '203.0.113.9');
    assert.equal(ana.impersonated, false);
    assert.deepEqual(ana.user?.primary_email_address, {
      email: 'ana@example.com',
      verified: false,
    });
    for (const key of ['createdAt', 'expiresAt', 'lastActiveAt'] as const) {
      assert.equal(new Date(ana[key]!).toISOString(), ana[key], `${key} is ISO 8601`);
    }
    assert.deepEqual(session.signin_attempts, []);
  });

  test('Vercel headers are read and decoded behind a trusted proxy; without one neither place nor IP is recorded', async () => {
    const signInFromTokyo = async (app: App) => {
      await app.signUp('Chiyo Sato', 'chiyo@example.com');
      const browser = app.browser({ headers: TOKYO, userAgent: PHONE });
      await browser.request(
        'POST',
        '/api/auth/sign-in/email',
        { email: 'chiyo@example.com', password: 'correct horse battery staple' },
        { 'x-forwarded-for': '198.51.100.7' },
      );
      return ((await browser.get('/')).json as Session).active_signin!;
    };
    const trusting = await createApp({ auth: {} });
    try {
      const signIn = await signInFromTokyo(trusting);
      assert.equal(signIn.city, 'Tōkyō');
      assert.equal(signIn.country, 'Japan');
      assert.equal(signIn.regionCode, '13');
      assert.equal(signIn.userAgent, PHONE);
      assert.equal(signIn.ipAddress, '198.51.100.7');
      // The fixture's plugin trusts the proxy; build an app whose plugin does not.
      const { sessionElements } = await import('../../src/server/index.js');
      const plugins = trusting.auth.options.plugins.map((p) =>
        p.id === 'session-elements' ? sessionElements() : p,
      );
      const untrusting = await createApp({ auth: { plugins } });
      try {
        // A client can send edge headers itself: an intruder would pose as the victim's city.
        const forged = await signInFromTokyo(untrusting);
        assert.equal(forged.city, undefined);
        assert.equal(forged.country, undefined);
        assert.equal(forged.ipAddress, undefined);
      } finally {
        await untrusting.close();
      }
    } finally {
      await trusting.close();
    }
  });
});

describe('listing sign-ins', () => {
  let app: App;
  let laptop: ReturnType<App['browser']>;
  const ids: Record<string, string> = {};
  before(async () => {
    ({ app } = await createAppWithAnaAndBen());
    const devices = ['phone', 'tablet', 'old', 'gone', 'laptop'];
    for (const device of devices) {
      const browser = app.browser({ userAgent: `UA ${device}` });
      await browser.signIn('ana@example.com');
      ids[device] = ((await browser.get('/')).json as Session).active_signin!.id;
      if (device === 'laptop') laptop = browser;
    }
    await app.browser().signIn('ben@example.com');
    await updateSession(app, ids.phone!, { lastActiveAt: iso(60_000) });
    await updateSession(app, ids.tablet!, { lastActiveAt: iso(2 * DAY) });
    await updateSession(app, ids.old!, { lastActiveAt: iso(9 * DAY) });
    await updateSession(app, ids.gone!, { lastActiveAt: iso(8 * DAY), expiresAt: iso(DAY) });
  });
  after(() => app.close());

  // Where sessions live in Redis only, an expired one is gone: it is neither listed nor counted.
  const listed = () =>
    [ids.laptop, ids.phone, ids.tablet, ids.gone, ids.old].filter(
      (id) => app.keepsExpiredSessions || id !== ids.gone,
    );

  test('current first, then most recently active; only this user; expired ones included where the store keeps them', async () => {
    const { status, json } = await laptop.get('/signins');
    assert.equal(status, 200);
    const page = json as Page<SignIn>;
    assert.deepEqual(
      page.items.map((s) => s.id),
      listed(),
    );
    assert.equal(page.total, listed().length);
    assert.deepEqual([page.page, page.pageSize], [1, 10]);
    assert.equal(page.items[0]!.current, true);
    assert.ok(page.items.slice(1).every((s) => s.current === false));
    assert.ok(page.items.every((s) => s.user?.first_name === 'Ana'));
  });

  test('pagination', async () => {
    const page = (await laptop.get('/signins?page=2&pageSize=2')).json as Page<SignIn>;
    assert.deepEqual(
      page.items.map((s) => s.id),
      listed().slice(2, 4),
    );
    assert.deepEqual([page.total, page.page, page.pageSize], [listed().length, 2, 2]);
    const past = (await laptop.get('/signins?page=9&pageSize=2')).json as Page<SignIn>;
    assert.deepEqual([past.items.length, past.total], [0, listed().length]);
  });

  test('status filter: online, offline, expired', async () => {
    const ofStatus = async (status: string) =>
      ((await laptop.get(`/signins?status=${status}`)).json as Page<SignIn>).items.map((s) => s.id);
    assert.deepEqual(await ofStatus('online'), [ids.laptop, ids.phone]);
    assert.deepEqual(await ofStatus('offline'), [ids.tablet, ids.old]);
    const gone = app.keepsExpiredSessions ? [ids.gone] : [];
    assert.deepEqual(await ofStatus('expired'), gone);
    const expired = ((await laptop.get('/signins?status=expired')).json as Page<SignIn>).total;
    assert.equal(expired, gone.length);
  });

  test('a page size above the maximum is clamped to it, and the page says so', async () => {
    const page = (await laptop.get('/signins?pageSize=1000')).json as Page<SignIn>;
    const n = listed().length;
    assert.deepEqual([page.pageSize, page.items.length, page.total], [100, n, n]);
  });

  test('bad queries are refused with 400', async () => {
    for (const query of ['pageSize=0', 'pageSize=2.5', 'page=-1', 'page=1.5', 'status=idle']) {
      const response = await laptop.get(`/signins?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(errorCode(response.json), 'bad-request');
    }
  });

  test('a parameter given twice is refused with 400, not read one way here and another by a proxy', async () => {
    for (const query of ['status=online&status=expired', 'page=1&page=2', 'pageSize=5&pageSize=']) {
      const response = await laptop.get(`/signins?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(errorCode(response.json), 'bad-request');
      assert.match(JSON.stringify(response.json), /more than once/);
    }
    for (const path of [
      '/token?template=a&template=b',
      '/workspaces?organizationId=a&organizationId=b',
    ]) {
      const response = await laptop.get(path);
      assert.equal(response.status, 400, path);
      assert.equal(errorCode(response.json), 'bad-request');
      assert.match(JSON.stringify(response.json), /more than once/);
    }
  });

  test('numbers in any form but decimal digits are refused with 400', async () => {
    for (const query of [
      'pageSize=0x10',
      'pageSize=1e3',
      'pageSize=%2B5',
      'pageSize=%205',
      'page=0b1',
    ]) {
      const response = await laptop.get(`/signins?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(errorCode(response.json), 'bad-request');
    }
  });

  test('a session older than freshAge must re-authenticate: 403 reauth-required', async () => {
    const phone = app.browser();
    await phone.signIn('ana@example.com');
    const id = ((await phone.get('/')).json as Session).active_signin!.id;
    await updateSession(app, id, { createdAt: iso(2 * DAY) });
    const response = await phone.get('/signins');
    assert.equal(response.status, 403);
    assert.equal(errorCode(response.json), 'reauth-required');
    assert.equal((await phone.get('/')).status, 200, 'the session itself still works');
  });
});

describe('revoking', () => {
  let app: App;
  let anaId: string;
  before(async () => {
    ({ app, ana: anaId } = await createAppWithAnaAndBen());
  });
  after(() => app.close());

  async function device(email: string) {
    const browser = app.browser();
    await browser.signIn(email);
    const id = ((await browser.get('/')).json as Session).active_signin!.id;
    return { browser, id };
  }

  test('revoking another device by id signs that device out', async () => {
    const laptop = await device('ana@example.com');
    const phone = await device('ana@example.com');
    const response = await laptop.browser.delete(`/signins/${phone.id}`);
    assert.equal(response.status, 204);
    assert.equal((await phone.browser.get('/')).status, 401);
    assert.equal((await laptop.browser.get('/')).status, 200);
  });

  test("someone else's sign-in id is 404 and nothing is deleted", async () => {
    const ana = await device('ana@example.com');
    const ben = await device('ben@example.com');
    const before = await countSessions(app);
    const response = await ana.browser.delete(`/signins/${ben.id}`);
    assert.equal(response.status, 404);
    assert.equal(errorCode(response.json), 'not-found');
    assert.equal(await countSessions(app), before);
    assert.equal((await ben.browser.get('/')).status, 200);
    assert.equal((await ana.browser.delete('/signins/no-such-id')).status, 404);
  });

  test('revoking the current sign-in signs this browser out', async () => {
    const laptop = await device('ana@example.com');
    assert.equal((await laptop.browser.delete(`/signins/${laptop.id}`)).status, 204);
    const after = await laptop.browser.get('/');
    assert.equal(after.status, 200, 'its cookie was cleared: plainly signed out');
    assert.equal(after.json, null);
    assert.deepEqual(await app.rows('session', { id: laptop.id }), []);
  });

  test('revoke others ends every other device of this user and says how many', async () => {
    const laptop = await device('ana@example.com');
    const phone = await device('ana@example.com');
    const tablet = await device('ana@example.com');
    const ben = await device('ben@example.com');
    const now = Date.now();
    const live = (await app.rows('session', { userId: anaId })).filter(
      (row) => new Date(row.expiresAt as string).getTime() > now,
    ).length;
    const response = await laptop.browser.post('/signins/revoke-others');
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { revoked: live - 1 });
    assert.equal((await phone.browser.get('/')).status, 401);
    assert.equal((await tablet.browser.get('/')).status, 401);
    assert.equal((await laptop.browser.get('/')).status, 200);
    assert.equal((await ben.browser.get('/')).status, 200, 'other users are untouched');
  });
});

describe('switching', () => {
  let app: App;
  let ana: string;
  let ben: string;
  let acme: { id: string; teams: string[] };
  let globex: { id: string; teams: string[] };
  let initech: { id: string; teams: string[] };
  before(async () => {
    ({ app, ana, ben } = await createAppWithAnaAndBen());
    acme = await createOrganization(app, {
      name: 'Acme',
      slug: 'acme',
      members: [{ userId: ana, role: 'owner' }],
      teams: [
        { name: 'Design', members: [ana] },
        { name: 'Platform', members: [ana] },
        { name: 'Secret', members: [] },
      ],
    });
    globex = await createOrganization(app, {
      name: 'Globex',
      slug: 'globex',
      members: [
        { userId: ana, role: 'member' },
        { userId: ben, role: 'owner' },
      ],
      teams: [{ name: 'Research', members: [ana, ben] }],
    });
    initech = await createOrganization(app, {
      name: 'Initech',
      slug: 'initech',
      members: [{ userId: ben, role: 'owner' }],
      teams: [{ name: 'TPS', members: [ben] }],
    });
  });
  after(() => app.close());

  test('switch sign-in between accounts on this browser', async () => {
    const browser = app.browser();
    await browser.signIn('ana@example.com');
    await browser.signIn('ben@example.com');
    const session = (await browser.get('/')).json as Session;
    const anaSignIn = session.signins.find((s) => s.user?.first_name === 'Ana')!;
    const response = await browser.post('/switch-signin', { signInId: anaSignIn.id });
    assert.equal(response.status, 200);
    assert.equal((response.json as Session).active_signin?.id, anaSignIn.id);
    assert.equal(((await browser.get('/')).json as Session).active_signin?.user?.first_name, 'Ana');

    const elsewhere = app.browser();
    await elsewhere.signIn('ben@example.com');
    const foreign = ((await elsewhere.get('/')).json as Session).active_signin!.id;
    assert.equal((await browser.post('/switch-signin', { signInId: foreign })).status, 404);
    assert.equal((await browser.post('/switch-signin', {})).status, 400);
  });

  test('organizations carry membership ids and roles; switching sets the active one', async () => {
    const browser = app.browser();
    await browser.signIn('ana@example.com');
    const orgs = (await browser.get('/organizations')).json as {
      id: string;
      name: string;
      role: string;
      membership_id: string;
    }[];
    assert.deepEqual(orgs.map((o) => [o.name, o.role]).sort(), [
      ['Acme', 'owner'],
      ['Globex', 'member'],
    ]);
    const globexMembership = orgs.find((o) => o.id === globex.id)!.membership_id;
    const switched = await browser.post('/switch-organization', { organizationId: globex.id });
    assert.equal(switched.status, 200);
    assert.equal(
      (switched.json as Session).active_signin?.active_organization_membership_id,
      globexMembership,
    );
    assert.equal(
      ((await browser.get('/')).json as Session).active_signin?.active_organization_membership_id,
      globexMembership,
    );
    const personal = await browser.post('/switch-organization', { organizationId: null });
    assert.equal(
      (personal.json as Session).active_signin?.active_organization_membership_id,
      undefined,
    );
    const foreign = await browser.post('/switch-organization', { organizationId: initech.id });
    assert.equal(foreign.status, 404);
    assert.equal((await browser.post('/switch-organization', {})).status, 400);
  });

  test('workspaces are the teams of an organization the user belongs to; switching follows the organization', async () => {
    const browser = app.browser();
    await browser.signIn('ana@example.com');
    assert.deepEqual(
      (await browser.get('/workspaces')).json,
      [],
      'no active organization, no workspaces',
    );
    const acmeTeams = (await browser.get(`/workspaces?organizationId=${acme.id}`)).json as {
      id: string;
      name: string;
      organization_id: string;
      membership_id: string;
    }[];
    assert.deepEqual(acmeTeams.map((t) => t.name).sort(), ['Design', 'Platform']);
    assert.ok(acmeTeams.every((t) => t.organization_id === acme.id && t.membership_id));
    assert.equal((await browser.get(`/workspaces?organizationId=${initech.id}`)).status, 404);

    const research = globex.teams[0]!;
    const switched = await browser.post('/switch-workspace', { workspaceId: research });
    assert.equal(switched.status, 200);
    const active = (switched.json as Session).active_signin!;
    assert.ok(active.active_workspace_membership_id);
    assert.ok(active.active_organization_membership_id, 'the organization followed the workspace');
    const globexTeams = (await browser.get('/workspaces')).json as {
      id: string;
      membership_id: string;
    }[];
    assert.equal(
      globexTeams.find((t) => t.id === research)?.membership_id,
      active.active_workspace_membership_id,
    );

    assert.equal(
      (await browser.post('/switch-workspace', { workspaceId: acme.teams[2] })).status,
      404,
      'not a member of that team',
    );
    assert.equal(
      (await browser.post('/switch-workspace', { workspaceId: initech.teams[0] })).status,
      404,
    );
    const toAcme = await browser.post('/switch-organization', { organizationId: acme.id });
    assert.equal(
      (toAcme.json as Session).active_signin?.active_workspace_membership_id,
      undefined,
      'switching organization clears the workspace',
    );
  });
});

describe('signing out', () => {
  let app: App;
  before(async () => {
    ({ app } = await createAppWithAnaAndBen());
  });
  after(() => app.close());

  async function twoAccounts() {
    const browser = app.browser();
    await browser.signIn('ben@example.com');
    await browser.signIn('ana@example.com');
    const phone = app.browser();
    await phone.signIn('ana@example.com');
    const session = (await browser.get('/')).json as Session;
    return { browser, phone, session };
  }

  const names = async (browser: ReturnType<App['browser']>) => {
    const response = await browser.get('/');
    return response.status === 401 || response.json === null
      ? []
      : (response.json as Session).signins.map((s) => s.user?.first_name);
  };

  test('no target: only the active account on this browser; the next one becomes active', async () => {
    const { browser, phone } = await twoAccounts();
    const response = await browser.post('/sign-out', {});
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, {});
    assert.deepEqual(await names(browser), ['Ben']);
    assert.equal((await phone.get('/')).status, 200, 'other devices stay signed in');
  });

  test('signInId: only that account on this browser', async () => {
    const { browser, phone, session } = await twoAccounts();
    const ben = session.signins.find((s) => s.user?.first_name === 'Ben')!;
    assert.equal((await browser.post('/sign-out', { signInId: ben.id })).status, 200);
    assert.deepEqual(await names(browser), ['Ana']);
    assert.equal((await phone.get('/')).status, 200);
    assert.equal((await browser.post('/sign-out', { signInId: 'someone-else' })).status, 404);
  });

  test('all: every account on this browser, nothing elsewhere', async () => {
    const { browser, phone } = await twoAccounts();
    assert.equal((await browser.post('/sign-out', { all: true })).status, 200);
    assert.equal((await browser.get('/')).json, null);
    assert.equal((await phone.get('/')).status, 200);
  });

  test('everywhere: every session of this user; other accounts here stay', async () => {
    const { browser, phone } = await twoAccounts();
    assert.equal((await browser.post('/sign-out', { everywhere: true })).status, 200);
    assert.equal((await phone.get('/')).status, 401);
    assert.deepEqual(await names(browser), ['Ben']);
  });

  test('conflicting or malformed targets are 400', async () => {
    const { browser } = await twoAccounts();
    assert.equal((await browser.post('/sign-out', { all: true, everywhere: true })).status, 400);
    assert.equal((await browser.post('/sign-out', { all: 'yes' })).status, 400);
    assert.equal((await names(browser)).length, 2, 'nothing was signed out');
  });
});

describe('tokens and tickets', () => {
  let app: App;
  let browser: ReturnType<App['browser']>;
  let userId: string;
  before(async () => {
    app = await createApp();
    userId = await app.signUp('Ana Sousa', 'ana@example.com');
    browser = app.browser();
    await browser.signIn('ana@example.com');
  });
  after(() => app.close());

  async function jwks() {
    const response = await app.handle(new Request('http://127.0.0.1:3000/api/auth/jwks'));
    return createLocalJWKSet(await response.json());
  }

  test('the default token is a JWT for this user that verifies against the JWKS', async () => {
    const { status, json } = await browser.get('/token');
    assert.equal(status, 200);
    const { token, expiresAt } = json as { token: string; expiresAt: number };
    const { payload } = await jwtVerify(token, await jwks());
    assert.equal(payload.sub, userId);
    assert.equal(expiresAt, payload.exp! * 1000);
    assert.ok(expiresAt > Date.now());
  });

  test('a named template adds claims, audience and lifetime', async () => {
    const { json } = await browser.get('/token?template=convex');
    const { token, expiresAt } = json as { token: string; expiresAt: number };
    const { payload } = await jwtVerify(token, await jwks(), { audience: 'convex' });
    assert.equal(payload.email, 'ana@example.com');
    assert.equal(payload.sub, userId);
    assert.ok(Math.abs(expiresAt - (Date.now() + 120_000)) < 5_000);
    const unknown = await browser.get('/token?template=nope');
    assert.equal(unknown.status, 404);
    assert.equal((await app.browser().get('/token')).status, 401);
  });

  test('a one-time ticket signs a fresh browser in, once', async () => {
    const { token: ticket } = await app.auth.api.generateOneTimeToken({
      headers: browser.cookieHeader(),
    });
    const fresh = app.browser();
    const response = await fresh.post('/exchange-ticket', { ticket });
    assert.equal(response.status, 200);
    assert.equal((response.json as Session).active_signin?.user?.id, userId);
    assert.equal((await fresh.get('/')).status, 200);
    const again = await app.browser().post('/exchange-ticket', { ticket });
    assert.equal(again.status, 401);
    assert.equal((await app.browser().post('/exchange-ticket', {})).status, 400);
  });
});

describe('impersonation', () => {
  test('a session an admin opened as the user is marked impersonated', async () => {
    const app = await createApp();
    try {
      const ana = await app.signUp('Ana Sousa', 'ana@example.com');
      const adminId = await app.signUp('Ada Admin', 'ada@example.com');
      await app.update('user', { id: adminId }, { role: 'admin' });
      const admin = app.browser();
      await admin.signIn('ada@example.com');
      const response = await admin.request(
        'POST',
        '/api/auth/admin/impersonate-user',
        { userId: ana },
        { 'x-session-elements': null },
      );
      assert.equal(response.status, 200, response.text);
      const active = ((await admin.get('/')).json as Session).active_signin!;
      assert.equal(active.user?.id, ana);
      assert.equal(active.impersonated, true);
    } finally {
      await app.close();
    }
  });
});
