import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'libsql';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { admin, jwt, multiSession, oneTimeToken, organization } from 'better-auth/plugins';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openAuthStore, type AuthStore } from '../../demo/stores.js';
import {
  createSessionHandler,
  sessionElements,
  type SessionHandlerOptions,
} from '../../src/server/index.js';
import { instancesWanted, viaInstances } from './round-robin.js';
import { storeKind, storeServers, type StoreKind } from './stores.js';

export { storeKind, type StoreKind } from './stores.js';

export const ORIGIN = 'http://127.0.0.1:3000';
export const PASSWORD = 'correct horse battery staple';

function authOptions(store: AuthStore, extra: Partial<BetterAuthOptions>) {
  return {
    database: store.database,
    ...(store.secondaryStorage ? { secondaryStorage: store.secondaryStorage } : {}),
    baseURL: ORIGIN,
    secret: 'test-secret-test-secret-test-secret-0123456789',
    emailAndPassword: { enabled: true, autoSignIn: false },
    rateLimit: { enabled: false },
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    logger: { disabled: true },
    telemetry: { enabled: false },
    plugins: [
      multiSession(),
      organization({ teams: { enabled: true } }),
      jwt(),
      oneTimeToken(),
      admin(),
      sessionElements({ trustProxy: true }),
    ],
    ...extra,
  } satisfies BetterAuthOptions;
}

export function makeAuth(store: AuthStore, extra: Partial<BetterAuthOptions> = {}) {
  return betterAuth(authOptions(store, extra));
}

export type TestAuth = ReturnType<typeof makeAuth>;

/** A stored row, as better-auth's adapter returns it. */
export type Row = Record<string, unknown>;

export interface App {
  /** Where this app keeps its data (`SESSION_ELEMENTS_STORE`, or `createApp({ store })`). */
  store: StoreKind;
  auth: TestAuth;
  /** The SQLite database; on the other stores it throws: use the store-neutral helpers. */
  db: Database.Database;
  handle: (request: Request) => Promise<Response>;
  browser: (init?: { userAgent?: string; headers?: Record<string, string> }) => Browser;
  signUp: (name: string, email: string) => Promise<string>;
  /** Every session token in the database (SQLite only; see `sessionTokens`). */
  tokens: () => string[];
  /** Every live session token wherever sessions are kept, to prove none ever leaves the server. */
  sessionTokens: () => Promise<string[]>;
  /**
   * Rows of a model on any store. Sessions come from where better-auth keeps
   * them: with Redis only the live ones exist (an expired one is gone).
   */
  rows: (model: string, where?: Row) => Promise<Row[]>;
  /** Changes rows of a model in the database, as an admin tool would. */
  update: (model: string, where: Row, fields: Row) => Promise<void>;
  /**
   * False when sessions live only in secondary storage: an expired sign-in is
   * gone there, so it is neither listed nor counted.
   */
  keepsExpiredSessions: boolean;
  /**
   * Everything the app has stored: every row of every table and, with Redis,
   * every key of the app with its value; to prove a request changed nothing.
   */
  snapshot: (ignore?: Ignored) => Promise<Snapshot>;
  close: () => Promise<void>;
}

/** Every stored row (or Redis entry), per table (or key space). */
export type Snapshot = Record<string, Record<string, unknown>[]>;

/**
 * Columns a snapshot leaves out, per table; with Redis also the same fields of
 * the sessions (and users) kept there.
 */
export type Ignored = Record<string, readonly string[]>;

const without = (row: Row, dropped: readonly string[] = []): Row =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !dropped.includes(column)));

/** Every row of every SQLite table, in insertion order. */
function sqliteSnapshot(db: Database.Database, ignore: Ignored): Snapshot {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[];
  const result: Snapshot = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = db.prepare(`select * from "${name}" order by rowid`).all() as Row[];
    result[name] = rows.map((row) => without(row, ignore[name]));
  }
  return result;
}

const canonical = (a: Row, b: Row) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/**
 * Every row of every PostgreSQL table, read in one round trip (as JSON: dates
 * become strings); there is no rowid, so rows come in a canonical order.
 */
