import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { toNodeHandler } from '../../src/server/index.js';

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
