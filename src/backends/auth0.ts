import { SessionError } from '../core/errors.js';
import type {
  CurrentUser,
  ListSignInsQuery,
  Session,
  SignIn,
  SignOutTarget,
} from '../core/types.js';
import { capabilities, type BackendCapabilities, type RequestOptions } from '../core/backend.js';
import { ensureOk, globalFetch, readJson, send } from './http.js';
import { currentThenRecent, pageOf } from './paging.js';
import { PartialBackend, soleSession } from './partial.js';
import {
  type Json,
  array,
  compact,
  contactFields,
  id,
  object,
  optionalDate,
  optionalString,
} from './validate.js';

/*
 * Sources this adapter follows (shapes checked against them, not guessed):
 * - Auth0 Management API session object, GET /api/v2/sessions/{id} and
 *   GET /api/v2/users/{id}/sessions ({ sessions, next }):
 *   https://auth0.com/docs/api/management/v2/sessions/get-session and
 *   https://auth0.com/docs/api/management/v2/users/get-sessions-for-user.
 *   The session id is the `sid` claim of ID tokens:
 *   https://auth0.com/docs/manage-users/sessions/manage-user-sessions-with-auth0-management-api
 * - Auth0 Lab user-sessions component, github.com/auth0-lab/a0-components
 *   (registry/routers/user-sessions.ts, registry/hooks/use-user-sessions.tsx,
 *   registry/components/user-sessions.tsx): the app hosts GET /api/auth/user/sessions
 *   (a JSON array of session objects) and DELETE /api/auth/user/sessions/:id (200 `{ id }`);
 *   failures are `{ error: "..." }` with 500 or 429; "current" is the session whose id
 *   equals the user's `sid`.
 * - nextjs-auth0 profile route (/api/auth/me in v3, /auth/profile in v4): the ID token
 *   claims, 401 or 204 when signed out; v4 keeps only default claims, so `sid` needs
 *   `beforeSessionSaved` or the `currentSessionId` option.
 */

/** Options of {@link Auth0Backend}; every route is the app's own, never Auth0's domain. */
export interface Auth0BackendOptions {
  /**
   * Where the app mounts the user-sessions proxy: GET on it lists the signed-in
   * user's sessions, DELETE on `${baseUrl}/:id` ends one. Default
   * `/api/auth/user/sessions` (the Auth0 Lab component's routes).
   */
  baseUrl?: string;
  /**
   * The app's profile route answering the signed-in user's claims, 401 or 204
   * when signed out. Default `/api/auth/me` (nextjs-auth0 v3; v4 uses `/auth/profile`).
   */
  profileUrl?: string;
  /**
   * The app's logout route. Signing this browser out is a redirect there (Auth0
   * ends its own session and the app's in the browser), so it comes back as the
   * `redirectUrl` of `signOut`. Default `/api/auth/logout` (`/auth/logout` in v4).
   */
  logoutUrl?: string;
  /**
   * This browser's Auth0 session id, for profile routes that do not pass on the
   * `sid` claim. Without either, no listed sign-in is marked current.
   */
  currentSessionId?: () => string | null | undefined;
  /** A fetch to use instead of the global one (tests, custom headers). */
  fetch?: typeof fetch;
}

/**
 * Nothing beyond listing and ending sign-ins. Pages are cut in memory from the
 * whole list the proxy sends, so a page may be as large as the element allows.
 */
const CAPABILITIES = capabilities({ maxPageSize: 1000 });

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '') || '/';
}

/** The earlier of two ISO timestamps, or whichever one exists. */
function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Maps one Management API session object onto a SignIn; the rest of it is dropped. */
function parseAuth0Session(value: unknown, currentId: string | undefined): SignIn {
  const raw = object(value, 'Auth0 session');
  const device: Json =
    typeof raw.device === 'object' && raw.device !== null && !Array.isArray(raw.device)
      ? (raw.device as Json)
      : {};
  const signIn: SignIn = compact({
    id: id(raw.id, 'Auth0 session id'),
    user_id: optionalString(raw.user_id),
    createdAt: optionalDate(raw.created_at) ?? optionalDate(raw.authenticated_at),
    lastActiveAt: optionalDate(raw.last_interacted_at) ?? optionalDate(raw.updated_at),
    expiresAt: earliest(optionalDate(raw.expires_at), optionalDate(raw.idle_expires_at)),
    ipAddress: optionalString(device.last_ip) ?? optionalString(device.initial_ip),
    userAgent: optionalString(device.last_user_agent) ?? optionalString(device.initial_user_agent),
  });
  signIn.current = currentId !== undefined && signIn.id === currentId;
  return signIn;
}

/** The proxy's list: a bare array (Auth0 Lab) or the Management API's `{ sessions, next }`. */
function sessionArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return array(object(value, 'Auth0 session list').sessions, 'Auth0 session list');
}

