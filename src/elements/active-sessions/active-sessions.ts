import { Task, TaskStatus, initialState } from '@lit/task';
import { type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DeviceParserController } from '../../controllers/device-parser.js';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.js';
import { KeyedActionController } from '../../controllers/keyed-action.js';
import { LiveClock } from '../../controllers/live-clock.js';
import { type SessionError, toSessionError } from '../../core/errors.js';
import type { SessionState } from '../../core/session-state.js';
import {
  type Page,
  SIGN_IN_STATUSES,
  type SignIn,
  type SignInStatusFilter,
  isSignInStatusFilter,
} from '../../core/types.js';
import { SignInRevokeEvent, SignInRevokedEvent } from '../../events.js';
import { announce } from '../../internal/announcer.js';
import { errorMessage } from '../../internal/common-strings.js';
import { languageOf } from '../../internal/localize.js';
import { signOutWithEvents } from '../../internal/sign-out.js';
import { buttons, tokens } from '../../internal/styles/base.js';
import { SessionElement } from '../shared/session-element.js';
import { type ActiveSessionsStrings, activeSessionsStrings } from './active-sessions.strings.js';
import { styles } from './active-sessions.styles.js';
import { validatePage } from './check-page.js';
import { paginationTemplate } from './pagination.js';
import { rowTemplate } from './row.js';
import { deviceTitle, toRow } from './row-model.js';
import { errorTemplate, reauthTemplate, skeletonTemplate } from './states.js';
import { toolbarTemplate } from './toolbar.js';

/** A value of the `status` attribute (the shared list of status filters). */
export type StatusFilter = SignInStatusFilter;

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
/** The action key of "Sign out of all other devices". */
const OTHERS = '\u0000others';
/** The list's revision argument while there is no list to show, and while the session loads. */
const NO_LIST = -1;
const SESSION_LOADING = -2;

