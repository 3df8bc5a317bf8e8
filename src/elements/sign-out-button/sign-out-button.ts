import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { activeSignIn } from '../../core/session-state.js';
import type { SignOutScope } from '../../events.js';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.js';
import { KeyedActionController } from '../../controllers/keyed-action.js';
import { announce } from '../../internal/announcer.js';
import { countLiveSignIns } from '../../internal/live-sign-ins.js';
import { displayName } from '../../internal/format.js';
import { hasFocusWithin, restoreFocus, signedOutControl } from '../../internal/focus.js';
import { navigateTo } from '../../internal/safe-url.js';
import { feedback } from '../../internal/templates/feedback.js';
import { SIGN_OUT_SCOPES, signOutWithEvents } from '../../internal/sign-out.js';
import { SessionElement } from '../shared/session-element.js';
import { signOutAnnouncement } from '../shared/sign-out-outcome.js';
import { type SignOutButtonStrings, signOutButtonStrings } from './sign-out-button.strings.js';
import { styles } from './sign-out-button.styles.js';

/** `confirm` is tri-state: absent follows the scope, `confirm="false"` is off, anything else on. */
const confirmConverter = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value !== 'false'),
  toAttribute: (value: boolean | undefined) => (value === undefined ? null : String(value)),
};

/**
 * Signs out: this account on this browser (`extent="signin"`, the default; the
 * next account here becomes active), every account on this browser
 * (`extent="session"`) or every device (`extent="everywhere"`, confirmed in an
 * alert dialog first). Renders nothing unless someone is signed in, and
 * nothing for `everywhere` when the backend cannot do it.
 *
 * After signing out it goes to `redirect-url`, else to the backend's redirect,
 * else it stays on the page, which then shows its signed-out state. Only
 * http(s) and relative URLs are followed, and the backend's only to the
 * page's origin or one in `redirect-origins` of `<session-provider>`.
 *
 * @summary A sign-out button for one account, this browser, or every device.
 * @tag sign-out-button
 * @slot - The button label; default: one saying the scope ("Sign out", "Sign out of all accounts", "Sign out everywhere").
 * @csspart base - The wrapper around the button and the status region.
 * @csspart button - The button.
 * @csspart spinner - The spinner shown in the button while signing out.
 * @csspart error - The failure message.
 * @csspart dialog - The confirm alert dialog.
 * @csspart dialog-title - The dialog heading.
 * @csspart dialog-message - The consequence, e.g. "You will be signed out on 5 devices."
 * @csspart dialog-actions - The dialog's button row.
 * @csspart dialog-cancel - The dialog's cancel button (focused first).
 * @csspart dialog-confirm - The dialog's confirm button.
 * @fires {SignOutEvent} sign-out - Before signing out; cancelable. `detail: { scope, signInId? }`.
 * @fires {SignedOutEvent} signed-out - After the server confirmed. `detail: { scope, signInId?, redirectUrl? }`.
 * @fires {SessionErrorEvent} session-error - Signing out failed. `detail: { error, action: 'sign-out' }`.
 * @fires {ReauthRequiredEvent} reauth-required - The server wants the user to confirm who they are; cancel it to handle that yourself.
 */
export class SignOutButton extends SessionElement<SignOutButtonStrings> {
  static override styles = styles;

  /**
   * What to sign out: `signin` (one account on this browser, the default),
   * `session` (every account on this browser) or `everywhere` (every device).
   * Wins over the deprecated `scope`.
   * @type {'signin' | 'session' | 'everywhere' | undefined}
   */
  @property() extent?: SignOutScope;

  /**
   * The former name of `extent`, still honoured when `extent` is absent.
   * @deprecated Use `extent`: `scope` is a table-cell attribute in HTML, which
   * tools such as Svelte's a11y check flag on any element.
   * @type {'signin' | 'session' | 'everywhere' | undefined}
   */
  @property() scope?: SignOutScope;

  /** The account to sign out with `extent="signin"`; default: the active one. */
  @property({ attribute: 'signin-id' }) signInId?: string;

  /**
   * Where to go after signing out; wins over the backend's redirect. Only an
   * http(s) or relative URL counts; anything else is ignored.
   */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;

  /**
   * Ask in an alert dialog first. Unset: only for `extent="everywhere"`.
   * `confirm` (or `confirm="true"`) always asks; `confirm="false"` never does.
   * @type {boolean | undefined}
   */
  @property({ converter: confirmConverter }) confirm?: boolean;

