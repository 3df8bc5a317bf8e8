import { SessionError } from '../core/errors.js';

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
