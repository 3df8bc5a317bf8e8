import type { LiveEvent } from '../core/backend.js';
import { SessionError, toSessionError } from '../core/errors.js';
import { errorFrom } from './http.js';

/**
 * RestBackend's live updates over `GET /events`: Server-Sent Events read through
 * fetch (so statuses, Retry-After and Last-Event-ID are ours to handle). Loaded
 * with `import()` on the first subscription.
 */

/** One Server-Sent Event as it arrived: its id (if any), its name and its raw data. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** No event of the kit's stream comes near this; a longer line is not ours and ends the stream. */
const MAX_LINE = 16 * 1024;

/**
 * The events of a `text/event-stream` body, as the SSE format defines them
 * (fields `id`, `event`, `data`; comment lines and `retry` skipped), read
 * until the body ends or `signal` aborts.
 */
export async function* readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const stop = () => reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let pending = '';
  let message: Partial<SseMessage> & { data?: string } = {};
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pending += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = pending.search(/\r\n|\r|\n/)) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + (pending.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') {
          if (message.data !== undefined) {
            yield { id: message.id, event: message.event || 'message', data: message.data };
          }
          message = {};
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const raw = colon < 0 ? '' : line.slice(colon + 1);
        const text = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'id') message.id = text;
        else if (field === 'event') message.event = text;
        else if (field === 'data')
          message.data = message.data === undefined ? text : `${message.data}\n${text}`;
      }
      if (pending.length > MAX_LINE) {
        throw new SessionError(
          'invalid-response',
          'The event stream sent a line too long to be ours.',
        );
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
    stop();
  }
}

/** Where one backend's live updates come from; `lastEventId` is updated as events arrive. */
export interface LiveStream {
  fetch: typeof fetch;
  url: string;
  /** The last event id seen, sent back as Last-Event-ID so a reconnect replays what it missed. */
  lastEventId: string | null;
}

/**
 * Reads one stream into `onEvent` until it ends (one `closed` event, with the
 * error if it failed) or `signal` aborts (nothing more is reported). Never rejects.
 */
export async function streamLiveEvents(
  stream: LiveStream,
  onEvent: (event: LiveEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  let error: SessionError | undefined;
  try {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (stream.lastEventId) headers['Last-Event-ID'] = stream.lastEventId;
    const response = await stream.fetch(stream.url, {
      method: 'GET',
      headers,
      credentials: 'include',
      cache: 'no-store',
      signal,
    });
    if (!response.ok) throw await errorFrom(response);
    const type = response.headers.get('Content-Type') ?? '';
    if (!response.body || !type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      throw new SessionError('invalid-response', 'The server sent no event stream.');
    }
    if (!signal.aborted) onEvent({ type: 'open' });
    for await (const message of readEvents(response.body, signal)) {
      if (message.id) stream.lastEventId = message.id;
      const event = liveEvent(message);
      if (event && !signal.aborted) onEvent(event);
    }
  } catch (cause) {
    error = toSessionError(cause);
  }
  if (!signal.aborted) onEvent(error ? { type: 'closed', error } : { type: 'closed' });
}

/** The controller's view of one server event; unknown events are ignored (newer servers). */
function liveEvent(message: SseMessage): LiveEvent | null {
  if (message.event === 'signed-out') return { type: 'signed-out' };
  if (message.event !== 'signin' && message.event !== 'active' && message.event !== 'resync') {
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    data = {};
  }
  const { kind, signInId } = (typeof data === 'object' && data !== null ? data : {}) as Record<
    string,
    unknown
  >;
  return {
    type: 'change',
    kind: typeof kind === 'string' ? kind : message.event,
    ...(typeof signInId === 'string' ? { signInId } : {}),
  };
}
