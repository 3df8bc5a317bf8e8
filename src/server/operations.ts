import { MAX_PAGE_SIZE } from '../core/backend.js';
import {
  isSignInStatusFilter,
  SIGN_IN_STATUSES,
  type Page,
  type Session,
  type SignIn,
  type SignInStatus,
} from '../core/types.js';
import type { AuthCalls } from './auth-calls.js';
import { toDate, type AuthSessionRecord, type AuthSessionWithUser } from './auth-types.js';
import { badRequest, HttpError, notFound, reauthRequired, unauthorized } from './errors.js';
import { streamEvents, type EventStreams, type OpenSink } from './events.js';
import {
  statusOf,
  toCurrentUser,
  toOrganization,
  toSignIn,
  toWorkspace,
  type AuthOrganization,
  type AuthTeam,
} from './mapping.js';
import { loadMemberships, membershipsOf, pluginOptions, teamsEnabled } from './memberships.js';
import type { Operation } from './routes.js';
import { sessionStore, type SessionQuery, type SessionStore } from './session-store.js';
import { mintToken, type TokenTemplate } from './tokens.js';

export interface OperationInput {
  calls: AuthCalls;
  /** The session as the request arrived, read through better-auth's rate limiter. */
  current: AuthSessionWithUser | null;
  body: Record<string, unknown>;
  query: URLSearchParams;
  params: Record<string, string>;
  onlineWindow: number;
  tokenTemplates: Record<string, TokenTemplate>;
  /** The browser's request as it arrived (its signal ends a stream, its headers carry Last-Event-ID). */
  request: Request;
  /** Live-update streams; null when no bus is set up (the plugin is missing). */
  events: EventStreams | null;
  /** Set when the caller writes an accepted event stream itself instead of a `Response` body. */
  openSink?: OpenSink;
}

export interface OperationResult {
  status: number;
  body?: unknown;
  /** A response of its own (an event stream), sent instead of `body` as JSON. */
  response?: Response;
}

const ok = (body: unknown): OperationResult => ({ status: 200, body });

export function signedIn(input: OperationInput): AuthSessionWithUser {
  if (!input.current) throw unauthorized();
  return input.current;
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw badRequest(`"${name}" must be a non-empty string.`);
  return value;
}

/**
 * True when the browser's only multi-session cookie (better-auth names them `…_multi-…` and
 * signs the token as their value) holds the active session's token: listing the browser's
 * accounts could then only give the active one, so that call (a signature check and a database
 * read on every session read) is skipped. Any other cookie set, or a naming better-auth may
 * change, falls back to the call.
 */
function onlyActiveOnBrowser(calls: AuthCalls, active: AuthSessionWithUser): boolean {
  const multi = (calls.headers.get('cookie') ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.slice(0, Math.max(0, pair.indexOf('='))).includes('_multi-'));
  if (multi.length !== 1) return false;
  const raw = multi[0]!.slice(multi[0]!.indexOf('=') + 1);
  try {
    return decodeURIComponent(raw).startsWith(`${active.session.token}.`);
  } catch {
    return false;
  }
}

/** Accounts signed in on this browser (multi-session), the active one included. */
export async function browserSessions(
  calls: AuthCalls,
  active: AuthSessionWithUser,
): Promise<AuthSessionWithUser[]> {
  if (onlyActiveOnBrowser(calls, active)) return [active];
  const listed = calls.has('listDeviceSessions')
    ? await calls.call<AuthSessionWithUser[]>('listDeviceSessions')
    : [];
  const others = listed.filter((entry) => entry.session.token !== active.session.token);
  return [active, ...others.filter((entry) => entry.user.id !== active.user.id)];
}