  protected readonly translations = signOutButtonStrings;
  protected readonly dialog = new ConfirmDialogController(this);
  protected readonly actions = new KeyedActionController(this, {
    report: (error, action, retry) => this.reportError(error, action, retry),
    // The document's live region: this element renders nothing once signed out.
    announce: (message) => announce(message, this),
  });

  protected override render() {
    const scope = this.effectiveScope;
    const controller = this.sessionController;
    if (this.state.status !== 'signed-in' || !controller) return this.dialog.render();
    if (scope === 'everywhere' && !controller.capabilities.signOutEverywhere) return nothing;
    const t = this.t;
    // While the dialog asks, nothing is under way yet.
    const busy = this.actions.busy && !this.dialog.open;
    // aria-disabled, not disabled: a disabled button loses focus, and Cancel could not return it.
    return html`<span class="base" part="base" lang=${this.locale}>
        <button
          class="btn"
          part="button"
          type="button"
          aria-disabled=${this.actions.busy ? 'true' : nothing}
          aria-busy=${busy ? 'true' : nothing}
          @click=${this.#onClick}
        >
          ${busy ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
          <slot>${this.#label(scope)}</slot>
        </button>
        ${feedback(t, this.actions.error)}
      </span>
      ${this.dialog.render()}`;
  }

  /**
   * Leaves the page after signing out (only URLs the URL policy let through
   * get here); override to route inside a single-page app.
   */
  protected navigate(url: string): void {
    navigateTo(url);
  }

  /** The extent in use (`extent`, else the deprecated `scope`); an unknown value falls back to the default. */
  protected get effectiveScope(): SignOutScope {
    const extent = this.extent ?? this.scope;
    return extent && SIGN_OUT_SCOPES.includes(extent) ? extent : 'signin';
  }

  #label(scope: SignOutScope): string {
    const t = this.t;
    return scope === 'everywhere'
      ? t.signOutEverywhere
      : scope === 'session'
        ? t.signOutSession
        : t.signOut;
  }

  #onClick = (): void => {
    const scope = this.effectiveScope;
    void this.actions.run('sign-out', 'sign-out', async () => {
      const controller = this.requireController();
      const signInId =
        scope === 'signin' ? this.signInId || activeSignIn(this.state)?.id : undefined;
      const account = this.#signIn(signInId);
      const hadFocus = hasFocusWithin(this);
      if ((this.confirm ?? scope === 'everywhere') && !(await this.#confirm(scope, signInId))) {
        return null;
      }
      const detail = await signOutWithEvents(this, controller, {
        scope,
        signInId,
        redirectUrl: this.redirectUrl,
      });
      if (!detail) return null;
      if (detail.redirectUrl) this.navigate(detail.redirectUrl);
      else if (hadFocus) void this.#keepFocus();
      return signOutAnnouncement(
        this.t,
        scope,
        controller.getSnapshot(),
        (signIn) => displayName(signIn?.user, this.t.signOut),
        account,
      );
    });
  };

  /** The account `signInId` names, from the session as it was before signing out. */
  #signIn(signInId: string | undefined) {
    const state = this.state;
    const signins = state.status === 'signed-in' ? state.session.signins : [];
    return signins.find((s) => s.id === signInId) ?? activeSignIn(state) ?? undefined;
  }

  /**
   * Signing out of the last account removes this button: focus goes to the
   * page's signed-out content (its "Sign in" link), else stays on this element.
   */
  async #keepFocus(): Promise<void> {
    await this.updateComplete;
    restoreFocus(this, [await signedOutControl(this)]);
  }

  async #confirm(scope: SignOutScope, signInId: string | undefined): Promise<boolean> {
    const t = this.t;
    const state = this.state;
    const signins = state.status === 'signed-in' ? state.session.signins : [];
    let title = t.confirmTitleSignIn;
    let message: string;
    if (scope === 'everywhere') {
      title = t.confirmTitleEverywhere;
      const devices = await countLiveSignIns(this.requireController());
      message = devices === null ? t.confirmEverywhereAll : t.confirmEverywhere(devices);
    } else if (scope === 'session') {
      title = t.confirmTitleSession;
      message = t.confirmSession(signins.length);
    } else {
      const signIn = signins.find((s) => s.id === signInId) ?? activeSignIn(state);
      message = t.confirmSignIn(displayName(signIn?.user, t.signOut));
    }
    return this.dialog.ask({
      title,
      message,
      confirmLabel: this.#label(scope),
      cancelLabel: t.cancel,
      danger: true,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-out-button': SignOutButton;
  }
}
