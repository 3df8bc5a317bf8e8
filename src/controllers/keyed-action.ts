import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type SessionError, toSessionError } from '../core/errors.js';
import type { SessionAction } from '../events.js';
import { ensureAnnouncer } from '../internal/announcer.js';
import { type CommonStrings, errorMessage } from '../internal/common-strings.js';

/**
 * The host's error protocol (SessionElement.reportError): turns a failure into
 * the `session-error` or the cancelable `reauth-required` event and returns
 * true when the host should show its own "confirm it's you" state.
 */
export type ReportError = (error: unknown, action: SessionAction, retry: () => void) => boolean;

/**
 * What an action does. Resolves to the text to announce when it completed
 * (`''` for nothing to say), or `null` when it stopped early (a cancelled
 * event or dialog); throws on failure.
 */
export type ActionWork = () => Promise<string | null>;

export interface KeyedActionOptions {
  /** Reports failures through the host's protocol; see {@link ReportError}. */
  report: ReportError;
  /**
   * One action at a time across all keys, and one message at a time (menus and
   * buttons). `false` lets different keys run side by side, each with its own
   * message (the rows of a list). Either way a key never runs twice at once.
   * @default true
   */
  exclusive?: boolean;
  /**
   * Says each announcement to screen readers as it happens, e.g. `announce`
   * from `internal/announcer` (live regions in the document that outlive the
   * host's state, and repeat a message said twice). Without it the host
   * renders {@link KeyedActionController.announcement} in a live region of its own.
   */
  announce?: (message: string) => void;
}

export interface FailureOptions {
  /** The text shown and announced for this failure; defaults to the error code's message. */
  message?: (error: SessionError) => string;
  /**
   * The failure concerns the whole view rather than its key (e.g. "sign out of
   * all other devices"): any later successful action clears it too.
   */
  general?: boolean;
}

/** A failure kept for display. */
export interface ActionFailure {
  error: SessionError;
  /** The custom text from {@link FailureOptions.message}, when there was one. */
  message?: string;
}

/** The "confirm it's you" state the host shows when nobody cancelled `reauth-required`. */
export interface ReauthState {
  action: SessionAction;
  /** The `reauth-required` failure itself. */
  error: SessionError;
  /** Hides the state and runs the failed action or load again. */
  retry: () => void;
  /** True when a load (not an action) asked; a later successful load ends it. */
  load: boolean;
}

interface Entry extends ActionFailure {
  general: boolean;
  /** How many loads had started when it failed: a load started later shows how things are now. */
  since: number;
}

/**
 * The one protocol every element uses for its mutations, keyed by what they
 * act on (a row's id, `sign-out`, …):
 *
 * - **pending** per key from the click to the answer, so a double click sends
 *   one request (`run` refuses a key already under way);
 * - **errors** per key, reported through the host's `session-error` event, kept
 *   for display and announced; they clear when the key runs again, when a
 *   later action succeeds (general ones, or all in exclusive mode), and when a
 *   load that started after them succeeds ({@link loadStarted} /
 *   {@link loadSucceeded}): the screen then shows how things are now;
 * - **re-auth**: `reauth-required` becomes the host's cancelable event; if
 *   nobody cancels it, {@link reauth} holds the state to show with its retry;
 * - **announcements**: the result of the last action or the last failure with
 *   its own message, kept in {@link announcement} and, with the `announce`
 *   option, said through the shared announcer (a region of the host's own
 *   vanishes with a sign-out); a failure without its own message is the
 *   host's to show (`feedback`).
 *
 * @example
 * ```ts
 * #actions = new KeyedActionController(this, {
 *   report: (error, action, retry) => this.reportError(error, action, retry),
 *   announce: (message) => announce(message, this),
 * });
 * // render: feedback(t, this.#actions.error)
 * #onClick = () =>
 *   this.#actions.run('sign-out', 'sign-out', async () => {
 *     await this.requireController().signOut();
 *     return this.t.signedOut;
 *   });
 * ```
 */
export class KeyedActionController implements ReactiveController {
  /** The last result or failure worth announcing; `''` when there is nothing to say. */
  announcement = '';
  /** The "confirm it's you" state to show, or null. */
  reauth: ReauthState | null = null;

  #host: ReactiveControllerHost;
  #report: ReportError;
  #exclusive: boolean;
  #announce: ((message: string) => void) | undefined;
  #pending = new Set<string>();
  #errors = new Map<string, Entry>();
  /** The failure shown by exclusive hosts: the most recent one. */
  #last: string | null = null;
  #loads = 0;

  constructor(host: ReactiveControllerHost, options: KeyedActionOptions) {
    this.#host = host;
    this.#report = options.report;
    this.#exclusive = options.exclusive ?? true;
    this.#announce = options.announce;
    host.addController(this);
  }