async function sessionView(calls: AuthCalls, active: AuthSessionWithUser | null): Promise<Session> {
  if (!active) throw unauthorized();
  const currentToken = active.session.token;
  const signins = await Promise.all(
    (await browserSessions(calls, active)).map(async ({ session, user }) =>
      toSignIn(session, {
        currentToken,
        user,
        memberships: await membershipsOf(calls.context, user.id, [session]),
      }),
    ),
  );
  return {
    active_signin: signins[0] ?? null,
    signins,
    signin_attempts: [],
    signup_attempts: [],
  };
}

/**
 * The browser's active cookie names a session that is gone (typically another
 * request of the same browser ended it a moment ago: a switch to an account
 * racing its sign-out) while other accounts on this browser are still valid.
 * Make one of those active, as better-auth's own multi-session revoke does, so
 * the browser is never left signed out with valid accounts in its cookies.
 */
export async function promoteRemainingAccount(
  calls: AuthCalls,
): Promise<AuthSessionWithUser | null> {
  if (!calls.has('listDeviceSessions') || !calls.has('setActiveSession')) return null;
  const remaining = await calls.call<AuthSessionWithUser[]>('listDeviceSessions');
  for (const { session } of remaining) {
    try {
      await calls.call('setActiveSession', { body: { sessionToken: session.token } });
    } catch (error) {
      // Ended in the meantime too: try the next one.
      if (error instanceof HttpError && error.status === 401) continue;
      throw error;
    }
    const promoted = await calls.readSession();
    if (promoted) return promoted;
  }
  return null;
}

/** The session after this request's own changes (cookies already updated). */
async function freshSession(calls: AuthCalls): Promise<AuthSessionWithUser | null> {
  return (await calls.readSession()) ?? (await promoteRemainingAccount(calls));
}

async function freshSessionView(calls: AuthCalls): Promise<Session> {
  return sessionView(calls, await freshSession(calls));
}

/** A query parameter given at most once: given twice, a proxy in front may have read the other. */
function queryParam(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  if (values.length > 1) throw badRequest(`"${name}" was given more than once.`);
  return values[0] ?? null;
}

/** A whole number from 1 in the query, or the fallback when the parameter is absent. */
function positiveParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = queryParam(query, name);
  if (raw === null || raw === '') return fallback;
  // Decimal digits only: Number() would also read "0x10", "1e3", "+5" and " 5".
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1) {
    throw badRequest(`"${name}" must be a whole number from 1.`);
  }
  return value;
}

/** Pages beyond this are refused rather than turned into a huge offset. */
const MAX_PAGE = 1_000_000;

/** The list query: a page size above the server's maximum is clamped to it, not refused. */
function pageQuery(query: URLSearchParams): {
  page: number;
  pageSize: number;
  status?: SignInStatus;
} {
  const page = positiveParam(query, 'page', 1);
  if (page > MAX_PAGE) throw badRequest(`"page" must be at most ${MAX_PAGE}.`);
  const status = queryParam(query, 'status') ?? 'all';
  if (!isSignInStatusFilter(status)) {
    throw badRequest(`"status" must be one of ${SIGN_IN_STATUSES.join(', ')}.`);
  }
  return {
    page,
    pageSize: Math.min(positiveParam(query, 'pageSize', 10), MAX_PAGE_SIZE),
    ...(status === 'all' ? {} : { status }),
  };
}

/**
 * One page of the user's sign-ins, paged by the store itself (better-auth
 * returns at most 100 rows of an unbounded query): this browser's sign-in
 * first, then the others by last activity.
 */
