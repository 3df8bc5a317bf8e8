/** The kit's classes, controller, context, events and types. Defines no tags: import `session-elements/define` for that. */
// The headless part, also importable alone as `session-elements/core`.
export * from './core.js';
export { sessionContext } from './context.js';
export {
  SessionConsumer,
  type SessionConsumerHost,
  type SessionConsumerOptions,
} from './controllers/session-consumer.js';
export * from './events.js';
export { SessionProvider } from './elements/session-provider/session-provider.js';
export { SignedIn } from './elements/signed-in/signed-in.js';
export { SignedOut } from './elements/signed-out/signed-out.js';
export { SignOutButton } from './elements/sign-out-button/sign-out-button.js';
export { AccountSwitcher } from './elements/account-switcher/account-switcher.js';
export { OrganizationSwitcher } from './elements/organization-switcher/organization-switcher.js';
export { WorkspaceSwitcher } from './elements/workspace-switcher/workspace-switcher.js';
export { ActiveSessions, type StatusFilter } from './elements/active-sessions/active-sessions.js';
// Languages: add or override one for every element, load a shipped one ahead of time.
export {
  SHIPPED_LOCALES,
  loadLocale,
  registerTranslation,
  type Message,
  type PluralCategory,
  type PluralMessage,
  type StringOverrides,
} from './internal/localize.js';
export type { PartialTranslation, Translation } from './locales/types.js';
export type { AccountSwitcherStrings } from './elements/account-switcher/account-switcher.strings.js';
export type { ActiveSessionsStrings } from './elements/active-sessions/active-sessions.strings.js';
export type { OrganizationSwitcherStrings } from './elements/organization-switcher/organization-switcher.strings.js';
export type { SignOutButtonStrings } from './elements/sign-out-button/sign-out-button.strings.js';
export type { WorkspaceSwitcherStrings } from './elements/workspace-switcher/workspace-switcher.strings.js';
