import type { CurrentUser, SignIn, TokenResult } from '../core/types.js';
import type { AuthCalls } from './auth-calls.js';
import { HttpError, notFound } from './errors.js';

export interface TokenTemplate {
  /** Extra claims, fixed or computed from the sign-in (which never carries a session token). */
  claims?:
    | Record<string, unknown>
    | ((input: {
        user: CurrentUser;
        signIn: SignIn;
      }) => Record<string, unknown> | Promise<Record<string, unknown>>);
  /** `aud` claim; better-auth's default (its base URL) otherwise. */
  audience?: string | string[];
  /** Lifetime in seconds; 60 by default, short enough to never need revocation. */
  expiresIn?: number;
}

/** Reads `exp` without verifying: the token was just minted by our own server. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function withExpiry(token: string): TokenResult {
  const expiresAt = expiryOf(token);
  return expiresAt === undefined ? { token } : { token, expiresAt };
}

/** A JWT for the active sign-in: better-auth's default token, or one shaped by a named template. */
export async function mintToken(
  calls: AuthCalls,
  templates: Record<string, TokenTemplate>,
  template: string | undefined,
  signIn: SignIn,
  user: CurrentUser,
): Promise<TokenResult> {
  if (!template) {
    const { token } = await calls.call<{ token: string }>('getToken');
    return withExpiry(token);
  }
  const config = Object.hasOwn(templates, template) ? templates[template] : undefined;
  if (!config) throw notFound(`The token template "${template}"`);
  const claims =
    typeof config.claims === 'function'
      ? await config.claims({ user, signIn })
      : (config.claims ?? {});
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    ...claims,
    sub: user.id,
    iat: now,
    exp: now + (config.expiresIn ?? 60),
  };
  if (config.audience !== undefined) payload.aud = config.audience;
  const { token } = await calls.call<{ token: string }>('signJWT', { body: { payload } });
  if (typeof token !== 'string')
    throw new HttpError(502, 'server', 'The auth server sent no token.');
  return withExpiry(token);
}
