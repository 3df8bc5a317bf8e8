import type { ReactiveControllerHost } from 'lit';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.js';
import type { KeyedActionController } from '../../controllers/keyed-action.js';
import type { SessionController } from '../../core/session-controller.js';
import type { SignIn } from '../../core/types.js';
import { type SessionElementsEvent, SignInRevokeEvent, SignInRevokedEvent } from '../../events.js';
import { errorMessage } from '../../internal/common-strings.js';
import { parseDate } from '../../internal/format.js';
import { deepActiveElement } from '../../internal/focus.js';
import { countLiveSignIns } from '../../internal/live-sign-ins.js';
import { signOutWithEvents } from '../../internal/sign-out.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';
import type { Listing, SignInListController } from './list.js';
import { deviceTitle } from './row-model.js';

/** The action key of "Sign out of all other devices". */
export const OTHERS = '\u0000others';

export interface RowActionsOptions {
  strings: () => ActiveSessionsStrings;
  /** The controller, or a thrown `unsupported` error outside any provider. */
  controller: () => SessionController;
  emit: (event: SessionElementsEvent<unknown>) => boolean;
  actions: KeyedActionController;
  list: SignInListController;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * What the rows' buttons do: revoke a sign-in (or remove an expired one),
 * sign out of this device, sign out of all other devices. Each confirms first,
 * runs through the keyed action protocol, drops the rows the server confirmed
 * gone, and puts focus somewhere meaningful when its button leaves.
 */
export class RowActions {
  readonly #host: Host;
  readonly #options: RowActionsOptions;
  readonly #confirm: ConfirmDialogController;

  constructor(host: Host, options: RowActionsOptions) {
    this.#host = host;
    this.#options = options;
    this.#confirm = new ConfirmDialogController(host);
  }

  /** The confirmation dialog, for the host's template. */
  dialog() {
    return this.#confirm.render();
  }

  /** One listener for every row button: rows stay cheap and keyed rendering stays minimal. */
  onListClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-id]');
    const signIn = this.#options.list.shown?.page.items.find((s) => s.id === button?.dataset.id);
    if (!button || !signIn || this.#options.actions.isPending(signIn.id)) return;
    if (signIn.current) void this.#signOutHere(signIn);
    else void this.#revoke(signIn, button);
  };

  onRevokeOthers = async (event: Event): Promise<void> => {
    const { actions, list } = this.#options;
    const t = this.#options.strings();
    const opener = event.currentTarget;
    if (actions.isPending(OTHERS)) return;
    const count = await liveOthers(this.#options.controller(), list.shown);
    const confirmed = await this.#ask(opener, {
      title: t.confirmRevokeOthersTitle,
      message: count === null ? t.confirmRevokeOthersMessage : t.confirmRevokeOthersCount(count),
      confirmLabel: t.confirmSignOut,
    });
    const detail = { signins: [], scope: 'others' } as const;
    if (!confirmed || !this.#options.emit(new SignInRevokeEvent(detail))) return;
    const done = await actions.run(
      OTHERS,
      'revoke-others',
      async () => {
        const result = await this.#options.controller().revokeOtherSignIns();
        if (!result.ok) throw result.error;
        list.drop((signIn) => !signIn.current);
        this.#options.emit(new SignInRevokedEvent(detail));
        return t.revokedOthers(result.data.revoked);
      },
      { general: true, message: (error) => t.revokeOthersFailed(errorMessage(t, error.code)) },
    );
    if (done) await this.#land(0, opener);
    else await this.#toReauth(opener);
  };

