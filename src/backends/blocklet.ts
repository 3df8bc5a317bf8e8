import { SessionError, toSessionError } from '../core/errors.js';
import type {
  CurrentUser,
  ListSignInsQuery,
  Page,
  Session,
  SignIn,
  SignInStatus,
  SignOutTarget,
} from '../core/types.js';
import { isSignInStatusFilter } from '../core/types.js';
import { capabilities, type BackendCapabilities, type RequestOptions } from '../core/backend.js';
import { statusError } from './http.js';
import { pageQuery } from './paging.js';
import { PartialBackend, soleSession } from './partial.js';
import {
  array,
  compact,
  contactFields,
  count,
  id,
  object,
  optionalDate,
  optionalString,
} from './validate.js';

/*
 * Sources this adapter follows:
 * - @blocklet/js-sdk UserSessionService (sdk.userSession): getMyLoginSessions({ appUrl },
 *   { page, pageSize, status }) → { list: UserSession[], paging: { page, pageSize, total } },
 *   status 'online' | 'expired' | 'offline'; UserSession = { id, appName, appPid, userDid,
 *   visitorId, ua, lastLoginIp, createdAt?, updatedAt, status?, passportId, extra, user? }
 *   (ArcBlock blocklet-server, js-sdk services/user-session.ts and its docs
 *   "Managing User Sessions" / "UserSessionService").
 * - AuthService (sdk.auth; sdk.user in older SDKs): getProfile() → { did, fullName, email,
 *   avatar, ... }; logout({ visitorId?, status?, includeFederated? }). Server side
 *   (blocklet-server user API, POST /logout): with a visitorId it ends that device's
 *   sessions that are not offline; with status 'online' and a visitorId it ends every
 *   online session except that device's. Blocklet's own UserSessions component removes a
 *   row with logout({ visitorId, includeFederated: true }) and marks the row whose
 *   visitorId equals this browser's as current.
 */

/** The query `getMyLoginSessions` takes as its second argument. */
export interface BlockletSessionQuery {
  /** Page number, from 1. */
  page: number;
  /** Sessions per page. */
  pageSize: number;
  /** Only sessions in this state; absent for all of them. */
  status?: SignInStatus;
}

/**
 * The part of the Blocklet SDK's `sdk.userSession` (UserSessionService) this
 * adapter calls; pass the SDK's own object.
 */
export interface BlockletUserSessionService {
  /** Resolves `{ list, paging: { page, pageSize, total } }`. */
  getMyLoginSessions(options: { appUrl?: string }, params: BlockletSessionQuery): Promise<unknown>;
}

/** What `logout` of the Blocklet SDK's AuthService accepts. */
export interface BlockletLogoutOptions {
  /** The device whose sessions end; absent, the SDK sends this browser's. */
  visitorId?: string;
  /** End every session in this state instead (with `online`, all but `visitorId`'s). */
  status?: SignInStatus;
  /** Also end them in the other apps of the federated login group. */
  includeFederated?: boolean;
}

/**
 * The part of the Blocklet SDK's `sdk.auth` (AuthService; `sdk.user` in older
 * SDKs) this adapter calls; pass the SDK's own object.
 */
export interface BlockletAuthService {
  /** Resolves the signed-in user's profile; rejects with a 401 when nobody is. */
  getProfile(): Promise<unknown>;
  /** Ends sessions of the signed-in user (see {@link BlockletLogoutOptions}). */
  logout(options: BlockletLogoutOptions): Promise<unknown>;
}

/** Options of {@link BlockletBackend}. */
export interface BlockletBackendOptions {
  /** `sdk.userSession` of the app's Blocklet SDK instance. */
  userSession: BlockletUserSessionService;
  /** `sdk.auth` (or `sdk.user`) of the same instance. */
  auth: BlockletAuthService;
  /**
   * This browser's Blocklet visitor id (`getVisitorId()` from `@arcblock/ux/lib/Util`).
   * It marks the current sign-in and is needed to sign out every other device;
   * without it `revokeOthers` is off.
   */
  visitorId?: string | (() => string | null | undefined);
  /** Another Blocklet app to query (`appUrl` of the SDK calls); default the current one. */
  appUrl?: string;
  /**
   * Also end the device's sessions in the other apps of the federated login group,
   * as Blocklet's own session list does. Default `true`.
   */
  includeFederated?: boolean;
}

/** What the backend keeps about a listed session to end it later. */
interface Known {
  visitorId?: string;
  status?: SignInStatus;
}

interface ParsedSession extends Known {
  signIn: SignIn;
}

interface ParsedList {
  sessions: ParsedSession[];
  total: number;
  page?: number;
  pageSize?: number;
}

/** How many listed sessions the backend remembers for removal by id. */
const KNOWN_LIMIT = 500;
/** Page size of the count taken before signing out every other device. */
const COUNT_PAGE = 100;

function optionalStatus(value: unknown): SignInStatus | undefined {
  return isSignInStatusFilter(value) && value !== 'all' ? value : undefined;
}