async function postgresSnapshot(
  pool: pg.Pool,
  ignore: Ignored,
  tables: { names?: string[] },
): Promise<Snapshot> {
  // The schema is fixed once migrated: its table names are read once per app.
  tables.names ??= (
    await pool.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  ).rows.map((row) => row.name);
  const names = tables.names;
  if (!names.length) return {};
  const columns = names.map(
    (name, i) => `(select coalesce(json_agg(t), '[]') from "${name}" t) as t${i}`,
  );
  const { rows } = await pool.query<Record<string, Row[]>>(`select ${columns.join(', ')}`);
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      rows[0]![`t${i}`]!.map((row) => without(row, ignore[name])).sort(canonical),
    ]),
  );
}

/** Every Redis key under `prefix` with its value; a stored session loses its ignored fields. */
async function redisSnapshot(redis: Redis, prefix: string, ignore: Ignored): Promise<Row[]> {
  const keys = (await redis.keys(`${prefix}*`)).sort();
  const values = keys.length ? await redis.mget(keys) : [];
  return keys.map((key, i) => {
    let value: unknown = values[i];
    try {
      value = JSON.parse(values[i] ?? 'null');
    } catch {
      // Counters and other plain strings stay as they are.
    }
    if (value && typeof value === 'object' && 'session' in value) {
      const stored = value as { session: Row; user?: Row };
      value = {
        ...stored,
        session: without(stored.session, ignore.session),
        ...(stored.user ? { user: without(stored.user, ignore.user) } : {}),
      };
    }
    return { key, value };
  });
}

/** A fresh database (and Redis key space) on the throwaway servers of a production store. */
export interface TestDatabase {
  databaseUrl: string;
  redisUrl?: string;
  /** Every Redis key of this database starts with it (apps sharing one Redis stay apart). */
  redisPrefix?: string;
  drop(): Promise<void>;
}

