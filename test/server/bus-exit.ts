/**
 * `node --import tsx test/server/bus-exit.ts <redis|postgres> <url>`: two buses
 * pass one change, then close. Exits by itself only when they left nothing
 * open (test/server/shared-bus.test.ts checks that it does, in time).
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { createPostgresBus, createRedisBus, type SessionEventBus } from '../../src/server/index.js';

const [kind, url] = process.argv.slice(2) as [string, string];
const pool = kind === 'postgres' ? new pg.Pool({ connectionString: url }) : null;
const open = (): SessionEventBus =>
  pool ? createPostgresBus(pool) : createRedisBus(() => new Redis(url));

const [a, b] = [open(), open()];
const heard = new Promise<void>((done) => b.subscribe(() => done()));
// LISTEN/SUBSCRIBE are under way: publish until the other bus hears (bounded).
for (let i = 0; i < 50; i++) {
  await a.publish({ kind: 'created', userId: 'u1', signInId: 's1' });
  const got = await Promise.race([heard.then(() => true), delay(20)]);
  if (got) break;
}
await heard;
await Promise.all([a.close?.(), b.close?.()]);
await pool?.end();
console.log('closed');

function delay(ms: number): Promise<false> {
  return new Promise((done) => setTimeout(() => done(false), ms));
}
