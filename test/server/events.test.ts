import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Session } from '../../src/core/types.js';
import {
  createSessionHandler,
  toNodeHandler,
  type SessionHandler,
  type SessionHandlerOptions,
} from '../../src/server/index.js';
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
