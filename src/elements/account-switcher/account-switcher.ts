import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { SignIn } from '../../core/types.js';
import { MenuSwitcherController } from '../../controllers/menu-switcher.js';
import { displayName, displayText } from '../../internal/format.js';
import { lazy } from '../../core/lazy.js';
import { navigateTo, safeHref } from '../../internal/safe-url.js';
import { avatar } from '../../internal/templates/avatar.js';
import { loadError, loadRetrying } from '../../internal/templates/feedback.js';
import { loadingTrigger, triggerContent } from '../../internal/templates/menu.js';
import { SessionElement } from '../shared/session-element.js';
import type { AccountMenuHost } from './account-menu.js';
import { type AccountSwitcherStrings, accountSwitcherStrings } from './account-switcher.strings.js';
import { styles } from './account-switcher.styles.js';

/** The menu's items and sign-out flow (account-menu.ts): loaded once the trigger shows. */
const accountMenu = lazy(() => import('./account-menu.js'));

/**
 * A menu button for the accounts signed in on this browser (WAI-ARIA APG menu
 * button). The trigger shows the active account; the menu lists every account
 * here (the active one checked), then "Add account", "Manage account", "Sign
 * out of `<name>`" and, with several accounts, "Sign out of all accounts". An
 * account whose sign-in expired offers "Sign in again" instead of switching.
 *
 * Keyboard: Enter, Space or ArrowDown open on the first item, ArrowUp on the
 * last; arrows, Home/End and type-ahead move; Escape closes back to the
 * trigger; Tab closes. A click outside closes.
 *
 * @summary Switch between the accounts signed in on this browser.
 * @tag account-switcher
 * @slot signed-out - Shown while nobody is signed in; default: a "Sign in" link to `sign-in-url`.
 * @csspart trigger - The menu button (or its placeholder while loading).
 * @csspart loading - The trigger's placeholder while the session loads.
 * @csspart avatar - A picture, or initials on a colour derived from the user id.
 * @csspart label - A name (trigger and items).
 * @csspart detail - An email under a name.
 * @csspart chevron - The trigger's arrow.
 * @csspart menu - The popup menu.
 * @csspart menu-item - Every item of the menu.
 * @csspart menu-item-current - The active account's item.
 * @csspart menu-item-expired - An account whose sign-in expired.
 * @csspart check - The active account's check mark.
 * @csspart spinner - Shown on an account's item while switching to it.
 * @csspart badge - "Sign in again" on an expired account.
 * @csspart separator - The line between the accounts and the actions.
 * @csspart add-account - The "Add account" item.
 * @csspart manage-account - The "Manage account" item.
 * @csspart sign-out-item - The "Sign out of `<name>`" item.
 * @csspart sign-out-all-item - The "Sign out of all accounts" item.
 * @csspart sign-in-link - The default "Sign in" link while signed out.
 * @csspart error - A failure message.
 * @csspart retry-button - Retries loading the session after a failure.
 * @cssprop --session-avatar-size - Avatar diameter (default 2rem).
 * @cssprop --session-trigger-max-width - The trigger's widest extent before names are cut (default 18rem).
 * @cssprop --session-menu-z-index - Stacking of the open menu (default 1000).
 * @fires {AccountSwitchEvent} account-switch - Before switching; cancelable. `detail: { signin }`.
 * @fires {AccountSwitchedEvent} account-switched - After the server switched. `detail: { signin }`.
 * @fires {SignOutEvent} sign-out - Before signing out from the menu; cancelable. `detail: { scope, signInId? }`.
 * @fires {SignedOutEvent} signed-out - After signing out from the menu. `detail: { scope, signInId?, redirectUrl? }`.
 * @fires {SessionErrorEvent} session-error - Switching or signing out failed. `detail: { error, action }`.
 * @fires {ReauthRequiredEvent} reauth-required - The server wants the user to confirm who they are.
 */
export class AccountSwitcher extends SessionElement<AccountSwitcherStrings> {
  static override styles = styles;

  /**
   * Where "Add account" leads (a sign-in page that adds an account); hidden
   * when unset or not an http(s) or relative URL.
   */
  @property({ attribute: 'add-account-url' }) addAccountUrl?: string;

  /**
   * Where "Manage account" leads (the user's profile page); hidden when unset
   * or not an http(s) or relative URL.
   */
  @property({ attribute: 'manage-account-url' }) manageAccountUrl?: string;

  /**
   * The sign-in page: the signed-out link and "Sign in again" for an expired
   * account (no link, a disabled item, unless it is an http(s) or relative URL).
   */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;

  protected readonly translations = accountSwitcherStrings;
  protected readonly switcher = new MenuSwitcherController(this, {
    available: () => this.state.status === 'signed-in',
    items: accountMenu,
  });

  /** What the lazily loaded menu reaches of this element. */
  readonly #menuHost: AccountMenuHost = {
    element: this,
    strings: () => this.t,
    emit: (event) => this.emit(event),
    controller: () => this.requireController(),
    multiSession: () => this.sessionController?.capabilities.multiSession ?? false,
    navigate: (url) => this.navigate(url),
    name: (signIn) => this.#name(signIn),
    email: (signIn) => this.#email(signIn),
    avatar: (signIn) => this.#avatar(signIn),
  };

  protected override render() {
    return this.switcher.inLanguage(this.#content());
  }

  #content() {
    const state = this.state;
    const t = this.t;
    const retry = () => void this.sessionController?.refetch();
    if (state.status === 'loading') {
      return state.error ? loadRetrying(t, state.error.code, retry) : loadingTrigger(t.loading);
    }
    if (state.status === 'error') return loadError(t, state.error.code, retry);
    const active = state.status === 'signed-in' ? state.session.active_signin : null;
    if (state.status !== 'signed-in' || !active) {
      const signInUrl = safeHref(this.signInUrl);
      return html`<slot name="signed-out"
        >${
          signInUrl
            ? html`<a class="sign-in-link" part="sign-in-link" href=${signInUrl}>${t.signIn}</a>`
            : nothing
        }</slot
      >`;
    }
    const accounts = state.session.signins.some((s) => s.id === active.id)
      ? state.session.signins
      : [active, ...state.session.signins];
    return this.switcher.render(
      triggerContent(this.#avatar(active), t.signedInAs, this.#name(active), this.#email(active)),
      (menu, module) => module.accountMenu(this.#menuHost, menu, active, accounts),
      { label: t.menuLabel, strings: t },
    );
  }

  /**
   * Leaves the page when the backend asks to after signing out (only URLs the
   * URL policy let through get here); override to route in an SPA.
   */
  protected navigate(url: string): void {
    navigateTo(url);
  }

  #name(signIn: SignIn): string {
    return displayName(signIn.user, this.t.unknownUser);
  }

  #email(signIn: SignIn): string | undefined {
    return displayText(signIn.user?.primary_email_address?.email) || undefined;
  }

  #avatar(signIn: SignIn) {
    return avatar({
      id: signIn.user?.id ?? signIn.user_id ?? signIn.id,
      name: this.#name(signIn),
      image: signIn.user?.profile_picture_url,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'account-switcher': AccountSwitcher;
  }
}