async function listSignIns(input: OperationInput): Promise<OperationResult> {
  const { page, pageSize, status } = pageQuery(input.query);
  // The client asks for the first page alongside the session, before it knows whether
  // anyone is signed in: without a session cookie the answer is an empty page, not an error.
  if (!input.current && !carriesSessionCookie(input)) {
    return ok({ items: [], total: 0, page, pageSize } satisfies Page<SignIn>);
  }
  const active = signedIn(input);
  await requireFresh(input.calls, active);
  const store = sessionStore(input.calls.context);
  const now = Date.now();
  const token = active.session.token;
  const mine = (await store.findByToken(active.user.id, token)) ?? active.session;
  const current = !status || statusOf(mine, now, input.onlineWindow) === status ? mine : null;
  const others: SessionQuery = {
    userId: active.user.id,
    exceptToken: token,
    now,
    onlineWindow: input.onlineWindow,
    ...(status ? { status } : {}),
  };
  // The current sign-in takes the first place of page 1 and shifts every other by one.
  const start = (page - 1) * pageSize - (current && page > 1 ? 1 : 0);
  const limit = pageSize - (current && page === 1 ? 1 : 0);
  const { rows, total: otherCount } = await pageOfOthers(store, others, start, limit);
  const records = current && page === 1 ? [current, ...rows] : rows;
  const memberships = await membershipsOf(input.calls.context, active.user.id, records);
  const items = records.map((session) =>
    toSignIn(session, { currentToken: token, user: active.user, memberships }),
  );
  const total = otherCount + (current ? 1 : 0);
  return ok({ items, total, page, pageSize } satisfies Page<SignIn>);
}

/**
 * Rows `start` to `start + limit` of the other sign-ins and how many there are. One row more
 * than asked for tells whether the page is the last: then the total is known without a count.
 */
async function pageOfOthers(
  store: SessionStore,
  others: SessionQuery,
  start: number,
  limit: number,
): Promise<{ rows: AuthSessionRecord[]; total: number }> {
  if (limit <= 0) return { rows: [], total: await store.count(others) };
  const rows = await store.page(others, start, limit + 1);
  if (rows.length <= limit && (rows.length > 0 || start === 0)) {
    return { rows, total: start + rows.length };
  }
  return { rows: rows.slice(0, limit), total: await store.count(others) };
}

/**
 * better-auth's list-sessions refuses a session older than its `freshAge`
 * (SESSION_NOT_FRESH, a 403 the browser sees as reauth-required); the same
 * rule, read from better-auth's settings, spares a call that would list every
 * session only to be thrown away. A better-auth without those settings is
 * asked through the endpoint itself.
 */
async function requireFresh(calls: AuthCalls, active: AuthSessionWithUser): Promise<void> {
  const freshAge = calls.context.sessionConfig?.freshAge;
  if (typeof freshAge !== 'number') {
    await calls.call('listSessions');
    return;
  }
  const createdAt = toDate(active.session.createdAt)?.getTime() ?? 0;
  if (freshAge !== 0 && Date.now() - createdAt >= freshAge * 1000) {
    throw reauthRequired();
  }
}

/** Ends one of this browser's accounts; the next one (if any) becomes active. */
async function endOnThisBrowser(calls: AuthCalls, session: AuthSessionRecord, isActive: boolean) {
  if (calls.has('revokeDeviceSession')) {
    try {
      await calls.call('revokeDeviceSession', { body: { sessionToken: session.token } });
      return;
    } catch (error) {
      // No multi-session cookie for it (signed in before the plugin): fall through.
      if (!(error instanceof HttpError && error.status === 401)) throw error;
    }
  }
  if (isActive) await calls.call('signOut');
  else await calls.call('revokeSession', { body: { token: session.token } });
}

async function removeSignIn(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  const target = await sessionStore(input.calls.context).findOwn(
    active.user.id,
    input.params.id ?? '',
  );
  // Someone else's sign-in looks exactly like one that does not exist.
  if (!target) throw notFound('That sign-in');
  if (target.token === active.session.token) await endOnThisBrowser(input.calls, target, true);
  else await input.calls.call('revokeSession', { body: { token: target.token } });
  return { status: 204 };
}

/** The user's other sign-ins that are still live, by token. */
async function otherLiveTokens(input: OperationInput, active: AuthSessionWithUser) {
  const live = await sessionStore(input.calls.context).liveTokens(active.user.id);
  live.delete(active.session.token);
  return live;
}

