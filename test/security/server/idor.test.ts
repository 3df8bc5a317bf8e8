import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Session } from '../../../src/core/types.js';
import {
  createAppWithAnaAndBen,
  createOrganization,
  updateSession,
  type App,
  type Browser,
} from '../../server/fixture.js';
import { assertRefused, snapshot, Tally, type Ignored } from './report.js';

/**
 * IDOR probes: Ben, signed in on his laptop (with Cleo as a second account on
 * it), sends every id-taking endpoint Ana's ids of every kind, expired ids,
 * his own sign-ins on other browsers, and the same ids dressed up in path,
 * encoding, query and JSON tricks. Each probe leaves every row of every table
 * as it was, gets a JSON error (or, for a list read, only Ben's own data), and
 * nothing of Ana's that the probe did not itself send comes back.
 */

// Reading the session refreshes the caller's activity (the sessionElements plugin writes
// lastActiveAt at most once a minute; updatedAt moves with it): the only columns left out.
const READ_TOUCHES: Ignored = { session: ['lastActiveAt', 'updatedAt'] };

const ANA_UA = {
  laptop: 'AnaLaptopAgent/1.0 (Macintosh) Chrome/141.0',
  phone: 'AnaPhoneAgent/1.0 (iPhone) Mobile Safari/604.1',
  tablet: 'AnaTabletAgent/1.0 (iPad) Safari/604.1',
  old: 'AnaOldAgent/1.0 (Windows NT 10.0) Firefox/120.0',
};

interface Probe {
  what: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Under /api/session. */
  path: string;
  /** Sent as is when a string (duplicate keys and the like need raw JSON). */
  body?: unknown;
  /** 4xx statuses that count as refused; 200 means a list read that must show only Ben's data. */
  expect: readonly number[];
}

interface Ids {
  ana: { user: string; sessions: Record<keyof typeof ANA_UA, string>; tokens: string[] };
  anaOwn: { orgs: string[]; teams: string[]; members: string[]; teamMembers: string[] };
  ben: { phone: string; expired: string };
  orgs: { acme: string; bolt: string; shared: string };
  teams: { design: string; secret: string; ops: string; open: string; private: string };
}

const tally = new Tally('idor');

async function signedIn(app: App, email: string, userAgent?: string): Promise<Browser> {
  const browser = app.browser(userAgent ? { userAgent } : {});
  await browser.signIn(email);
  return browser;
}

const activeId = async (browser: Browser) =>
  ((await browser.get('/')).json as Session).active_signin!.id;

const idsOf = async (app: App, model: string, where: Record<string, string>) =>
  (await app.rows(model, where)).map((row) => row.id as string);

/** Every string of Ana's the server knows, for the leak scan. */
async function anaSecrets(app: App, ids: Ids): Promise<string[]> {
  const names = ['Ana Sousa', 'Sousa', 'ana@example.com', 'Acme', 'acme', 'Design', 'Secret'];
  const privateTeam = ['Private'];
  return [
    ...names,
    ...privateTeam,
    ...Object.values(ANA_UA),
    ids.ana.user,
    ...Object.values(ids.ana.sessions),
    ...ids.ana.tokens,
    ...ids.anaOwn.orgs,
    ...ids.anaOwn.teams,
    ...ids.anaOwn.members,
    ...ids.anaOwn.teamMembers,
    ...(await idsOf(app, 'account', { userId: ids.ana.user })),
  ];
}

