import { Task, TaskStatus, initialState } from '@lit/task';
import { type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { type SessionError, toSessionError } from '../../core/errors.js';
import { type SessionState, revisionOf } from '../../core/session-state.js';
import type { Page, SignIn } from '../../core/types.js';
import {
  type SessionAction,
  SignOutEvent,
  SignedOutEvent,
  SignInRevokeEvent,
  SignInRevokedEvent,
} from '../../events.js';
import { errorMessage } from '../../internal/common-strings.js';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.js';
import { deviceIcon } from '../../internal/templates/icons.js';
import { languageOf } from '../../internal/localize.js';
import { SessionElement } from '../shared/session-element.js';
import { buttons, tokens } from '../../internal/styles/base.js';
import { dialogStyles } from '../../internal/styles/dialog.js';
import { type ActiveSessionsStrings, activeSessionsStrings } from './active-sessions.strings.js';
import { styles } from './active-sessions.styles.js';
import { LiveClock } from '../../controllers/live-clock.js';
import { DeviceParserController } from '../../controllers/device-parser.js';
import { PendingRevocations } from './pending-revocations.js';
import { type Moment, type RowModel, deviceTitle, toRow } from './row-model.js';
import { checkPage } from './sanitize.js';
import { safeHref } from '../../internal/safe-url.js';

export type StatusFilter = 'all' | 'online' | 'offline' | 'expired';

const STATUSES: readonly StatusFilter[] = ['all', 'online', 'offline', 'expired'];
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
/** The pending key of "Sign out of all other devices". */
const OTHERS = '\u0000others';

interface Listing {
  page: Page<SignIn>;
  /** The session revision the page was fetched at. */
  revision: number;
  /** Which list load this was (1, 2, …); a message older than that load is stale. */
  load: number;
}

interface Reauth {
  action: SessionAction;
  retry: () => void;
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
 * @cssprop --session-font - Font family.
 * @cssprop --session-color-text - Text colour.
 * @cssprop --session-color-muted - Secondary text colour.
 * @cssprop --session-color-surface - Background colour.
 * @cssprop --session-color-border - Border and separator colour.
 * @cssprop --session-color-accent - Accent (focus ring, "This device" badge).
 * @cssprop --session-color-danger - Destructive buttons and errors.
 * @cssprop --session-radius - Corner radius.
 * @cssprop --session-space - Base spacing unit.
 * @cssprop --session-color-scheme - `light` or `dark` to override the user's preference.
 * @cssprop --active-sessions-icon-size - Size of the device icons (default 1.5rem).
 * @cssprop --active-sessions-row-padding - Padding of each row (default 1.5 × the spacing unit).
 */
export class ActiveSessions extends SessionElement<ActiveSessionsStrings> {
  static override styles = [tokens, buttons, dialogStyles, styles];
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
  @state() private announcement = '';
  @state() private rowErrors: ReadonlyMap<string, string> = new Map();
  @state() private reauth: Reauth | null = null;

  #confirm = new ConfirmDialogController(this);
  #clock = new LiveClock(this);
  #pending = new PendingRevocations();
  /** @internal Rows drawn before the user-agent parser arrived are redrawn when it does. */
  protected readonly deviceParser = new DeviceParserController(this);
  /** The last list that loaded; kept on screen while refetching or when a refetch fails. */
  #shown: Listing | undefined;
  /** List loads started so far. */
  #loads = 0;
  /** Row (or toolbar) key → how many list loads had started when its message appeared. */
  #errorLoads = new Map<string, number>();

  #list = new Task(this, {
    args: () =>
      [
        this.sessionController,
        this.state.status === 'signed-in' ? this.state.revision : -1,
        this.page,
        this.#pageSize,
        this.#statusQuery,
      ] as const,
    task: async ([controller, revision, page, pageSize, status], { signal }) => {
      if (!controller || revision < 0) return initialState;
      const load = ++this.#loads;
      const result = await controller.listSignIns({ page, pageSize, status }, { signal });
      return { page: checkPage(result), revision, load } satisfies Listing;
    },
    onComplete: (listing) => {
      this.#shown = listing;
      this.#pending.prune(listing.revision);
      this.#dropErrorsBefore(listing.load);
      if (this.reauth?.action === 'list-signins') this.reauth = null;
      const { page, pageSize, total, items } = listing.page;
      // A revocation emptied the last page: show the new last page instead.
      if (!items.length && page > 1 && total > 0) this.page = Math.ceil(total / pageSize);
    },
    onError: (error) => this.#failed(toSessionError(error), 'list-signins', this.#retryList),
  });

  get #pageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #statusQuery(): StatusFilter {
    if (!this.sessionController?.capabilities.statusFilter) return 'all';
    return STATUSES.includes(this.status) ? this.status : 'all';
  }

  protected override sessionChanged(state: SessionState): void {
    if (state.status === 'signed-in') return;
    // Nothing user-specific survives a sign-out.
    this.#shown = undefined;
    this.rowErrors = new Map();
    this.#errorLoads.clear();
    this.reauth = null;
    this.page = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('status') || changed.has('pageSize'))) this.page = 1;
  }

  protected override render() {
    const state = this.state;
    if (state.status === 'signed-out') return nothing;
    const t = this.t;
    const busy = state.status === 'loading' || this.#list.status === TaskStatus.PENDING;
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.#body(state, t)} ${this.#confirm.render()}
    </div>`;
  }

  #body(state: SessionState, t: ActiveSessionsStrings) {
    if (state.status === 'loading') return this.#skeleton(t);
    if (state.status === 'error') {
      return this.#errorState(t, state.error, () => void this.sessionController?.refetch());
    }
    if (state.status !== 'signed-in') return nothing;
    const error =
      this.#list.status === TaskStatus.ERROR ? toSessionError(this.#list.error) : undefined;
    const listReauth = this.reauth?.action === 'list-signins';
    return html`${this.reauth ? this.#reauthPanel(t, this.reauth) : nothing}
    ${state.stale ? html`<p part="stale" class="stale">${t.stale}</p>` : nothing}
    ${
      this.#shown
        ? this.#listing(this.#shown, t, listReauth ? undefined : error)
        : error
          ? listReauth
            ? nothing
            : this.#errorState(t, error, this.#retryList)
          : this.#skeleton(t)
    }`;
  }

  #skeleton(t: ActiveSessionsStrings) {
    return html`<span class="visually-hidden">${t.loading}</span>
      <ul part="skeleton" class="skeleton" aria-hidden="true">
        ${[0, 1, 2].map(
          () =>
            html`<li class="item">
              <span class="bone icon"></span>
              <span class="body"
                ><span class="bone line"></span><span class="bone short"></span
              ></span>
            </li>`,
        )}
      </ul>`;
  }

  #errorState(t: ActiveSessionsStrings, error: SessionError, retry: () => void) {
    return html`<div part="error" class="error" role="alert">
      <p>${t.loadFailed} ${errorMessage(t, error.code)}</p>
      <button part="retry-button" class="btn" type="button" @click=${retry}>${t.retry}</button>
    </div>`;
  }

  #reauthPanel(t: ActiveSessionsStrings, reauth: Reauth) {
    const href = safeHref(this.reauthUrl);
    return html`<div part="reauth" class="reauth" role="alert">
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
        <button
          part="retry-button"
          class="btn"
          type="button"
          @click=${() => {
            this.reauth = null;
            reauth.retry();
          }}
        >
          ${t.retry}
        </button>
      </div>
    </div>`;
  }

  #listing(listing: Listing, t: ActiveSessionsStrings, error: SessionError | undefined) {
    const { items } = listing.page;
    const options = {
      now: this.#clock.now,
      lang: languageOf(this),
      hideIp: this.hideIp,
      hideLocation: this.hideLocation,
      maskIp: this.maskIp,
    };
    return html`${this.#toolbar(listing, t)}
    ${error ? this.#errorState(t, error, this.#retryList) : nothing}
    ${
      items.length
        ? html`<ul part="list" class="list" aria-label=${t.listLabel} @click=${this.#onListClick}>
            ${repeat(
              items,
              (signIn) => signIn.id,
              (signIn) => this.#row(toRow(signIn, t, options), t, listing.revision),
            )}
          </ul>`
        : html`<p part="empty" class="empty">${t.empty}</p>`
    }
    ${this.#pagination(listing.page, t)}`;
  }

  #toolbar(listing: Listing, t: ActiveSessionsStrings) {
    const capabilities = this.sessionController?.capabilities;
    const { items, total } = listing.page;
    const others = total - (items.some((signIn) => signIn.current) ? 1 : 0) > 0;
    const showOthers = !!capabilities?.revokeOthers && others;
    if (!capabilities?.statusFilter && !showOthers) return nothing;
    const pending = this.#pending.isPending(OTHERS, listing.revision);
    const error = this.rowErrors.get(OTHERS);
    return html`<div part="toolbar" class="toolbar">
        ${
          capabilities?.statusFilter
            ? html`<label class="filter">
                <span>${t.filterLabel}</span>
                <select part="filter" @change=${this.#onFilter}>
                  ${STATUSES.map(
                    (status) =>
                      html`<option value=${status} ?selected=${status === this.#statusQuery}>
                        ${t[`status_${status}`]}
                      </option>`,
                  )}
                </select>
              </label>`
            : nothing
        }
        ${
          showOthers
            ? html`<button
                part="revoke-others-button"
                class="btn danger"
                type="button"
                aria-disabled=${pending ? 'true' : 'false'}
                @click=${this.#onRevokeOthers}
              >
                ${pending ? this.#pendingLabel(t) : t.revokeOthers}
              </button>`
            : nothing
        }
      </div>
      ${error ? html`<p part="error" class="inline-error">${error}</p>` : nothing}`;
  }

  #row(row: RowModel, t: ActiveSessionsStrings, listRevision: number) {
    const pending = this.#pending.isPending(row.id, listRevision);
    const error = this.rowErrors.get(row.id);
    return html`<li
      part=${row.current ? 'item item-current' : 'item'}
      class="item ${pending ? 'pending' : ''}"
    >
      <span part="device-icon" class="icon">${deviceIcon(row.kind)}</span>
      <div class="body">
        <p class="heading">
          <bdi part="title" class="title" title=${row.title}>${row.title}</bdi>
          ${
            row.current
              ? html`<span part="badge badge-current" class="badge current">${t.thisDevice}</span>`
              : nothing
          }
          ${
            row.impersonated
              ? html`<span part="badge badge-admin" class="badge admin">${t.adminAccess}</span>`
              : nothing
          }
          ${
            row.expired
              ? html`<span part="badge badge-expired" class="badge expired"
                  >${t.expiredBadge}</span
                >`
              : nothing
          }
        </p>
        <p part="meta" class="meta">
          ${
            row.location
              ? html`<span part="location" class="location"
                  >${row.flag ? html`<span aria-hidden="true">${row.flag} </span>` : nothing}<span
                    class="text"
                    title=${row.location}
                    >${row.locationParts.map(
                      (piece, i) => html`${i ? ', ' : ''}<bdi>${piece}</bdi>`,
                    )}</span
                  ></span
                >`
              : nothing
          }
          ${
            row.ip
              ? html`<span part="ip" class="ip"
                  ><span class="visually-hidden">${t.ipAddress} </span><bdi>${row.ip}</bdi></span
                >`
              : nothing
          }
          ${
            row.lastActive
              ? html`<span part="last-active" class="last-active"
                  >${
                    row.activeNow
                      ? moment(row.lastActive, t.activeNow)
                      : html`${t.lastActive} ${moment(row.lastActive)}`
                  }</span
                >`
              : nothing
          }
          ${
            row.created
              ? html`<span part="signed-in-at" class="signed-in-at"
                  >${t.signedInOn} ${moment(row.created)}</span
                >`
              : nothing
          }
          ${
            row.expiresSoon
              ? html`<span part="expires" class="expires"
                  >${t.expires} ${moment(row.expiresSoon)}</span
                >`
              : nothing
          }
        </p>
        ${error ? html`<p part="error" class="inline-error">${error}</p>` : nothing}
      </div>
      ${
        row.current
          ? html`<button
              part="sign-out-button"
              class="btn"
              type="button"
              data-id=${row.id}
              aria-label=${pending ? t.revokePending : t.signOutThisDevice}
              aria-disabled=${pending ? 'true' : 'false'}
            >
              ${pending ? this.#pendingLabel(t) : t.signOut}
            </button>`
          : html`<button
              part="revoke-button"
              class="btn danger"
              type="button"
              data-id=${row.id}
              aria-label=${pending ? t.revokePending : t.revokeLabel(row.title)}
              aria-disabled=${pending ? 'true' : 'false'}
            >
              ${pending ? this.#pendingLabel(t) : t.signOut}
            </button>`
      }
    </li>`;
  }

  #pendingLabel(t: ActiveSessionsStrings) {
    return html`<span class="spinner" aria-hidden="true"></span>${t.revokePending}`;
  }

  #pagination(page: Page<SignIn>, t: ActiveSessionsStrings) {
    if (!page.items.length) return nothing;
    const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
    const from = (page.page - 1) * page.pageSize + 1;
    const to = from + page.items.length - 1;
    const first = page.page <= 1;
    const last = page.page >= pageCount;
    return html`<div part="pagination" class="pagination">
      <span part="summary" class="summary">${t.range(from, to, page.total)}</span>
      ${
        pageCount > 1
          ? html`<div class="pages" role="group" aria-label=${t.paginationLabel}>
              <button
                part="previous-button"
                class="btn"
                type="button"
                aria-disabled=${first ? 'true' : 'false'}
                @click=${() => !first && (this.page = page.page - 1)}
              >
                ${t.previousPage}
              </button>
              <button
                part="next-button"
                class="btn"
                type="button"
                aria-disabled=${last ? 'true' : 'false'}
                @click=${() => !last && (this.page = page.page + 1)}
              >
                ${t.nextPage}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  /**
   * Fetches the list again. The list follows every change made through the kit by itself;
   * call this after sign-ins changed some other way (a sign-in on another device, say).
   */
  refresh(): void {
    void this.#list.run();
  }

  // ---- actions --------------------------------------------------------------------------------

  #retryList = (): void => this.refresh();

  #onFilter = (event: Event): void => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
  };

  /** One listener for every row button: rows stay cheap and keyed rendering stays minimal. */
  #onListClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-id]');
    const signIn = this.#shown?.page.items.find((item) => item.id === button?.dataset.id);
    if (!signIn) return;
    if (signIn.current) void this.#signOutHere(signIn);
    else void this.#revoke(signIn);
  };

  #onRevokeOthers = async (): Promise<void> => {
    const t = this.t;
    if (this.#pending.isPending(OTHERS, -Infinity)) return;
    const confirmed = await this.#confirm.ask({
      title: t.confirmRevokeOthersTitle,
      message: t.confirmRevokeOthersMessage,
      confirmLabel: t.confirmSignOut,
      cancelLabel: t.cancel,
      danger: true,
    });
    if (!confirmed || !this.emit(new SignInRevokeEvent({ signins: [], scope: 'others' }))) return;
    await this.#revokeOthersNow();
  };

  async #revoke(signIn: SignIn): Promise<void> {
    const t = this.t;
    if (this.#pending.isPending(signIn.id, -Infinity)) return;
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
    await this.#revokeNow(signIn);
  }

  async #revokeNow(signIn: SignIn): Promise<void> {
    const controller = this.sessionController;
    if (!controller || !this.#begin(signIn.id)) return;
    const result = await controller.removeSignIn(signIn.id);
    const t = this.t;
    const title = deviceTitle(signIn, t);
    if (result.ok) {
      this.#succeeded(signIn.id, revisionOf(controller.getSnapshot()), t.revoked(title));
      this.emit(new SignInRevokedEvent({ signins: [signIn], scope: 'one' }));
    } else {
      this.#pending.failed(signIn.id);
      this.#failed(result.error, 'revoke-signin', () => void this.#revokeNow(signIn), {
        key: signIn.id,
        message: t.revokeFailed(title, errorMessage(t, result.error.code)),
      });
    }
  }

  async #revokeOthersNow(): Promise<void> {
    const controller = this.sessionController;
    if (!controller || !this.#begin(OTHERS)) return;
    const result = await controller.revokeOtherSignIns();
    const t = this.t;
    if (result.ok) {
      this.#succeeded(
        OTHERS,
        revisionOf(controller.getSnapshot()),
        t.revokedOthers(result.data.revoked),
      );
      this.emit(new SignInRevokedEvent({ signins: [], scope: 'others' }));
    } else {
      this.#pending.failed(OTHERS);
      this.#failed(result.error, 'revoke-others', () => void this.#revokeOthersNow(), {
        key: OTHERS,
        message: t.revokeOthersFailed(errorMessage(t, result.error.code)),
      });
    }
  }

  /** This device's row signs out through the normal sign-out path, not a revocation. */
  async #signOutHere(signIn: SignIn): Promise<void> {
    const controller = this.sessionController;
    if (!controller || this.#pending.isPending(signIn.id, -Infinity)) return;
    if (!this.emit(new SignOutEvent({ scope: 'signin', signInId: signIn.id }))) return;
    if (!this.#begin(signIn.id)) return;
    try {
      const { redirectUrl } = await controller.signOut(signIn.id);
      this.#succeeded(signIn.id, revisionOf(controller.getSnapshot()), '');
      this.emit(new SignedOutEvent({ scope: 'signin', signInId: signIn.id, redirectUrl }));
    } catch (error) {
      const failure = toSessionError(error);
      const t = this.t;
      this.#pending.failed(signIn.id);
      this.#failed(failure, 'sign-out', () => void this.#signOutHere(signIn), {
        key: signIn.id,
        message: t.signOutFailed(errorMessage(t, failure.code)),
      });
    }
  }

  /** Claims `key` for a request; false on a second click while the first is under way. */
  #begin(key: string): boolean {
    if (!this.#pending.start(key)) return false;
    this.#setRowError(key, undefined);
    if (this.reauth?.action !== 'list-signins') this.reauth = null;
    this.requestUpdate();
    return true;
  }

  #succeeded(key: string, revision: number, announcement: string): void {
    this.#pending.confirmed(key, revision);
    // Whatever kept "sign out of all other devices" from working is over too.
    this.#setRowError(OTHERS, undefined);
    this.announcement = announcement;
    this.requestUpdate();
  }

  /**
   * Reports a failure; shows the re-auth state when the server asked for it
   * and nobody cancelled `reauth-required`, else the row's message.
   */
  #failed(
    error: SessionError,
    action: SessionAction,
    retry: () => void,
    row?: { key: string; message: string },
  ): void {
    if (error.code === 'aborted') return;
    if (this.reportError(error, action, retry)) {
      this.reauth = { action, retry };
      return;
    }
    if (row) {
      this.#setRowError(row.key, row.message);
      this.announcement = row.message;
    }
    this.requestUpdate();
  }

  #setRowError(key: string, message: string | undefined): void {
    const previous = this.rowErrors.get(key);
    if (previous === message) return;
    const next = new Map(this.rowErrors);
    if (message === undefined) {
      next.delete(key);
      this.#errorLoads.delete(key);
      // The live region must not keep repeating a failure that is over.
      if (this.announcement === previous) this.announcement = '';
    } else {
      next.set(key, message);
      this.#errorLoads.set(key, this.#loads);
    }
    this.rowErrors = next;
  }

  /**
   * A list that started loading after a failure shows how things are now
   * (the network is back, the row is gone or still there): its message is
   * stale. A load already under way when the failure happened proves nothing.
   */
  #dropErrorsBefore(load: number): void {
    for (const [key, since] of [...this.#errorLoads]) {
      if (since < load) this.#setRowError(key, undefined);
    }
  }
}

/** A timestamp: relative text, machine-readable `datetime`, exact time on hover and focus. */
function moment(value: Moment, text = value.text) {
  return html`<time datetime=${value.iso} title=${value.exact}>${text}</time>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'active-sessions': ActiveSessions;
  }
}
