import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { Session } from '../../../src/core/types.js';
import { toNodeHandler } from '../../../src/server/index.js';
import {
  Browser,
  createAppWithAnaAndBen,
  createOrganization,
  ORIGIN,
  type App,
} from '../../server/fixture.js';
import { assertRefused, snapshot, Tally } from './report.js';

/**
 * CSRF matrix: every mutation of the contract (DESIGN §5) sent in every shape
 * a hostile page, a confused proxy or a sloppy client could produce. Each base
 * request is one that succeeds when sent properly (the last test proves it),
 * so a refusal here is the server's doing, not a bad id. Every refusal is a
 * 4xx JSON error, sets no cookie, and leaves every row of every table as it was.
 * Nothing is ignored in the snapshot: each variant must be refused before the
 * session is even read.
 */

interface Mutation {
  name: string;
  method: 'POST' | 'DELETE';
  path: string;
  body: Record<string, unknown> | undefined;
  /** Which browser sends it: the signed-in laptop, or an empty one (to redeem a ticket). */
  from: 'laptop' | 'fresh';
}

interface Variant {
  name: string;
  /** What to send instead of the proper request; `headers` entries of null remove a header. */
  shape: (m: Mutation) => {
    method: string;
    path: string;
    body?: string;
    headers: Record<string, string | null>;
  };
}

const json = (m: Mutation) => (m.body === undefined ? undefined : JSON.stringify(m.body));
const proper = (m: Mutation, headers: Record<string, string | null>, body = json(m)) => ({
  method: m.method,
  path: m.path,
  body,
  headers,
});
const withOrigin = (origin: string | null) => (m: Mutation) => proper(m, { origin });
const withType =
  (type: string | null, body: (m: Mutation) => string | undefined) => (m: Mutation) =>
    proper(m, { 'content-type': type }, body(m));
