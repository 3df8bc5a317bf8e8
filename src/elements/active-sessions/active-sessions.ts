import { type PropertyValues, html, isServer, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { KeyedActionController } from '../../controllers/keyed-action.js';
import { type SessionError, toSessionError } from '../../core/errors.js';
import type { SessionState } from '../../core/session-state.js';
import {
  SIGN_IN_STATUSES,
  type SignInStatusFilter,
  isSignInStatusFilter,
} from '../../core/types.js';
import { announce } from '../../internal/announcer.js';
import { deepActiveElement } from '../../internal/focus.js';
import { buttons, tokens } from '../../internal/styles/base.js';
import { lazy } from '../../core/lazy.js';
import { SessionElement } from '../shared/session-element.js';
import { type ActiveSessionsStrings, activeSessionsStrings } from './active-sessions.strings.js';
import { styles } from './active-sessions.styles.js';
import type { FlagMode } from './flags.js';
import { type Listing, SignInListController } from './list.js';
import type { ListingView } from './listing-view.js';
import { errorTemplate, reauthTemplate, skeletonTemplate } from './states.js';

export type { FlagMode } from './flags.js';

/** What draws the rows (listing-view.ts): every `<active-sessions>` on the page shares the one load. */
const listingViewModule = lazy(() => import('./listing-view.js'));

/** A value of the `status` attribute (the shared list of status filters). */
export type StatusFilter = SignInStatusFilter;

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;

/**
 * Where the user is signed in: one row per sign-in on any device (this one
 * first), with device, location, IP and activity, and controls to sign out of
 * one device or of all others. Destructive actions confirm in an alert
 * dialog; results are announced; the list refetches after every change,
 * including changes made in other tabs.
 *
 * @summary The user's sign-ins on every device, with sign-out controls.
 * @tag active-sessions
 *
 * @slot reauth - Replaces the default "Confirm your identity" link in the re-authentication state.
 *
 * @fires {SignInRevokeEvent} signin-revoke - Before signing out of a device (`scope: 'one'`) or of all others (`scope: 'others'`); cancelable.
 * @fires {SignInRevokedEvent} signin-revoked - The server confirmed the sign-out; `detail.signins` holds the revoked sign-ins (empty for `others`).
 * @fires {SignOutEvent} sign-out - Before signing out of this device from its row; cancelable.
 * @fires {SignedOutEvent} signed-out - This device was signed out; `detail.redirectUrl` when the server gave one.
 * @fires {SessionErrorEvent} session-error - Loading or an action failed; `detail.error.code` says why.
 * @fires {ReauthRequiredEvent} reauth-required - The server wants the user to confirm who they are; cancel it to handle this yourself and call `detail.retry()` afterwards.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - The row holding the status filter and the sign-out-of-others button.
 * @csspart filter-label - The "Show" label of the status filter.
 * @csspart filter - The status filter `<select>`.
 * @csspart list - The `<ul>` of sign-ins.
 * @csspart item - Each sign-in row (`<li>`).
 * @csspart item-current - The row of this device (also has `item`).
 * @csspart item-body - A row's text column: title, badges, details and a failure (a flex box that wraps).
 * @csspart device-icon - The device icon.
 * @csspart title - The device title, e.g. "Chrome 141 on macOS".
 * @csspart badge - Every badge ("This device", "Admin access", "Expired").
 * @csspart badge-current - The "This device" badge.
 * @csspart badge-admin - The "Admin access" badge of impersonated sign-ins.
 * @csspart badge-expired - The "Expired" badge.
 * @csspart meta - The line of details under the title.
 * @csspart location - City and country, with the flag where flags are drawn (see `flags`).
 * @csspart ip - The IP address.
 * @csspart timestamp - Every time in a row (also has `last-active`, `signed-in-at`, `expires` or `expired-at`); the exact time is its tooltip.
 * @csspart last-active - The last-active time.
 * @csspart signed-in-at - The first sign-in date.
 * @csspart expires - The expiry, shown when it is near.
 * @csspart expired-at - "Expired 3 days ago" on an expired sign-in.
 * @csspart revoke-button - Another device's "Sign out" button (and an expired sign-in's "Remove").
 * @csspart remove-button - An expired sign-in's "Remove" button (also has `revoke-button`).
 * @csspart sign-out-button - The "Sign out" button of this device's row.
 * @csspart revoke-others-button - "Sign out of all other devices".
 * @csspart pagination - The paging bar.
 * @csspart summary - The "1–10 of 23" text.
 * @csspart previous-button - The previous-page button.
 * @csspart next-button - The next-page button.
 * @csspart empty - The message shown when there is nothing to list.
 * @csspart error - An error message (whole list or one row).
 * @csspart retry-button - The "Try again" button.
 * @csspart stale - The hint shown while the session could not be refreshed.
 * @csspart reauth - The "Confirm it's you" state.
 * @csspart reauth-link - The link to `reauth-url`.
 * @csspart skeleton - The loading placeholder.
 * @csspart skeleton-bone - Each grey shape in the loading placeholder.
 * @csspart dialog - The confirmation dialog.
 * @csspart dialog-title - The dialog's title.
 * @csspart dialog-message - The dialog's message.
 * @csspart dialog-actions - The dialog's button row.
 * @csspart dialog-cancel - The dialog's cancel button (focused when it opens).
 * @csspart dialog-confirm - The dialog's confirm button.
 *
 * @cssprop --active-sessions-icon-size - Size of the device icons (default 1.5rem).
 * @cssprop --active-sessions-row-padding - Padding of each row (default 1.5 × the spacing unit).
 * @cssprop --session-color-hover - Background of a hovered button (default: the text colour at 7 %).
 * @cssprop --session-color-focus-ring - The focus outline (default: the accent colour).
 * @cssprop --session-color-placeholder - The loading placeholder's shapes.
 * @cssprop --session-color-spinner - The spinner of a button whose action is under way (default: its text colour).
 */
export class ActiveSessions extends SessionElement<ActiveSessionsStrings> {
  static override styles = [tokens, buttons, styles];
  protected readonly translations = activeSessionsStrings;

  /**
   * Sign-ins per page (1–1000).
   * @default 10
   */
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;

  /**
   * Which sign-ins to list: `all`, `online`, `offline` or `expired`. Applies
   * only when the backend supports the status filter.
   * @type {'all' | 'online' | 'offline' | 'expired'}
   */
  // useDefault: the default is not written to the host (server-rendered markup stays as authored).
  @property({ reflect: true, useDefault: true }) status: StatusFilter = 'all';

  /** Hides IP addresses. */
  @property({ attribute: 'hide-ip', type: Boolean }) hideIp = false;

  /** Hides city, country and flag. */
  @property({ attribute: 'hide-location', type: Boolean }) hideLocation = false;

  /** Shows only the network part of IP addresses (IPv4 /24, IPv6 /48). */
  @property({ attribute: 'mask-ip', type: Boolean }) maskIp = false;

  /** Where users confirm their identity when the server asks for it (http, https or relative). */
  @property({ attribute: 'reauth-url' }) reauthUrl?: string;

  /**
   * Country flags before places: `emoji` always draws them, `none` never, and
   * `auto` only where the browser can draw flag emoji (Windows and many Linux
   * systems show two letters or boxes instead). Without a flag the place names
   * its country in words.
   * @type {'emoji' | 'none' | 'auto'}
   * @default 'auto'
   */
  @property({ reflect: true, useDefault: true }) flags: FlagMode = 'auto';

  /** Revocations and sign-outs, keyed by sign-in id (or OTHERS); rows run side by side. */
  #actions = new KeyedActionController(this, {
    report: (error, action, retry) => this.reportError(error, action, retry),
    exclusive: false,
    announce: (message) => announce(message, this),
  });
  #list = new SignInListController(this, {
    controller: () => this.sessionController,
    state: () => this.state,
    pageSize: () => this.#pageSize,
    status: () => this.#statusQuery,
    actions: this.#actions,
    onAnswer: (page) => this.#announceAnswer(page),
  });
  /** The toolbar, rows and pagination, once their code arrived (see `#loadView`). */
  #view: ListingView | null = null;
  /** Why the listing's code could not be loaded; the error view's retry loads it again. */
  #viewError: SessionError | undefined;
  #viewLoading = false;

  /**
   * Fetches the list again. The list follows every change made through the kit by itself;
   * call this after sign-ins changed some other way (a sign-in on another device, say).
   */
  refresh(): void {
    this.#list.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetched beside the first list request: rows cannot show before its answer anyway.
    if (!isServer) this.#loadView();
  }

  protected override sessionChanged(state: SessionState): void {
    if (state.status === 'signed-in') return;
    // Nothing user-specific survives a sign-out.
    this.#actions.reset();
    this.#list.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('status') || changed.has('pageSize'))) this.#list.restart();
  }

  /** What a new page or filter shows: "11–20 of 23", or that nothing matches. */
  #announceAnswer = ({ items, page, pageSize, total }: Listing['page']): void => {
    const from = (page - 1) * pageSize + 1;
    announce(
      items.length ? this.t.range(from, from + items.length - 1, total) : this.t.empty,
      this,
    );
  };

  protected override render() {
    const state = this.state;
    if (state.status === 'signed-out') return nothing;
    const busy = state.status === 'loading' || this.#list.loading || this.#viewLoading;
    return html`<div
      part="base"
      class="base"
      lang=${this.locale}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${this.#body(state, this.t)} ${this.#view?.dialog() ?? nothing}
    </div>`;
  }

  #body(state: SessionState, t: ActiveSessionsStrings) {
    if (state.status === 'loading') {
      // A failed first attempt is said at once (the retries go on behind it).
      return state.error
        ? errorTemplate(t, state.error, () => void this.sessionController?.refetch())
        : skeletonTemplate(t);
    }
    if (state.status === 'error') {
      return errorTemplate(t, state.error, () => void this.sessionController?.refetch());
    }
    if (state.status !== 'signed-in') return nothing;
    const reauth = this.#actions.reauth;
    const listReauth = reauth?.action === 'list-signins';
    const failed = this.#list.error !== undefined && !listReauth;
    const error = failed ? toSessionError(this.#list.error) : undefined;
    const shown = this.#list.shown;
    return html`${reauth ? reauthTemplate(t, this.reauthUrl, this.#onRetryReauth) : nothing}
    ${state.stale && !error ? html`<p part="stale" class="stale">${t.stale}</p>` : nothing}
    ${
      shown
        ? this.#listing(shown, t, error)
        : error
          ? errorTemplate(t, error, this.#list.refresh)
          : listReauth
            ? nothing
            : skeletonTemplate(t)
    }`;
  }

  /** The listing once its code is here; until then the skeleton, or why the code did not load. */
  #listing(listing: Listing, t: ActiveSessionsStrings, error: SessionError | undefined) {
    if (!this.#view) {
      return this.#viewError
        ? errorTemplate(t, this.#viewError, () => this.#loadView())
        : skeletonTemplate(t);
    }
    const capabilities = this.sessionController?.capabilities;
    return this.#view.render(listing, t, error, {
      lang: this.locale,
      hideIp: this.hideIp,
      hideLocation: this.hideLocation,
      maskIp: this.maskIp,
      flags: this.flags,
      status: capabilities?.statusFilter ? this.#statusQuery : null,
      revokeOthers: !!capabilities?.revokeOthers,
      onFilter: this.#onFilter,
    });
  }

  /** Loads the listing's code unless it is here or on its way; draws again once it settled. */
  #loadView(): void {
    if (this.#view || this.#viewLoading) return;
    this.#viewLoading = true;
    this.#viewError = undefined;
    this.requestUpdate();
    listingViewModule
      .load()
      .then(
        ({ ListingView }) => {
          this.#view = new ListingView(this, {
            strings: () => this.t,
            controller: () => this.requireController(),
            emit: (event) => this.emit(event),
            actions: this.#actions,
            list: this.#list,
          });
        },
        (error: unknown) => (this.#viewError = toSessionError(error)),
      )
      .finally(() => {
        this.#viewLoading = false;
        this.requestUpdate();
      });
  }

  get #pageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #statusQuery(): StatusFilter {
    if (!this.sessionController?.capabilities.statusFilter) return 'all';
    return isSignInStatusFilter(this.status) ? this.status : SIGN_IN_STATUSES[0];
  }

  #onFilter = (event: Event): void => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
  };

  /** "Try again" after confirming who one is: the prompt leaves, so focus goes to the list first. */
  #onRetryReauth = (): void => {
    const prompt = this.shadowRoot?.querySelector('[part~="reauth"]');
    if (prompt?.contains(deepActiveElement())) {
      this.shadowRoot?.querySelector<HTMLElement>('.list, .empty')?.focus();
    }
    this.#actions.retryReauth();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'active-sessions': ActiveSessions;
  }
}