  /** A live region must be in the page before its first message, or that one goes unheard. */
  hostConnected(): void {
    if (this.#announce) ensureAnnouncer();
  }

  /** Nothing to release: a request under way still settles and updates the host. */
  hostDisconnected(): void {}

  /** True while any action runs. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  /** The key of the action under way (the first one, when several run), or null. */
  get pending(): string | null {
    return this.#pending.values().next().value ?? null;
  }

  /** True while the action on `key` runs. */
  isPending(key: string): boolean {
    return this.#pending.has(key);
  }

  /** The failure kept for `key`, if any. */
  errorOf(key: string): ActionFailure | undefined {
    return this.#errors.get(key);
  }

  /**
   * The failure to show for hosts with a single message: the pending re-auth
   * request of an action, else the most recent failure still kept.
   */
  get error(): SessionError | null {
    if (this.reauth && !this.reauth.load) return this.reauth.error;
    return (this.#last !== null && this.#errors.get(this.#last)?.error) || null;
  }

  /** The text for `key`'s failure: its custom message, else the code's message from `strings`. */
  messageOf(key: string, strings: CommonStrings): string | undefined {
    const entry = this.#errors.get(key);
    return entry && (entry.message ?? errorMessage(strings, entry.error.code));
  }

  /**
   * Runs `work` for `key` unless `key` (or, when exclusive, any action) is
   * under way. Resolves true when the work completed, false when it was
   * refused, stopped early or failed (the failure is reported and kept).
   */
  async run(
    key: string,
    action: SessionAction,
    work: ActionWork,
    options: FailureOptions = {},
  ): Promise<boolean> {
    if (this.#pending.has(key) || (this.#exclusive && this.busy)) return false;
    this.#pending.add(key);
    this.#clear(this.#exclusive ? undefined : key);
    if (this.reauth && !this.reauth.load) this.reauth = null;
    if (this.#exclusive) this.announcement = '';
    this.#host.requestUpdate();
    try {
      const announcement = await work();
      if (announcement === null) return false;
      this.#succeeded(announcement);
      return true;
    } catch (thrown) {
      this.fail(key, action, thrown, () => void this.run(key, action, work, options), options);
      return false;
    } finally {
      this.#pending.delete(key);
      this.#host.requestUpdate();
    }
  }

  /**
   * Reports a failure that happened outside {@link run} (a load, say) under
   * `key`: shows the re-auth state when the server asked for it and nobody
   * cancelled `reauth-required`, else keeps and announces the message. A
   * cancelled operation (`aborted`) is not worth a message.
   */
  fail(
    key: string,
    action: SessionAction,
    thrown: unknown,
    retry: () => void,
    options: FailureOptions & { load?: boolean } = {},
  ): void {
    const error = toSessionError(thrown);
    if (error.code === 'aborted') return;
    const ownState = this.#report(error, action, retry);
    if (error.code === 'reauth-required') {
      // A cancelled event means the page handles it: no message of ours.
      if (ownState) this.reauth = { action, error, retry, load: options.load === true };
    } else if (!options.load) {
      const message = options.message?.(error);
      this.#errors.set(key, {
        error,
        message,
        general: options.general === true,
        since: this.#loads,
      });
      this.#last = key;
      if (message !== undefined) this.#say(message);
    }
    this.#host.requestUpdate();
  }

  /** Hides the re-auth state and retries what asked for it. */
  retryReauth(): void {
    const reauth = this.reauth;
    this.reauth = null;
    this.#host.requestUpdate();
    reauth?.retry();
  }

  /** Call when a load starts; pass the ticket to {@link loadSucceeded} when it succeeds. */
  loadStarted(): number {
    return ++this.#loads;
  }

  /**
   * A load that started after a failure shows how things are now (the network
   * is back, the row is gone or still there): that failure's message is
   * stale. A load already under way when the failure happened proves nothing.
   */
  loadSucceeded(ticket: number): void {
    let changed = false;
    for (const [key, entry] of [...this.#errors]) {
      if (entry.since < ticket) changed = this.#drop(key) || changed;
    }
    if (this.reauth?.load) {
      this.reauth = null;
      changed = true;
    }
    if (changed) this.#host.requestUpdate();
  }

  /** Forgets every message and the re-auth state (e.g. after a sign-out, or a menu reopening). */
  reset(): void {
    this.#clear();
    this.reauth = null;
    this.announcement = '';
    this.#host.requestUpdate();
  }

  #succeeded(announcement: string): void {
    // Whatever kept a general action from working is over too.
    for (const [key, entry] of [...this.#errors]) if (entry.general) this.#drop(key);
    this.#say(announcement);
  }

  #say(message: string): void {
    this.announcement = message;
    this.#announce?.(message);
  }

  /** Drops `key`'s message, or every message. */
  #clear(key?: string): void {
    for (const each of key === undefined ? [...this.#errors.keys()] : [key]) this.#drop(each);
  }

  #drop(key: string): boolean {
    const entry = this.#errors.get(key);
    if (!entry) return false;
    this.#errors.delete(key);
    if (this.#last === key) this.#last = null;
    // The live region must not keep repeating a failure that is over.
    if (entry.message !== undefined && this.announcement === entry.message) this.announcement = '';
    return true;
  }
}
