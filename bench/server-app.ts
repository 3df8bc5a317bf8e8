// The server side of bench/server.mjs, in its own process so the load generator does not share
// its event loop and its memory is measured alone: a real better-auth + SQLite app (the test
// fixture) on one node:http server on 127.0.0.1, better-auth's node handler for /api/auth and the
// kit's toNodeHandler for /api/session. It tells its parent the port over IPC and answers
// { type: 'memory' } with process.memoryUsage() after a full GC (run with --expose-gc).
import { createServer } from 'node:http';
import { toNodeHandler as authNodeHandler } from 'better-auth/node';
import { createApp } from '../test/server/fixture.js';
import { createSessionHandler, toNodeHandler } from '../src/server/index.js';

/** The bench opens many idle streams with one cookie, so the per-user limit is lifted here. */
const MAX_STREAMS = Number(process.env.BENCH_MAX_STREAMS ?? 5_000);

const app = await createApp();
await app.signUp('Bench User', 'bench@example.com');
const handler = createSessionHandler({
  auth: app.auth,
  liveUpdates: { maxStreams: MAX_STREAMS, maxStreamsPerUser: MAX_STREAMS },
});
const kit = toNodeHandler(handler);
const auth = authNodeHandler(app.auth);
const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/auth')) void auth(req, res);
  else void kit(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address?.port });
});

const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    gc?.();
    gc?.();
    process.send?.({ type: 'memory', usage: process.memoryUsage(), gc: Boolean(gc) });
  } else if (message.type === 'close') {
    handler.close();
    server.closeAllConnections();
    server.close(() => void app.close().then(() => process.exit(0)));
  }
});
// The parent went away without saying so: do not outlive it.
process.on('disconnect', () => process.exit(0));
