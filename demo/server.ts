import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'libsql';
import { getMigrations } from 'better-auth/db/migration';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { createServer as createViteServer } from 'vite';
import {
  createMemoryBus,
  createPostgresBus,
  createRedisBus,
  createSessionHandler,
  toNodeHandler,
  type SessionEventBus,
} from '../src/server/index.js';
import { createDemoAuth, type DemoAuth } from './auth.js';
import { demoDataDir, isInsideRoot, LEGACY_DATA_DIR, ROOT } from './data.js';
import { createDemoApi } from './demo-api.js';
import { FaultSwitch } from './faults.js';
import { createKitBundle } from './kit-bundle.js';
import { isOwnHost, isPageRequest, isPublicAuthRoute, securityHeaders } from './http-policy.js';
import { seedDemo } from './seed.js';
import { openAuthStore, type AuthStore } from './stores.js';

/** How to start the demo server (`npm start`, the e2e and security tests). */
export interface DemoServerOptions {
  /** Port on 127.0.0.1 (default 5173; 0 picks a free one). */
  port?: number;
  /**
   * SQLite file; created and migrated when missing. Its cookie secret sits next to
   * it (`<dbPath>.secret`). Must be outside the project, which the demo serves.
   * Default: `demo.db` in {@link demoDataDir}.
   */
  dbPath?: string;
  /** Seed users, devices and organizations into an empty database. */
  seed?: boolean;
  /**
   * A `postgres://` URL: better-auth on PostgreSQL instead of SQLite (`npm start`
   * reads `DATABASE_URL`). Several instances may share it: the first to start
   * migrates and seeds, under a lock.
   */
  databaseUrl?: string;
  /** A `redis://` URL for better-auth's secondary storage: sessions live in Redis (`REDIS_URL`). */
  redisUrl?: string;
  /**
   * Take the page's origin from `X-Forwarded-Host`/`-Proto` for the session API's Origin check
   * (`TRUST_PROXY=1`): for an app in front that forwards `/api/session` with rewrites (Next.js).
   */
  trustProxy?: boolean;
}

/** A running demo server. */
export interface DemoServer {
  /** Its origin, e.g. `http://127.0.0.1:5173`. */
  url: string;
  auth: DemoAuth;
  /** Which store it runs on. */
  store: AuthStore['kind'];
  /** What carries live updates between its instances: Redis, PostgreSQL, or this process only. */
  bus: BusKind;
  /** The SQLite database (throws on PostgreSQL). */
  db: Database.Database;
  close(): Promise<void>;
}

