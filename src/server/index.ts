export {
  createSessionHandler,
  type SessionHandler,
  type SessionHandlerOptions,
} from './handler.js';
export {
  createMemoryBus,
  isSessionChange,
  type SessionChange,
  type SessionEventBus,
} from './bus.js';
export {
  createRedisBus,
  type RedisBusClient,
  type RedisBusClients,
  type RedisBusOptions,
} from './redis-bus.js';
export {
  createPostgresBus,
  type PostgresBusClient,
  type PostgresBusOptions,
  type PostgresBusPool,
} from './postgres-bus.js';
export type { LiveUpdatesOptions } from './events.js';
export { toNodeHandler, type NodeHandlerOptions } from './node.js';
export { sessionElements, type SessionElementsPluginOptions } from './plugin.js';
export { DEFAULT_GEO_HEADERS, readGeo, type Geo, type GeoHeaders } from './geo.js';
export { ROUTES } from './routes.js';
export type { TokenTemplate } from './tokens.js';
export type { SessionAuth } from './auth-types.js';
