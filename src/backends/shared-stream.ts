import type { LiveEvent } from '../core/backend.js';
import { SessionError } from '../core/errors.js';
import { type LiveStream, streamLiveEvents } from './sse.js';

/** What the tab holding the stream tells the other tabs of this origin. */
interface Relay {
  source: 'session-elements-live';
  type: 'event' | 'hello';
  event?: LiveEvent;
  id?: string;
}

const MAX_FIELD = 256;

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_FIELD;
}

/**
 * Same-origin scripts are the only ones that can post here, but a relay is
 * still read as untrusted: a malformed message is dropped, never thrown on.
 * `closed` is not relayed: the stream's tab releases its lock and the next
 * tab in line opens its own stream, with its own backoff.
 */
function readRelay(value: unknown): { event?: LiveEvent; id?: string; hello?: true } | null {
  if (typeof value !== 'object' || value === null) return null;
  const relay = value as Partial<Relay>;
  if (relay.source !== 'session-elements-live') return null;
  if (relay.type === 'hello') return { hello: true };
  if (relay.type !== 'event' || typeof relay.event !== 'object' || relay.event === null)
    return null;
  const id = isShortString(relay.id) ? relay.id : undefined;
  const event = relay.event as Partial<Record<string, unknown>>;
  if (event.type === 'open' || event.type === 'signed-out') {
    return { event: { type: event.type }, id };
  }
  if (event.type !== 'change' || !isShortString(event.kind)) return null;
  const signInId = isShortString(event.signInId) ? { signInId: event.signInId } : {};
  return { event: { type: 'change', kind: event.kind, ...signInId }, id };
}

function canShare(): boolean {
  return (
    typeof BroadcastChannel !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.locks?.request === 'function'
  );
}

/**
 * One live stream per browser for every tab of an origin, where the browser
 * can say which tab holds it (Web Locks) and relay what it hears
 * (BroadcastChannel); elsewhere each tab opens its own.
 *
 * Every subscribing tab asks for the lock named `name`. The tab that gets it
 * opens the stream and posts each event to the others; when that tab closes or
 * unsubscribes, the lock passes to the next tab, which resumes from the last
 * relayed event id (`stream.lastEventId`) so nothing in between is lost. Until its turn, a tab only
 * listens. Like a direct stream, the subscription ends with `closed` only when
 * this tab's own stream closes.
 */
export function subscribeShared(
  name: string,
  stream: LiveStream,
  onEvent: (event: LiveEvent) => void,
  signal: AbortSignal,
): void {
  if (!canShare()) {
    void streamLiveEvents(stream, onEvent, signal);
    return;
  }
  const channel = new BroadcastChannel(name);
  // Ends this subscription everywhere at once: by the caller's signal, or when this tab's stream closes.
  const done = new AbortController();
  const finish = () => done.abort();
  if (signal.aborted) finish();
  else signal.addEventListener('abort', finish, { once: true });
  done.signal.addEventListener(
    'abort',
    () => {
      signal.removeEventListener('abort', finish);
      channel.close();
    },
    { once: true },
  );
  let leading = false;
  let streamOpen = false;
  const post = (relay: Omit<Relay, 'source'>) =>
    channel.postMessage({ source: 'session-elements-live', ...relay });

  channel.addEventListener('message', (message: MessageEvent) => {
    const relay = readRelay(message.data);
    if (!relay || done.signal.aborted) return;
    if (relay.hello) {
      if (leading && streamOpen) post({ type: 'event', event: { type: 'open' } });
      return;
    }
    if (!relay.event) return;
    // Only the tab holding the stream posts events, but the lock may have passed to this tab
    // since: lock grants and channel messages are not ordered, and its last words count.
    if (relay.id && !leading) stream.lastEventId = relay.id;
    onEvent(relay.event);
  });
  post({ type: 'hello' });

  navigator.locks
    .request(name, { signal: done.signal }, () => {
      if (done.signal.aborted) return;
      leading = true;
      return new Promise<void>((release) => {
        done.signal.addEventListener('abort', () => release(), { once: true });
        void streamLiveEvents(
          stream,
          (event) => {
            if (done.signal.aborted) return;
            if (event.type === 'closed') finish();
            else post({ type: 'event', event, id: stream.lastEventId ?? undefined });
            if (event.type === 'open') streamOpen = true;
            onEvent(event);
          },
          done.signal,
        );
      });
    })
    .catch(() => {
      if (done.signal.aborted) return;
      finish();
      onEvent({
        type: 'closed',
        error: new SessionError('network', 'This tab could not join the shared event stream.'),
      });
    });
}
