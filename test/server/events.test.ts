import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Session } from '../../src/core/types.js';
import {
  createSessionHandler,
  toNodeHandler,
  type SessionHandler,
  type SessionHandlerOptions,
} from '../../src/server/index.js';
import { DIRECT_STREAMS, type DirectStreams } from '../../src/server/events.js';
import { Browser, createApp, createOrganization, ORIGIN, type App } from './fixture.js';

interface SseEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/** Reads a `text/event-stream` body as it arrives, keeping the raw text to check for leaks. */
class EventReader {
  readonly events: SseEvent[] = [];
  text = '';
  ended = false;
  readonly done: Promise<void>;
  #wake: () => void = () => undefined;
  #reader: ReadableStreamDefaultReader<Uint8Array> | null = null;

  constructor(readonly response: Response) {
    this.done = this.#pump();
  }

  async #pump(): Promise<void> {
    const reader = this.response.body!.getReader();
    this.#reader = reader;
    const decoder = new TextDecoder();
    let pending = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const chunk = decoder.decode(value, { stream: true });
        this.text += chunk;
        pending += chunk;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          this.#parse(pending.slice(0, end));
          pending = pending.slice(end + 2);
        }
        this.#wake();
      }
    } catch {
      // Cancelled by the test.
    }
    this.ended = true;
    this.#wake();
  }

  #parse(block: string): void {
    const event: Partial<SseEvent> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) event.id = line.slice(4);
      if (line.startsWith('event: ')) event.event = line.slice(7);
      if (line.startsWith('data: ')) event.data = JSON.parse(line.slice(6)) as SseEvent['data'];
    }
    if (event.event) this.events.push(event as SseEvent);
  }

  /** Resolves with the first event matching, waiting at most `ms`. */
  async next(match: (e: SseEvent) => boolean, ms = 1_000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the event: ${this.text}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such event within ${ms} ms: ${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async waitEnd(ms = 1_000): Promise<void> {
    await Promise.race([
      this.done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), ms)),
    ]);
  }

  cancel(): Promise<void> {
    return (this.#reader?.cancel() ?? Promise.resolve()).catch(() => undefined);
  }
}

let app: App;
let handler: SessionHandler;
const readers: EventReader[] = [];

function setUp(options: Partial<SessionHandlerOptions> = {}) {
  handler = createSessionHandler({ auth: app.auth, ...options });
  const handle = (request: Request) =>
    new URL(request.url).pathname.startsWith('/api/auth')
      ? app.auth.handler(request)
      : handler(request);
  return (init?: { userAgent?: string }) => new Browser(handle, init);
}

async function openStream(browser: Browser, headers: Record<string, string> = {}) {
  const response = await handler(
    new Request(`${ORIGIN}/api/session/events`, {
      headers: { cookie: browser.cookieHeader().get('cookie') ?? '', origin: ORIGIN, ...headers },
    }),
  );
  return response;
}

async function stream(browser: Browser, headers?: Record<string, string>): Promise<EventReader> {
  const response = await openStream(browser, headers);
  if (response.status !== 200) assert.fail(`${response.status} ${await response.text()}`);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = new EventReader(response);
  readers.push(reader);
  return reader;
}

async function signInId(browser: Browser): Promise<string> {
  return ((await browser.get('/')).json as Session).active_signin!.id;
}

before(async () => {
  app = await createApp();
  await app.signUp('Ana Sousa', 'ana@example.com');
  await app.signUp('Ben Okafor', 'ben@example.com');
});
after(async () => {
  handler?.close();
  await Promise.all(readers.map((r) => r.cancel()));
  app.close();
});

