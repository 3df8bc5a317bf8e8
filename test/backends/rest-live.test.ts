import { expect } from '@open-wc/testing';
import { RestBackend } from '../../src/backends/rest.js';
import type { LiveEvent } from '../../src/core/backend.js';
import { waitUntil } from '../helpers/wait-until.js';

interface Call {
  url: string;
  init: RequestInit;
}

const SSE = { 'Content-Type': 'text/event-stream; charset=utf-8' };

/** A response whose body is these chunks, then (unless `open`) its end. */
function stream(chunks: string[], open = false): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (!open) controller.close();
      },
    }),
    { headers: SSE },
  );
}

function backendAnswering(...responses: (() => Response)[]) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return responses.shift()!();
  }) as typeof globalThis.fetch;
  // Tabs of one origin share a stream: a base of its own keeps this backend apart from other
  // test files' backends running in other pages of the same browser at the same time.
  const baseUrl = `/api/session-${crypto.randomUUID()}`;
  return { calls, backend: new RestBackend({ baseUrl, fetch }) };
}

/** Subscribes and resolves with every event up to and including `closed`. */
function collect(backend: RestBackend): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  return new Promise((resolve) => {
    backend.subscribe(
      (event) => {
        events.push(event);
        if (event.type === 'closed') resolve(events);
      },
      { signal: new AbortController().signal },
    );
  });
}

describe('RestBackend: live updates', () => {
  it('has the liveUpdates capability and reads GET /events as Server-Sent Events, credentialed', async () => {
    const { backend, calls } = backendAnswering(() =>
      stream([
        'retry: 3000\n\n: heartbeat\n\n',
        'id: e.1\nevent: signin\ndata: {"kind":"revoked","signInId":"s2"}\n\n',
        'id: e.2\r\nevent: act',
        'ive\r\ndata: {"kind":"changed","signInId":"s1"}\r\n\r\n',
        'event: future-kind\ndata: {}\n\n',
        'id: e.3\nevent: signed-out\ndata: {}\n\n',
      ]),
    );
    expect(backend.capabilities.liveUpdates).to.equal(true);
    const events = await collect(backend);
    expect(events).to.deep.equal([
      { type: 'open' },
      { type: 'change', kind: 'revoked', signInId: 's2' },
      { type: 'change', kind: 'changed', signInId: 's1' },
      { type: 'signed-out' },
      { type: 'closed' },
    ]);
    expect(calls[0]!.url).to.match(/^\/api\/session-[\w-]+\/events$/);
    expect(calls[0]!.init.credentials).to.equal('include');
    expect((calls[0]!.init.headers as Record<string, string>)['Last-Event-ID']).to.equal(undefined);
  });

  it('sends the last event id on the next subscription, so the server replays what was missed', async () => {
    const { backend, calls } = backendAnswering(
      () => stream(['id: ep.7\nevent: signin\ndata: {"kind":"created","signInId":"s9"}\n\n']),
      () => stream(['event: resync\ndata: {}\n\n']),
    );
    await collect(backend);
    const second = await collect(backend);
    expect((calls[1]!.init.headers as Record<string, string>)['Last-Event-ID']).to.equal('ep.7');
    expect(second[1]).to.deep.equal({ type: 'change', kind: 'resync' });
  });

  it('ends with the error: a 429 carries its Retry-After, a non-stream or an endless line is invalid-response', async () => {
    const { backend } = backendAnswering(
      () =>
        new Response(JSON.stringify({ error: { code: 'rate-limited', message: 'Too many' } }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '30' },
        }),
      () => new Response('{}', { headers: { 'Content-Type': 'application/json' } }),
      () => stream([`data: ${'x'.repeat(40_000)}`], true),
    );
    const limited = (await collect(backend)).at(-1) as Extract<LiveEvent, { type: 'closed' }>;
    expect([limited.error?.code, limited.error?.retryAfter]).to.deep.equal(['rate-limited', 30]);
    const notStream = (await collect(backend)).at(-1) as Extract<LiveEvent, { type: 'closed' }>;
    expect(notStream.error?.code).to.equal('invalid-response');
    const endless = (await collect(backend)).at(-1) as Extract<LiveEvent, { type: 'closed' }>;
    expect(endless.error?.code).to.equal('invalid-response');
  });

  it('stopping ends the request and reports nothing more', async () => {
    let cancelled = false;
    const { backend } = backendAnswering(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            cancel: () => {
              cancelled = true;
            },
          }),
          { headers: SSE },
        ),
    );
    const events: LiveEvent[] = [];
    const stop = backend.subscribe((e) => events.push(e), {
      signal: new AbortController().signal,
    });
    await waitUntil(() => events.length > 0, 'the stream never opened');
    stop();
    await waitUntil(() => cancelled, 'the request was not cancelled');
    expect(events).to.deep.equal([{ type: 'open' }]);
  });
});
