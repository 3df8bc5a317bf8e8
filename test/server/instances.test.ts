/**
 * Several instances (issue 14): two demo server processes on one PostgreSQL and
 * one Redis, each with its own better-auth and its own Redis bus, behind a
 * round-robin proxy that alternates upstreams on every request.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page, SignIn } from '../../src/core/types.js';
import { missingStores, startPostgres, startRedis, STORES_REQUIRED } from './stores.js';
import type { StoreServer } from './stores.js';
import { RoundRobin, startInstance, stopInstance } from './demo-instances.js';

/** One browser talking to the balancer: its cookies, and which instance answered. */
class Browser {
  cookie = '';
  constructor(readonly proxy: RoundRobin) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    if (init.method && init.method !== 'GET') {
      headers.set('origin', this.proxy.url);
      headers.set('content-type', 'application/json');
      headers.set('x-session-elements', '1');
    }
    const response = await fetch(`${this.proxy.url}${path}`, { ...init, headers });
    const set = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
    if (set.length) {
      const jar = new Map<string, string>();
      for (const pair of [...(this.cookie ? this.cookie.split('; ') : []), ...set]) {
        const [name, value] = pair.split(/=(.*)/s) as [string, string];
        jar.set(name, value);
      }
      this.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    return response;
  }

  async signIn(email: string): Promise<string> {
    const response = await this.fetch('/api/demo/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    return response.headers.get('x-upstream')!;
  }

  /** This browser's current sign-in id, read through whichever instance is next. */
  async currentId(): Promise<string> {
    const page = (await (await this.fetch('/api/session/signins')).json()) as Page<SignIn>;
    return page.items.find((item) => item.current)!.id;
  }
}

/** Server-Sent Events as they arrive. */
class Events {
  readonly seen: { event: string; data: Record<string, unknown>; at: number }[] = [];
  readonly upstream: string;
  readonly #abort: AbortController;
  ended = false;

  constructor(response: Response, abort: AbortController) {
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    this.upstream = response.headers.get('x-upstream')!;
    this.#abort = abort;
    void this.#read(response.body!);
  }