function optionalPage(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function parseBlockletSession(value: unknown, visitorId: string | undefined): ParsedSession {
  const raw = object(value, 'Blocklet session');
  const visitor = optionalString(raw.visitorId) || undefined;
  const signIn: SignIn = compact({
    id: id(raw.id, 'Blocklet session id'),
    user_id: optionalString(raw.userDid),
    createdAt: optionalDate(raw.createdAt),
    lastActiveAt: optionalDate(raw.updatedAt),
    ipAddress: optionalString(raw.lastLoginIp),
    userAgent: optionalString(raw.ua),
  });
  const status = optionalStatus(raw.status);
  // This browser's device may also have expired or offline sessions; only a live one is in use.
  signIn.current =
    visitorId !== undefined &&
    visitor === visitorId &&
    status !== 'expired' &&
    status !== 'offline';
  return { signIn, visitorId: visitor, status };
}

function parseBlockletList(value: unknown, visitorId: string | undefined): ParsedList {
  const raw = object(value, 'Blocklet session list');
  const paging = object(raw.paging, 'Blocklet paging');
  return {
    sessions: array(raw.list, 'Blocklet session list').map((item) =>
      parseBlockletSession(item, visitorId),
    ),
    total: count(paging.total, 'Blocklet session total'),
    page: optionalPage(paging.page),
    pageSize: optionalPage(paging.pageSize),
  };
}

function parseBlockletProfile(value: unknown): CurrentUser {
  const raw = object(value, 'Blocklet profile');
  return compact({
    id: id(raw.did, 'Blocklet user DID'),
    // Blocklet keeps one full name; it reads right where the kit joins first and last.
    first_name: optionalString(raw.fullName),
    ...contactFields(raw.email, raw.emailVerified, raw.phone, raw.phoneVerified),
    profile_picture_url: optionalString(raw.avatar),
  });
}

interface SdkFailure {
  name?: unknown;
  code?: unknown;
  isAxiosError?: unknown;
  response?: { status?: unknown; data?: unknown; headers?: unknown };
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const bag = headers as { get?: unknown } & Record<string, unknown>;
  const value =
    typeof bag.get === 'function'
      ? (bag.get as (key: string) => unknown)(name)
      : (bag[name] ?? bag[name.toLowerCase()]);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Maps what the SDK (axios underneath) rejects with onto a SessionError. */
function sdkError(error: unknown): SessionError {
  if (error instanceof SessionError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SdkFailure;
  if (failure.code === 'ERR_CANCELED' || failure.name === 'CanceledError') {
    return new SessionError('aborted', 'The request was aborted.', { cause: error });
  }
  if (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT') {
    return new SessionError('timeout', 'The request timed out.', { cause: error });
  }
  const status = failure.response?.status;
  if (typeof status === 'number') {
    return statusError(
      status,
      failure.response?.data,
      headerOf(failure.response?.headers, 'Retry-After'),
    );
  }
  if (failure.code === 'ERR_NETWORK' || failure.isAxiosError === true) {
    return new SessionError('network', 'The network request failed.', { cause: error });
  }
  return toSessionError(error);
}

/**
 * Session backend on top of the Blocklet SDK the app already has: the user's
 * login sessions on every device with Blocklet's own paging and status filter
 * (online, expired, offline), ending one device, and signing out every other
 * device when this browser's visitor id is known. Blocklet has one account per
 * browser and no organizations, workspaces or browser tokens through this API.
 *
 * The SDK calls take no AbortSignal: an aborted request is not sent, and one in
 * flight is left to finish (the controller stops waiting for it).
 */
export class BlockletBackend extends PartialBackend {
  /** `statusFilter`, and `revokeOthers` when a visitor id was given; the rest is off. */
  readonly capabilities: BackendCapabilities;
  protected readonly adapterName = 'BlockletBackend';
  readonly #userSession: BlockletUserSessionService;
  readonly #auth: BlockletAuthService;
  readonly #visitorId: BlockletBackendOptions['visitorId'];
  readonly #appUrl?: string;
  readonly #includeFederated: boolean;
  /** Listed sessions by id, so that one can be ended by its visitor id. */
  readonly #known = new Map<string, Known>();
  /** The id given to the last active sign-in (the visitor id, else the user's DID). */
  #activeId: string | undefined;

  /** @param options The SDK's services, this browser's visitor id and call options. */
  constructor(options: BlockletBackendOptions) {
    super();
    this.#userSession = options.userSession;
    this.#auth = options.auth;
    this.#visitorId = options.visitorId;
    this.#appUrl = options.appUrl;
    this.#includeFederated = options.includeFederated ?? true;
    this.capabilities = capabilities({
      statusFilter: true,
      revokeOthers: options.visitorId !== undefined,
    });
  }

  /**
   * The profile of the signed-in user as the one active sign-in, whose id is
   * this browser's visitor id (else the user's DID); `null` when the SDK
   * answers 401 or no profile.
   */
  async getSession(o: RequestOptions): Promise<Session | null> {
    const profile = await this.#call(o, () => this.#auth.getProfile(), true);
    if (profile === null || profile === undefined || profile === '') {
      this.#activeId = undefined;
      return null;
    }
    const user = parseBlockletProfile(profile);
    const signInId = this.#currentVisitor() ?? user.id;
    this.#activeId = signInId;
    return soleSession(signInId, user);
  }

  /**
   * One page of `getMyLoginSessions`: `page`, `pageSize` and `status` go to the
   * SDK as they are (`all` sends no status), `total` is Blocklet's `paging.total`.
   * This browser's session comes first within the page.
   */
  async listSignIns(q: ListSignInsQuery, o: RequestOptions): Promise<Page<SignIn>> {
    const { page, pageSize } = pageQuery(q, this.capabilities.maxPageSize);
    const params: BlockletSessionQuery =
      q.status && q.status !== 'all' ? { page, pageSize, status: q.status } : { page, pageSize };
    const list = await this.#list(params, o);
    const items = list.sessions
      .map((session) => session.signIn)
      .sort((a, b) => Number(Boolean(b.current)) - Number(Boolean(a.current)));
    return {
      items,
      total: list.total,
      page: list.page ?? page,
      pageSize: list.pageSize ?? pageSize,
    };
  }

  /**
   * Ends the device of a listed sign-in: `auth.logout({ visitorId })`. An id
   * this backend has not listed is `not-found`; an offline session is already
   * signed out and Blocklet cannot remove it, so that is `unsupported`.
   */
  async removeSignIn(signInId: string, o: RequestOptions): Promise<void> {
    const target = this.#target(signInId);
    if (target.status === 'offline') return this.unsupported('removing an offline sign-in');
    await this.#logout(target.visitorId, o);
    this.#known.delete(signInId);
  }

  /**
   * Signs out every other device: `auth.logout({ status: 'online', visitorId })`,
   * which Blocklet applies to every online session but this browser's. `revoked`
   * is counted from the online sessions just before (Blocklet does not report it).
   */
  override async revokeOtherSignIns(o: RequestOptions): Promise<{ revoked: number }> {
    const visitorId = this.#currentVisitor();
    if (!visitorId) return this.unsupported("signing out other devices without this browser's id");
    const online = await this.#list({ page: 1, pageSize: COUNT_PAGE, status: 'online' }, o);
    const others =
      online.sessions.filter((session) => session.visitorId !== visitorId).length +
      Math.max(0, online.total - online.sessions.length);
    await this.#call(o, () =>
      this.#auth.logout({
        status: 'online',
        visitorId,
        includeFederated: this.#includeFederated,
      }),
    );
    return { revoked: others };
  }

  /**
   * Signs this browser out (`auth.logout` with its visitor id, or with none,
   * which the SDK reads as "this session"); a listed sign-in of another device
   * ends that device instead. `everywhere` is unsupported.
   */
  async signOut(t: SignOutTarget, o: RequestOptions) {
    if (t.everywhere) return this.unsupported('signing out everywhere');
    const other = t.signInId && !t.all ? this.#target(t.signInId).visitorId : undefined;
    await this.#logout(other ?? this.#currentVisitor(), o);
    return {};
  }

  /** Who a sign-in id stands for: this browser for the active id, else a listed session. */
  #target(signInId: string): Known {
    if (signInId === this.#activeId) return { visitorId: this.#currentVisitor() };
    const known = this.#known.get(signInId);
    if (!known?.visitorId) {
      throw new SessionError('not-found', 'That sign-in is not in any list this backend returned.');
    }
    return known;
  }

  #logout(visitorId: string | undefined, o: RequestOptions): Promise<unknown> {
    const options: BlockletLogoutOptions = { includeFederated: this.#includeFederated };
    if (visitorId) options.visitorId = visitorId;
    return this.#call(o, () => this.#auth.logout(options));
  }

  async #list(params: BlockletSessionQuery, o: RequestOptions): Promise<ParsedList> {
    const options = this.#appUrl ? { appUrl: this.#appUrl } : {};
    const raw = await this.#call(o, () => this.#userSession.getMyLoginSessions(options, params));
    const list = parseBlockletList(raw, this.#currentVisitor());
    for (const { signIn, visitorId, status } of list.sessions) {
      this.#known.delete(signIn.id);
      this.#known.set(signIn.id, { visitorId, status });
    }
    for (const key of this.#known.keys()) {
      if (this.#known.size <= KNOWN_LIMIT) break;
      this.#known.delete(key);
    }
    return list;
  }

  #currentVisitor(): string | undefined {
    const value = typeof this.#visitorId === 'function' ? this.#visitorId() : this.#visitorId;
    return value || undefined;
  }

  /** Runs an SDK call unless already aborted; failures become SessionErrors (a 401 `null` if asked). */
  async #call<T>(o: RequestOptions, run: () => Promise<T>, nullOn401 = false): Promise<T | null> {
    if (o.signal.aborted) throw new SessionError('aborted', 'The request was aborted.');
    try {
      return await run();
    } catch (error) {
      const failure = sdkError(error);
      if (nullOn401 && failure.status === 401) return null;
      throw failure;
    }
  }
}
