import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
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
}

const optionalString = { type: 'string', required: false, input: false } as const;

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

  return {
    id: 'session-elements',
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
    init() {
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