/** Revoke-others calls of one user, in this process, one after another (see below). */
const revokeQueues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = revokeQueues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  revokeQueues.set(key, settled);
  void settled.then(() => {
    if (revokeQueues.get(key) === settled) revokeQueues.delete(key);
  });
  return next;
}

async function revokeOtherSignIns(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  // Parallel calls would each count every session as theirs: serialized, each
  // counts what was live before its own revocation and gone after it.
  const revoked = await oneAtATime(active.user.id, async () => {
    const before = await otherLiveTokens(input, active);
    await input.calls.call('revokeOtherSessions');
    const left = await otherLiveTokens(input, active);
    return [...before].filter((token) => !left.has(token)).length;
  });
  return ok({ revoked });
}

async function switchSignIn(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  const id = stringField(input.body, 'signInId');
  const target = (await browserSessions(input.calls, active)).find(
    (entry) => entry.session.id === id,
  );
  if (!target) throw notFound('That account on this browser');
  if (target.session.token !== active.session.token) {
    await input.calls.call('setActiveSession', { body: { sessionToken: target.session.token } });
  }
  const after = await freshSession(input.calls);
  if (after && after.session.token !== target.session.token) {
    // The account was signed out while we switched to it (a concurrent request).
    throw new HttpError(
      409,
      'session-changed',
      'That account was signed out on this browser meanwhile; another account is active.',
    );
  }
  return ok(await sessionView(input.calls, after));
}

function requireOrganizations(input: OperationInput): void {
  if (!pluginOptions(input.calls.context, 'organization')) {
    throw new HttpError(501, 'unsupported', 'Organizations are not enabled on this server.');
  }
}

function requireTeams(input: OperationInput): void {
  requireOrganizations(input);
  if (!teamsEnabled(input.calls.context)) {
    throw new HttpError(501, 'unsupported', 'Workspaces (teams) are not enabled on this server.');
  }
}

async function clearActiveTeam(input: OperationInput): Promise<void> {
  if (teamsEnabled(input.calls.context)) {
    await input.calls.call('setActiveTeam', { body: { teamId: null } });
  }
}

async function switchOrganization(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  requireOrganizations(input);
  const organizationId = input.body.organizationId;
  if (organizationId !== null && (typeof organizationId !== 'string' || organizationId === '')) {
    throw badRequest('"organizationId" must be a non-empty string or null.');
  }
  if (organizationId !== null) {
    const memberships = await loadMemberships(input.calls.context, active.user.id);
    if (!memberships.organizations.has(organizationId)) throw notFound('That organization');
  }
  if (organizationId !== (active.session.activeOrganizationId ?? null)) {
    await input.calls.call('setActiveOrganization', { body: { organizationId } });
    // A workspace belongs to one organization; it cannot stay active across a switch.
    if (active.session.activeTeamId) await clearActiveTeam(input);
  }
  return ok(await freshSessionView(input.calls));
}

async function switchWorkspace(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  requireTeams(input);
  const workspaceId = stringField(input.body, 'workspaceId');
  const memberships = await loadMemberships(input.calls.context, active.user.id);
  const team = memberships.teams.has(workspaceId)
    ? await input.calls.context.adapter.findOne<AuthTeam>({
        model: 'team',
        where: [{ field: 'id', value: workspaceId }],
      })
    : null;
  if (!team || !memberships.organizations.has(team.organizationId))
    throw notFound('That workspace');
  if (active.session.activeOrganizationId !== team.organizationId) {
    await input.calls.call('setActiveOrganization', {
      body: { organizationId: team.organizationId },
    });
  }
  await input.calls.call('setActiveTeam', { body: { teamId: team.id } });
  return ok(await freshSessionView(input.calls));
}

async function listOrganizations(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  requireOrganizations(input);
  const organizations = await input.calls.call<AuthOrganization[]>('listOrganizations');
  const memberships = await loadMemberships(input.calls.context, active.user.id);
  return ok(organizations.map((org) => toOrganization(org, memberships)).filter(Boolean));
}

