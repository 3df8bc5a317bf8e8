import { expect } from '@open-wc/testing';
import { Auth0Backend } from '../../src/backends/auth0.js';
import type { SignIn } from '../../src/core/types.js';
import {
  FetchDouble,
  type SeenRequest,
  clone,
  json,
  live,
  loadFixture,
  quietController,
  rejection,
} from './adapter-kit.js';

type Raw = Record<string, unknown>;

const SID = 'nR7Gm2Qe5TzvW0uXk9LpB3cYd8HsJ4aF';
const USER_ID = 'auth0|6650c1f2a3b4c5d6e7f80912';

/** What the recorded sessions must become: the current one first, then by last activity. */
const EXPECTED: SignIn[] = [
  {
    id: SID,
    user_id: USER_ID,
    createdAt: '2025-05-07T19:02:45.000Z',
    // No last_interacted_at: updated_at stands in.
    lastActiveAt: '2025-05-10T07:31:20.000Z',
    // idle_expires_at comes before expires_at.
    expiresAt: '2025-05-13T07:31:20.000Z',
    ipAddress: '198.51.100.9',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    current: true,
  },
  {
    id: '4FQr0kXxr1rtOsAnv8bkZS9GVF2f3a7P',
    user_id: USER_ID,
    createdAt: '2025-05-02T08:14:03.512Z',
    lastActiveAt: '2025-05-09T16:40:11.204Z',
    expiresAt: '2025-05-12T16:40:11.204Z',
    // last_* wins over initial_*.
    ipAddress: '203.0.113.77',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
    current: false,
  },
  {
    id: 'c2Wq8Zs0Ly4Nx7Ev1Tb6Rk3Mj9Hp5Ug',
    user_id: USER_ID,
    // No created_at: authenticated_at stands in.
    createdAt: '2025-04-28T11:04:59.000Z',
    lastActiveAt: '2025-04-28T11:05:00.000Z',
    expiresAt: '2025-05-01T11:05:00.000Z',
    // Only initial_* known.
    ipAddress: '192.0.2.140',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
    current: false,
  },
];

let SESSIONS: Raw[];
let PROFILE: Raw;

before(async () => {
  SESSIONS = await loadFixture<Raw[]>('auth0-sessions.json');
  PROFILE = await loadFixture<Raw>('auth0-profile.json');
});

/** A proxy that answers the profile route and the session list with the recorded payloads. */
function proxy(overrides: { profile?: () => Response; list?: () => Response } = {}) {
  return new FetchDouble(({ url }) => {
    if (url === '/api/auth/me') return overrides.profile?.() ?? json(PROFILE);
    return overrides.list?.() ?? json(SESSIONS);
  });
}

function textResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

describe('Auth0Backend: the signed-in user', () => {
  it('reads the profile route with cookies and maps the ID token claims', async () => {
    const double = proxy();
    const session = await new Auth0Backend({ fetch: double.fetch }).getSession(live());
    const active: SignIn = {
      id: SID,
      user_id: USER_ID,
      current: true,
      user: {
        id: USER_ID,
        first_name: 'Ada',
        last_name: 'Lovelace',
        username: 'ada',
        primary_email_address: { email: 'ada@example.com', verified: true },
        profile_picture_url: 'https://s.gravatar.com/avatar/1d2e3f?s=480&r=pg&d=identicon',
      },
    };
    expect(session).to.deep.equal({
      active_signin: active,
      signins: [active],
      signin_attempts: [],
      signup_attempts: [],
    });
    const [request] = double.seen;
    expect([request.method, request.url, request.credentials]).to.deep.equal([
      'GET',
      '/api/auth/me',
      'include',
    ]);
    expect(request.headers['X-Session-Elements']).to.equal(undefined);
    expect(JSON.stringify(session)).to.not.match(/secret|token|org_/);
  });

  it('treats 401, 204 and a null profile as signed out', async () => {
    const answers = [
      () => json({ error: 'not_authenticated' }, 401),
      () => new Response(null, { status: 204 }),
      () => json(null),
    ];
    for (const answer of answers) {
      const double = proxy({ profile: answer });
      expect(await new Auth0Backend({ fetch: double.fetch }).getSession(live())).to.equal(null);
    }
  });

  it('takes the name claim only when it is a name, and never the email', async () => {
    const bare = { sub: 'auth0|1', name: 'ada@example.com', email: 'ada@example.com' };
    const named = { sub: 'auth0|2', name: 'Grace Hopper', phone_number: '+15550100' };
    const users = [];
    for (const profile of [bare, named]) {
      const double = proxy({ profile: () => json(profile) });
      users.push(
        (await new Auth0Backend({ fetch: double.fetch }).getSession(live()))!.active_signin!,
      );
    }
    expect(users[0].user).to.deep.equal({
      id: 'auth0|1',
      primary_email_address: { email: 'ada@example.com', verified: false },
    });
    expect(users[1].user).to.deep.equal({
      id: 'auth0|2',
      first_name: 'Grace Hopper',
      primary_phone_number: { phone_number: '+15550100', verified: false },
    });
  });

  it('finds this browser by currentSessionId when the profile has no sid, else by the user id', async () => {
    const withoutSid = clone(PROFILE);
    delete withoutSid.sid;
    const double = proxy({ profile: () => json(withoutSid) });
    const fallback = new Auth0Backend({ fetch: double.fetch });
    expect((await fallback.getSession(live()))!.active_signin!.id).to.equal(USER_ID);
    const page = await fallback.listSignIns({}, live());
    expect(page.items.filter((item) => item.current)).to.deep.equal([]);

    const given = new Auth0Backend({ fetch: double.fetch, currentSessionId: () => SID });
    expect((await given.getSession(live()))!.active_signin!.id).to.equal(SID);
    expect((await given.listSignIns({}, live())).items[0].id).to.equal(SID);
  });

  it('rejects a profile without a subject as invalid-response', async () => {
    for (const profile of [
      { name: 'Ada' },
      { sub: { id: 1 } },
      { sub: null },
      { sub: '' },
      ['auth0|1'],
      'auth0|1',
    ]) {
      const double = proxy({ profile: () => json(profile) });
      const error = await rejection(new Auth0Backend({ fetch: double.fetch }).getSession(live()));
      expect(error.code, JSON.stringify(profile)).to.equal('invalid-response');
    }
  });
});

