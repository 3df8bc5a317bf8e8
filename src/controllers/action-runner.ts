import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { type SessionError, toSessionError } from '../core/errors.js';
import type { SessionAction } from '../events.js';
import { type CommonStrings, errorMessage } from './common-strings.js';

/** The host's error protocol: SessionElement.reportError. */
export type ReportError = (error: unknown, action: SessionAction, retry: () => void) => boolean;

/**
 * Runs an element's mutations one at a time. It knows which one is pending
 * (for spinners, and so a double click sends one request), reports failures
 * through the host's error protocol, keeps the message to show, and renders
 * the live region that announces results and failures.
 */
export class ActionRunner {
  /** The key of the running action, or null. */
  pending: string | null = null;
  error: SessionError | null = null;
  /** The last result worth announcing. */
  announcement = '';
  #host: ReactiveControllerHost;
  #report: ReportError;

  constructor(host: ReactiveControllerHost, report: ReportError) {
    this.#host = host;
    this.#report = report;
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
      const showOwnState = this.#report(error, action, () => void this.run(key, action, work));
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
    return html`<div class="feedback" role="status">
      ${
        this.error
          ? html`<span class="error" part="error">${errorMessage(strings, this.error.code)}</span>`
          : this.announcement
            ? html`<span class="visually-hidden">${this.announcement}</span>`
            : nothing
      }
    </div>`;
  }
}

export const feedbackStyles = css`
  .feedback {
    max-width: var(--session-trigger-max-width, 18rem);
  }
  .feedback .error {
    display: block;
    margin-top: calc(var(--_space) * 0.5);
    color: var(--_danger);
    font-size: 0.875em;
  }
`;
