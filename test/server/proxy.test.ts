import assert from 'node:assert/strict';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  createSessionHandler,
  toNodeHandler,
  type SessionHandlerOptions,
} from '../../src/server/index.js';
import { createAppWithAnaAndBen, type App } from './fixture.js';

/**
 * The handler behind a proxy that changes the Host, as Next.js `rewrites()` do: the page is
 * at the proxy's origin, the handler sees its own host and the page's in X-Forwarded-Host.
 * Everything listens on 127.0.0.1 and stops at the end.
 */

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A rewriting proxy: Host becomes the upstream's, the original goes to X-Forwarded-Host/Proto. */
function rewritingProxy(upstream: string): Server {
  const target = new URL(upstream);
  return createServer((req, res) => {
    // Like any proxy worth trusting, it sets X-Forwarded-* itself and drops what the client sent.
    const headers = {
      ...req.headers,
      host: target.host,
      'x-forwarded-host': req.headers.host ?? '',
      'x-forwarded-proto': 'http',
    };
    const out = forward(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
}

describe('behind a proxy that changes the Host (Next.js rewrites)', () => {
  let app: App;
  let cookie: string;
  const servers: Server[] = [];

  before(async () => {
    ({ app } = await createAppWithAnaAndBen());
  });
  after(async () => {
    for (const server of servers) await stop(server);
    await app.close();
  });

  /** The handler with `options` behind a fresh proxy; the proxy's origin (the page's). */
  async function deployment(options: Partial<SessionHandlerOptions>): Promise<string> {
    const handler = toNodeHandler(createSessionHandler({ auth: app.auth, ...options }));
    const upstream = createServer((req, res) => void handler(req, res));
    servers.push(upstream);
    const proxy = rewritingProxy(await listen(upstream));
    servers.push(proxy);
    return listen(proxy);
  }

  /** A signed-in browser's cookie (a fresh one each time: the mutation below ends it). */
  async function signedIn(): Promise<string> {
    const browser = app.browser();
    await browser.signIn('ana@example.com');
    return [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A mutation the page at `origin` sends through the proxy. */
  function signOut(proxy: string, origin: string, extra: Record<string, string> = {}) {
    return fetch(`${proxy}/api/session/sign-out`, {
      method: 'POST',
      headers: {
        cookie,
        origin,
        'content-type': 'application/json',
        'x-session-elements': '1',
        ...extra,
      },
      body: '{}',
    });
  }

  test('without trustProxy or trustedOrigins, every mutation is refused (403)', async () => {
    const proxy = await deployment({});
    cookie = await signedIn();
    const response = await signOut(proxy, proxy);
    assert.equal(response.status, 403);
    // Reads are unaffected: they carry no Origin check.
    const session = await fetch(`${proxy}/api/session/`, { headers: { cookie } });
    assert.equal(session.status, 200);
    assert.ok(((await session.json()) as { active_signin: unknown }).active_signin);
  });

  test('with trustProxy, the public origin comes from X-Forwarded-Host and mutations work', async () => {
    const proxy = await deployment({ trustProxy: true });
    cookie = await signedIn();
    assert.equal((await signOut(proxy, proxy)).status, 200);
    const after = await fetch(`${proxy}/api/session/`, { headers: { cookie } });
    assert.equal(after.status, 401, 'the signed-out cookie names no session any more');
  });

  test("with trustedOrigins naming the page's origin, mutations work without trustProxy", async () => {
    // The page lives at another origin (here: another proxy's) that the app names.
    const pageOrigin = await deployment({});
    const proxy = await deployment({ trustedOrigins: [pageOrigin] });
    cookie = await signedIn();
    assert.equal((await signOut(proxy, pageOrigin)).status, 200);
  });

  test('trustProxy still refuses another origin, whatever X-Forwarded-Host the client sends', async () => {
    const proxy = await deployment({ trustProxy: true });
    cookie = await signedIn();
    const evil = 'http://evil.example';
    // The proxy overwrites the client's X-Forwarded-Host with the Host the browser used.
    const response = await signOut(proxy, evil, { 'x-forwarded-host': 'evil.example' });
    assert.equal(response.status, 403);
  });
});
