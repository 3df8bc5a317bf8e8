/**
 * The server the fuzz test attacks, in a process of its own so that a crash is
 * observable: real better-auth + SQLite, mounted exactly as the README shows.
 * Prints one JSON line `{ port, cookies, reserved }` (signed-in browsers' cookies) and
 * stops when its parent closes stdin or sends SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSessionHandler, toNodeHandler } from '../../../src/server/index.js';
import { createApp, PASSWORD } from '../../server/fixture.js';

const app = await createApp();

/** A signed-in browser's Cookie header. */
async function signIn(email: string): Promise<string> {
  const { headers } = await app.auth.api.signInEmail({
    body: { email, password: PASSWORD },
    returnHeaders: true,
  });
  return headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

// The fuzzer sends the cookies of 20 users' browsers (and signs some of them out);
// Ben's is kept for the final check.
const cookies: string[] = [];
for (let i = 0; i < 20; i++) {
  await app.signUp(`User ${i}`, `user${i}@example.com`);
  cookies.push(await signIn(`user${i}@example.com`));
}
await app.signUp('Ben Okafor', 'ben@example.com');
const reserved = await signIn('ben@example.com');

const bodyTimeout = Number(process.env.BODY_TIMEOUT ?? 1_000);
const server = createServer(
  toNodeHandler(createSessionHandler({ auth: app.auth }), { bodyTimeout }),
);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port, cookies, reserved })}\n`);
});

function stop(): void {
  server.closeAllConnections();
  server.close();
  // The app's close removes its temporary database; exiting first left it behind.
  void app.close().finally(() => process.exit(0));
}
process.on('SIGTERM', stop);
process.stdin.on('close', stop);
process.stdin.resume();