/** Maps the OIDC claims of the profile route onto CurrentUser; `sid` comes back separately. */
function parseAuth0Profile(value: unknown): { user: CurrentUser; sid?: string } {
  const claims = object(value, 'Auth0 profile');
  const email = optionalString(claims.email);
  const given = optionalString(claims.given_name);
  const family = optionalString(claims.family_name);
  const name = optionalString(claims.name);
  const user: CurrentUser = compact({
    id: id(claims.sub, 'Auth0 profile subject'),
    // Auth0 sets `name` to the email for database users; only a real name stands in for given_name.
    first_name: given ?? (family === undefined && name !== email ? name : undefined),
    last_name: family,
    username: optionalString(claims.nickname),
    ...contactFields(
      claims.email,
      claims.email_verified,
      claims.phone_number,
      claims.phone_number_verified,
    ),
    profile_picture_url: optionalString(claims.picture),
  });
  const sid = optionalString(claims.sid);
  return sid ? { user, sid } : { user };
}

/**
 * Session backend for apps on Auth0 that host the user-sessions proxy routes of
 * Auth0's session component (the Management API needs a secret, so the browser
 * never calls Auth0 directly). It lists the user's sessions on every device and
 * ends one by id. Auth0 has no accounts switcher, no organization or workspace
 * switch by API, no browser tokens through the proxy, no status filter and no
 * "all but this one", so every capability is off.
 *
 * The sessions the proxy returns are one Management API page; they are sorted
 * (this browser first, then most recently active) and paged in the browser.
 * Ending a session through the Management API ends the Auth0 session only; the
 * app's own session ends with it when the app implements back-channel logout.
 */
export class Auth0Backend extends PartialBackend {
  /** All false: see the class description. */
  readonly capabilities: BackendCapabilities = CAPABILITIES;
  /** The sessions proxy route, without a trailing slash. */
  readonly baseUrl: string;
  /** The profile route. */
  readonly profileUrl: string;
  /** The logout route returned by `signOut`. */
  readonly logoutUrl: string;
  protected readonly adapterName = 'Auth0Backend';
  readonly #fetch: typeof fetch;
  readonly #currentSessionId?: () => string | null | undefined;
  /** `sid` from the last profile read. */
  #sid: string | undefined;
  /** The id given to the last active sign-in (`sid`, else the user id). */
  #activeId: string | undefined;

  /** @param options Routes, the current-session fallback and fetch; all optional. */
  constructor(options: Auth0BackendOptions = {}) {
    super();
    this.baseUrl = trimSlash(options.baseUrl ?? '/api/auth/user/sessions');
    this.profileUrl = options.profileUrl ?? '/api/auth/me';
    this.logoutUrl = options.logoutUrl ?? '/api/auth/logout';
    this.#fetch = options.fetch ?? globalFetch;
    this.#currentSessionId = options.currentSessionId;
  }

  /**
   * Reads the profile route: `null` on 401, 204 or a `null` body; otherwise one
   * active sign-in whose id is the `sid` claim (or `currentSessionId()`), falling
   * back to the user id when neither is known.
   */
  async getSession(o: RequestOptions): Promise<Session | null> {
    const response = await send(this.#fetch, 'GET', this.profileUrl, o);
    if (response.status === 401 || response.status === 204) return this.#signedOut();
    const claims = await readJson(await ensureOk(response), o);
    if (claims === null) return this.#signedOut();
    const { user, sid } = parseAuth0Profile(claims);
    this.#sid = sid;
    const signInId = this.#currentId() ?? user.id;
    this.#activeId = signInId;
    return soleSession(signInId, user);
  }

  /**
   * The user's sessions on every device, this browser's first, paged in memory.
   * Any status but `all` rejects with `unsupported` (capability `statusFilter` is off).
   */
  async listSignIns(q: ListSignInsQuery, o: RequestOptions) {
    if (q.status && q.status !== 'all') return this.unsupported('filtering sign-ins by status');
    const response = await ensureOk(await send(this.#fetch, 'GET', this.baseUrl, o));
    const current = this.#currentId();
    const signIns = sessionArray(await readJson(response, o))
      .map((item) => parseAuth0Session(item, current))
      .sort(currentThenRecent);
    return pageOf(signIns, q, CAPABILITIES.maxPageSize);
  }

  /** Ends one Auth0 session: DELETE `${baseUrl}/:id` with cookies and the CSRF header. */
  async removeSignIn(signInId: string, o: RequestOptions): Promise<void> {
    if (!signInId) throw new SessionError('not-found', 'No sign-in id was given.');
    const url = `${this.baseUrl}/${encodeURIComponent(signInId)}`;
    await ensureOk(await send(this.#fetch, 'DELETE', url, o));
  }

  /**
   * This browser (no id, `all`, or this browser's id) signs out by redirect to
   * `logoutUrl`, returned as `redirectUrl` without a request; another sign-in's
   * id ends that session like `removeSignIn`. `everywhere` is unsupported.
   * The browser must reach the logout route: leave the sign-out elements'
   * `redirect-url` unset, or point it there (nextjs-auth0 takes `?returnTo=`).
   */
  async signOut(t: SignOutTarget, o: RequestOptions) {
    if (t.everywhere) return this.unsupported('signing out everywhere');
    const target = t.signInId;
    if (target && !t.all && target !== this.#activeId && target !== this.#currentId()) {
      await this.removeSignIn(target, o);
      return {};
    }
    return { redirectUrl: this.logoutUrl };
  }

  #currentId(): string | undefined {
    return this.#currentSessionId?.() || this.#sid || undefined;
  }

  #signedOut(): null {
    this.#sid = undefined;
    this.#activeId = undefined;
    return null;
  }
}