describe('Auth0Backend: listing sessions', () => {
  it('maps recorded Management API sessions onto sign-ins, this browser first', async () => {
    const double = proxy();
    const backend = new Auth0Backend({ fetch: double.fetch });
    await backend.getSession(live());
    const page = await backend.listSignIns({ page: 1, pageSize: 10, status: 'all' }, live());
    expect(page).to.deep.equal({ items: EXPECTED, total: 3, page: 1, pageSize: 10 });
    const request = double.seen[1];
    expect([request.method, request.url, request.credentials]).to.deep.equal([
      'GET',
      '/api/auth/user/sessions',
      'include',
    ]);
  });

  it('also takes the Management API list shape { sessions, next }', async () => {
    const double = proxy({ list: () => json({ sessions: SESSIONS, next: 'cursor-2' }) });
    const backend = new Auth0Backend({ fetch: double.fetch });
    await backend.getSession(live());
    expect((await backend.listSignIns({}, live())).items).to.deep.equal(EXPECTED);
  });

  it('drops everything SignIn has no field for: clients, methods, cookie, metadata, ASNs', async () => {
    const double = proxy();
    const page = await new Auth0Backend({ fetch: double.fetch }).listSignIns({}, live());
    const text = JSON.stringify(page);
    for (const leak of [
      'refresh_token',
      'secret',
      'client_id',
      'persistent',
      'federated',
      '6449',
    ]) {
      expect(text, leak).to.not.contain(leak);
    }
  });

  it('pages in the browser: page, page size, total, and past the end', async () => {
    const many = Array.from({ length: 12 }, (_, n) => ({
      id: `s${n + 1}`,
      last_interacted_at: new Date(Date.UTC(2025, 4, 30 - n)).toISOString(),
    }));
    const double = proxy({ list: () => json(many.slice().reverse()) });
    const backend = new Auth0Backend({ fetch: double.fetch });
    const ids = async (page: number, pageSize: number) =>
      (await backend.listSignIns({ page, pageSize }, live())).items.map((item) => item.id);
    expect(await ids(2, 5)).to.deep.equal(['s6', 's7', 's8', 's9', 's10']);
    expect(await ids(3, 5)).to.deep.equal(['s11', 's12']);
    expect(await backend.listSignIns({ page: 9, pageSize: 5 }, live())).to.deep.equal({
      items: [],
      total: 12,
      page: 9,
      pageSize: 5,
    });
    const odd = await backend.listSignIns({ page: 0, pageSize: Number.NaN }, live());
    expect([odd.page, odd.pageSize, odd.items.length]).to.deep.equal([1, 10, 10]);
  });

  it('has every capability off and refuses a status filter without asking the proxy', async () => {
    const double = proxy();
    const backend = new Auth0Backend({ fetch: double.fetch });
    const { maxPageSize, ...features } = backend.capabilities;
    expect(Object.values(features).some(Boolean)).to.equal(false);
    expect(Object.keys(features).length).to.equal(9);
    expect(maxPageSize).to.equal(1000);
    for (const status of ['online', 'expired', 'offline'] as const) {
      const error = await rejection(backend.listSignIns({ status }, live()));
      expect(error.code).to.equal('unsupported');
    }
    expect(double.seen.length).to.equal(0);
  });

  it('rejects malformed payloads as invalid-response, never a TypeError', async () => {
    const bodies = [
      'not json',
      '',
      'null',
      '"sessions"',
      '{}',
      '{"sessions":"nope"}',
      '[null]',
      '[42]',
      '[{"user_id":"auth0|1"}]',
      '[{"id":{"$oid":"1"}}]',
      '[{"id":""}]',
      '[{"id":"ok"},{"id":true}]',
    ];
    for (const body of bodies) {
      const double = proxy({ list: () => textResponse(body) });
      const error = await rejection(
        new Auth0Backend({ fetch: double.fetch }).listSignIns({}, live()),
      );
      expect(error.code, body).to.equal('invalid-response');
    }
  });

  it('keeps a session whose device is null or whose fields have the wrong types, minus those fields', async () => {
    const odd = [
      { id: 'a', device: null, created_at: 1714637643, updated_at: 'yesterday' },
      { id: 'b', device: ['203.0.113.1'], expires_at: '2025-05-01T00:00:00Z', idle_expires_at: 5 },
      { id: 'c', device: { last_ip: 7, initial_ip: '192.0.2.1', last_user_agent: null } },
    ];
    const double = proxy({ list: () => json(odd) });
    const page = await new Auth0Backend({ fetch: double.fetch }).listSignIns({}, live());
    expect(page.items).to.deep.equal([
      { id: 'a', current: false },
      { id: 'b', expiresAt: '2025-05-01T00:00:00.000Z', current: false },
      { id: 'c', ipAddress: '192.0.2.1', current: false },
    ]);
  });

  it('passes hostile strings on as inert text and encodes ids in URLs', async () => {
    const hostile = JSON.stringify([
      {
        id: '../../users/auth0|x?admin=1#',
        device: { last_user_agent: '<img src=x onerror=alert(1)>', last_ip: '"; DROP TABLE--' },
      },
    ]).replace(
      '"device"',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"bad":1}},"device"',
    );
    const double = new FetchDouble(({ method }) =>
      method === 'DELETE' ? json({}) : textResponse(hostile),
    );
    const backend = new Auth0Backend({ fetch: double.fetch });
    const [item] = (await backend.listSignIns({}, live())).items;
    expect(item).to.deep.equal({
      id: '../../users/auth0|x?admin=1#',
      userAgent: '<img src=x onerror=alert(1)>',
      ipAddress: '"; DROP TABLE--',
      current: false,
    });
    expect(Object.getPrototypeOf(item)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    await backend.removeSignIn(item.id, live());
    expect(double.seen[1].url).to.equal(
      '/api/auth/user/sessions/..%2F..%2Fusers%2Fauth0%7Cx%3Fadmin%3D1%23',
    );
  });
});

