import { expect } from '@open-wc/testing';
import { RestBackend } from '../../src/backends/rest.js';
import type { LiveEvent } from '../../src/core/backend.js';
import { waitUntil } from '../helpers/wait-until.js';

/**
 * Two RestBackends in one page stand for two tabs: Web Locks and
 * BroadcastChannel work across them exactly as across tabs of one origin.
 * Each test uses its own base URL, so its lock and channel are its own (other
 * test files run in other pages of the same browser, with the same origin).
 */

const SSE = { 'Content-Type': 'text/event-stream; charset=utf-8' };
const encoder = new TextEncoder();

/** An event stream the test writes to, ending when the request is cancelled. */
function liveStream() {
  let push: (chunk: string) => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (chunk) => controller.enqueue(encoder.encode(chunk));
    },
  });
  return { response: new Response(body, { headers: SSE }), push: (chunk: string) => push(chunk) };
}

/** A tab: a backend whose every /events request gets a fresh stream the test can write to. */
function tab(baseUrl: string) {
  const streams: ReturnType<typeof liveStream>[] = [];
  const lastEventIds: (string | undefined)[] = [];
  const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    lastEventIds.push((init.headers as Record<string, string>)['Last-Event-ID']);
    const stream = liveStream();
    streams.push(stream);
    return stream.response;
  }) as typeof globalThis.fetch;
  const backend = new RestBackend({ baseUrl, fetch });
  const events: LiveEvent[] = [];
  const subscription = new AbortController();
  backend.subscribe((event) => events.push(event), { signal: subscription.signal });
  return { streams, lastEventIds, events, close: () => subscription.abort() };
}

/** The tab once it hears that the stream is open: as the stream's holder, or from the holder. */
async function joined<T extends { events: LiveEvent[] }>(one: T): Promise<T> {
  await waitUntil(() => one.events.some((event) => event.type === 'open'), 'the tab never joined');
  return one;
}

describe('RestBackend: one live stream shared by the tabs of an origin', () => {
  let base: string;
  beforeEach(() => {
    base = `/api/session-${crypto.randomUUID()}`;
  });

  it('opens one stream for two tabs, and both hear every event', async () => {
    const first = await joined(tab(base));
    const second = await joined(tab(base));
    expect(first.streams.length + second.streams.length).to.equal(1);
    first.streams[0]!.push('id: e.1\nevent: signin\ndata: {"kind":"created","signInId":"s7"}\n\n');
    await waitUntil(
      () => first.events.length === 2 && second.events.length === 2,
      'not every tab heard the event',
    );
    const created = { type: 'change', kind: 'created', signInId: 's7' };
    expect(first.events).to.deep.equal([{ type: 'open' }, created]);
    expect(second.events).to.deep.equal([{ type: 'open' }, created]);
    first.close();
    second.close();
  });

  it('passes the stream to the next tab when its tab closes, resuming after the last event', async () => {
    const first = await joined(tab(base));
    const second = await joined(tab(base));
    first.streams[0]!.push('id: e.41\nevent: signin\ndata: {"kind":"revoked","signInId":"s2"}\n\n');
    await waitUntil(() => second.events.length === 2, 'the second tab never heard the event');
    first.close();
    await waitUntil(() => second.streams.length === 1, 'the second tab never took the stream');
    expect(second.lastEventIds).to.deep.equal(['e.41']);
    second.streams[0]!.push('event: signed-out\ndata: {}\n\n');
    await waitUntil(
      () => second.events.at(-1)?.type === 'signed-out',
      'the second tab never heard its own stream',
    );
    second.close();
  });

  it('still hears the last event relayed by the tab it took the stream over from', async () => {
    const first = await joined(tab(base));
    const second = await joined(tab(base));
    first.close();
    await waitUntil(() => second.streams.length === 1, 'the second tab never took the stream');
    // The first tab's last words, delivered after the lock reached the second tab: the
    // browser orders lock grants and channel messages independently.
    const late = new BroadcastChannel(`session-elements-live ${base}`);
    late.postMessage({
      source: 'session-elements-live',
      type: 'event',
      event: { type: 'signed-out' },
      id: 'e.9',
    });
    await waitUntil(
      () => second.events.at(-1)?.type === 'signed-out',
      'the relayed signed-out was dropped',
    );
    late.close();
    second.close();
  });

  it('ignores malformed relays on the channel', async () => {
    const leader = await joined(tab(base));
    const listener = await joined(tab(base));
    const channel = new BroadcastChannel(`session-elements-live ${base}`);
    for (const junk of [
      null,
      'open',
      { source: 'session-elements-live', type: 'event', event: { type: 'closed' } },
      { source: 'session-elements-live', type: 'event', event: { type: 'change', kind: 7 } },
      {
        source: 'session-elements-live',
        type: 'event',
        event: { type: 'change', kind: 'x'.repeat(300) },
      },
      { source: 'elsewhere', type: 'event', event: { type: 'signed-out' } },
    ]) {
      channel.postMessage(junk);
    }
    // One channel's messages arrive in order: once the last is heard, every one before was read.
    const last = { type: 'change', kind: 'last' };
    channel.postMessage({ source: 'session-elements-live', type: 'event', event: last });
    await waitUntil(
      () => [leader, listener].every((one) => one.events.some((event) => event.type === 'change')),
      'the well-formed relay never arrived',
    );
    channel.close();
    for (const one of [leader, listener]) {
      expect(one.events.filter((event) => event.type !== 'open')).to.deep.equal([last]);
    }
    listener.close();
    leader.close();
  });

  it('holds no channel and no lock once every tab has closed', async () => {
    const first = await joined(tab(base));
    const second = await joined(tab(base));
    first.close();
    second.close();
    const ours = async () => {
      const { held, pending } = await navigator.locks.query();
      return [...(held ?? []), ...(pending ?? [])].filter((lock) => lock.name?.includes(base));
    };
    await waitUntil(async () => (await ours()).length === 0, 'a lock is still held or asked for');
  });
});
