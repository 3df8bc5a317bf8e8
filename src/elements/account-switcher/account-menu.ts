import { html, nothing, type TemplateResult } from 'lit';
import type { SwitcherMenu } from '../../controllers/switcher-menu.js';
import type { SessionController } from '../../core/session-controller.js';
import type { SignIn } from '../../core/types.js';
import {
  AccountSwitchEvent,
  AccountSwitchedEvent,
  type SessionElementsEvent,
  type SignOutScope,
} from '../../events.js';
import { restoreFocus, signedOutControl } from '../../internal/focus.js';
import { safeHref } from '../../internal/safe-url.js';
import { signOutWithEvents } from '../../internal/sign-out.js';
import { actionItem, separator } from '../../internal/templates/menu-items.js';
import { signOutAnnouncement } from '../shared/sign-out-outcome.js';
import type { AccountSwitcher } from './account-switcher.js';
import type { AccountSwitcherStrings } from './account-switcher.strings.js';

/**
 * What the account menu reaches of its `<account-switcher>` besides its
 * public properties (the protected ones, handed over by the element).
 */
export interface AccountMenuHost {
  readonly element: AccountSwitcher;
  strings(): AccountSwitcherStrings;
  emit(event: SessionElementsEvent<unknown>): boolean;
  /** The controller, or a thrown `unsupported` error outside any provider. */
  controller(): SessionController;
  multiSession(): boolean;
  navigate(url: string): void;
  name(signIn: SignIn): string;
  email(signIn: SignIn): string | undefined;
  avatar(signIn: SignIn): TemplateResult;
}

/** A sign-in past its expiry can no longer be switched to; the user must sign in again. */
function isExpired(signIn: SignIn, now = Date.now()): boolean {
  return !!signIn.expiresAt && Date.parse(signIn.expiresAt) <= now;
}

/**
 * The items of `<account-switcher>`'s menu and what they do: every account
 * here (the active one checked; an expired one offers "Sign in again"), then
 * "Add account", "Manage account" and the sign-outs. Loaded with the open
 * menu's code (see MenuSwitcherController): a closed switcher draws only its trigger.
 */
export function accountMenu(
  host: AccountMenuHost,
  menu: SwitcherMenu,
  active: SignIn,
  accounts: readonly SignIn[],
) {
  const t = host.strings();
  return html`${menu.group(
    t.accounts,
    accounts.map((signIn) => accountItem(host, menu, signIn, active.id)),
  )}
  ${separator} ${actions(host, menu, active, accounts.length)}`;
}

function accountItem(host: AccountMenuHost, menu: SwitcherMenu, signIn: SignIn, activeId: string) {
  const t = host.strings();
  const label = host.name(signIn);
  const detail = host.email(signIn);
  if (signIn.id !== activeId && isExpired(signIn)) {
    const signInUrl = safeHref(host.element.signInUrl);
    return actionItem({
      label,
      detail,
      avatar: host.avatar(signIn),
      badge: t.signInAgain,
      href: signInUrl,
      disabled: !signInUrl,
      part: 'menu-item-expired',
    });
  }
  const choice = { key: signIn.id, label, detail, avatar: host.avatar(signIn) };
  return menu.choice(choice, signIn.id === activeId, {
    action: 'switch-account',
    announce: () => host.emit(new AccountSwitchEvent({ signin: signIn })),
    perform: async () => {
      await host.controller().switchSignIn(signIn.id);
      host.emit(new AccountSwitchedEvent({ signin: signIn }));
      return host.strings().switchedTo(label);
    },
  });
}

function actions(host: AccountMenuHost, menu: SwitcherMenu, active: SignIn, accountCount: number) {
  const t = host.strings();
  const addAccountUrl = safeHref(host.element.addAccountUrl);
  const manageAccountUrl = safeHref(host.element.manageAccountUrl);
  return html`${
    addAccountUrl && host.multiSession()
      ? actionItem({ label: t.addAccount, href: addAccountUrl, part: 'add-account' })
      : nothing
  }
  ${
    manageAccountUrl
      ? actionItem({ label: t.manageAccount, href: manageAccountUrl, part: 'manage-account' })
      : nothing
  }
  ${actionItem({
    label: t.signOutOf(host.name(active)),
    part: 'sign-out-item',
    onSelect: () => signOut(host, menu, 'signin', active),
  })}
  ${
    accountCount > 1
      ? actionItem({
          label: t.signOutAll,
          part: 'sign-out-all-item',
          onSelect: () => signOut(host, menu, 'session'),
        })
      : nothing
  }`;
}

function signOut(host: AccountMenuHost, menu: SwitcherMenu, scope: SignOutScope, account?: SignIn) {
  menu.command('sign-out', 'sign-out', async () => {
    const controller = host.controller();
    const signInId = account?.id;
    const detail = await signOutWithEvents(host.element, controller, { scope, signInId });
    if (!detail) return null;
    if (detail.redirectUrl) host.navigate(detail.redirectUrl);
    else void keepFocus(host.element);
    const t = host.strings();
    return signOutAnnouncement(
      t,
      scope,
      controller.getSnapshot(),
      (signIn) => (signIn ? host.name(signIn) : t.unknownUser),
      account,
    );
  });
}

/**
 * Signing out of the last account removes the trigger that had focus; the
 * sign-in link (ours or the slotted one), else the page's signed-out content,
 * else the element takes it, so keyboard users are not dropped at the top
 * of the page.
 */
async function keepFocus(element: AccountSwitcher): Promise<void> {
  await element.updateComplete;
  const slotted = element.querySelector<HTMLElement>(
    '[slot="signed-out"]:is(a[href], button), [slot="signed-out"] :is(a[href], button)',
  );
  restoreFocus(element, [
    element.renderRoot.querySelector<HTMLElement>('.sign-in-link'),
    slotted,
    await signedOutControl(element),
  ]);
}
