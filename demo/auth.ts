import type Database from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { admin, jwt, multiSession, oneTimeToken, organization } from 'better-auth/plugins';
import { sessionElements } from '../src/server/index.js';

/** The better-auth instance behind the demo: every plugin the kit's handler speaks to. */
export function createDemoAuth(
  db: Database.Database,
  options: { baseURL: string; secret: string },
) {
  return betterAuth({
    database: db,
    baseURL: options.baseURL,
    secret: options.secret,
    emailAndPassword: { enabled: true, autoSignIn: false },
    // Long enough that seeded sign-ins from weeks ago are still alive.
    session: { expiresIn: 60 * 60 * 24 * 30 },
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    telemetry: { enabled: false },
    plugins: [
      multiSession({ maximumSessions: 5 }),
      organization({ teams: { enabled: true } }),
      jwt(),
      oneTimeToken(),
      admin(),
      // The demo plays the edge: it sets X-Forwarded-For itself and accepts geo headers.
      sessionElements({ trustProxy: true }),
    ],
  });
}

export type DemoAuth = ReturnType<typeof createDemoAuth>;
