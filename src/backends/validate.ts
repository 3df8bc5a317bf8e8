import { SessionError } from '../core/errors.js';
import type {
  CurrentUser,
  Organization,
  Page,
  Session,
  SignIn,
  TokenResult,
  Workspace,
} from '../core/types.js';

/**
 * Payload validation: whatever a server sends, the rest of the kit only ever
 * sees well-typed objects, or an `invalid-response` error. Unknown fields are
 * dropped so nothing unexpected (a token, say) travels further.
 */

export type Json = Record<string, unknown>;

export function invalid(what: string): never {
  throw new SessionError('invalid-response', `The server sent a malformed ${what}.`);
}

export function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(what);
  return value as Json;
}

export function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) invalid(what);
  return value;
}

export function id(value: unknown, what: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') invalid(what);
  return value;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function optionalBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) invalid(what);
  return value;
}

/** An ISO 8601 timestamp from a string any `Date` can read; anything else is dropped. */
export function optionalDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The email and phone of a user from a provider's fields; `verified` only when
 * the provider says `true`.
 */
export function contactFields(
  email: unknown,
  emailVerified: unknown,
  phone: unknown,
  phoneVerified: unknown,
): Pick<CurrentUser, 'primary_email_address' | 'primary_phone_number'> {
  return {
    primary_email_address:
      typeof email === 'string' && email ? { email, verified: emailVerified === true } : undefined,
    primary_phone_number:
      typeof phone === 'string' && phone
        ? { phone_number: phone, verified: phoneVerified === true }
        : undefined,
  };
}

/** Only defined keys are kept, so objects compare and serialise cleanly. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

export function parseUser(value: unknown): CurrentUser {
  const raw = object(value, 'user');
  const email = raw.primary_email_address;
  const phone = raw.primary_phone_number;
  return compact({
    id: id(raw.id, 'user id'),
    first_name: optionalString(raw.first_name),
    last_name: optionalString(raw.last_name),
    username: optionalString(raw.username),
    primary_email_address:
      email && typeof (email as Json).email === 'string'
        ? { email: (email as Json).email as string, verified: (email as Json).verified === true }
        : undefined,
    primary_phone_number:
      phone && typeof (phone as Json).phone_number === 'string'
        ? {
            phone_number: (phone as Json).phone_number as string,
            verified: (phone as Json).verified === true,
          }
        : undefined,
    profile_picture_url: optionalString(raw.profile_picture_url),
    has_password: optionalBoolean(raw.has_password),
    has_passkeys: optionalBoolean(raw.has_passkeys),
  });
}

const SIGNIN_STRINGS = [
  'user_id',
  'active_organization_membership_id',
  'active_workspace_membership_id',
  'createdAt',
  'expiresAt',
  'lastActiveAt',
  'ipAddress',
  'userAgent',
  'browser',
  'device',
  'city',
  'region',
  'regionCode',
  'country',
  'countryCode',
] as const;

export function parseSignIn(value: unknown): SignIn {
  const raw = object(value, 'sign-in');
  const signIn: SignIn = { id: id(raw.id, 'sign-in id') };
  for (const key of SIGNIN_STRINGS) {
    const field = optionalString(raw[key]);
    if (field !== undefined) signIn[key] = field;
  }
  const current = optionalBoolean(raw.current);
  if (current !== undefined) signIn.current = current;
  const impersonated = optionalBoolean(raw.impersonated);
  if (impersonated !== undefined) signIn.impersonated = impersonated;
  if (raw.user !== undefined && raw.user !== null) signIn.user = parseUser(raw.user);
  return signIn;
}

function parseAttempts(value: unknown, what: string): { id: string }[] {
  if (value === undefined || value === null) return [];
  return array(value, what).map((item) => ({ id: id(object(item, what).id, what) }));
}

/**
 * Bounds on lists a server sends, so a hostile or broken one cannot make the page render
 * (or validate) without end: accounts on one browser, organizations, workspaces.
 */
export const MAX_ACCOUNTS = 100;
export const MAX_LIST_ITEMS = 1000;

/** The first `limit` entries, validated; the rest is never looked at. */
function bounded<T>(value: unknown, what: string, limit: number, item: (v: unknown) => T): T[] {
  return array(value, what).slice(0, limit).map(item);
}

export function parseSession(value: unknown): Session {
  const raw = object(value, 'session');
  if (raw.active_signin === undefined) invalid('session');
  return {
    active_signin: raw.active_signin === null ? null : parseSignIn(raw.active_signin),
    signins: bounded(raw.signins, 'session sign-in list', MAX_ACCOUNTS, parseSignIn),
    signin_attempts: parseAttempts(raw.signin_attempts, 'sign-in attempt'),
    signup_attempts: parseAttempts(raw.signup_attempts, 'sign-up attempt'),
  };
}

/** A page, holding at most `maxItems` (what was asked for) whatever the server sent. */
export function parsePage<T>(
  value: unknown,
  item: (value: unknown) => T,
  maxItems = MAX_LIST_ITEMS,
): Page<T> {
  const raw = object(value, 'page');
  return {
    items: bounded(raw.items, 'page items', maxItems, item),
    total: count(raw.total, 'page total'),
    page: count(raw.page, 'page number'),
    pageSize: count(raw.pageSize, 'page size'),
  };
}

export function parseOrganization(value: unknown): Organization {
  const raw = object(value, 'organization');
  if (typeof raw.name !== 'string') invalid('organization name');
  return compact({
    id: id(raw.id, 'organization id'),
    name: raw.name,
    slug: optionalString(raw.slug),
    logo: optionalString(raw.logo),
    membership_id: id(raw.membership_id, 'membership id'),
    role: optionalString(raw.role),
  });
}

export function parseWorkspace(value: unknown): Workspace {
  const raw = object(value, 'workspace');
  if (typeof raw.name !== 'string') invalid('workspace name');
  return {
    id: id(raw.id, 'workspace id'),
    name: raw.name,
    organization_id: id(raw.organization_id, 'workspace organization'),
    membership_id: id(raw.membership_id, 'workspace membership'),
  };
}

export function parseList<T>(value: unknown, item: (value: unknown) => T, what: string): T[] {
  return bounded(value, what, MAX_LIST_ITEMS, item);
}

export function parseToken(value: unknown): TokenResult {
  const raw = object(value, 'token');
  if (typeof raw.token !== 'string' || raw.token === '') invalid('token');
  const expiresAt = raw.expiresAt;
  if (expiresAt !== undefined && (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))) {
    invalid('token expiry');
  }
  return compact({ token: raw.token, expiresAt: expiresAt as number | undefined });
}

export function parseRevoked(value: unknown): { revoked: number } {
  return { revoked: count(object(value, 'revoke result').revoked, 'revoked count') };
}

export function parseSignOut(value: unknown): { redirectUrl?: string } {
  if (value === undefined || value === null || value === '') return {};
  return compact({ redirectUrl: optionalString(object(value, 'sign-out result').redirectUrl) });
}