/** Creates an empty PostgreSQL database on this process's servers for `kind` (see stores.ts). */
export async function createTestDatabase(
  kind: Exclude<StoreKind, 'sqlite'>,
): Promise<TestDatabase> {
  const servers = await storeServers(kind);
  const name = `app_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: servers.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(servers.databaseUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    ...(servers.redisUrl ? { redisUrl: servers.redisUrl, redisPrefix: `${name}:` } : {}),
    async drop() {
      const client = new pg.Client({ connectionString: servers.databaseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A fresh store for one app on the given kind, and what a snapshot of it reads. */
async function openTestStore(kind: StoreKind): Promise<{
  store: AuthStore;
  redis?: { url: string; prefix: string; databaseUrl: string };
  drop(): Promise<void>;
}> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'session-elements-'));
    const store = openAuthStore({ sqlitePath: join(dir, 'auth.db') });
    return { store, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await createTestDatabase(kind);
  const redis =
    database.redisUrl && database.redisPrefix
      ? { url: database.redisUrl, prefix: database.redisPrefix, databaseUrl: database.databaseUrl }
      : undefined;
  const store = openAuthStore({
    databaseUrl: database.databaseUrl,
    ...(redis ? { redisUrl: redis.url, redisPrefix: redis.prefix } : {}),
  });
  return { store, ...(redis ? { redis } : {}), drop: database.drop };
}

/**
 * The app's routes: better-auth under /api/auth, the kit's handler (with a
 * `convex` token template) everywhere else.
 */
export function appHandler(
  auth: TestAuth,
  handler: Partial<SessionHandlerOptions> = {},
): (request: Request) => Promise<Response> {
  const sessionHandler = createSessionHandler({
    auth,
    tokenTemplates: {
      convex: {
        audience: 'convex',
        expiresIn: 120,
        claims: ({ user }) => ({ email: user.primary_email_address?.email }),
      },
    },
    ...handler,
  });
  return (request: Request) =>
    new URL(request.url).pathname.startsWith('/api/auth')
      ? auth.handler(request)
      : sessionHandler(request);
}

export async function createApp(
  options: {
    auth?: Partial<BetterAuthOptions>;
    handler?: Partial<SessionHandlerOptions>;
    store?: StoreKind;
  } = {},
): Promise<App> {
  const kind = options.store ?? storeKind();
  if (instancesWanted() && kind !== 'postgres+redis')
    throw new Error('SESSION_ELEMENTS_INSTANCES=2 needs SESSION_ELEMENTS_STORE=postgres+redis');
  const { store, redis, drop } = await openTestStore(kind);
  let redisClient: Redis | undefined;
  const tables: { names?: string[] } = {};
  const auth = makeAuth(store, options.auth);
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const local = appHandler(auth, options.handler);
  // Two instances serve only apps they can rebuild from the store alone (no custom options).
  const instances =
    redis && instancesWanted() && !options.auth && !options.handler
      ? await viaInstances({
          databaseUrl: redis.databaseUrl,
          redisUrl: redis.url,
          redisPrefix: redis.prefix,
        })
      : undefined;
  const handle = instances?.handle ?? local;
  const sqlite = () => {
    if (!store.sqlite) throw new Error(`SQL on app.db needs the SQLite store, not ${kind}`);
    return store.sqlite;
  };
  const rows = (model: string, where: Row = {}) => readRows(auth, model, where);
  const app: App = {
    store: kind,
    auth,
    get db() {
      return sqlite();
    },
    handle,
    browser: (init) => new Browser(handle, init),
    async signUp(name, email) {
      const result = await auth.api.signUpEmail({ body: { name, email, password: PASSWORD } });
      return result.user.id;
    },
    tokens: () =>
      (sqlite().prepare('select token from session').all() as { token: string }[]).map(
        (r) => r.token,
      ),
    sessionTokens: async () => (await rows('session')).map((row) => row.token as string),
    rows,
    async update(model, where, fields) {
      const { adapter } = await auth.$context;
      await adapter.updateMany({
        model,
        where: Object.entries(where).map(([field, value]) => ({ field, value: value as string })),
        update: fields,
      });
    },
    keepsExpiredSessions: !store.secondaryStorage,
    async snapshot(ignore = {}) {
      if (store.sqlite) return sqliteSnapshot(store.sqlite, ignore);
      const rows = await postgresSnapshot(store.database as pg.Pool, ignore, tables);
      if (!redis) return rows;
      redisClient ??= new Redis(redis.url);
      return {
        ...rows,
        [`redis ${redis.prefix}*`]: await redisSnapshot(redisClient, redis.prefix, ignore),
      };
    },
    async close() {
      redisClient?.disconnect();
      await instances?.release();
      await store.close();
      await drop();
    },
  };
  return app;
}

/**
 * Every row of `model` matching `where` (equality), through better-auth: any
 * better-auth instance of the project (the tests' or the demo's), on any store.
 */
export async function readRows(
  auth: { $context: Promise<unknown> },
  model: string,
  where: Row = {},
): Promise<Row[]> {
  const context = (await auth.$context) as Awaited<TestAuth['$context']>;
  const matches = (row: Row) => Object.entries(where).every(([key, value]) => row[key] === value);
  if (model === 'session' && context.options.secondaryStorage) {
    const users = await context.adapter.findMany<Row>({ model: 'user', limit: 10_000 });
    const lists = await Promise.all(
      users.map((user) => context.internalAdapter.listSessions(user.id as string)),
    );
    return (lists.flat() as unknown as Row[]).filter(matches);
  }
  return context.adapter.findMany<Row>({
    model,
    where: Object.entries(where).map(([field, value]) => ({
      field,
      value: value as string,
    })),
    limit: 10_000,
  });
}

/** A fresh app where Ana Sousa and Ben Okafor have signed up (signed in nowhere yet); their user ids. */
export async function createAppWithAnaAndBen(
  store?: StoreKind,
): Promise<{ app: App; ana: string; ben: string }> {
  const app = await createApp(store ? { store } : {});
  try {
    const ana = await app.signUp('Ana Sousa', 'ana@example.com');
    const ben = await app.signUp('Ben Okafor', 'ben@example.com');
    return { app, ana, ben };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** A cookie jar with a user agent: one browser on one device. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly responses: { path: string; status: number; headers: string; body: string }[] = [];

  constructor(
    private readonly handle: (request: Request) => Promise<Response>,
    private readonly init: { userAgent?: string; headers?: Record<string, string> } = {},
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string | null> = {},
  ): Promise<{ status: number; json: unknown; headers: Headers; text: string }> {
    const merged: Record<string, string> = {
      'user-agent':
        this.init.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/141.0 Safari/537.36',
      origin: ORIGIN,
      ...this.init.headers,
    };
    if (method !== 'GET') {
      merged['content-type'] = 'application/json';
      merged['x-session-elements'] = '1';
    }
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    if (this.cookies.size)
      merged.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.handle(
      new Request(ORIGIN + path, {
        method,
        headers: merged,
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const dump: string[] = [];
    response.headers.forEach((v, k) => dump.push(`${k}: ${v}`));
    const headerDump = dump.join('\n');
    this.responses.push({ path, status: response.status, headers: headerDump, body: text });
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, headers: response.headers, text };
  }

  cookieHeader(): Headers {
    return new Headers({ cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  }

  get(path: string, headers?: Record<string, string | null>) {
    return this.request('GET', `/api/session${path}`, undefined, headers);
  }

  post(path: string, body: unknown = {}, headers?: Record<string, string | null>) {
    return this.request('POST', `/api/session${path}`, body, headers);
  }

  delete(path: string, headers?: Record<string, string | null>) {
    return this.request('DELETE', `/api/session${path}`, undefined, headers);
  }

  async signIn(email: string): Promise<void> {
    const response = await this.request(
      'POST',
      '/api/auth/sign-in/email',
      { email, password: PASSWORD },
      {
        'x-session-elements': null,
      },
    );
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  }
}

/** Organizations and teams straight through better-auth's adapter, as an admin tool would. */
export async function createOrganization(
  app: App,
  input: {
    name: string;
    slug: string;
    members: { userId: string; role: string }[];
    teams: { name: string; members: string[] }[];
  },
): Promise<{ id: string; teams: string[] }> {
  const { adapter } = await app.auth.$context;
  const now = new Date();
  const org = await adapter.create<Record<string, unknown>, { id: string }>({
    model: 'organization',
    data: { name: input.name, slug: input.slug, createdAt: now },
  });
  for (const member of input.members) {
    await adapter.create({
      model: 'member',
      data: { organizationId: org.id, userId: member.userId, role: member.role, createdAt: now },
    });
  }
  const teams: string[] = [];
  for (const team of input.teams) {
    const created = await adapter.create<Record<string, unknown>, { id: string }>({
      model: 'team',
      data: { name: team.name, organizationId: org.id, createdAt: now, updatedAt: now },
    });
    teams.push(created.id);
    for (const userId of team.members) {
      await adapter.create({
        model: 'teamMember',
        data: { teamId: created.id, userId, createdAt: now },
      });
    }
  }
  return { id: org.id, teams };
}

const DATE_FIELDS = new Set(['createdAt', 'updatedAt', 'expiresAt', 'lastActiveAt']);

/**
 * Rewrites a session, to age it, expire it or move its last activity. On
 * SQLite it is one synchronous UPDATE (callers may skip the await); with Redis
 * an expired session is deleted, as its key's expiry would.
 */
export async function updateSession(
  app: App,
  id: string,
  fields: Record<string, number | string>,
): Promise<void> {
  if (app.store === 'sqlite') {
    const sets = Object.keys(fields)
      .map((k) => `"${k}" = @${k}`)
      .join(', ');
    app.db.prepare(`update session set ${sets} where id = @id`).run({ ...fields, id });
    return;
  }
  const update = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, DATE_FIELDS.has(k) ? new Date(v) : v]),
  );
  const context = await app.auth.$context;
  const storage = context.options.secondaryStorage;
  if (!storage) {
    await context.adapter.update({ model: 'session', where: [{ field: 'id', value: id }], update });
    return;
  }
  const [session] = await app.rows('session', { id });
  if (!session) throw new Error(`No live session ${id}`);
  const token = session.token as string;
  const stored = JSON.parse((await storage.get(token)) as string) as { session: Row; user: Row };
  stored.session = { ...stored.session, ...update };
  const ttl = Math.floor(
    (new Date(stored.session.expiresAt as string).getTime() - Date.now()) / 1000,
  );
  if (ttl <= 0) await context.internalAdapter.deleteSession(token);
  else await storage.set(token, JSON.stringify(stored), ttl);
}

/** Sessions in the SQLite database (see `countSessions` for every store). */
export function sessionCount(app: App): number {
  return (app.db.prepare('select count(*) as n from session').get() as { n: number }).n;
}

/** Live sessions wherever the store keeps them, plus expired ones still in a database. */
export async function countSessions(app: App): Promise<number> {
  return (await app.rows('session')).length;
}
