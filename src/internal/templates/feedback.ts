import { html, nothing } from 'lit';
import type { SessionErrorCode } from '../../core/errors.js';
import { type CommonStrings, errorMessage } from '../common-strings.js';

/**
 * The polite live region under a control, for its visible failure. Results
 * are announced through the shared announcer instead (KeyedActionController),
 * which outlives the control. Styled by `feedbackStyles`.
 */
export function feedback(strings: CommonStrings, error: { code: SessionErrorCode } | null) {
  return html`<div class="feedback" role="status">
    ${error ? html`<span class="error" part="error">${errorMessage(strings, error.code)}</span>` : nothing}
  </div>`;
}

/** A failed load in place of a control: the message and a retry button. */
export function loadError(strings: CommonStrings, code: SessionErrorCode, retry: () => void) {
  return html`<span class="error" part="error" role="alert">${errorMessage(strings, code)}</span>
    <button class="btn" part="retry-button" type="button" @click=${retry}>
      ${strings.retry}
    </button>`;
}

/**
 * A first load that failed and is being retried, said at once rather than
 * after every retry: the reason, that it is trying again, and a button to try
 * now. Polite: it is not final (the failure, if it lasts, is `loadError`).
 */
export function loadRetrying(strings: CommonStrings, code: SessionErrorCode, retry: () => void) {
  return html`<span class="error" part="error" role="status"
      >${errorMessage(strings, code)} ${strings.retrying}</span
    >
    <button class="btn" part="retry-button" type="button" @click=${retry}>
      ${strings.retry}
    </button>`;
}
