import { betterAuth } from 'better-auth';
import { admin, jwt, multiSession, oneTimeToken, organization } from 'better-auth/plugins';
import { sessionElements, type SessionEventBus } from '../src/server/index.js';
import type { AuthStore } from './stores.js';

/**
 * The better-auth instance behind the demo: every plugin the kit's handler speaks to.
 * `bus` carries live updates; the demo server gives its handler the same one.
 */
export function createDemoAuth(
  store: AuthStore,
  options: { baseURL: string; secret: string; bus: SessionEventBus },
) {
  return betterAuth({
    database: store.database,
    // With Redis, sessions live there, as they do in production (better-auth's secondary storage).
    ...(store.secondaryStorage ? { secondaryStorage: store.secondaryStorage } : {}),
    baseURL: options.baseURL,
    secret: options.secret,
    emailAndPassword: { enabled: true, autoSignIn: false },
    // Long enough that seeded sign-ins from weeks ago are still alive.
    session: { expiresIn: 60 * 60 * 24 * 30 },
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    // better-auth limits only in production by default; the demo is reachable by any
    // local page, so password guessing is slowed here too. The demo server sets
    // X-Forwarded-For from the socket, so every client IP has its own budget.
    rateLimit: {
      enabled: true,
      // Several instances share one budget per client through Redis.
      storage: store.secondaryStorage ? 'secondary-storage' : 'memory',
      customRules: {
        '/sign-in/*': { window: 60, max: 5 },
        '/sign-up/*': { window: 60, max: 5 },
        // Every read of the kit checks the session here, and a live update makes each open page
        // of that user read its lists again; one IP holds all of a user's devices in the demo.
        '/get-session': { window: 10, max: 300 },
      },
    },
    telemetry: { enabled: false },
    plugins: [
      multiSession({ maximumSessions: 5 }),
      organization({ teams: { enabled: true } }),
      jwt(),
      // Tickets are minted by the server for a hand-over, never by a page's own request.
      oneTimeToken({ disableClientRequest: true }),
      admin(),
      // The demo plays the edge: it sets X-Forwarded-For itself and accepts geo headers.
      sessionElements({ trustProxy: true, bus: options.bus }),
    ],
  });
}

export type DemoAuth = ReturnType<typeof createDemoAuth>;
