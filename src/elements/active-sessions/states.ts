import { html, nothing } from 'lit';
import type { SessionError } from '../../core/errors.js';
import { errorMessage } from '../../internal/common-strings.js';
import { safeHref } from '../../internal/safe-url.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';

/** The loading placeholder: three grey rows, named for screen readers. */
export function skeletonTemplate(t: ActiveSessionsStrings) {
  return html`<span class="visually-hidden">${t.loading}</span>
    <ul part="skeleton" class="skeleton" aria-hidden="true">
      ${[0, 1, 2].map(
        () =>
          html`<li class="item">
            <span part="skeleton-bone" class="bone icon"></span>
            <span class="body"
              ><span part="skeleton-bone" class="bone line"></span
              ><span part="skeleton-bone" class="bone short"></span
            ></span>
          </li>`,
      )}
    </ul>`;
}

/** The session or the list could not load: why, and "Try again". */
export function errorTemplate(t: ActiveSessionsStrings, error: SessionError, retry: () => void) {
  return html`<div part="error" class="error" role="alert">
    <p>${t.loadFailed} ${errorMessage(t, error.code)}</p>
    <button part="retry-button" class="btn" type="button" @click=${retry}>${t.retry}</button>
  </div>`;
}

/** "Confirm it's you": the `reauth` slot (by default a link to `reauthUrl`) and "Try again". */
export function reauthTemplate(
  t: ActiveSessionsStrings,
  reauthUrl: string | undefined,
  retry: () => void,
) {
  const href = safeHref(reauthUrl);
  return html`<div part="reauth" class="reauth" role="alert" tabindex="-1">
    <p class="reauth-title">${t.reauthTitle}</p>
    <p>${t.reauthMessage}</p>
    <div class="actions">
      <slot name="reauth"
        >${
          href
            ? html`<a part="reauth-link" class="btn primary" href=${href}>${t.reauthLink}</a>`
            : nothing
        }</slot
      >
      <button part="retry-button" class="btn" type="button" @click=${retry}>${t.retry}</button>
    </div>
  </div>`;
}
