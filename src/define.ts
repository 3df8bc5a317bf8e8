/**
 * Registers every tag of the kit. The only module with side effects; safe to
 * load twice (a tag already defined, e.g. by another copy, is left alone).
 */
import { ActiveSessions } from './elements/active-sessions/active-sessions.js';
import { SessionProvider } from './elements/session-provider/session-provider.js';
import { SignedIn } from './elements/signed-in/signed-in.js';
import { SignedOut } from './elements/signed-out/signed-out.js';
import { SignOutButton } from './elements/sign-out-button/sign-out-button.js';
import { AccountSwitcher } from './elements/account-switcher/account-switcher.js';
import { OrganizationSwitcher } from './elements/organization-switcher/organization-switcher.js';
import { WorkspaceSwitcher } from './elements/workspace-switcher/workspace-switcher.js';

const tags: [string, CustomElementConstructor][] = [
  ['session-provider', SessionProvider],
  ['signed-in', SignedIn],
  ['signed-out', SignedOut],
  ['sign-out-button', SignOutButton],
  ['account-switcher', AccountSwitcher],
  ['organization-switcher', OrganizationSwitcher],
  ['workspace-switcher', WorkspaceSwitcher],
  ['active-sessions', ActiveSessions],
];

for (const [tag, element] of tags) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