const form = (m: Mutation) =>
  new URLSearchParams(
    Object.entries(m.body ?? {}).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
const multipart = (m: Mutation) =>
  Object.entries(m.body ?? { x: '1' })
    .map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('') + '--b0undary--\r\n';
const override = (header: string) => (m: Mutation) => ({
  method: 'GET',
  path: m.path,
  headers: { [header]: m.method },
});

const VARIANTS: Variant[] = [
  { name: 'no X-Session-Elements', shape: (m) => proper(m, { 'x-session-elements': null }) },
  { name: 'X-Session-Elements: 0', shape: (m) => proper(m, { 'x-session-elements': '0' }) },
  { name: 'X-Session-Elements: true', shape: (m) => proper(m, { 'x-session-elements': 'true' }) },
  { name: 'empty X-Session-Elements', shape: (m) => proper(m, { 'x-session-elements': '' }) },
  { name: 'X-Session-Elements: 1, 1', shape: (m) => proper(m, { 'x-session-elements': '1, 1' }) },
  { name: 'no Origin', shape: withOrigin(null) },
  { name: 'Origin: null', shape: withOrigin('null') },
  { name: 'foreign Origin', shape: withOrigin('https://evil.example') },
  { name: 'Origin that starts with ours', shape: withOrigin(`${ORIGIN}.evil.example`) },
  {
    name: 'Origin that ends with ours (query)',
    shape: withOrigin(`http://evil.example?${ORIGIN}`),
  },
  { name: 'Origin that ends with ours (path)', shape: withOrigin(`http://evil.example/${ORIGIN}`) },
  { name: 'Origin with our host over https', shape: withOrigin('https://127.0.0.1:3000') },
  { name: 'Origin with our host on another port', shape: withOrigin('http://127.0.0.1:3001') },
  { name: 'Origin with our host, no port', shape: withOrigin('http://127.0.0.1') },
  { name: 'Origin list naming ours first', shape: withOrigin(`${ORIGIN} https://evil.example`) },
  {
    name: 'foreign Origin backed by X-Forwarded-Host (no trusted proxy)',
    shape: (m) =>
      proper(m, {
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      }),
  },
  {
    name: 'Referer only',
    shape: (m) => proper(m, { origin: null, referer: `${ORIGIN}/account` }),
  },
  { name: 'text/plain body', shape: withType('text/plain', json) },
  { name: 'form-encoded body', shape: withType('application/x-www-form-urlencoded', form) },
  { name: 'multipart body', shape: withType('multipart/form-data; boundary=b0undary', multipart) },
  { name: 'no Content-Type', shape: withType(null, json) },
  { name: 'application/json-patch+json', shape: withType('application/json-patch+json', json) },
  { name: 'text/plain naming JSON', shape: withType('text/plain; a=application/json', json) },
  { name: 'JSON array body', shape: (m) => proper(m, {}, '[]') },
  { name: 'JSON array of the real body', shape: (m) => proper(m, {}, `[${json(m) ?? '{}'}]`) },
  { name: 'JSON string body', shape: (m) => proper(m, {}, JSON.stringify(json(m) ?? '{}')) },
  { name: 'JSON null body', shape: (m) => proper(m, {}, 'null') },
  { name: 'JSON number body', shape: (m) => proper(m, {}, '1') },
  { name: 'truncated JSON body', shape: (m) => proper(m, {}, (json(m) ?? '{}').slice(0, -1)) },
  { name: 'GET', shape: (m) => ({ method: 'GET', path: m.path, headers: {} }) },
  { name: 'HEAD', shape: (m) => ({ method: 'HEAD', path: m.path, headers: {} }) },
  { name: 'PUT', shape: (m) => ({ ...proper(m, {}), method: 'PUT' }) },
  { name: 'PATCH', shape: (m) => ({ ...proper(m, {}), method: 'PATCH' }) },
  { name: 'GET + X-HTTP-Method-Override', shape: override('x-http-method-override') },
  { name: 'GET + X-HTTP-Method', shape: override('x-http-method') },
  { name: 'GET + X-Method-Override', shape: override('x-method-override') },
  {
    name: 'GET + ?_method=',
    shape: (m) => ({ method: 'GET', path: `${m.path}?_method=${m.method}`, headers: {} }),
  },
  {
    // The other method of the contract, asking to be treated as the right one.
    name: 'wrong method + X-HTTP-Method-Override',
    shape: (m) => ({
      ...proper(m, { 'x-http-method-override': m.method }),
      method: m.method === 'POST' ? 'DELETE' : 'POST',
    }),
  },
];

/** Requests aimed at GET routes (or no route) that ask to be treated as a mutation. */
const STRAY_OVERRIDES: [string, string, Record<string, string>][] = [
  ['POST', '/signins', { 'x-http-method-override': 'DELETE' }],
  ['POST', '/', { 'x-http-method-override': 'DELETE' }],
  ['POST', '/token', { 'x-http-method-override': 'POST' }],
  ['POST', '/organizations', { 'x-http-method-override': 'DELETE' }],
  ['PUT', '/signins', { 'x-http-method-override': 'POST' }],
];

const tally = new Tally('csrf');

const MUTATIONS = [
  'DELETE /signins/:id',
  'POST /signins/revoke-others',
  'POST /switch-signin',
  'POST /switch-organization',
  'POST /switch-workspace',
  'POST /sign-out',
  'POST /exchange-ticket',
] as const;

interface World {
  app: App;
  browsers: Record<Mutation['from'], Browser>;
  mutations: Record<(typeof MUTATIONS)[number], Mutation>;
}

/**
 * Ana signed in on a laptop (active, with Ben as a second account on it), a
 * phone and a tablet; Acme with a Design team; a one-time ticket for her laptop
 * session, and an empty browser to redeem it.
 */
async function createWorld(): Promise<World> {
  const { app, ana, ben } = await createAppWithAnaAndBen();
  const org = await createOrganization(app, {
    name: 'Acme',
    slug: 'acme',
    members: [
      { userId: ana, role: 'owner' },
      { userId: ben, role: 'member' },
    ],
    teams: [{ name: 'Design', members: [ana] }],
  });
  const laptop = app.browser();
  await laptop.signIn('ben@example.com');
  const benOnLaptop = ((await laptop.get('/')).json as Session).active_signin!.id;
  await laptop.signIn('ana@example.com');
  const phone = app.browser({ userAgent: 'Mozilla/5.0 (iPhone) Mobile Safari/604.1' });
  await phone.signIn('ana@example.com');
  const phoneId = ((await phone.get('/')).json as Session).active_signin!.id;
  await app.browser({ userAgent: 'Mozilla/5.0 (iPad) Safari/604.1' }).signIn('ana@example.com');
  const { token: ticket } = await app.auth.api.generateOneTimeToken({
    headers: laptop.cookieHeader(),
  });
  const post = (
    path: string,
    body: Record<string, unknown>,
    from: Mutation['from'] = 'laptop',
  ) => ({
    name: `POST ${path}`,
    method: 'POST' as const,
    path,
    body,
    from,
  });
  return {
    app,
    browsers: { laptop, fresh: app.browser() },
    mutations: {
      'DELETE /signins/:id': {
        name: 'DELETE /signins/:id',
        method: 'DELETE',
        path: `/signins/${phoneId}`,
        body: undefined,
        from: 'laptop',
      },
      'POST /signins/revoke-others': post('/signins/revoke-others', {}),
      'POST /switch-signin': post('/switch-signin', { signInId: benOnLaptop }),
      'POST /switch-organization': post('/switch-organization', { organizationId: org.id }),
      'POST /switch-workspace': post('/switch-workspace', { workspaceId: org.teams[0]! }),
      'POST /sign-out': post('/sign-out', {}),
      'POST /exchange-ticket': post('/exchange-ticket', { ticket }, 'fresh'),
    },
  };
}

async function expectNothingHappens(
  app: App,
  browser: Browser,
  what: string,
  request: ReturnType<Variant['shape']>,
) {
  await tally.attempt(what, async () => {
    const before = await snapshot(app);
    const cookies = new Map(browser.cookies);
    const answer = await browser.request(
      request.method,
      `/api/session${request.path}`,
      request.body,
      request.headers,
    );
    assertRefused(answer, [400, 403, 404, 405, 413, 415], what);
    tally.checkLeaks(what, answer.text, await app.sessionTokens());
    assert.deepEqual(await snapshot(app), before, `${what}: the database changed`);
    assert.deepEqual(browser.cookies, cookies, `${what}: the browser's cookies changed`);
  });
}

/** Sends each request of a browser through toNodeHandler on a real loopback server. */
async function overHttp(app: App, run: (handle: App['handle']) => Promise<void>): Promise<void> {
  const server = createServer(toNodeHandler(app.handle));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await run(async (request) => {
      const body = request.body ? await request.arrayBuffer() : undefined;
      return fetch(request.url.replace(ORIGIN, base), {
        method: request.method,
        headers: request.headers,
        body,
        redirect: 'manual',
      });
    });
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

describe('CSRF: no hostile variant of any mutation changes anything', () => {
  let world: World;
  before(async () => {
    world = await createWorld();
  });
  after(() => world?.app.close());

  for (const name of MUTATIONS) {
    for (const variant of VARIANTS) {
      const what = `${name} with ${variant.name}`;
      test(what, async () => {
        const m = world.mutations[name];
        await expectNothingHappens(world.app, world.browsers[m.from], what, variant.shape(m));
      });
    }
  }

  for (const [method, path, headers] of STRAY_OVERRIDES) {
    const what = `${method} ${path} with ${JSON.stringify(headers)}`;
    test(what, () =>
      expectNothingHappens(world.app, world.browsers.laptop, what, { method, path, headers }),
    );
  }

  // Last: the very requests the matrix mangled do work when sent properly.
  test('control: each base request, sent properly, does change something', async () => {
    const order: (typeof MUTATIONS)[number][] = [
      'POST /switch-organization',
      'POST /switch-workspace',
      'DELETE /signins/:id',
      'POST /signins/revoke-others',
      'POST /exchange-ticket',
      'POST /switch-signin',
      'POST /sign-out',
    ];
    for (const m of order.map((name) => world.mutations[name])) {
      const before = await snapshot(world.app);
      const browser = world.browsers[m.from];
      const cookies = new Map(browser.cookies);
      const answer = await browser.request(m.method, `/api/session${m.path}`, json(m));
      assert.ok(answer.status < 300, `${m.name}: ${answer.status} ${answer.text}`);
      const changed =
        !isDeepStrictEqual(await snapshot(world.app), before) ||
        !isDeepStrictEqual(browser.cookies, cookies);
      assert.ok(changed, `${m.name} changed neither the database nor the browser's cookies`);
    }
  });
});

// A body of more than 64 KB is not the kit's; each mutation gets a world of its own here, so
// one accepted oversized request cannot hide or cause another result.
describe('CSRF: an oversized body is refused before any work', () => {
  const huge = (m: Mutation) =>
    proper(m, {}, JSON.stringify({ ...m.body, padding: 'x'.repeat(70_000) }));

  for (const name of MUTATIONS) {
    test(`${name} with a huge body (> 64 KB), fetch handler`, async () => {
      const world = await createWorld();
      try {
        const m = world.mutations[name];
        await expectNothingHappens(world.app, world.browsers[m.from], `${name}, huge`, huge(m));
      } finally {
        await world.app.close();
      }
    });

    test(`${name} with a huge body (> 64 KB), toNodeHandler`, async () => {
      const world = await createWorld();
      try {
        const m = world.mutations[name];
        await overHttp(world.app, async (handle) => {
          const browser = new Browser(handle);
          for (const [k, v] of world.browsers[m.from].cookies) browser.cookies.set(k, v);
          await expectNothingHappens(world.app, browser, `${name}, huge over HTTP`, huge(m));
        });
      } finally {
        await world.app.close();
      }
    });
  }
});
