import { expect } from '@open-wc/testing';
import { RestBackend } from '../../src/backends/rest.js';
import type { SessionError } from '../../src/core/errors.js';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const o = () => ({ signal: new AbortController().signal });

const SESSION = {
  active_signin: { id: 's1', user_id: 'u1', current: true, user: { id: 'u1', first_name: 'Ada' } },
  signins: [{ id: 's1', user_id: 'u1', current: true }],
  signin_attempts: [],
  signup_attempts: [],
};

async function failure(promise: Promise<unknown>): Promise<SessionError> {
  try {
    await promise;
  } catch (error) {
    return error as SessionError;
  }
  throw new Error('expected a rejection');
}

describe('RestBackend', () => {
  it('reads the session with cookies and no CSRF header', async () => {
    const { calls, fetch } = fakeFetch(() => json(SESSION));
    const backend = new RestBackend({ baseUrl: '/auth/session/', fetch });
    const session = await backend.getSession(o());
    expect(session?.active_signin?.id).to.equal('s1');
    expect(calls[0].url).to.equal('/auth/session/');
    expect(calls[0].init.method).to.equal('GET');
    expect(calls[0].init.credentials).to.equal('include');
    expect((calls[0].init.headers as Record<string, string>)['X-Session-Elements']).to.equal(
      undefined,
    );
  });

  it('treats a 200 null on the session endpoint as signed out', async () => {
    const { fetch } = fakeFetch(() => json(null));
    expect(await new RestBackend({ fetch }).getSession(o())).to.equal(null);
  });

  it('treats a 401 on the session endpoint as signed out (older servers)', async () => {
    const { fetch } = fakeFetch(() =>
      json({ error: { code: 'unauthorized', message: 'no' } }, 401),
    );
    expect(await new RestBackend({ fetch }).getSession(o())).to.equal(null);
  });

  it('sends mutations as POST/DELETE with JSON and the CSRF header', async () => {
    const { calls, fetch } = fakeFetch(({ url }) => {
      if (url.endsWith('/signins/a%2Fb')) return new Response(null, { status: 204 });
      if (url.endsWith('/revoke-others')) return json({ revoked: 3 });
      if (url.endsWith('/sign-out')) return json({ redirectUrl: '/bye' });
      return json(SESSION);
    });
    const backend = new RestBackend({ fetch });
    await backend.removeSignIn('a/b', o());
    expect(await backend.revokeOtherSignIns(o())).to.deep.equal({ revoked: 3 });
    await backend.switchSignIn('s2', o());
    await backend.switchOrganization(null, o());
    await backend.switchWorkspace('w1', o());
    expect(await backend.signOut({ everywhere: true }, o())).to.deep.equal({ redirectUrl: '/bye' });
    await backend.exchangeTicket('t', o());
    const seen = calls.map((c) => [c.init.method, c.url, c.init.body]);
    expect(seen).to.deep.equal([
      ['DELETE', '/api/session/signins/a%2Fb', '{}'],
      ['POST', '/api/session/signins/revoke-others', '{}'],
      ['POST', '/api/session/switch-signin', '{"signInId":"s2"}'],
      ['POST', '/api/session/switch-organization', '{"organizationId":null}'],
      ['POST', '/api/session/switch-workspace', '{"workspaceId":"w1"}'],
      ['POST', '/api/session/sign-out', '{"everywhere":true}'],
      ['POST', '/api/session/exchange-ticket', '{"ticket":"t"}'],
    ]);
    for (const call of calls) {
      const headers = call.init.headers as Record<string, string>;
      expect(headers['X-Session-Elements']).to.equal('1');
      expect(headers['Content-Type']).to.equal('application/json');
      expect(call.init.credentials).to.equal('include');
    }
  });

  it('builds list queries from page, page size and status', async () => {
    const { calls, fetch } = fakeFetch(({ url }) => {
      if (url.includes('/token')) return json({ token: 'jwt', expiresAt: 1 });
      if (url.includes('/workspaces')) return json([]);
      return json({ items: [], total: 0, page: 2, pageSize: 5 });
    });
    const backend = new RestBackend({ fetch });
    await backend.listSignIns({ page: 2, pageSize: 5, status: 'online' }, o());
    await backend.listSignIns({ status: 'all' }, o());
    await backend.getToken('hasura', o());
    await backend.listWorkspaces('org 1', o());
    expect(calls.map((c) => c.url)).to.deep.equal([
      '/api/session/signins?page=2&pageSize=5&status=online',
      '/api/session/signins',
      '/api/session/token?template=hasura',
      '/api/session/workspaces?organizationId=org%201',
    ]);
  });

  it('maps error bodies and statuses to SessionError codes', async () => {
    const cases: [Response, string, number][] = [
      [
        json({ error: { code: 'reauth-required', message: 'Confirm' } }, 403),
        'reauth-required',
        403,
      ],
      [json({ error: { code: 'bogus' } }, 403), 'forbidden', 403],
      [new Response('<html>oops</html>', { status: 502 }), 'server', 502],
      [json({}, 404), 'not-found', 404],
    ];
    for (const [response, code, status] of cases) {
      const { fetch } = fakeFetch(() => response);
      const error = await failure(new RestBackend({ fetch }).listSignIns({}, o()));
      expect(error.code).to.equal(code);
      expect(error.status).to.equal(status);
    }
  });

  it('carries Retry-After on a 429', async () => {
    const { fetch } = fakeFetch(() =>
      json({ error: { code: 'rate-limited', message: 'Slow down' } }, 429, { 'Retry-After': '12' }),
    );
    const error = await failure(new RestBackend({ fetch }).getToken(undefined, o()));
    expect(error.code).to.equal('rate-limited');
    expect(error.retryAfter).to.equal(12);
    expect(error.message).to.equal('Slow down');
  });

  it('rejects malformed payloads as invalid-response instead of passing them on', async () => {
    const bodies = [
      'not json',
      JSON.stringify({ items: 'nope', total: 1, page: 1, pageSize: 10 }),
      JSON.stringify({ items: [{ user: 'x' }], total: 1, page: 1, pageSize: 10 }),
      JSON.stringify({ items: [], total: -1, page: 1, pageSize: 10 }),
      JSON.stringify(null),
    ];
    for (const body of bodies) {
      const { fetch } = fakeFetch(() => new Response(body, { status: 200 }));
      const error = await failure(new RestBackend({ fetch }).listSignIns({}, o()));
      expect(error.code, body).to.equal('invalid-response');
    }
  });

  it('drops fields outside the contract, so a leaked token never travels further', async () => {
    const leaky = {
      ...SESSION,
      token: 'secret-session-token',
      active_signin: { ...SESSION.active_signin, token: 'secret-session-token', evil: '<img>' },
    };
    const { fetch } = fakeFetch(() => json(leaky));
    const session = await new RestBackend({ fetch }).getSession(o());
    expect(JSON.stringify(session)).to.not.contain('secret-session-token');
    expect(JSON.stringify(session)).to.not.contain('evil');
  });

  it('a hostile server cannot make the page hold or render without end', async () => {
    const item = (i: number) => ({ id: `s${i}`, user_id: 'u1' });
    const many = Array.from({ length: 5000 }, (_, i) => item(i));
    const pages = fakeFetch(() => json({ items: many, total: 5000, page: 1, pageSize: 10 }));
    const page = await new RestBackend({ fetch: pages.fetch }).listSignIns({ pageSize: 10 }, o());
    expect(page.items.length, 'no more rows than asked for').to.equal(10);

    const sessions = fakeFetch(() => json({ ...SESSION, signins: many }));
    const session = await new RestBackend({ fetch: sessions.fetch }).getSession(o());
    expect(session?.signins.length, 'accounts on one browser are bounded').to.equal(100);

    // Over a megabyte: refused, declared or streamed (no Content-Length).
    const huge = JSON.stringify({ ...SESSION, padding: 'x'.repeat(1_100_000) });
    const declared = fakeFetch(() => json(JSON.parse(huge)));
    expect(
      (await failure(new RestBackend({ fetch: declared.fetch }).getSession(o()))).code,
    ).to.equal('invalid-response');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(huge.slice(0, 65_536));
        for (let sent = 0; sent < 1_200_000; sent += chunk.byteLength) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = fakeFetch(() => new Response(stream, { status: 200 }));
    expect(
      (await failure(new RestBackend({ fetch: streamed.fetch }).getSession(o()))).code,
    ).to.equal('invalid-response');
  });

  it('reports a failed connection as a network error', async () => {
    const fetch = (() =>
      Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    const backend = new RestBackend({ fetch });
    // The controller wraps backend failures; the raw TypeError becomes `network` there.
    const error = await failure(backend.getSession(o()));
    expect(error).to.be.instanceOf(TypeError);
  });
});
