import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler as betterAuthNodeHandler } from 'better-auth/node';
import { createServer as createViteServer } from 'vite';
import { createSessionHandler, toNodeHandler } from '../src/server/index.js';
import { createDemoAuth, type DemoAuth } from './auth.js';
import { createDemoApi } from './demo-api.js';
import { FaultSwitch } from './faults.js';
import { seedDemo } from './seed.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface DemoServerOptions {
  port?: number;
  /** SQLite file; created and migrated when missing. */
  dbPath?: string;
  /** Seed users, devices and organizations into an empty database. */
  seed?: boolean;
}

export interface DemoServer {
  url: string;
  auth: DemoAuth;
  db: Database.Database;
  close(): Promise<void>;
}

/** One secret per database, so signed cookies and encrypted JWKS keys survive restarts. */
function demoSecret(dbPath: string): string {
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

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dbPath = resolve(ROOT, options.dbPath ?? '.data/demo.db');
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((done) => server.listen(options.port ?? 5173, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const auth = createDemoAuth(db, { baseURL: url, secret: demoSecret(dbPath) });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const isEmpty = (db.prepare('select count(*) as n from user').get() as { n: number }).n === 0;
  if (options.seed !== false && isEmpty) await seedDemo(auth, db);

  const vite = await createViteServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server } },
    esbuild: { target: 'es2022' },
  });
  const authHandler = betterAuthNodeHandler(auth);
  const sessionHandler = toNodeHandler(
    createSessionHandler({
      auth,
      basePath: '/api/session',
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
    }),
  );
  const faults = new FaultSwitch();
  const demoHandler = toNodeHandler(createDemoApi(auth, db, faults));

  handle = (req, res) => {
    const path = req.url ?? '/';
    const fail = (error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    };
    if (path.startsWith('/api/')) asProxy(req);
    if (path.startsWith('/api/auth/') || path === '/api/auth')
      void authHandler(req, res).catch(fail);
    else if (path.startsWith('/api/session'))
      faults.handle(req, res, () => void sessionHandler(req, res).catch(fail));
    else if (path.startsWith('/api/demo/')) demoHandler(req, res).catch(fail);
    else vite.middlewares(req, res);
  };

  return {
    url,
    auth,
    db,
    async close() {
      await vite.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      db.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 5173);
  const demo = await startDemoServer({ port, dbPath: join('.data', 'demo.db'), seed: true });
  console.log(
    `session-elements demo: ${demo.url}/  (sign in from the panel; npm run demo:reset starts over)`,
  );
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