  async #revoke(signIn: SignIn, button: HTMLButtonElement): Promise<void> {
    const { actions, list } = this.#options;
    const t = this.#options.strings();
    const title = deviceTitle(signIn, t);
    const expired = isExpired(signIn, Date.now());
    const confirmed = await this.#ask(button, {
      title: expired ? t.confirmRemoveTitle(title) : t.confirmRevokeTitle(title),
      message: expired ? t.confirmRemoveMessage : t.confirmRevokeMessage,
      confirmLabel: expired ? t.remove : t.confirmSignOut,
    });
    const detail = { signins: [signIn], scope: 'one' } as const;
    if (!confirmed || !this.#options.emit(new SignInRevokeEvent(detail))) return;
    const index = list.shown?.page.items.indexOf(signIn) ?? 0;
    const failed = expired ? t.removeFailed : t.revokeFailed;
    const done = await actions.run(
      signIn.id,
      'revoke-signin',
      async () => {
        const result = await this.#options.controller().removeSignIn(signIn.id);
        if (!result.ok) throw result.error;
        list.drop((item) => item.id === signIn.id);
        this.#options.emit(new SignInRevokedEvent(detail));
        return expired ? t.removed(title) : t.revoked(title);
      },
      { message: (error) => failed(title, errorMessage(t, error.code)) },
    );
    if (done) await this.#land(index, button);
    else await this.#toReauth(button);
  }

  /** This device's row signs out through the kit's one sign-out protocol, not a revocation. */
  async #signOutHere(signIn: SignIn): Promise<void> {
    const t = this.#options.strings();
    const request = { scope: 'signin', signInId: signIn.id } as const;
    await this.#options.actions.run(
      signIn.id,
      'sign-out',
      async () => {
        const signedOut = await signOutWithEvents(this.#host, this.#options.controller(), request);
        return signedOut ? '' : null;
      },
      { message: (error) => t.signOutFailed(errorMessage(t, error.code)) },
    );
  }

  /** Asks in the alert dialog; on yes, focus returns to the button while the request runs. */
  async #ask(
    opener: EventTarget | null,
    options: { title: string; message: string; confirmLabel: string },
  ): Promise<boolean> {
    const t = this.#options.strings();
    const confirmed = await this.#confirm.ask({ ...options, cancelLabel: t.cancel, danger: true });
    if (confirmed && opener instanceof HTMLElement) opener.focus();
    return confirmed;
  }

  /**
   * A row or the toolbar button left: focus goes to the row now at `index`,
   * else the one before, else the list (or its empty message), never to the
   * page. Focus the user moved elsewhere meanwhile stays where it is.
   */
  async #land(index: number, opener: EventTarget | null): Promise<void> {
    await this.#host.updateComplete;
    const active = deepActiveElement();
    if (active && active !== opener) return;
    const list = this.#options.list;
    if (list.loading && list.shown?.page.page !== list.page) {
      // The last row of the last page left and the list turned back a page: land on that page.
      await list.settled();
      await this.#host.updateComplete;
      if (deepActiveElement()) return;
    }
    this.#landingOf(index)?.focus();
  }

  /**
   * The server wants the user to confirm who they are: its prompt shows above the list, maybe
   * far above the row asked about, so focus goes there (unless the user moved it meanwhile).
   */
  async #toReauth(opener: EventTarget | null): Promise<void> {
    if (!this.#options.actions.reauth) return;
    await this.#host.updateComplete;
    if (deepActiveElement() !== opener) return;
    this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="reauth"]')?.focus();
  }

  /** The row button now at `index`, else the one before, else the list (or its empty message). */
  #landingOf(index: number): HTMLElement | null {
    const root = this.#host.shadowRoot;
    if (!root) return null;
    const buttons = [...root.querySelectorAll<HTMLElement>('.list > li > button[data-id]')];
    const row = buttons[index] ?? buttons[index - 1];
    // Never this device's "Sign out": it acts without asking.
    if (row?.matches('[part~="revoke-button"]')) return row;
    return root.querySelector<HTMLElement>('.list, .empty');
  }
}

function isExpired(signIn: SignIn, now: number): boolean {
  const expires = parseDate(signIn.expiresAt)?.getTime();
  return expires !== undefined && expires <= now;
}

/**
 * How many other devices are still signed in (expired sign-ins are not):
 * counted on the page when it holds every sign-in, else asked of the backend
 * by status; null when neither can tell.
 */
async function liveOthers(
  controller: SessionController,
  shown: Listing | undefined,
): Promise<number | null> {
  const now = Date.now();
  const page = shown?.page;
  if (page && shown.status === 'all' && page.items.length === page.total) {
    return page.items.filter((signIn) => !signIn.current && !isExpired(signIn, now)).length;
  }
  const live = await countLiveSignIns(controller);
  // This device is one of the live ones.
  return live === null ? null : Math.max(0, live - 1);
}