/** Encodes every character, so a decoder that forgets a step sees a different id. */
const encodeAll = (id: string) =>
  [...new TextEncoder().encode(id)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function idProbes(ids: Ids): Probe[] {
  const anaIds: [string, string][] = [
    ...Object.entries(ids.ana.sessions).map(([k, v]): [string, string] => [
      `Ana's ${k} sign-in`,
      v,
    ]),
    ["Ana's user id", ids.ana.user],
    ["Ana's organization", ids.orgs.acme],
    ...ids.anaOwn.members.map((v, i): [string, string] => [`Ana's membership ${i}`, v]),
    ["Ana's team", ids.teams.design],
    ["Ana's team in an organization Ben is in", ids.teams.private],
    ...ids.anaOwn.teamMembers.map((v, i): [string, string] => [`Ana's team membership ${i}`, v]),
    ["Ana's phone session token", ids.ana.tokens[0]!],
  ];
  const probes: Probe[] = [];
  for (const [name, id] of anaIds) {
    probes.push(
      {
        what: `DELETE /signins/:id with ${name}`,
        method: 'DELETE',
        path: `/signins/${id}`,
        expect: [404],
      },
      ...accountProbes(name, id),
      {
        what: `switch-organization to ${name}`,
        method: 'POST',
        path: '/switch-organization',
        body: { organizationId: id },
        expect: [404],
      },
      {
        what: `switch-workspace to ${name}`,
        method: 'POST',
        path: '/switch-workspace',
        body: { workspaceId: id },
        expect: [404],
      },
      {
        what: `workspaces of ${name}`,
        method: 'GET',
        path: `/workspaces?organizationId=${encodeURIComponent(id)}`,
        expect: [404],
      },
      {
        what: `exchange-ticket with ${name}`,
        method: 'POST',
        path: '/exchange-ticket',
        body: { ticket: id },
        expect: [401],
      },
    );
  }
  for (const [name, id] of [
    ["Ben's sign-in on another browser", ids.ben.phone],
    ["Ben's expired sign-in", ids.ben.expired],
  ]) {
    probes.push(...accountProbes(name, id));
  }
  return probes;
}

/** Switching to, or signing out of, an account this browser does not hold. */
function accountProbes(name: string, id: string): Probe[] {
  return [
    {
      what: `switch-signin to ${name}`,
      method: 'POST',
      path: '/switch-signin',
      body: { signInId: id },
      expect: [404],
    },
    {
      what: `sign-out of ${name}`,
      method: 'POST',
      path: '/sign-out',
      body: { signInId: id },
      expect: [404],
    },
  ];
}

function pathProbes(ids: Ids): Probe[] {
  const ana = ids.ana.sessions.phone;
  const del = (what: string, path: string, expect: number[] = [404]): Probe => ({
    what: `DELETE ${what}`,
    method: 'DELETE',
    path,
    expect,
  });
  return [
    del('with a trailing slash', `/signins/${ana}/`),
    del('with two trailing slashes', `/signins/${ana}//`),
    del('through /%2e%2e/', `/signins/%2e%2e/signins/${ana}`),
    del('through ../ after Ben’s id', `/signins/${ids.ben.phone}/../${ana}`),
    del('with an encoded ../', `/signins/%2e%2e%2f${ana}`),
    del('with an encoded slash', `/signins/${ids.ben.phone}%2F${ana}`),
    del('with every character encoded', `/signins/${encodeAll(ana)}`),
    del('double-encoded', `/signins/${encodeAll(ana).replaceAll('%', '%25')}`),
    del('with %00', `/signins/${ana}%00`),
    del('with %00 before', `/signins/%00${ana}`),
    del('with quotes', `/signins/${ana}'%22`),
    del('with SQL', `/signins/${encodeURIComponent(`x' or '1'='1`)}`),
    del('with a LIKE wildcard', '/signins/%25'),
    del('with *', '/signins/*'),
    del(
      'with fullwidth letters',
      `/signins/${encodeURIComponent(ana.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))}`,
    ),
    del('with a combining accent', `/signins/${encodeURIComponent(`${ana}\u0301`)}`),
    del('with an invalid escape', '/signins/%E0%A4%A'),
    del('with a 10 000-character id', `/signins/${'a'.repeat(10_000)}`, [400, 404, 414]),
    del('with ; and Ben’s id', `/signins/${ids.ben.phone};${ana}`),
    del('with , and Ben’s id', `/signins/${ids.ben.phone},${ana}`),
    del('with ?id=', `/signins/${ana}?id=${ids.ben.phone}`),
    del('of revoke-others', '/signins/revoke-others'),
    del('with upper-case letters', `/signins/${ana.toUpperCase()}`),
    del('with lower-case letters', `/signins/${ana.toLowerCase()}`),
    del('with leading whitespace', `/signins/%20${ana}`),
  ];
}

function bodyProbes(ids: Ids): Probe[] {
  const ana = ids.ana.sessions.laptop;
  const post = (what: string, path: string, body: unknown, expect = [404]): Probe => ({
    what,
    method: 'POST',
    path,
    body,
    expect,
  });
  return [
    post(
      'switch-signin, duplicate keys (Ana last)',
      '/switch-signin',
      `{"signInId":"${ids.ben.phone}","signInId":"${ana}"}`,
    ),
    post(
      'switch-signin, __proto__',
      '/switch-signin',
      `{"__proto__":{"signInId":"${ana}"}}`,
      [400],
    ),
    post(
      'switch-signin, constructor.prototype',
      '/switch-signin',
      `{"constructor":{"prototype":{"signInId":"${ana}"}}}`,
      [400],
    ),
    post('switch-signin, id in an array', '/switch-signin', { signInId: [ana] }, [400]),
    post('switch-signin, id in an object', '/switch-signin', { signInId: { id: ana } }, [400]),
    post('switch-signin, id only in the query', `/switch-signin?signInId=${ana}`, {}, [400]),
    post('switch-signin with a userId beside it', '/switch-signin', {
      signInId: ana,
      userId: ids.ana.user,
    }),
    post(
      'sign-out, duplicate keys (Ana last)',
      '/sign-out',
      `{"signInId":"${ids.ben.phone}","signInId":"${ana}"}`,
    ),
    post(
      'sign-out, __proto__ everywhere',
      '/sign-out',
      `{"signInId":"${ana}","__proto__":{"everywhere":true}}`,
    ),
    post(
      'sign-out, constructor.prototype all',
      '/sign-out',
      `{"signInId":"${ana}","constructor":{"prototype":{"all":true}}}`,
    ),
    post('sign-out with all: false beside Ana’s id', '/sign-out', { signInId: ana, all: false }),
    post('sign-out, id in an array', '/sign-out', { signInId: [ana] }, [400]),
    post(
      'switch-organization, duplicate keys (Ana last)',
      '/switch-organization',
      `{"organizationId":"${ids.orgs.bolt}","organizationId":"${ids.orgs.acme}"}`,
    ),
    post(
      'switch-organization, __proto__',
      '/switch-organization',
      `{"__proto__":{"organizationId":"${ids.orgs.acme}"}}`,
      [400],
    ),
    post('switch-organization by slug', '/switch-organization', { organizationId: 'acme' }),
    post(
      'switch-organization, id in an array',
      '/switch-organization',
      { organizationId: [ids.orgs.acme] },
      [400],
    ),
    post(
      'switch-workspace, duplicate keys (Ana last)',
      '/switch-workspace',
      `{"workspaceId":"${ids.teams.ops}","workspaceId":"${ids.teams.private}"}`,
    ),
    post(
      'switch-workspace, __proto__',
      '/switch-workspace',
      `{"__proto__":{"workspaceId":"${ids.teams.design}"}}`,
      [400],
    ),
    post('switch-workspace to Ana’s team with Ben’s organization', '/switch-workspace', {
      workspaceId: ids.teams.private,
      organizationId: ids.orgs.shared,
    }),
    post('switch-workspace to Ana’s team by name', '/switch-workspace', { workspaceId: 'Secret' }),
    // A parameter given twice is refused whichever comes first: a proxy may read the other.
    {
      what: 'workspaces, Ana’s organization first of two',
      method: 'GET',
      path: `/workspaces?organizationId=${ids.orgs.acme}&organizationId=${ids.orgs.bolt}`,
      expect: [400],
    },
    {
      what: 'workspaces, Ben’s organization first of two',
      method: 'GET',
      path: `/workspaces?organizationId=${ids.orgs.shared}&organizationId=${ids.orgs.acme}`,
      expect: [400],
    },
  ];
}

/** Reads that take no id but might be talked into one: they must answer with Ben's data only. */
function readProbes(ids: Ids): Probe[] {
  const get = (what: string, path: string): Probe => ({ what, method: 'GET', path, expect: [200] });
  const as = `userId=${ids.ana.user}&user_id=${ids.ana.user}&id=${ids.ana.sessions.laptop}`;
  return [
    get('session with Ana’s ids in the query', `/?${as}`),
    get('sign-ins with Ana’s ids in the query', `/signins?${as}&status=online`),
    get('expired sign-ins with Ana’s ids', `/signins?${as}&status=expired`),
    get('organizations with Ana’s ids in the query', `/organizations?${as}`),
    get('workspaces of a shared organization', `/workspaces?organizationId=${ids.orgs.shared}`),
    get('token with Ana’s ids in the query', `/token?${as}&sub=${ids.ana.user}`),
  ];
}

/** A token's payload, decoded, so that ids inside a JWT are scanned too. */
function withJwtPayloads(text: string): string {
  const payloads = [...text.matchAll(/eyJ[\w-]+\.([\w-]+)\.[\w-]+/g)].map((m) =>
    Buffer.from(m[1]!, 'base64url').toString(),
  );
  return [text, ...payloads].join('\n');
}

describe('IDOR: Ben cannot reach anything of Ana’s', () => {
  let app: App;
  let ben: Browser;
  let ids: Ids;
  let secrets: string[];

  before(async () => {
    const created = await createAppWithAnaAndBen();
    app = created.app;
    const { ana, ben: benUser } = created;
    const cleo = await app.signUp('Cleo Park', 'cleo@example.com');
    const acme = await createOrganization(app, {
      name: 'Acme',
      slug: 'acme',
      members: [{ userId: ana, role: 'owner' }],
      teams: [
        { name: 'Design', members: [ana] },
        { name: 'Secret', members: [ana] },
      ],
    });
    const bolt = await createOrganization(app, {
      name: 'Bolt',
      slug: 'bolt',
      members: [
        { userId: benUser, role: 'owner' },
        { userId: cleo, role: 'member' },
      ],
      teams: [{ name: 'Ops', members: [benUser] }],
    });
    const shared = await createOrganization(app, {
      name: 'Shared',
      slug: 'shared',
      members: [
        { userId: ana, role: 'owner' },
        { userId: benUser, role: 'member' },
      ],
      teams: [
        { name: 'Open', members: [ana, benUser] },
        { name: 'Private', members: [ana] },
      ],
    });

    const anaLaptop = await signedIn(app, 'ana@example.com', ANA_UA.laptop);
    assert.equal(
      (await anaLaptop.post('/switch-workspace', { workspaceId: acme.teams[0] })).status,
      200,
    );
    const anaPhone = await signedIn(app, 'ana@example.com', ANA_UA.phone);
    const anaTablet = await signedIn(app, 'ana@example.com', ANA_UA.tablet);
    const anaOld = await signedIn(app, 'ana@example.com', ANA_UA.old);
    const sessions = {
      laptop: await activeId(anaLaptop),
      phone: await activeId(anaPhone),
      tablet: await activeId(anaTablet),
      old: await activeId(anaOld),
    };
    // Read before expiring: with Redis an expired session is gone, token and all.
    const token = async (id: string) => (await app.rows('session', { id }))[0]!.token as string;
    const anaTokens = await Promise.all(
      [sessions.phone, sessions.laptop, sessions.tablet, sessions.old].map(token),
    );
    await updateSession(app, sessions.old, { expiresAt: Date.now() - 86_400_000 });

    const benPhone = await signedIn(app, 'ben@example.com');
    const benOld = await signedIn(app, 'ben@example.com');
    const benPhoneId = await activeId(benPhone);
    const benOldId = await activeId(benOld);
    await updateSession(app, benOldId, { expiresAt: Date.now() - 86_400_000 });
    ben = await signedIn(app, 'cleo@example.com');
    await ben.signIn('ben@example.com');

    ids = {
      ana: { user: ana, sessions, tokens: anaTokens },
      anaOwn: {
        orgs: [acme.id],
        teams: [...acme.teams, shared.teams[1]!],
        members: await idsOf(app, 'member', { userId: ana }),
        teamMembers: await idsOf(app, 'teamMember', { userId: ana }),
      },
      ben: { phone: benPhoneId, expired: benOldId },
      orgs: { acme: acme.id, bolt: bolt.id, shared: shared.id },
      teams: {
        design: acme.teams[0]!,
        secret: acme.teams[1]!,
        ops: bolt.teams[0]!,
        open: shared.teams[0]!,
        private: shared.teams[1]!,
      },
    };
    secrets = await anaSecrets(app, ids);
    assert.equal(((await ben.get('/')).json as Session).active_signin?.user?.first_name, 'Ben');
  });
  after(() => app?.close());

  async function probe(p: Probe): Promise<void> {
    await tally.attempt(p.what, async () => {
      const before = await snapshot(app, READ_TOUCHES);
      const cookies = new Map(ben.cookies);
      const answer = await ben.request(p.method, `/api/session${p.path}`, p.body);
      if (p.expect.includes(200)) {
        assert.equal(answer.status, 200, `${p.what}: ${answer.text.slice(0, 200)}`);
        assert.deepEqual(answer.headers.getSetCookie(), [], `${p.what}: no cookie set`);
      } else {
        assertRefused(answer, p.expect, p.what);
      }
      // What the probe itself sent may be echoed (e.g. an unknown template name); nothing else.
      const sent = safeDecode(safeDecode(p.path)) + JSON.stringify(p.body ?? '');
      const notSent = secrets.filter(
        (secret) => !sent.includes(secret) && !p.path.includes(secret),
      );
      tally.checkLeaks(p.what, withJwtPayloads(answer.text) + headerText(answer.headers), notSent);
      assert.deepEqual(
        await snapshot(app, READ_TOUCHES),
        before,
        `${p.what}: the database changed`,
      );
      assert.deepEqual(ben.cookies, cookies, `${p.what}: Ben's cookies changed`);
    });
  }

  test('id probes: every id-taking endpoint with every kind of Ana’s id', async (t) => {
    for (const p of idProbes(ids)) await t.test(p.what, () => probe(p));
  });

  test('path probes: encodings, traversal, separators, odd characters', async (t) => {
    for (const p of pathProbes(ids)) await t.test(p.what, () => probe(p));
  });

  test('body probes: duplicate keys, prototype keys, wrong types, query stand-ins', async (t) => {
    for (const p of bodyProbes(ids)) await t.test(p.what, () => probe(p));
  });

  test('read probes: lists answer with Ben’s data only', async (t) => {
    for (const p of readProbes(ids)) await t.test(p.what, () => probe(p));
  });

  test('control: Ben’s own ids do work (the probes were refused for being Ana’s)', async () => {
    const own = await ben.post('/switch-organization', { organizationId: ids.orgs.bolt });
    assert.equal(own.status, 200, own.text);
    const team = await ben.post('/switch-workspace', { workspaceId: ids.teams.open });
    assert.equal(team.status, 200, team.text);
    const removed = await ben.delete(`/signins/${ids.ben.phone}`);
    assert.equal(removed.status, 204, removed.text);
    // With Redis her expired sign-in is already gone (its key expired); the live ones remain.
    const live = await app.sessionTokens();
    const kept = app.keepsExpiredSessions ? ids.ana.tokens : ids.ana.tokens.slice(0, 3);
    assert.ok(
      kept.every((t) => live.includes(t)),
      'every Ana session remains',
    );
  });
});

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function headerText(headers: Headers): string {
  const lines: string[] = [];
  headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  return lines.join('\n');
}
