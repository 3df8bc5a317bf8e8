import { html, nothing } from 'lit';
import type { SessionErrorCode } from '../../core/errors.js';
import { type CommonStrings, errorMessage } from '../common-strings.js';

/**
 * The polite live region under a control: a failure (visible) or the last
 * result (for screen readers only). Styled by `feedbackStyles`.
 */
export function feedback(
  strings: CommonStrings,
  error: { code: SessionErrorCode } | null,
  announcement: string,
) {
  return html`<div class="feedback" role="status">
    ${
      error
        ? html`<span class="error" part="error">${errorMessage(strings, error.code)}</span>`
        : announcement
          ? html`<span class="visually-hidden">${announcement}</span>`
          : nothing
    }
  </div>`;
}

/** A failed load in place of a control: the message and a retry button. */
export function loadError(strings: CommonStrings, code: SessionErrorCode, retry: () => void) {
  return html`<span class="error" part="error" role="alert">${errorMessage(strings, code)}</span>
    <button class="btn" part="retry-button" type="button" @click=${retry}>
      ${strings.retry}
    </button>`;
}
