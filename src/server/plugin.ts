import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { createMemoryBus, type SessionChange, type SessionEventBus } from './bus.js';
import { DEFAULT_GEO_HEADERS, readGeo, type GeoHeaders } from './geo.js';

export interface SessionElementsPluginOptions {
  /**
   * Edge headers that carry the client's location (default: Cloudflare's and Vercel's, read
   * only with `trustProxy`, since a client can send them itself); `false` records none.
   */
  geoHeaders?: GeoHeaders | false;
  /**
   * The deployment sits behind a proxy that sets X-Forwarded-For (and strips a
   * client's own). Without it a session records no IP address, because a
   * client could claim any.
   */
  trustProxy?: boolean;
  /** Seconds between two writes of `lastActiveAt` for one session. */
  activityInterval?: number;
  /**
   * Where sign-in changes are announced for live updates (`GET /events`). Default: an
   * in-process bus of its own, which the kit's handler finds through this plugin; pass a
   * shared bus (Redis, PostgreSQL) when several instances serve the same users.
   */
  bus?: SessionEventBus;
}

/** The session fields whose change moves a browser's active organization or workspace. */
const ACTIVE_FIELDS = ['activeOrganizationId', 'activeTeamId'];

interface SessionRow {
  id?: unknown;
  userId?: unknown;
  expiresAt?: unknown;
}

/** A change for a session row the hooks received, or null when the row lacks its ids. */
function changeOf(kind: SessionChange['kind'], row: unknown): SessionChange | null {
  const { id, userId } = (row ?? {}) as SessionRow;
  if (typeof id !== 'string' || typeof userId !== 'string') return null;
  return { kind, userId, signInId: id };
}

/** A deleted session ended by its expiry, or before it (a revoke or sign-out). */
function endKind(row: unknown): 'expired' | 'revoked' {
  const raw = (row as SessionRow | null)?.expiresAt;
  const expiresAt =
    raw instanceof Date ? raw.getTime() : typeof raw === 'string' ? Date.parse(raw) : NaN;
  return expiresAt <= Date.now() ? 'expired' : 'revoked';
}

const optionalString = { type: 'string', required: false, input: false } as const;

/** The part of better-auth's `secondaryStorage` this plugin touches. */
interface SecondaryStorageLike {
  get(key: string): Promise<unknown> | unknown;
  delete(key: string): Promise<unknown> | unknown;
}

/** Storages already announcing their session deletions (one plugin may be built twice). */
const ANNOUNCING = new WeakSet<object>();

/** The session stored under `key`, or null for other keys (active-session lists, limits, …). */
async function storedSession(storage: SecondaryStorageLike, key: string): Promise<unknown> {
  if (key.includes(':') || key.startsWith('active-sessions-')) return null;
  const value = await storage.get(key);
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return (parsed as { session?: unknown } | null)?.session ?? null;
  } catch {
    return null;
  }
}

/**
 * With sessions only in secondary storage, better-auth 1.7 runs no session delete hooks
 * (`deleteSession` returns before them). Every revoke and sign-out still deletes the
 * session's key there, so those deletions are announced where they happen.
 */
function announceStorageDeletes(
  options: { secondaryStorage?: unknown; session?: { storeSessionInDatabase?: boolean } },
  announce: (session: unknown) => void,
): void {
  const storage = options.secondaryStorage as SecondaryStorageLike | undefined;
  if (!storage || options.session?.storeSessionInDatabase || ANNOUNCING.has(storage)) return;
  ANNOUNCING.add(storage);
  const remove = storage.delete.bind(storage);
  storage.delete = async (key: string) => {
    const session = await storedSession(storage, key);
    const result = await remove(key);
    if (session) announce(session);
    return result;
  };
}

/**
 * The better-auth side of session-elements: session fields for where and when
 * a sign-in was used, filled in when better-auth creates a session (every
 * sign-in path goes through that) and refreshed whenever the session is read.
 */
export function sessionElements(options: SessionElementsPluginOptions = {}) {
  const geoHeaders =
    options.geoHeaders === false
      ? {}
      : (options.geoHeaders ?? (options.trustProxy ? DEFAULT_GEO_HEADERS : {}));
  const interval = (options.activityInterval ?? 60) * 1000;
  const bus = options.bus ?? createMemoryBus();
  /** Endpoint calls whose session update moves the active organization or workspace. */
  const movingActive = new WeakSet<object>();

  const announce = (change: SessionChange | null) => {
    if (!change) return;
    // A failing bus must never fail the sign-in, revoke or switch that caused the change.
    Promise.resolve()
      .then(() => bus.publish(change))
      .catch((error: unknown) =>
        console.error('session-elements: could not publish a live update', error),
      );
  };

  return {
    id: 'session-elements',
    /** Read by `createSessionHandler`, so the handler subscribes where this plugin publishes. */
    options: { bus },
    schema: {
      session: {
        fields: {
          city: optionalString,
          region: optionalString,
          regionCode: optionalString,
          country: optionalString,
          countryCode: optionalString,
          lastActiveAt: { type: 'date', required: false, input: false },
        },
      },
    },
    init(ctx) {
      announceStorageDeletes(ctx.options, (session) =>
        announce(changeOf(endKind(session), session)),
      );
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                async before(session, context) {
                  const headers = context?.headers ?? context?.request?.headers;
                  const geo = headers ? readGeo(headers, geoHeaders) : {};
                  return {
                    data: {
                      ...session,
                      ...geo,
                      ipAddress: options.trustProxy ? session.ipAddress : undefined,
                      lastActiveAt: new Date(),
                    },
                  };
                },
                async after(session) {
                  announce(changeOf('created', session));
                },
              },
              update: {
                async before(data, context) {
                  const fields = Object.keys(data ?? {});
                  if (context && fields.some((field) => ACTIVE_FIELDS.includes(field))) {
                    movingActive.add(context);
                  }
                },
                async after(session, context) {
                  if (!context || !movingActive.delete(context)) return;
                  announce(changeOf('changed', session));
                },
              },
              delete: {
                async after(session) {
                  announce(changeOf(endKind(session), session));
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      after: [
        {
          // The kit's handler and better-auth's own clients both read the session here.
          matcher: (context) => context.path === '/get-session',
          handler: createAuthMiddleware(async (ctx) => {
            const current = ctx.context.session;
            if (!current) return;
            const last = (current.session as { lastActiveAt?: Date | string | null }).lastActiveAt;
            if (last && Date.now() - new Date(last).getTime() < interval) return;
            try {
              await ctx.context.internalAdapter.updateSession(current.session.token, {
                lastActiveAt: new Date(),
              });
            } catch (error) {
              // Activity is a nicety; reading the session must not fail because of it.
              ctx.context.logger.warn('session-elements: could not record activity', error);
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
