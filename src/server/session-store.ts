import type { SignInStatus } from '../core/types.js';
import type { AuthContextLike, AuthSessionRecord, Where } from './auth-types.js';
import { toDate } from './auth-types.js';

/** Which of a user's sessions a list or count is about. */
export interface SessionQuery {
  userId: string;
  /** Leave this session (the caller's own) out. */
  exceptToken?: string;
  status?: SignInStatus;
  now: number;
  onlineWindow: number;
}

/**
 * Where the handler reads a user's sessions. better-auth keeps them in its
 * database, or, with `secondaryStorage` (Redis and the like) and without
 * `session.storeSessionInDatabase`, only in that storage: there they are
 * reachable per user through the internal adapter and an expired one is gone.
 */
export interface SessionStore {
  /** The user's session with this id; someone else's is null, exactly like a missing one. */
  findOwn(userId: string, id: string): Promise<AuthSessionRecord | null>;
  findByToken(userId: string, token: string): Promise<AuthSessionRecord | null>;
  count(query: SessionQuery): Promise<number>;
  /** By last activity, newest first. */
  page(query: SessionQuery, offset: number, limit: number): Promise<AuthSessionRecord[]>;
  /** Tokens of the user's sessions that have not expired. */
  liveTokens(userId: string): Promise<Set<string>>;
}

/** True when better-auth keeps sessions in secondary storage only. */
export function sessionsInSecondaryStorage(context: AuthContextLike): boolean {
  return (
    Boolean(context.options.secondaryStorage) && !context.options.session?.storeSessionInDatabase
  );
}

export function sessionStore(context: AuthContextLike): SessionStore {
  return sessionsInSecondaryStorage(context) ? storageSessions(context) : databaseSessions(context);
}

/**
 * A status as where-clauses on the session table, matching `matchesStatus`. A
 * session without `lastActiveAt` (created before the plugin was installed)
 * counts as offline until it is next used.
 */
function statusWhere(status: SignInStatus | undefined, now: number, onlineWindow: number): Where[] {
  const live: Where = { field: 'expiresAt', value: new Date(now), operator: 'gt' };
  const seen = new Date(now - onlineWindow);
  if (status === 'expired') return [{ field: 'expiresAt', value: new Date(now), operator: 'lte' }];
  if (status === 'online') return [live, { field: 'lastActiveAt', value: seen, operator: 'gte' }];
  if (status === 'offline') {
    return [
      live,
      { field: 'lastActiveAt', value: seen, operator: 'lt', connector: 'OR' },
      { field: 'lastActiveAt', value: null, connector: 'OR' },
    ];
  }
  return [];
}

function databaseSessions(context: AuthContextLike): SessionStore {
  const { adapter } = context;
  const where = (q: SessionQuery): Where[] => [
    { field: 'userId', value: q.userId },
    ...(q.exceptToken ? [{ field: 'token', value: q.exceptToken, operator: 'ne' as const }] : []),
    ...statusWhere(q.status, q.now, q.onlineWindow),
  ];
  return {
    async findOwn(userId, id) {
      const found = await adapter.findOne<AuthSessionRecord>({
        model: 'session',
        where: [{ field: 'id', value: id }],
      });
      return found && found.userId === userId ? found : null;
    },
    async findByToken(userId, token) {
      const found = await adapter.findOne<AuthSessionRecord>({
        model: 'session',
        where: [{ field: 'token', value: token }],
      });
      return found && found.userId === userId ? found : null;
    },
    count: (q) => adapter.count({ model: 'session', where: where(q) }),
    page: (q, offset, limit) =>
      adapter.findMany<AuthSessionRecord>({
        model: 'session',
        where: where(q),
        sortBy: { field: 'lastActiveAt', direction: 'desc' },
        offset,
        limit,
      }),
    async liveTokens(userId) {
      const live = await adapter.findMany<AuthSessionRecord>({
        model: 'session',
        where: [
          { field: 'userId', value: userId },
          { field: 'expiresAt', value: new Date(), operator: 'gt' },
        ],
      });
      return new Set(live.map((s) => s.token));
    },
  };
}

const time = (value: AuthSessionRecord['lastActiveAt']) => toDate(value)?.getTime();

/** The same rule as `statusWhere`, for sessions already in memory. */
function matchesStatus(session: AuthSessionRecord, q: SessionQuery): boolean {
  const expires = time(session.expiresAt) ?? 0;
  if (q.status === 'expired') return expires <= q.now;
  if (!q.status) return true;
  if (expires <= q.now) return false;
  const last = time(session.lastActiveAt);
  const online = last !== undefined && last >= q.now - q.onlineWindow;
  return q.status === 'online' ? online : !online;
}

/**
 * Sessions from better-auth's secondary storage. Its per-user list holds only
 * live sessions (each expires with its key), so it is read whole and filtered,
 * sorted and paged here; a user has a handful of sessions, not thousands.
 */
function storageSessions(context: AuthContextLike): SessionStore {
  const all = (userId: string) => context.internalAdapter.listSessions(userId);
  const matching = async (q: SessionQuery) =>
    (await all(q.userId)).filter(
      (s) => s.userId === q.userId && s.token !== q.exceptToken && matchesStatus(s, q),
    );
  return {
    async findOwn(userId, id) {
      return (await all(userId)).find((s) => s.id === id && s.userId === userId) ?? null;
    },
    async findByToken(userId, token) {
      return (await all(userId)).find((s) => s.token === token && s.userId === userId) ?? null;
    },
    count: async (q) => (await matching(q)).length,
    async page(q, offset, limit) {
      const sorted = (await matching(q)).sort(
        (a, b) =>
          (time(b.lastActiveAt) ?? 0) - (time(a.lastActiveAt) ?? 0) || (a.id < b.id ? -1 : 1),
      );
      return sorted.slice(offset, offset + limit);
    },
    async liveTokens(userId) {
      const now = Date.now();
      return new Set(
        (await all(userId)).filter((s) => (time(s.expiresAt) ?? 0) > now).map((s) => s.token),
      );
    },
  };
}
