import { SessionError } from '../core/errors.js';
import type {
  CurrentUser,
  Organization,
  Page,
  Session,
  SignIn,
  SignOutResult,
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

/**
 * How one field of a payload is read: its value, `undefined` to leave it out,
 * or `invalid(what)` (`what` names the field in the error message).
 */
type Field = (value: unknown, what: string) => unknown;

/**
 * A parser for one kind of object, from a table of its fields: every field the
 * type has is listed, each read by its rule, and nothing else is kept.
 */
function record<T extends object>(
  what: string,
  fields: { [K in keyof T]-?: Field },
): (value: unknown) => T {
  return (value) => {
    const raw = object(value, what);
    const result: Json = {};
    for (const [key, read] of Object.entries<Field>(fields)) {
      const field = read(raw[key], `${what} ${key}`);
      if (field !== undefined) result[key] = field;
    }
    return result as T;
  };
}

/** A string that must be there (names may be empty). */
const text: Field = (value, what) => (typeof value === 'string' ? value : invalid(what));

/** An object `{ [key]: string, verified }` (an email, a phone number), or nothing. */
const contact =
  (key: string): Field =>
  (value) => {
    const raw = value as Json | null | undefined;
    return raw && typeof raw[key] === 'string'
      ? { [key]: raw[key], verified: raw.verified === true }
      : undefined;
  };

/** The first `limit` entries of a list that must be there, validated; the rest is never looked at. */
const list =
  <T>(item: (value: unknown) => T, limit: number): Field =>
  (value, what) =>
    array(value, what).slice(0, limit).map(item);

export const parseUser = record<CurrentUser>('user', {
  id,
  first_name: optionalString,
  last_name: optionalString,
  username: optionalString,
  primary_email_address: contact('email'),
  primary_phone_number: contact('phone_number'),
  profile_picture_url: optionalString,
  has_password: optionalBoolean,
  has_passkeys: optionalBoolean,
});

export const parseSignIn = record<SignIn>('sign-in', {
  id,
  user_id: optionalString,
  active_organization_membership_id: optionalString,
  active_workspace_membership_id: optionalString,
  createdAt: optionalString,
  expiresAt: optionalString,
  lastActiveAt: optionalString,
  ipAddress: optionalString,
  userAgent: optionalString,
  browser: optionalString,
  device: optionalString,
  city: optionalString,
  region: optionalString,
  regionCode: optionalString,
  country: optionalString,
  countryCode: optionalString,
  current: optionalBoolean,
  impersonated: optionalBoolean,
  user: (value) => (value === undefined || value === null ? undefined : parseUser(value)),
});

/** Sign-in and sign-up attempts: only their ids travel; none at all is an empty list. */
const attempts: Field = (value, what) =>
  value === undefined || value === null
    ? []
    : array(value, what).map((item) => ({ id: id(object(item, what).id, what) }));

/**
 * Bounds on lists a server sends, so a hostile or broken one cannot make the page render
 * (or validate) without end: accounts on one browser, organizations, workspaces.
 */
export const MAX_ACCOUNTS = 100;
export const MAX_LIST_ITEMS = 1000;

export const parseSession = record<Session>('session', {
  // Required, and `null` when nobody is active: a missing one is not a session.
  active_signin: (value, what) =>
    value === undefined ? invalid(what) : value === null ? null : parseSignIn(value),
  signins: list(parseSignIn, MAX_ACCOUNTS),
  signin_attempts: attempts,
  signup_attempts: attempts,
});

/** A page, holding at most `maxItems` (what was asked for) whatever the server sent. */
export function parsePage<T>(
  value: unknown,
  item: (value: unknown) => T,
  maxItems = MAX_LIST_ITEMS,
): Page<T> {
  return record<Page<T>>('page', {
    items: list(item, maxItems),
    total: count,
    page: count,
    pageSize: count,
  })(value);
}

export const parseOrganization = record<Organization>('organization', {
  id,
  name: text,
  slug: optionalString,
  logo: optionalString,
  membership_id: id,
  role: optionalString,
});

export const parseWorkspace = record<Workspace>('workspace', {
  id,
  name: text,
  organization_id: id,
  membership_id: id,
});

export function parseList<T>(value: unknown, item: (value: unknown) => T, what: string): T[] {
  return list(item, MAX_LIST_ITEMS)(value, what) as T[];
}

export const parseToken = record<TokenResult>('token', {
  token: (value, what) => (typeof value === 'string' && value !== '' ? value : invalid(what)),
  // A millisecond epoch when given.
  expiresAt: (value, what) =>
    value === undefined || (typeof value === 'number' && Number.isFinite(value))
      ? value
      : invalid(what),
});

export const parseRevoked = record<{ revoked: number }>('revoke result', { revoked: count });

const signOutResult = record<SignOutResult>('sign-out result', { redirectUrl: optionalString });

/** A sign-out may answer nothing at all (204): then there is nowhere to go. */
export function parseSignOut(value: unknown): SignOutResult {
  return value === undefined || value === null || value === '' ? {} : signOutResult(value);
}