describe('Auth0Backend: ending sessions', () => {
  it('ends a session with DELETE, cookies and the CSRF header, on 200 { id } or 204', async () => {
    const answers = [json({ id: 's1' }), new Response(null, { status: 204 })];
    const double = new FetchDouble(() => answers.shift()!);
    const backend = new Auth0Backend({ baseUrl: '/auth/sessions/', fetch: double.fetch });
    await backend.removeSignIn('s1', live());
    await backend.removeSignIn('s2', live());
    expect(
      double.seen.map((r: SeenRequest) => [r.method, r.url, r.credentials, r.body]),
    ).to.deep.equal([
      ['DELETE', '/auth/sessions/s1', 'include', undefined],
      ['DELETE', '/auth/sessions/s2', 'include', undefined],
    ]);
    for (const request of double.seen) expect(request.headers['X-Session-Elements']).to.equal('1');
  });

  it('refuses an empty id without a request', async () => {
    const double = proxy();
    const error = await rejection(
      new Auth0Backend({ fetch: double.fetch }).removeSignIn('', live()),
    );
    expect(error.code).to.equal('not-found');
    expect(double.seen.length).to.equal(0);
  });

  it('signs this browser out by redirect to the logout route and ends another session by id', async () => {
    const double = new FetchDouble(({ url, method }) =>
      method === 'DELETE' ? json({ id: url.split('/').pop() }) : json(PROFILE),
    );
    const backend = new Auth0Backend({ fetch: double.fetch, logoutUrl: '/auth/logout' });
    await backend.getSession(live());
    for (const target of [{}, { signInId: SID }, { all: true }, { signInId: 'other', all: true }]) {
      expect(await backend.signOut(target, live()), JSON.stringify(target)).to.deep.equal({
        redirectUrl: '/auth/logout',
      });
    }
    expect(double.seen.length).to.equal(1);
    expect(await backend.signOut({ signInId: 'other' }, live())).to.deep.equal({});
    expect([double.seen[1].method, double.seen[1].url]).to.deep.equal([
      'DELETE',
      '/api/auth/user/sessions/other',
    ]);
    expect((await rejection(backend.signOut({ everywhere: true }, live()))).code).to.equal(
      'unsupported',
    );
  });

  it('maps error statuses and bodies to SessionError codes', async () => {
    const cases: [Response, string, number, string][] = [
      [json({ error: 'Unauthorized' }, 401), 'unauthorized', 401, 'Unauthorized'],
      [json({ error: 'insufficient_scope' }, 403), 'forbidden', 403, 'insufficient_scope'],
      [json({}, 404), 'not-found', 404, 'The server answered 404.'],
      [
        json({ error: 'Error fetching user metadata' }, 500),
        'server',
        500,
        'Error fetching user metadata',
      ],
      [textResponse('<html>Bad gateway</html>', 502), 'server', 502, 'The server answered 502.'],
      [
        json({ error: { code: 'reauth-required', message: 'Confirm it is you' } }, 403),
        'reauth-required',
        403,
        'Confirm it is you',
      ],
    ];
    for (const [response, code, status, message] of cases) {
      const double = proxy({ list: () => response });
      const error = await rejection(
        new Auth0Backend({ fetch: double.fetch }).listSignIns({}, live()),
      );
      expect([error.code, error.status, error.message]).to.deep.equal([code, status, message]);
    }
  });

  it('carries Retry-After on a 429 from the proxy, on reads and on deletes', async () => {
    const limited = () => json({ error: 'Rate limit exceeded' }, 429, { 'Retry-After': '7' });
    const backend = new Auth0Backend({ fetch: new FetchDouble(limited).fetch });
    for (const call of [backend.listSignIns({}, live()), backend.removeSignIn('s1', live())]) {
      const error = await rejection(call);
      expect([error.code, error.status, error.retryAfter, error.message]).to.deep.equal([
        'rate-limited',
        429,
        7,
        'Rate limit exceeded',
      ]);
    }
  });

  it('rejects what Auth0 cannot do with unsupported, without a request', async () => {
    const double = proxy();
    const backend = new Auth0Backend({ fetch: double.fetch });
    const calls = [
      backend.revokeOtherSignIns(live()),
      backend.switchSignIn('s1', live()),
      backend.switchOrganization('org_1', live()),
      backend.switchWorkspace('w1', live()),
      backend.listOrganizations(live()),
      backend.listWorkspaces(undefined, live()),
      backend.getToken(undefined, live()),
      backend.exchangeTicket('ticket', live()),
    ];
    for (const call of calls) expect((await rejection(call)).code).to.equal('unsupported');
    expect(double.seen.length).to.equal(0);
  });
});