describe('GET /events', () => {
  test('a revoke through one browser reaches another browser’s stream within 1 s; the revoked browser’s stream says signed-out and closes', async () => {
    const browser = setUp();
    const laptop = browser();
    const phone = browser({ userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' });
    const tablet = browser({ userAgent: 'Mozilla/5.0 (iPad) Safari/605.1' });
    for (const b of [laptop, phone, tablet]) await b.signIn('ana@example.com');
    const phoneId = await signInId(phone);
    const tabletId = await signInId(tablet);
    const onPhone = await stream(phone);
    const onTablet = await stream(tablet);

    let started = Date.now();
    assert.equal((await laptop.delete(`/signins/${tabletId}`)).status, 204);
    const seen = await onPhone.next((e) => e.event === 'signin' && e.data.kind === 'revoked');
    const latency = Date.now() - started;
    assert.deepEqual(seen.data, { kind: 'revoked', signInId: tabletId });
    assert.ok(seen.id, 'every event has an id');
    assert.ok(latency < 1_000, `seen after ${latency} ms`);
    await onTablet.next((e) => e.event === 'signed-out');
    await onTablet.waitEnd();

    // A sign-in made elsewhere (better-auth's own endpoint) is announced too.
    started = Date.now();
    const desktop = browser({ userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' });
    await desktop.signIn('ana@example.com');
    const created = await onPhone.next((e) => e.event === 'signin' && e.data.kind === 'created');
    assert.deepEqual(created.data, { kind: 'created', signInId: await signInId(desktop) });
    assert.ok(Date.now() - started < 1_000);

    // Ben's sign-ins are not Ana's business.
    await browser().signIn('ben@example.com');

    // Signing out through better-auth ends the phone's stream as well.
    await phone.request('POST', '/api/auth/sign-out', {});
    await onPhone.next((e) => e.event === 'signed-out');
    await onPhone.waitEnd();
    assert.equal(onPhone.events.filter((e) => e.data.kind === 'created').length, 1);
    assert.ok(phoneId);

    const everything = readers.map((r) => r.text).join('\n');
    for (const token of app.tokens()) assert.ok(!everything.includes(token), 'no token leaks');
    for (const leak of ['ana@example.com', 'ben@example.com', 'Ana Sousa', 'userId']) {
      assert.ok(!everything.includes(leak), `no ${leak} in any event`);
    }
  });

  test('an organization switch made through better-auth’s own endpoint is announced to this browser only', async () => {
    const browser = setUp();
    const laptop = browser();
    const phone = browser({ userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' });
    await laptop.signIn('ben@example.com');
    await phone.signIn('ben@example.com');
    const benId = ((await laptop.get('/')).json as Session).active_signin!.user!.id;
    const org = await createOrganization(app, {
      name: 'Globex',
      slug: 'globex-live',
      members: [{ userId: benId, role: 'owner' }],
      teams: [],
    });
    const onLaptop = await stream(laptop);
    const onPhone = await stream(phone);
    const set = await laptop.request('POST', '/api/auth/organization/set-active', {
      organizationId: org.id,
    });
    assert.equal(set.status, 200, set.text);
    const moved = await onLaptop.next((e) => e.event === 'active');
    assert.deepEqual(moved.data, { kind: 'changed', signInId: await signInId(laptop) });
    // The phone's active organization did not move; last activity alone is no event either.
    await phone.get('/');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(onPhone.events.filter((e) => e.event === 'active').length, 0);
  });

  test('Last-Event-ID replays what a reconnecting browser missed; an unknown id asks for a resync', async () => {
    const browser = setUp();
    const laptop = browser();
    const phone = browser({ userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' });
    await laptop.signIn('ana@example.com');
    await phone.signIn('ana@example.com');
    const first = await stream(phone);
    const other = browser();
    await other.signIn('ana@example.com');
    const seen = await first.next((e) => e.data.kind === 'created');
    await first.cancel();
    const otherId = await signInId(other);
    await laptop.delete(`/signins/${otherId}`);
    const again = await stream(phone, { 'last-event-id': seen.id! });
    const missed = await again.next((e) => e.data.kind === 'revoked');
    assert.equal(missed.data.signInId, otherId);
    assert.equal(again.events.filter((e) => e.data.kind === 'created').length, 0);
    const stranger = await stream(phone, { 'last-event-id': 'elsewhere.7' });
    await stranger.next((e) => e.event === 'resync');
  });

  test('streams are bounded per user and per process with a 429 JSON error; closed ones free their place', async () => {
    const browser = setUp({ liveUpdates: { maxStreamsPerUser: 2, maxStreams: 3 } });
    const ana = browser();
    const ben = browser();
    await ana.signIn('ana@example.com');
    await ben.signIn('ben@example.com');
    const a1 = await stream(ana);
    await stream(ana);
    const refused = await openStream(ana);
    assert.equal(refused.status, 429);
    assert.ok(refused.headers.get('retry-after'));
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'rate-limited');
    assert.match(body.error.message, /streams/);
    await stream(ben);
    const full = await openStream(browser());
    assert.equal(full.status, 401, 'a signed-out caller is refused before any limit');
    const ben2 = await openStream(ben);
    assert.equal(ben2.status, 429, 'the process limit holds across users');
    await ben2.body?.cancel();
    await a1.cancel();
    await stream(ana);
  });

  test('close() ends every stream (shutdown) and later opens answer 503', async () => {
    const browser = setUp();
    const ana = browser();
    await ana.signIn('ana@example.com');
    const open = await stream(ana);
    handler.close();
    await open.waitEnd();
    const after = await openStream(ana);
    assert.equal(after.status, 503);
  });

  test('through toNodeHandler the stream flows unbuffered with heartbeats, and a client hanging up frees its place', async () => {
    const browser = setUp({ liveUpdates: { maxStreamsPerUser: 1, heartbeat: 100 } });
    const ana = browser();
    await ana.signIn('ana@example.com');
    const server: Server = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const get = () =>
      new Promise<{ status: number; text: () => string; close: () => void }>((resolve, reject) => {
        let text = '';
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/session/events',
            headers: { cookie: ana.cookieHeader().get('cookie')! },
          },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('error', () => undefined);
            resolve({ status: res.statusCode!, text: () => text, close: () => req.destroy() });
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      const first = await get();
      assert.equal(first.status, 200);
      await new Promise((resolve) => setTimeout(resolve, 350));
      assert.match(first.text(), /^retry: \d+\n\n/);
      assert.match(first.text(), /: heartbeat\n\n/);
      const second = await get();
      assert.equal(second.status, 429);
      second.close();
      first.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = await get();
      assert.equal(third.status, 200, 'the disconnected stream was cleaned up');
      third.close();
    } finally {
      handler.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('GET /events through toNodeHandler, written straight to the Node response', () => {
  let server: Server;
  let port = 0;
  let fetchCalls = 0;
  const sockets: (() => void)[] = [];

  /**
   * A loopback server for the handler; the handler's fetch entry is counted, so a
   * test can tell that streams took the direct path (which never calls it).
   */
  async function listen(options: Partial<SessionHandlerOptions> = {}) {
    const browser = setUp(options);
    const direct = handler as SessionHandler & DirectStreams;
    const counted = Object.assign(
      (request: Request) => {
        fetchCalls++;
        return handler(request);
      },
      { [DIRECT_STREAMS]: direct[DIRECT_STREAMS] },
    );
    fetchCalls = 0;
    server = createServer(toNodeHandler(counted));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    return browser;
  }

  async function stop() {
    handler.close();
    for (const close of sockets.splice(0)) close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** `GET /api/session/events` over a real socket; the answer as a fetch Response to read. */
  function get(browser: Browser, headers: Record<string, string> = {}) {
    return new Promise<{ response: Response; close: () => void }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/session/events',
          headers: { cookie: browser.cookieHeader().get('cookie') ?? '', ...headers },
        },
        (res) => {
          res.on('error', () => undefined);
          const head = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of [value ?? []].flat()) head.append(name, v);
          }
          const body = Readable.toWeb(res) as ReadableStream<Uint8Array>;
          const close = () => req.destroy();
          sockets.push(close);
          resolve({
            response: new Response(body, { status: res.statusCode!, headers: head }),
            close,
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  async function nodeStream(browser: Browser, headers?: Record<string, string>) {
    const { response, close } = await get(browser, headers);
    if (response.status !== 200) assert.fail(`${response.status} ${await response.text()}`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return { events: new EventReader(response), close };
  }

  /** A stream once the server has noticed earlier clients leaving (at most 1 s). */
  async function nodeStreamSoon(browser: Browser) {
    for (let tries = 0; ; tries++) {
      const { response, close } = await get(browser);
      if (response.status === 200) return { events: new EventReader(response), close };
      assert.equal(response.status, 429, await response.text());
      await response.body?.cancel();
      if (tries === 50) assert.fail('the closed streams still hold their places');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function refusal(browser: Browser) {
    const { response } = await get(browser);
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  }

  test('limits per user and per process, 401 when signed out, 503 after close(), with the fetch route’s JSON errors', async () => {
    const browser = await listen({ liveUpdates: { maxStreamsPerUser: 2, maxStreams: 3 } });
    try {
      const ana = browser();
      const ben = browser();
      await ana.signIn('ana@example.com');
      await ben.signIn('ben@example.com');
      await nodeStream(ana);
      await nodeStream(ana);
      const perUser = await refusal(ana);
      assert.equal(perUser.status, 429);
      assert.ok(perUser.retryAfter);
      assert.equal(perUser.error.code, 'rate-limited');
      assert.match(perUser.error.message, /streams are open for this account/);
      await nodeStream(ben);
      const signedOut = await refusal(browser());
      assert.equal(signedOut.status, 401, 'a signed-out caller is refused before any limit');
      const perProcess = await refusal(ben);
      assert.equal(perProcess.status, 429);
      assert.match(perProcess.error.message, /as many live-update streams as it can/);
      handler.close();
      const shutDown = await refusal(ana);
      assert.equal(shutDown.status, 503);
      assert.equal(fetchCalls, 0, 'every answer came through the direct path');
    } finally {
      await stop();
    }
  });

  test('Last-Event-ID replays what was missed, an unknown id asks for a resync, a revoke of this browser says signed-out and ends the response', async () => {
    const browser = await listen();
    try {
      const laptop = browser();
      const phone = browser({ userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' });
      await laptop.signIn('ana@example.com');
      await phone.signIn('ana@example.com');
      const first = await nodeStream(phone);
      const other = browser();
      await other.signIn('ana@example.com');
      const seen = await first.events.next((e) => e.data.kind === 'created');
      first.close();
      const otherId = await signInId(other);
      await laptop.delete(`/signins/${otherId}`);
      const again = await nodeStream(phone, { 'last-event-id': seen.id! });
      const missed = await again.events.next((e) => e.data.kind === 'revoked');
      assert.equal(missed.data.signInId, otherId);
      assert.equal(again.events.events.filter((e) => e.data.kind === 'created').length, 0);
      const stranger = await nodeStream(phone, { 'last-event-id': 'elsewhere.7' });
      await stranger.events.next((e) => e.event === 'resync');

      assert.equal((await laptop.delete(`/signins/${await signInId(phone)}`)).status, 204);
      for (const open of [again, stranger]) {
        await open.events.next((e) => e.event === 'signed-out');
        await open.events.waitEnd();
      }
      assert.equal(fetchCalls, 0);
    } finally {
      await stop();
    }
  });

  test('a client hanging up frees its record: a full server takes as many new streams again', async () => {
    const browser = await listen({ liveUpdates: { maxStreams: 3 } });
    try {
      const clients = [browser(), browser(), browser()];
      for (const client of clients) await client.signIn('ana@example.com');
      const open = await Promise.all(clients.map((client) => nodeStream(client)));
      assert.equal((await refusal(clients[0]!)).status, 429, 'full');
      for (const { close } of open) close();
      // No heartbeat is due (15 s): the closed socket alone frees the record.
      for (const client of clients) await nodeStreamSoon(client);
      assert.equal((await refusal(clients[0]!)).status, 429, 'three open again: full again');
    } finally {
      await stop();
    }
  });
});
