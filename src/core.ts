/**
 * `session-elements/core`: the headless part of the kit, with no lit and no
 * elements: the controller, the backends, the types and the errors. The
 * package root exports all of this too, plus the elements.
 */
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
export type {
  SessionBackend,
  BackendCapabilities,
  LiveChange,
  LiveEvent,
  RequestOptions,
} from './core/backend.js';
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
