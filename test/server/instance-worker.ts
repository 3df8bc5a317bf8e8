/**
 * One server instance of the fixture's app, in a process of its own, for the
 * two-instance runs of the contract (`SESSION_ELEMENTS_INSTANCES=2`, see
 * fixture.ts). It serves every test app: a request names its app's database and
 * Redis prefix in `X-Test-Store`, and the instance opens that store on first use
 * (migrations are the test process's job). Nothing a request leaves behind here
 * is seen by the other instance: what both see lives in PostgreSQL and Redis.
 * Prints `listening <port>` once it listens on 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openAuthStore } from '../../demo/stores.js';
import { toNodeHandler } from '../../src/server/index.js';
import { appHandler, makeAuth } from './fixture.js';
import { RELEASE_PATH } from './round-robin.js';

/** What a test app's requests carry in `X-Test-Store`. */
export interface InstanceStore {
  databaseUrl: string;
  redisUrl?: string;
  redisPrefix?: string;
}

interface OpenApp {
  handle: (request: Request) => Promise<Response>;
  close: () => Promise<void>;
}

const apps = new Map<string, OpenApp>();

function appFor(header: string): OpenApp {
  let app = apps.get(header);
  if (!app) {
    const store = openAuthStore(JSON.parse(header) as InstanceStore);
    app = { handle: appHandler(makeAuth(store)), close: () => store.close() };
    apps.set(header, app);
  }
  return app;
}

const server = createServer((req, res) => {
  const header = req.headers['x-test-store'];
  if (typeof header !== 'string') {
    res.writeHead(400).end('X-Test-Store missing');
    return;
  }
  if (req.method === 'POST' && req.url === RELEASE_PATH) {
    const app = apps.get(header);
    apps.delete(header);
    void Promise.resolve(app?.close()).then(() => res.writeHead(204).end());
    return;
  }
  const { handle } = appFor(header);
  toNodeHandler(handle)(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
