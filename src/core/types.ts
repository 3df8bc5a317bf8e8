/**
 * The data model shared by the controller, the backends and the elements, and
 * the JSON of the HTTP contract (openapi.yaml). The payload field names follow
 * the seeds' model, the useSession / useUserSignins hooks (`signins`,
 * `active_signin`, `first_name`, `primary_email_address`, `membership_id`, ...),
 * so they are snake_case where the seeds are, camelCase where the seeds are;
 * TypeScript identifiers elsewhere spell sign-in one way (`SignIn`,
 * `listSignIns`). A session token is never part of any of these objects.
 */

export interface CurrentUser {
  id: string;
  first_name?: string;
  last_name?: string;
  username?: string;
  primary_email_address?: { email: string; verified: boolean };
  primary_phone_number?: { phone_number: string; verified: boolean };
  profile_picture_url?: string;
  has_password?: boolean;
  has_passkeys?: boolean;
}

/** One sign-in of a user on one device (a server-side session, identified by id only). */
export interface SignIn {
  id: string;
  user_id?: string;
  active_organization_membership_id?: string;
  active_workspace_membership_id?: string;
  /** ISO 8601 */
  createdAt?: string;
  /** ISO 8601 */
  expiresAt?: string;
  /** ISO 8601 */
  lastActiveAt?: string;
  ipAddress?: string;
  userAgent?: string;
  browser?: string;
  device?: string;
  city?: string;
  region?: string;
  regionCode?: string;
  country?: string;
  countryCode?: string;
  /** True for the sign-in this browser is using. */
  current?: boolean;
  /** Created by an admin acting as the user. */
  impersonated?: boolean;
  user?: CurrentUser;
}

export interface SignInAttempt {
  id: string;
  [key: string]: unknown;
}

export interface SignUpAttempt {
  id: string;
  [key: string]: unknown;
}

export interface Session {
  active_signin: SignIn | null;
  /** Accounts signed in on THIS browser (multi-session). */
  signins: SignIn[];
  signin_attempts: SignInAttempt[];
  signup_attempts: SignUpAttempt[];
}

export interface Organization {
  id: string;
  name: string;
  slug?: string;
  logo?: string;
  membership_id: string;
  role?: string;
}

export interface Workspace {
  id: string;
  name: string;
  organization_id: string;
  membership_id: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The values of a sign-in list's status filter, `all` first: the one list the
 * element, the backends and the server handler share.
 */
export const SIGN_IN_STATUSES = ['all', 'online', 'offline', 'expired'] as const;

/** A value of the status filter. */
export type SignInStatusFilter = (typeof SIGN_IN_STATUSES)[number];

/** One sign-in's status: live and seen lately (online), live but idle (offline), or expired. */
export type SignInStatus = Exclude<SignInStatusFilter, 'all'>;

/** True for a value of the status filter, `all` included. */
export function isSignInStatusFilter(value: unknown): value is SignInStatusFilter {
  return (SIGN_IN_STATUSES as readonly unknown[]).includes(value);
}

export interface ListSignInsQuery {
  page?: number;
  pageSize?: number;
  status?: SignInStatusFilter;
}

export interface SignOutTarget {
  signInId?: string;
  all?: boolean;
  everywhere?: boolean;
}

export interface SignOutResult {
  redirectUrl?: string;
}

export interface TokenResult {
  token: string;
  /** Expiry as a millisecond epoch. */
  expiresAt?: number;
}
