/** The kit's classes, controller, context, events and types. Defines no tags: import `session-elements/define` for that. */
export * from './core/types.js';
export * from './core/errors.js';
export type { SessionState, SessionStatus } from './core/session-state.js';
export { activeSignIn } from './core/session-state.js';
export { SessionController, type SessionControllerOptions } from './core/session-controller.js';
export type { Clock } from './core/clock.js';
export {
  browserEnvironment,
  staticEnvironment,
  type SessionEnvironment,
  type EnvironmentEvent,
} from './core/environment.js';
export { CrossTab, type ChannelLike } from './core/cross-tab.js';
export type { SessionBackend, BackendCapabilities, RequestOptions } from './core/backend.js';
export { RestBackend, CSRF_HEADER, type RestBackendOptions } from './backends/rest.js';
export {
  MemoryBackend,
  demoSeed,
  type MemoryBackendOptions,
  type MemoryMethod,
  type MemorySeed,
} from './backends/memory.js';
export { Auth0Backend, type Auth0BackendOptions } from './backends/auth0.js';
export {
  BlockletBackend,
  type BlockletAuthService,
  type BlockletBackendOptions,
  type BlockletLogoutOptions,
  type BlockletSessionQuery,
  type BlockletUserSessionService,
} from './backends/blocklet.js';
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
