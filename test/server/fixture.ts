import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'libsql';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { admin, jwt, multiSession, oneTimeToken, organization } from 'better-auth/plugins';
import pg from 'pg';
import { openAuthStore, type AuthStore } from '../../demo/stores.js';
import {
  createSessionHandler,
  sessionElements,
  type SessionHandlerOptions,
} from '../../src/server/index.js';
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
  close: () => Promise<void>;
}

/** A fresh database (and Redis key space) for one app on the given store. */
async function openTestStore(
  kind: StoreKind,
): Promise<{ store: AuthStore; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'session-elements-'));
    const store = openAuthStore({ sqlitePath: join(dir, 'auth.db') });
    return { store, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const servers = await storeServers(kind);
  const name = `app_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: servers.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(servers.databaseUrl);
  url.pathname = `/${name}`;
  const store = openAuthStore({
    databaseUrl: url.href,
    ...(servers.redisUrl ? { redisUrl: servers.redisUrl, redisPrefix: `${name}:` } : {}),
  });
  return {
    store,
    async drop() {
      const client = new pg.Client({ connectionString: servers.databaseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function createApp(
  options: {
    auth?: Partial<BetterAuthOptions>;
    handler?: Partial<SessionHandlerOptions>;
    store?: StoreKind;
  } = {},
): Promise<App> {
  const kind = options.store ?? storeKind();
  const { store, drop } = await openTestStore(kind);
  const auth = makeAuth(store, options.auth);
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const sessionHandler = createSessionHandler({
    auth,
    tokenTemplates: {
      convex: {
        audience: 'convex',
        expiresIn: 120,
        claims: ({ user }) => ({ email: user.primary_email_address?.email }),
      },
    },
    ...options.handler,
  });
  const handle = (request: Request) =>
    new URL(request.url).pathname.startsWith('/api/auth')
      ? auth.handler(request)
      : sessionHandler(request);
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
    async close() {
      await store.close();
      await drop();
    },
  };
  return app;
}

/** Every row of `model` matching `where` (equality), through better-auth. */
async function readRows(auth: TestAuth, model: string, where: Row): Promise<Row[]> {
  const context = await auth.$context;
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