describe('Auth0Backend behind a SessionController', () => {
  it('lists and revokes sign-ins end to end, bumping the revision once', async () => {
    const sessions = clone(SESSIONS);
    const double = new FetchDouble(({ url, method }) => {
      if (url === '/api/auth/me') return json(PROFILE);
      if (method === 'DELETE') {
        const target = decodeURIComponent(url.split('/').pop()!);
        const index = sessions.findIndex((session) => session.id === target);
        if (index < 0) return json({ error: 'Error deleting session' }, 500);
        sessions.splice(index, 1);
        return json({ id: target });
      }
      return json(sessions);
    });
    const controller = quietController(new Auth0Backend({ fetch: double.fetch }));
    const unsubscribe = controller.subscribe(() => {});
    try {
      const state = await controller.refetch();
      expect(state.status).to.equal('signed-in');
      const before = state.status === 'signed-in' ? state.revision : -1;
      expect(controller.capabilities.revokeOthers).to.equal(false);

      const first = await controller.listSignIns({ page: 1, pageSize: 10 });
      expect(first.items.map((item) => item.id)).to.deep.equal(EXPECTED.map((item) => item.id));
      expect(first.items[0].current).to.equal(true);

      const result = await controller.removeSignIn(EXPECTED[1].id);
      expect(result).to.deep.equal({ ok: true, data: undefined });
      const after = controller.getSnapshot();
      expect(after.status === 'signed-in' ? after.revision : -1).to.equal(before + 1);

      const second = await controller.listSignIns({ page: 1, pageSize: 10 });
      expect(second.items.map((item) => item.id)).to.deep.equal([EXPECTED[0].id, EXPECTED[2].id]);
      const deletes = double.seen.filter((request) => request.method === 'DELETE');
      expect(deletes.length).to.equal(1);
      expect(deletes[0].headers['X-Session-Elements']).to.equal('1');

      const failed = await controller.removeSignIn('gone');
      expect(failed.ok ? 'ok' : failed.error.code).to.equal('server');
    } finally {
      unsubscribe();
      controller.dispose();
    }
  });
});