async function listWorkspaces(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  requireTeams(input);
  const organizationId =
    queryParam(input.query, 'organizationId') || active.session.activeOrganizationId;
  if (!organizationId) return ok([]);
  const memberships = await loadMemberships(input.calls.context, active.user.id);
  if (!memberships.organizations.has(organizationId)) throw notFound('That organization');
  const teams = await input.calls.call<AuthTeam[]>('listUserTeams', { query: { organizationId } });
  return ok(teams.map((team) => toWorkspace(team, memberships)).filter(Boolean));
}

async function signOut(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  const { signInId, all, everywhere } = input.body;
  if (signInId !== undefined && (typeof signInId !== 'string' || signInId === '')) {
    throw badRequest('"signInId" must be a non-empty string.');
  }
  if (
    (all !== undefined && typeof all !== 'boolean') ||
    (everywhere !== undefined && typeof everywhere !== 'boolean')
  ) {
    throw badRequest('"all" and "everywhere" must be booleans.');
  }
  if ([signInId !== undefined, all === true, everywhere === true].filter(Boolean).length > 1) {
    throw badRequest('Give one of "signInId", "all" or "everywhere".');
  }
  const { calls } = input;
  if (all) {
    // With multi-session, better-auth's sign-out ends every account on this browser.
    await calls.call('signOut');
  } else if (everywhere) {
    await calls.call('revokeOtherSessions');
    await endOnThisBrowser(calls, active.session, true);
  } else {
    const target = signInId
      ? (await browserSessions(calls, active)).find((entry) => entry.session.id === signInId)
      : active;
    if (!target) throw notFound('That account on this browser');
    await endOnThisBrowser(calls, target.session, target.session.token === active.session.token);
  }
  return ok({});
}

async function getToken(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  const memberships = await membershipsOf(input.calls.context, active.user.id, [active.session]);
  const signIn = toSignIn(active.session, {
    currentToken: active.session.token,
    memberships,
  });
  const template = queryParam(input.query, 'template') || undefined;
  return ok(
    await mintToken(
      input.calls,
      input.tokenTemplates,
      template,
      signIn,
      toCurrentUser(active.user),
    ),
  );
}

async function exchangeTicket(input: OperationInput): Promise<OperationResult> {
  const ticket = stringField(input.body, 'ticket');
  try {
    await input.calls.call('verifyOneTimeToken', { body: { token: ticket } });
  } catch (error) {
    if (error instanceof HttpError && error.status < 500 && error.status !== 429) {
      throw new HttpError(401, 'unauthorized', 'The ticket is invalid, used or expired.');
    }
    throw error;
  }
  return ok(await freshSessionView(input.calls));
}

/**
 * Signed out is a normal state, answered 200 `null` so that a signed-out visit logs no
 * error; a session cookie that names no valid session (revoked, expired) is answered 401,
 * and better-auth clears that cookie in the same answer, so only that one visit sees it.
 * `GET /signins` follows the same rule with an empty page.
 */
async function getSession(input: OperationInput): Promise<OperationResult> {
  if (!input.current && !carriesSessionCookie(input)) return ok(null);
  return ok(await sessionView(input.calls, input.current));
}

/** True when the browser sent better-auth's session cookie (valid or not). */
function carriesSessionCookie(input: OperationInput): boolean {
  const name = input.calls.context.authCookies?.sessionToken.name ?? 'better-auth.session_token';
  return (input.request.headers.get('cookie') ?? '')
    .split(';')
    .some((pair) => pair.includes('=') && pair.slice(0, pair.indexOf('=')).trim() === name);
}

export const OPERATIONS: Record<Operation, (input: OperationInput) => Promise<OperationResult>> = {
  getSession,
  listSignIns,
  removeSignIn,
  revokeOtherSignIns,
  switchSignIn,
  switchOrganization,
  switchWorkspace,
  listOrganizations,
  listWorkspaces,
  signOut,
  getToken,
  exchangeTicket,
  subscribe: streamEvents,
};
