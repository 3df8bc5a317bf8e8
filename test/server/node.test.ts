import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createSessionHandler, toNodeHandler } from '../../src/server/index.js';
import { createApp } from './fixture.js';

test('toNodeHandler carries method, headers, body and every Set-Cookie both ways', async () => {
  const seen: { method: string; url: string; body: string; marker: string | null }[] = [];
  const handler = toNodeHandler(async (request) => {
    seen.push({
      method: request.method,
      url: request.url,
      body: await request.text(),
      marker: request.headers.get('x-session-elements'),
    });
    const response = new Response(JSON.stringify({ ok: true }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
    response.headers.append('set-cookie', 'a=1; Path=/; HttpOnly');
    response.headers.append('set-cookie', 'b=2; Path=/; HttpOnly');
    return response;
  });
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/session/sign-out?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-session-elements': '1' },
      body: '{"all":true}',
    });
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), { ok: true });
    assert.deepEqual(response.headers.getSetCookie(), [
      'a=1; Path=/; HttpOnly',
      'b=2; Path=/; HttpOnly',
    ]);
    assert.deepEqual(seen, [
      {
        method: 'POST',
        url: `http://127.0.0.1:${port}/api/session/sign-out?x=1`,
        body: '{"all":true}',
        marker: '1',
      },
    ]);
    const big = await fetch(`http://127.0.0.1:${port}/api/session/sign-out`, {
      method: 'POST',
      body: 'x'.repeat(70_000),
    });
    assert.equal(big.status, 413);
    assert.equal(seen.length, 1, 'an oversized body never reaches the handler');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Sends raw bytes and collects whatever comes back until the server closes (or 3 s pass). */
function raw(
  port: number,
  chunks: string[],
  { gapMs = 0, hangUp = false }: { gapMs?: number; hangUp?: boolean } = {},
): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, 3_000);
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    void (async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
      if (hangUp) socket.destroy();
    })();
  });
}

function parse(text: string): { status: number; headers: string; json: unknown } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return {
    status: Number(head.split(' ')[1]),
    headers: head,
    json: body ? JSON.parse(body) : null,
  };
}

describe('toNodeHandler in a hostile world', () => {
  let server: Server;
  let port: number;
  const reached: string[] = [];
  const errors: unknown[] = [];
  const originalError = console.error;
  before(async () => {
    console.error = (...args: unknown[]) => errors.push(args);
    const listener = toNodeHandler(
      async (request) => {
        reached.push(`${request.method} ${new URL(request.url).pathname}`);
        if (new URL(request.url).pathname === '/throw') throw new Error('boom');
        await request.text();
        return Response.json({ ok: true });
      },
      { bodyTimeout: 300 },
    );
    // Exactly as the README shows: the listener's promise is not handled by anyone.
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    console.error = originalError;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('TRACE is 405 JSON with Allow; the handler never sees it', async () => {
    const response = parse(await raw(port, ['TRACE /x HTTP/1.1\r\nHost: a\r\n\r\n']));
    assert.equal(response.status, 405);
    assert.match(response.headers, /\r\nAllow: GET, HEAD, POST/);
    assert.equal((response.json as { error: { code: string } }).error.code, 'unsupported');
    assert.ok(!reached.some((line) => line.startsWith('TRACE')));
  });

  for (const host of ['[bad', 'a b', '', 'a/b', 'a:99999999', 'user@a', 'a\\b']) {
    test(`Host ${JSON.stringify(host)} is 400 JSON`, async () => {
      const response = parse(await raw(port, [`GET /x HTTP/1.1\r\nHost: ${host}\r\n\r\n`]));
      assert.equal(response.status, 400);
      assert.equal((response.json as { error: { code: string } }).error.code, 'bad-request');
    });
  }

  test('a target with // or an absolute URL keeps a sane origin', async () => {
    const response = parse(await raw(port, ['GET //evil.example/x HTTP/1.1\r\nHost: a\r\n\r\n']));
    assert.equal(response.status, 200);
    assert.equal(reached.at(-1), 'GET //evil.example/x');
  });

  test('a client that hangs up mid-body is dropped quietly', async () => {
    const before = reached.length;
    const text = await raw(
      port,
      ['POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n', 'abc'],
      { gapMs: 20, hangUp: true },
    );
    assert.equal(text, '');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(reached.length, before, 'the handler never ran');
  });

  test('a body that trickles in is answered 408 JSON at the deadline', async () => {
    const started = Date.now();
    const response = parse(
      await raw(
        port,
        ['POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n', ...'0123456789'.split('')],
        { gapMs: 100 },
      ),
    );
    assert.equal(response.status, 408);
    assert.equal((response.json as { error: { code: string } }).error.code, 'timeout');
    assert.ok(Date.now() - started < 1_500);
  });

  test('a chunked body over the limit is 413 JSON', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const size = chunk.length.toString(16);
    const response = parse(
      await raw(port, [
        'POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n',
        ...Array.from({ length: 5 }, () => `${size}\r\n${chunk}\r\n`),
      ]),
    );
    assert.equal(response.status, 413);
  });

  test('a handler that throws is a 500 JSON error, logged once, and the server lives on', async () => {
    const logged = errors.length;
    const response = parse(await raw(port, ['GET /throw HTTP/1.1\r\nHost: a\r\n\r\n']));
    assert.equal(response.status, 500);
    assert.equal((response.json as { error: { code: string } }).error.code, 'server');
    assert.equal(errors.length, logged + 1);
    const next = parse(
      await raw(port, ['GET /ok HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n']),
    );
    assert.equal(next.status, 200);
  });

  test('client faults are never logged', () => {
    assert.equal(errors.length, 1, 'only the thrown handler error');
  });
});

test('the session handler answers an unknown method on a known path 405 JSON with Allow', async () => {
  const app = await createApp();
  const server = createServer(toNodeHandler(createSessionHandler({ auth: app.auth })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = parse(
      await raw(port, [
        'PUT /api/session/signins HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      ]),
    );
    assert.equal(response.status, 405);
    assert.match(response.headers, /\r\nallow: GET\r\n/i);
    assert.equal((response.json as { error: { code: string } }).error.code, 'unsupported');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    app.close();
  }
});
