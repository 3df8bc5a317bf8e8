import type { ReactiveControllerHost } from 'lit';
import { type SessionError, toSessionError } from '../core/errors.js';
import type { SessionAction } from '../events.js';
import type { CommonStrings } from '../internal/common-strings.js';
import { reportError } from '../internal/report-error.js';
import { feedback } from '../internal/templates/feedback.js';

/**
 * Runs an element's mutations one at a time. It knows which one is pending
 * (for spinners, and so a double click sends one request), reports failures
 * through the kit's error protocol (`reportError`), keeps the message to show,
 * and renders the live region that announces results and failures.
 */
export class ActionRunner {
  /** The key of the running action, or null. */
  pending: string | null = null;
  error: SessionError | null = null;
  /** The last result worth announcing. */
  announcement = '';
  #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Runs `work` unless another action is pending. `work` resolves to the text
   * to announce, or null when it stopped early (a cancelled event or dialog).
   * Resolves true when the work completed.
   */
  async run(
    key: string,
    action: SessionAction,
    work: () => Promise<string | null>,
  ): Promise<boolean> {
    if (this.pending !== null) return false;
    this.pending = key;
    this.error = null;
    this.announcement = '';
    this.#host.requestUpdate();
    try {
      const announcement = await work();
      this.announcement = announcement ?? '';
      return announcement !== null;
    } catch (thrown) {
      const error = toSessionError(thrown);
      const retry = () => void this.run(key, action, work);
      const showOwnState = reportError(this.#host, error, action, retry);
      // A handled re-auth request (cancelled event) needs no message of ours.
      this.error = error.code === 'reauth-required' && !showOwnState ? null : error;
      return false;
    } finally {
      this.pending = null;
      this.#host.requestUpdate();
    }
  }

  /** Forgets the last message, e.g. when the menu opens again. */
  clear(): void {
    if (!this.error && !this.announcement) return;
    this.error = null;
    this.announcement = '';
    this.#host.requestUpdate();
  }

  /** The polite live region: the failure (visible) or the last result (for screen readers). */
  render(strings: CommonStrings) {
    return feedback(strings, this.error, this.announcement);
  }
}
