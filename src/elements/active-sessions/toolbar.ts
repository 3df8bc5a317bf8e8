import { html, nothing } from 'lit';
import { SIGN_IN_STATUSES, type SignInStatusFilter } from '../../core/types.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';

export interface ToolbarOptions {
  /** The filter in use; null when the backend cannot filter by status. */
  status: SignInStatusFilter | null;
  /** "Sign out of all other devices" is offered. */
  revokeOthers: boolean;
  pending: boolean;
  /** The message of the last failed "sign out of all other devices". */
  error?: string;
  onFilter: (event: Event) => void;
  onRevokeOthers: (event: Event) => void;
}

/** The status filter and "Sign out of all other devices", with the latter's failure under them. */
export function toolbarTemplate(t: ActiveSessionsStrings, options: ToolbarOptions) {
  const { status, pending, error } = options;
  if (status === null && !options.revokeOthers) return nothing;
  return html`<div part="toolbar" class="toolbar">
      ${
        status !== null
          ? html`<label class="filter">
              <span part="filter-label">${t.filterLabel}</span>
              <select part="filter" @change=${options.onFilter}>
                ${SIGN_IN_STATUSES.map(
                  (value) =>
                    html`<option value=${value} ?selected=${value === status}>
                      ${t[`status_${value}`]}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      ${
        options.revokeOthers
          ? html`<button
              part="revoke-others-button"
              class=${pending ? 'btn danger busy' : 'btn danger'}
              type="button"
              aria-disabled=${pending ? 'true' : 'false'}
              @click=${options.onRevokeOthers}
              .textContent=${pending ? t.revokePending : t.revokeOthers}
            ></button>`
          : nothing
      }
    </div>
    ${error ? html`<p part="error" class="inline-error">${error}</p>` : nothing}`;
}
