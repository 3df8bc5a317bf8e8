import type { LiveChange, LiveEvent, SessionBackend } from './backend.js';
import type { Clock } from './clock.js';
import { type SessionError, toSessionError } from './errors.js';
import type { SessionState } from './session-state.js';

/** What the live link needs from the controller that holds it. */
export interface LiveHost {
  readonly backend: SessionBackend;
  readonly clock: Clock;
  /** Source of jitter for the reconnect backoff. */
  random(): number;
  getSnapshot(): SessionState;
  /** Until when a revoke or switch counts as the echo of the controller's own mutation. */
  echoUntil(): number;
  /** Reloads the session (throttled by the host): the change may be about this browser. */
  reload(): void;
  /** Moves the revision without a reload, so mounted lists refetch. */
  bumpRevision(): void;
  /** Least time between two list refetches that a burst of events causes. */
  readonly throttle: number;
  /** Told of each change after the link acted on it (the controller's onLiveChange listeners). */
  changed(change: LiveChange): void;
}

/**
 * The controller's live subscription, loaded with `import()` the first time
 * someone signed in subscribes to a backend that can push: a cold page renders
 * before any stream opens. It reconnects with backoff, tells the host when a
 * change needs a reload or only a list refetch, and drops the echoes of the
 * host's own mutations.
 */
export class LiveLink {
  /** True while a stream is open and well: polls then come less often. */
  healthy = false;
  #host: LiveHost;
  /** Ends the open stream in place; null when none is open. */
  #stream: AbortController | null = null;
  #reconnectTimer: unknown = null;
  #failures = 0;
  /** A stream ended since the last one opened: the next open refetches what it may have missed. */
  #gap = false;
  #listTimer: unknown = null;
  #listAgain = false;

  constructor(host: LiveHost) {
    this.#host = host;
  }

  /** Opens a stream unless one is open or a reconnect is already scheduled. */
  open(): void {
    if (this.#stream || this.#reconnectTimer !== null) return;
    const stream = new AbortController();
    this.#stream = stream;
    try {
      this.#host.backend.subscribe!(
        (event) => {
          if (this.#stream === stream) this.#onEvent(event);
        },
        { signal: stream.signal },
      );
    } catch (error) {
      this.#onEvent({ type: 'closed', error: toSessionError(error) });
    }
  }

  /** Closes the stream and drops every scheduled reconnect and refetch. */
  close(): void {
    const clock = this.#host.clock;
    if (this.#reconnectTimer !== null) clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    if (this.#listTimer !== null) clock.clearTimeout(this.#listTimer);
    this.#listTimer = null;
    this.#listAgain = false;
    this.#stream?.abort();
    this.#stream = null;
    this.healthy = false;
    this.#failures = 0;
    this.#gap = false;
  }

  #onEvent(event: LiveEvent): void {
    if (event.type === 'open') {
      this.healthy = true;
      this.#failures = 0;
      // What changed while no stream was open is not replayed everywhere: ask once.
      if (this.#gap) this.#host.reload();
      this.#gap = false;
    } else if (event.type === 'closed') {
      this.#stream?.abort();
      this.#stream = null;
      this.healthy = false;
      this.#gap = true;
      // A stream refused for want of a session: this browser may be signed out; ask, not only retry.
      if (event.error?.code === 'unauthorized') this.#host.reload();
      this.#scheduleReconnect(event.error);
    } else if (!this.#isEcho(event)) {
      if (this.#aboutOtherDevice(event)) this.#bumpLists();
      else this.#host.reload();
      if (event.type === 'change') this.#host.changed(event);
    }
  }

  /** A sign-in beginning or ending on another device: this browser's session is as it was. */
  #aboutOtherDevice(event: LiveEvent): boolean {
    const state = this.#host.getSnapshot();
    if (event.type !== 'change' || state.status !== 'signed-in' || !event.signInId) return false;
    if (!['created', 'revoked', 'expired'].includes(event.kind)) return false;
    return !state.session.signins.some((signIn) => signIn.id === event.signInId);
  }

  /** At most one list refetch per throttle: a burst costs one now and one when it is over. */
  #bumpLists(): void {
    if (this.#listTimer !== null) {
      this.#listAgain = true;
      return;
    }
    this.#host.bumpRevision();
    this.#listTimer = this.#host.clock.setTimeout(() => {
      this.#listTimer = null;
      if (!this.#listAgain) return;
      this.#listAgain = false;
      this.#bumpLists();
    }, this.#host.throttle);
  }

  /**
   * A revoke or switch announced while the host's own mutation runs, or just after, is
   * most likely that mutation coming back (it reloads anyway); a new sign-in never is.
   */
  #isEcho(event: LiveEvent): boolean {
    if (event.type !== 'change' || this.#host.clock.now() >= this.#host.echoUntil()) return false;
    return event.kind === 'revoked' || event.kind === 'changed';
  }

  /** Backoff as for reads, `min(1000·2^n, 30000)` ms with jitter; a 429 waits its Retry-After. */
  #scheduleReconnect(error: SessionError | undefined): void {
    const n = this.#failures++;
    const backoff = Math.min(1000 * 2 ** n, 30_000) * (0.5 + this.#host.random() / 2);
    const delay = error?.retryAfter !== undefined ? error.retryAfter * 1000 : backoff;
    this.#reconnectTimer = this.#host.clock.setTimeout(() => {
      this.#reconnectTimer = null;
      this.open();
    }, delay);
  }
}