/** One secret per database, so signed cookies and encrypted JWKS keys survive restarts. */
function sqliteSecret(dbPath: string): string {
  const file = `${dbPath}.secret`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The demo acts as the edge in front of the app: it decides the client's IP
 * (the socket's) and never forwards one a client made up.
 */
function asProxy(req: IncomingMessage): void {
  req.headers['x-forwarded-for'] = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
}

/** Adds the standard Retry-After to better-auth's rate-limit answers (it sends only X-Retry-After). */
function withRetryAfter(response: Response): Response {
  const seconds = response.headers.get('x-retry-after');
  if (response.status === 429 && seconds && !response.headers.has('retry-after')) {
    const headers = new Headers(response.headers);
    headers.set('Retry-After', seconds);
    return new Response(response.body, { status: 429, statusText: response.statusText, headers });
  }
  return response;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Not found');
}

/**
 * Starts the demo: better-auth on /api/auth (sign-in rate-limited), the kit's
 * handler on /api/session, the demo panel's API on /api/demo, and the page with
 * its modules through Vite; every other path is a 404. Every answer carries the
 * headers of {@link securityHeaders}.
 */
/**
 * The secret every instance sharing a PostgreSQL database signs cookies and
 * encrypts keys with: `BETTER_AUTH_SECRET` when set, otherwise one the first
 * instance stored in the database (called under the setup lock).
 */
async function sharedSecret(store: AuthStore): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const pool = store.database as import('pg').Pool;
  await pool.query(
    'create table if not exists session_elements_demo (name text primary key, value text not null)',
  );
  await pool.query(
    "insert into session_elements_demo values ('secret', $1) on conflict (name) do nothing",
    [randomBytes(32).toString('base64url')],
  );
  const { rows } = await pool.query<{ value: string }>(
    "select value from session_elements_demo where name = 'secret'",
  );
  return rows[0]!.value;
}

/** Which bus a demo instance uses (see {@link openBus}). */
export type BusKind = 'redis' | 'postgres' | 'memory';

/**
 * The live-update bus: Redis pub/sub with `redisUrl`, else PostgreSQL LISTEN/NOTIFY
 * with `databaseUrl` (instances sharing the store hear each other's changes), else
 * this process only. The plugin and the handler are both given this one instance.
 */
function openBus(
  options: DemoServerOptions,
  store: AuthStore,
): { kind: BusKind; bus: SessionEventBus } {
  if (options.redisUrl) {
    const url = options.redisUrl;
    return {
      kind: 'redis',
      bus: createRedisBus(() => new Redis(url), { channel: 'demo-sessions' }),
    };
  }
  if (options.databaseUrl) {
    const pool = store.database as pg.Pool;
    return { kind: 'postgres', bus: createPostgresBus(pool, { channel: 'demo_sessions' }) };
  }
  return { kind: 'memory', bus: createMemoryBus() };
}

/** Opens the store, then creates, migrates and (once, when empty) seeds better-auth in it. */
async function prepareAuth(
  options: DemoServerOptions,
  baseURL: string,
): Promise<{ store: AuthStore; auth: DemoAuth; bus: SessionEventBus; busKind: BusKind }> {
  let sqlitePath: string | undefined;
  if (!options.databaseUrl) {
    sqlitePath = resolve(options.dbPath ?? join(demoDataDir(), 'demo.db'));
    // Vite serves the project's files; a database or secret in there would be one URL away.
    if (isInsideRoot(sqlitePath))
      throw new Error(`The demo database must be outside ${ROOT}: ${sqlitePath}`);
    mkdirSync(dirname(sqlitePath), { recursive: true, mode: 0o700 });
  }
  const store = openAuthStore({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
    ...(sqlitePath ? { sqlitePath } : {}),
  });
  const { kind: busKind, bus } = openBus(options, store);
  try {
    // Two instances starting together: one migrates and seeds, the other waits and finds it done.
    const auth = await store.exclusively(async () => {
      const secret = sqlitePath ? sqliteSecret(sqlitePath) : await sharedSecret(store);
      const created = createDemoAuth(store, { baseURL, secret, bus });
      const { runMigrations } = await getMigrations(created.options);
      await runMigrations();
      const { adapter } = await created.$context;
      const isEmpty = (await adapter.count({ model: 'user' })) === 0;
      if (options.seed !== false && isEmpty) await seedDemo(created);
      return created;
    });
    return { store, auth, bus, busKind };
  } catch (error) {
    await bus.close?.();
    await store.close();
    throw error;
  }
}

/**
 * Files the demo's Vite does not watch: all but the page (index.html, demo/) and the kit's
 * sources (src/). Vite reloads every open page when any .html file under its root changes,
 * and example builds write theirs while tests drive pages.
 */
function unwatched(file: string): boolean {
  const path = relative(ROOT, file);
  const top = path.split(sep)[0];
  return path !== '' && path !== 'index.html' && top !== 'src' && top !== 'demo';
}

/**
 * Starts the demo: better-auth on /api/auth (sign-in rate-limited), the kit's
 * handler on /api/session, the demo panel's API on /api/demo, the kit's production
 * bundle on /kit/ (see {@link createKitBundle}), and the page with its own modules
 * through Vite; every other path is a 404. Every answer carries the headers of
 * {@link securityHeaders}. SQLite by default; PostgreSQL (and Redis) with
 * `databaseUrl` (and `redisUrl`).
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  let headers: Record<string, string> = {};
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    handle(req, res);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 5173, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  headers = securityHeaders(port);

  // The page's production bundle builds while the store opens.
  const kit = createKitBundle();
  const [prepared, built] = await Promise.allSettled([prepareAuth(options, url), kit.ready()]);
  if (prepared.status === 'rejected' || built.status === 'rejected') {
    if (prepared.status === 'fulfilled') {
      await prepared.value.bus.close?.();
      await prepared.value.store.close();
    }
    kit.close();
    await new Promise((done) => server.close(done));
    throw prepared.status === 'rejected'
      ? prepared.reason
      : (built as PromiseRejectedResult).reason;
  }
  const { store, auth, bus, busKind } = prepared.value;

  const vite = await createViteServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    // Unknown paths are 404s, not the page.
    appType: 'mpa',
    server: {
      middlewareMode: true,
      hmr: { server },
      // No other origin may read what the dev server answers.
      cors: false,
      watch: { ignored: unwatched },
      // A second wall behind the request filter in `handle`: only the page's own files.
      fs: {
        strict: true,
        allow: [
          ...['index.html', 'demo/page.ts', 'demo/panel.ts', 'src', 'node_modules'],
          // The built example apps and the CDN file (the integration tests open them here).
          ...readdirSync(join(ROOT, 'examples')).map((name) => join('examples', name, 'dist')),
          'dist/session-elements.js',
          'dist/cdn',
        ].map((path) => join(ROOT, path)),
        deny: [
          ...['.env', '.env.*', '*.{crt,pem}', '**/.git/**'],
          ...['**/.data/**', '*.db', '*.db-*', '*.secret', '**/src/server/**'],
        ],
      },
    },
    esbuild: { target: 'es2022' },
  });
  // An edit to the kit rebuilds its bundle on the next request; open pages reload to get it.
  vite.watcher.on('all', (_event, file) => {
    if (kit.invalidate(file)) vite.ws.send({ type: 'full-reload' });
  });
  const authHandler = toNodeHandler(async (request) => withRetryAfter(await auth.handler(request)));
  const sessionApi = createSessionHandler({
    auth,
    bus,
    basePath: '/api/session',
    trustProxy: options.trustProxy ?? false,
    // getToken('api') on the page: a short-lived JWT that says which organization and
    // workspace the user is acting in, as an app's own API would want.
    tokenTemplates: {
      api: {
        audience: 'acme-api',
        expiresIn: 120,
        claims: ({ signIn }) => ({
          org: signIn.active_organization_membership_id ?? null,
          workspace: signIn.active_workspace_membership_id ?? null,
        }),
      },
    },
  });
  const sessionHandler = toNodeHandler(sessionApi);
  const faults = new FaultSwitch();
  const demoHandler = toNodeHandler(createDemoApi(auth, faults));

  handle = (req, res) => {
    const path = req.url ?? '/';
    const fail = (error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    };
    if (!isOwnHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Unknown host');
      return;
    }
    if (path.startsWith('/api/')) asProxy(req);
    if (isPublicAuthRoute(path)) void authHandler(req, res).catch(fail);
    else if (path.startsWith('/api/session'))
      faults.handle(req, res, () => void sessionHandler(req, res).catch(fail));
    else if (path.startsWith('/api/demo/')) demoHandler(req, res).catch(fail);
    else if (kit.owns(path)) kit.serve(path, res).catch(fail);
    else if (isPageRequest(path)) vite.middlewares(req, res);
    // Browsers ask for it on the API's JSON pages; there is no icon, and no error either.
    else if (path === '/favicon.ico') res.writeHead(204).end();
    else notFound(res);
  };

  return {
    url,
    auth,
    store: store.kind,
    bus: busKind,
    get db() {
      if (!store.sqlite) throw new Error(`The demo runs on ${store.kind}, not SQLite`);
      return store.sqlite;
    },
    async close() {
      // Live-update streams end first, so open pages reconnect rather than hang on a dead socket.
      sessionApi.close();
      await vite.close();
      kit.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await bus.close?.();
      await store.close();
    },
  };
}

const BUS_NAMES: Record<BusKind, string> = {
  redis: 'Redis pub/sub (REDIS_URL), shared by every instance',
  postgres: 'PostgreSQL LISTEN/NOTIFY (DATABASE_URL), shared by every instance',
  memory: 'in this process',
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 5173);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const dbPath = join(demoDataDir(), 'demo.db');
  const demo = await startDemoServer({
    port,
    seed: true,
    ...(databaseUrl ? { databaseUrl } : { dbPath }),
    ...(redisUrl ? { redisUrl } : {}),
    trustProxy: process.env.TRUST_PROXY === '1',
  });
  console.log(
    `session-elements demo: ${demo.url}/  (sign in from the panel; npm run demo:reset starts over)`,
  );
  if (databaseUrl)
    console.log(
      `Demo data: PostgreSQL (DATABASE_URL)${redisUrl ? ', sessions in Redis (REDIS_URL)' : ''}`,
    );
  else console.log(`Demo data: ${dbPath}`);
  console.log(`Live updates: ${BUS_NAMES[demo.bus]}`);
  if (existsSync(LEGACY_DATA_DIR))
    console.warn(
      `An older demo's data is still in ${LEGACY_DATA_DIR}: npm run demo:reset deletes it.`,
    );
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