  static async open(browser: Browser): Promise<Events> {
    const abort = new AbortController();
    const response = await browser.fetch('/api/session/events', {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    return new Events(response, abort);
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let pending = '';
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        pending += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event)
            this.seen.push({ event, data: JSON.parse(data ?? '{}'), at: performance.now() });
        }
      }
    } catch {
      // Aborted by the test.
    }
    this.ended = true;
  }

  async next(match: (event: string, data: Record<string, unknown>) => boolean, ms = 1_000) {
    const deadline = performance.now() + ms;
    for (;;) {
      const found = this.seen.find((e) => match(e.event, e.data));
      if (found) return found;
      if (performance.now() > deadline) {
        throw new Error(`no such event within ${ms} ms: ${JSON.stringify(this.seen)}`);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  close(): void {
    this.#abort.abort();
  }
}

const STACKS = [
  { store: 'postgres+redis', bus: 'Redis pub/sub', redis: true },
  { store: 'postgres', bus: 'PostgreSQL LISTEN/NOTIFY', redis: false },
] as const;

for (const stack of STACKS) {
  const missing = missingStores(stack.store);
  if (missing && !STORES_REQUIRED)
    console.warn(`several demo instances on ${stack.store} SKIPPED: ${missing}`);
  describe(
    `two demo processes on ${stack.store} (${stack.bus} bus) behind a round-robin balancer`,
    { skip: Boolean(missing) && !STORES_REQUIRED },
    () => {
      let postgres: StoreServer;
      let redis: StoreServer | undefined;
      let dataDir: string;
      const instances: ChildProcess[] = [];
      let proxy: RoundRobin;

      before(async () => {
        postgres = await startPostgres();
        if (stack.redis) redis = await startRedis();
        dataDir = mkdtempSync(join(tmpdir(), 'session-elements-instances-'));
        const env = {
          DATABASE_URL: postgres.url,
          REDIS_URL: redis?.url ?? '',
          SESSION_ELEMENTS_DEMO_DATA: dataDir,
        };
        const started = [startInstance(env), startInstance(env)];
        instances.push(...started.map((s) => s.child));
        const [a, b] = await Promise.all(started.map((s) => s.url));
        proxy = new RoundRobin([
          { name: 'a', url: a! },
          { name: 'b', url: b! },
        ]);
        await proxy.listen();
      });

      after(async () => {
        await proxy?.close();
        await Promise.all(instances.map(stopInstance));
        redis?.stop();
        postgres?.stop();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      });

      test('a sign-in through one instance is listed through the other', async () => {
        const laptop = new Browser(proxy);
        const via = await laptop.signIn('ana@demo.test');
        const list = await laptop.fetch('/api/session/signins');
        assert.notEqual(list.headers.get('x-upstream'), via);
        const page = (await list.json()) as Page<SignIn>;
        assert.equal(page.items[0]?.current, true);
      });

      test('a revoke through one instance is refused on the next request through the other', async () => {
        const laptop = new Browser(proxy);
        const phone = new Browser(proxy);
        await laptop.signIn('ben@demo.test');
        await phone.signIn('ben@demo.test');
        const phoneId = await phone.currentId();
        const revoke = await laptop.fetch(`/api/session/signins/${phoneId}`, { method: 'DELETE' });
        assert.equal(revoke.status, 204, await revoke.text());
        const next = await phone.fetch('/api/session/');
        assert.notEqual(next.headers.get('x-upstream'), revoke.headers.get('x-upstream'));
        assert.equal(next.status, 401);
      });

      test('a stream through instance B hears of a sign-in through instance A within 1 s', async () => {
        const laptop = new Browser(proxy);
        await laptop.signIn('diego@demo.test');
        await proxy.nextTo('b');
        const events = await Events.open(laptop);
        try {
          assert.equal(events.upstream, 'b');
          const phone = new Browser(proxy);
          await proxy.nextTo('a');
          const start = performance.now();
          assert.equal(await phone.signIn('diego@demo.test'), 'a');
          const seen = await events.next(
            (event, data) => event === 'signin' && data.kind === 'created',
          );
          console.log(
            `${stack.bus}: sign-in on A heard on B after ${(seen.at - start).toFixed(1)} ms`,
          );
          assert.equal(seen.data.signInId, await phone.currentId());
          assert.ok(seen.at - start < 1_000);
        } finally {
          events.close();
        }
      });

      test('a stream through instance B hears of a revoke through instance A within 1 s', async () => {
        const laptop = new Browser(proxy);
        const phone = new Browser(proxy);
        await laptop.signIn('chiyo@demo.test');
        await phone.signIn('chiyo@demo.test');
        const phoneId = await phone.currentId();
        await proxy.nextTo('b');
        const laptopEvents = await Events.open(laptop);
        await proxy.nextTo('b');
        const phoneEvents = await Events.open(phone);
        try {
          assert.deepEqual([laptopEvents.upstream, phoneEvents.upstream], ['b', 'b']);
          await proxy.nextTo('a');
          const start = performance.now();
          const revoke = await laptop.fetch(`/api/session/signins/${phoneId}`, {
            method: 'DELETE',
          });
          assert.equal(revoke.headers.get('x-upstream'), 'a');
          assert.equal(revoke.status, 204);
          const seen = await laptopEvents.next(
            (event, data) =>
              event === 'signin' && data.kind === 'revoked' && data.signInId === phoneId,
          );
          const out = await phoneEvents.next((event) => event === 'signed-out');
          const ms = Math.max(seen.at, out.at) - start;
          console.log(
            `${stack.bus}: revoke on A heard by both streams on B after ${ms.toFixed(1)} ms`,
          );
          assert.ok(ms < 1_000, `${ms} ms`);
        } finally {
          laptopEvents.close();
          phoneEvents.close();
        }
      });
    },
  );
}