interface Listing {
  page: Page<SignIn>;
  /** The session revision the page was fetched at. */
  revision: number;
}

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
 * @csspart filter - The status filter `<select>`.
 * @csspart list - The `<ul>` of sign-ins.
 * @csspart item - Each sign-in row (`<li>`).
 * @csspart item-current - The row of this device (also has `item`).
 * @csspart device-icon - The device icon.
 * @csspart title - The device title, e.g. "Chrome 141 on macOS".
 * @csspart badge - Every badge ("This device", "Admin access", "Expired").
 * @csspart badge-current - The "This device" badge.
 * @csspart badge-admin - The "Admin access" badge of impersonated sign-ins.
 * @csspart badge-expired - The "Expired" badge.
 * @csspart meta - The line of details under the title.
 * @csspart location - City and country with flag.
 * @csspart ip - The IP address.
 * @csspart last-active - The last-active time.
 * @csspart signed-in-at - The first sign-in date.
 * @csspart expires - The expiry, shown when it is near.
 * @csspart revoke-button - A row's "Sign out" button.
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
 * @csspart dialog - The confirmation dialog.
 * @csspart dialog-title - The dialog's title.
 * @csspart dialog-message - The dialog's message.
 * @csspart dialog-actions - The dialog's button row.
 * @csspart dialog-cancel - The dialog's cancel button (focused when it opens).
 * @csspart dialog-confirm - The dialog's confirm button.
 *
 * @cssprop --active-sessions-icon-size - Size of the device icons (default 1.5rem).
 * @cssprop --active-sessions-row-padding - Padding of each row (default 1.5 × the spacing unit).
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
  @property({ reflect: true }) status: StatusFilter = 'all';

  /** Hides IP addresses. */
  @property({ attribute: 'hide-ip', type: Boolean }) hideIp = false;

  /** Hides city, country and flag. */
  @property({ attribute: 'hide-location', type: Boolean }) hideLocation = false;

  /** Shows only the network part of IP addresses (IPv4 /24, IPv6 /48). */
  @property({ attribute: 'mask-ip', type: Boolean }) maskIp = false;

  /** Where users confirm their identity when the server asks for it (http, https or relative). */
  @property({ attribute: 'reauth-url' }) reauthUrl?: string;

  @state() private page = 1;
  /** Set by a page or filter change: the list that answers it is announced. */
  #announceListing = false;

  #confirm = new ConfirmDialogController(this);
  #clock = new LiveClock(this);
  /** @internal Rows drawn before the user-agent parser arrived are redrawn when it does. */
  protected readonly deviceParser = new DeviceParserController(this);
  /** Revocations and sign-outs, keyed by sign-in id (or OTHERS); rows run side by side. */
  #actions = new KeyedActionController(this, {
    report: (error, action, retry) => this.reportError(error, action, retry),
    exclusive: false,
  });
  /** The last list that loaded; kept on screen while refetching or when a refetch fails. */
  #shown: Listing | undefined;

  #list = new Task(this, {
    args: () =>
      [
        this.sessionController,
        this.#listRevision,
        this.page,
        this.#pageSize,
        this.#statusQuery,
      ] as const,
    task: async ([controller, revision, page, pageSize, status], { signal }) => {
      if (!controller || revision === NO_LIST) return initialState;
      const query = { page, pageSize, status };
      if (revision === SESSION_LOADING) {
        // The first page sets off beside the session; the controller hands its answer to the
        // revision that session produces, or drops it if nobody is signed in.
        void controller.listSignIns(query).catch(() => undefined);
        return initialState;
      }
      const load = this.#actions.loadStarted();
      const result = await controller.listSignIns(query, { signal });
      return { listing: { page: validatePage(result), revision }, load };
    },
    onComplete: ({ listing, load }) => {
      this.#show(listing);
      this.#actions.loadSucceeded(load);
      if (this.#announceListing) this.#announceSummary(listing.page);
    },
    onError: (error) =>
      this.#actions.fail('list', 'list-signins', error, this.#retryList, { load: true }),
  });

  /**
   * Fetches the list again. The list follows every change made through the kit by itself;
   * call this after sign-ins changed some other way (a sign-in on another device, say).
   */
  refresh(): void {
    void this.#list.run();
  }

  protected override sessionChanged(state: SessionState): void {
    if (state.status === 'signed-in') return;
    // Nothing user-specific survives a sign-out.
    this.#shown = undefined;
    this.#actions.reset();
    this.page = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('status') || changed.has('pageSize'))) this.page = 1;
    // A page or filter change is announced once its list arrives (see #announceSummary).
    const asked = ['page', 'status'].some((key) => (changed as Map<PropertyKey, unknown>).has(key));
    if (this.hasUpdated && asked) this.#announceListing = true;
  }

  /** What a new page or filter shows: "11–20 of 23", or that nothing matches. */
  #announceSummary({ items, page, pageSize, total }: Listing['page']): void {
    this.#announceListing = false;
    const from = (page - 1) * pageSize + 1;
    announce(items.length ? this.t.range(from, from + items.length - 1, total) : this.t.empty);
  }

  protected override render() {
    const state = this.state;
    if (state.status === 'signed-out') return nothing;
    const busy = state.status === 'loading' || this.#list.status === TaskStatus.PENDING;
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      <div role="status" class="visually-hidden">${this.#actions.announcement}</div>
      ${this.#body(state, this.t)} ${this.#confirm.render()}
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
    const failed = this.#list.status === TaskStatus.ERROR && !listReauth;
    const error = failed ? toSessionError(this.#list.error) : undefined;
    return html`${reauth ? reauthTemplate(t, this.reauthUrl, () => this.#actions.retryReauth()) : nothing}
    ${state.stale && !error ? html`<p part="stale" class="stale">${t.stale}</p>` : nothing}
    ${
      this.#shown
        ? this.#listing(this.#shown, t, error)
        : error
          ? errorTemplate(t, error, this.#retryList)
          : listReauth
            ? nothing
            : skeletonTemplate(t)
    }`;
  }

  #listing(listing: Listing, t: ActiveSessionsStrings, error: SessionError | undefined) {
    const { items, total } = listing.page;
    const capabilities = this.sessionController?.capabilities;
    const others = total - (items.some((signIn) => signIn.current) ? 1 : 0) > 0;
    const options = {
      now: this.#clock.now,
      lang: languageOf(this),
      hideIp: this.hideIp,
      hideLocation: this.hideLocation,
      maskIp: this.maskIp,
    };
    return html`${toolbarTemplate(t, {
      status: capabilities?.statusFilter ? this.#statusQuery : null,
      revokeOthers: !!capabilities?.revokeOthers && others,
      pending: this.#actions.isPending(OTHERS),
      error: this.#actions.errorOf(OTHERS)?.message,
      onFilter: this.#onFilter,
      onRevokeOthers: this.#onRevokeOthers,
    })}
    ${error ? errorTemplate(t, error, this.#retryList) : nothing}
    ${
      items.length
        ? html`<ul part="list" class="list" aria-label=${t.listLabel} @click=${this.#onListClick}>
            ${repeat(
              items,
              (signIn) => signIn.id,
              (signIn) =>
                rowTemplate(toRow(signIn, t, options), t, {
                  pending: this.#actions.isPending(signIn.id),
                  error: this.#actions.errorOf(signIn.id)?.message,
                }),
            )}
          </ul>`
        : html`<p part="empty" class="empty">${t.empty}</p>`
    }
    ${paginationTemplate(listing.page, t, (page) => (this.page = page))}`;
  }

  get #listRevision(): number {
    const { status } = this.state;
    if (status === 'loading') return SESSION_LOADING;
    return status === 'signed-in' ? this.state.revision : NO_LIST;
  }

  get #pageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #statusQuery(): StatusFilter {
    if (!this.sessionController?.capabilities.statusFilter) return 'all';
    return isSignInStatusFilter(this.status) ? this.status : SIGN_IN_STATUSES[0];
  }

  #show(listing: Listing): void {
    this.#shown = listing;
    const { page, pageSize, total, items } = listing.page;
    // A revocation emptied the last page: show the new last page instead.
    if (!items.length && page > 1 && total > 0) this.page = Math.ceil(total / pageSize);
  }

  /** The server confirmed: the rows leave now; the list and session reconcile after. */
  #drop(gone: (signIn: SignIn) => boolean): void {
    const shown = this.#shown;
    if (!shown) return;
    const items = shown.page.items.filter((signIn) => !gone(signIn));
    const total = Math.max(
      items.length,
      shown.page.total - (shown.page.items.length - items.length),
    );
    this.#show({ ...shown, page: { ...shown.page, items, total } });
  }

  #retryList = (): void => this.refresh();

  #onFilter = (event: Event): void => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
  };

  /** One listener for every row button: rows stay cheap and keyed rendering stays minimal. */
  #onListClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-id]');
    const signIn = this.#shown?.page.items.find((item) => item.id === button?.dataset.id);
    if (!signIn || this.#actions.isPending(signIn.id)) return;
    if (signIn.current) void this.#signOutHere(signIn);
    else void this.#revoke(signIn);
  };

  #onRevokeOthers = async (): Promise<void> => {
    const t = this.t;
    if (this.#actions.isPending(OTHERS)) return;
    const confirmed = await this.#confirm.ask({
      title: t.confirmRevokeOthersTitle,
      message: t.confirmRevokeOthersMessage,
      confirmLabel: t.confirmSignOut,
      cancelLabel: t.cancel,
      danger: true,
    });
    if (!confirmed || !this.emit(new SignInRevokeEvent({ signins: [], scope: 'others' }))) return;
    await this.#actions.run(
      OTHERS,
      'revoke-others',
      async () => {
        const result = await this.requireController().revokeOtherSignIns();
        if (!result.ok) throw result.error;
        this.#drop((signIn) => !signIn.current);
        this.emit(new SignInRevokedEvent({ signins: [], scope: 'others' }));
        return this.t.revokedOthers(result.data.revoked);
      },
      { general: true, message: (error) => t.revokeOthersFailed(errorMessage(t, error.code)) },
    );
  };

  async #revoke(signIn: SignIn): Promise<void> {
    const t = this.t;
    const title = deviceTitle(signIn, t);
    const confirmed = await this.#confirm.ask({
      title: t.confirmRevokeTitle(title),
      message: t.confirmRevokeMessage,
      confirmLabel: t.confirmSignOut,
      cancelLabel: t.cancel,
      danger: true,
    });
    if (!confirmed || !this.emit(new SignInRevokeEvent({ signins: [signIn], scope: 'one' }))) {
      return;
    }
    await this.#actions.run(
      signIn.id,
      'revoke-signin',
      async () => {
        const result = await this.requireController().removeSignIn(signIn.id);
        if (!result.ok) throw result.error;
        this.#drop((item) => item.id === signIn.id);
        this.emit(new SignInRevokedEvent({ signins: [signIn], scope: 'one' }));
        return t.revoked(title);
      },
      { message: (error) => t.revokeFailed(title, errorMessage(t, error.code)) },
    );
  }

  /** This device's row signs out through the kit's one sign-out protocol, not a revocation. */
  async #signOutHere(signIn: SignIn): Promise<void> {
    const t = this.t;
    const request = { scope: 'signin', signInId: signIn.id } as const;
    await this.#actions.run(
      signIn.id,
      'sign-out',
      async () => ((await signOutWithEvents(this, this.requireController(), request)) ? '' : null),
      { message: (error) => t.signOutFailed(errorMessage(t, error.code)) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'active-sessions': ActiveSessions;
  }
}
