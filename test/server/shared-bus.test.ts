import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  createPostgresBus,
  createRedisBus,
  type SessionChange,
  type SessionEventBus,
} from '../../src/server/index.js';
import { missingStores, startPostgres, startRedis, STORES_REQUIRED } from './stores.js';
import type { StoreServer } from './stores.js';

/** What one instance's subscriber heard, with a way to wait for more. */
class Heard {
  readonly changes: SessionChange[] = [];
  constructor(bus: SessionEventBus) {
    bus.subscribe((change) => this.changes.push(change));
  }
  async next(match: (c: SessionChange) => boolean, ms = 1_000): Promise<number> {
    const start = performance.now();
    while (!this.changes.some(match)) {
      if (performance.now() - start > ms) throw new Error(`not heard within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return performance.now() - start;
  }
}

const change = (signInId: string): SessionChange => ({ kind: 'revoked', userId: 'u1', signInId });

let probes = 0;

/** Publishes probes on `from` until `to` hears one: its LISTEN/SUBSCRIBE is in place. */
async function connected(from: SessionEventBus, to: Heard, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const id = `probe-${++probes}`;
    await from.publish(change(id));
    try {
      await to.next((c) => c.signInId === id, 50);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

interface Rig {
  /** A bus with clients of its own, as another process would have. */
  bus(channel: string): SessionEventBus;
  /** Puts `message` on `channel` as it is, bypassing any bus. */
  raw(channel: string, message: string): Promise<void>;
  /** Drops every listening connection, as a server restart or a network cut would. */
  cut(): Promise<void>;
  close(): Promise<void>;
}

async function redisRig(server: StoreServer): Promise<Rig> {
  const admin = new Redis(server.url);
  const buses: SessionEventBus[] = [];
  return {
    bus(channel) {
      const bus = createRedisBus(() => new Redis(server.url), { channel });
      buses.push(bus);
      return bus;
    },
    async raw(channel, message) {
      await admin.publish(channel, message);
    },
    async cut() {
      await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    },
    async close() {
      await Promise.all(buses.map((bus) => bus.close?.()));
      await admin.quit();
    },
  };
}

async function postgresRig(server: StoreServer): Promise<Rig> {
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  // Stopping the throwaway server ends idle connections with an error: expected here.
  admin.on('error', () => undefined);
  const pools: pg.Pool[] = [];
  const buses: SessionEventBus[] = [];
  return {
    bus(channel) {
      const pool = new pg.Pool({ connectionString: server.url, max: 3 });
      pool.on('error', () => undefined);
      pools.push(pool);
      const bus = createPostgresBus(pool, { channel });
      buses.push(bus);
      return bus;
    },
    async raw(channel, message) {
      await admin.query('select pg_notify($1, $2)', [channel, message]);
    },
    async cut() {
      const { rows: cut } = await admin.query<{ pid: number }>(
        "select pid, pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN %'",
      );
      const pids = cut.map((row) => row.pid);
      // Terminating only signals the backends: wait until those are gone (the buses' new
      // LISTEN connections may already be there by then).
      for (let i = 0; i < 200; i++) {
        const { rows } = await admin.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where pid = any($1)',
          [pids],
        );
        if (rows[0]?.n === '0') return;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('the LISTEN connections survived pg_terminate_backend');
    },
    async close() {
      await Promise.all(buses.map((bus) => bus.close?.()));
      await Promise.all([...pools, admin].map((pool) => pool.end()));
    },
  };
}

const KINDS = [
  { name: 'Redis pub/sub', store: 'postgres+redis', start: startRedis, rig: redisRig },
  { name: 'PostgreSQL LISTEN/NOTIFY', store: 'postgres', start: startPostgres, rig: postgresRig },
] as const;

for (const kind of KINDS) {
  const missing = missingStores(kind.store);
  if (missing && !STORES_REQUIRED) console.warn(`${kind.name} bus tests SKIPPED: ${missing}`);
  const cli = kind.store === 'postgres' ? 'postgres' : 'redis';

  describe(`the ${kind.name} bus`, { skip: Boolean(missing) && !STORES_REQUIRED }, () => {
    let server: StoreServer;
    let rig: Rig;
    before(async () => {
      server = await kind.start();
      rig = await kind.rig(server);
    });
    after(async () => {
      await rig?.close();
      server?.stop();
    });

    test('a change published on one instance reaches a subscriber of another within 1 s', async () => {
      const [a, b] = [rig.bus('reach'), rig.bus('reach')];
      const [heardA, heardB] = [new Heard(a), new Heard(b)];
      await connected(a, heardB);
      const ms = await Promise.all([
        heardB.next((c) => c.signInId === 'timed'),
        a.publish(change('timed')),
      ]).then(([elapsed]) => elapsed);
      assert.ok(ms < 1_000, `${ms} ms`);
      console.log(`${kind.name}: heard on the other instance after ${ms.toFixed(1)} ms`);
      assert.deepEqual(
        heardB.changes.find((c) => c.signInId === 'timed'),
        change('timed'),
      );
      // The publisher's own streams hear it once: directly, not again as an echo.
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(heardA.changes.filter((c) => c.signInId === 'timed').length, 1);
      // Nor does B's own publishing come back to it twice.
      await b.publish(change('from-b'));
      await heardA.next((c) => c.signInId === 'from-b');
      assert.equal(heardB.changes.filter((c) => c.signInId === 'from-b').length, 1);
    });

    test('malformed messages on the channel are ignored', async () => {
      const [a, b] = [rig.bus('junk'), rig.bus('junk')];
      const heard = new Heard(b);
      await connected(a, heard);
      const before = heard.changes.length;
      const valid = { ...change('forged'), source: 'someone' };
      const junk = [
        'not json',
        'null',
        '[]',
        JSON.stringify({ kind: 'created' }),
        JSON.stringify({ ...valid, kind: 'deleted' }),
        JSON.stringify({ ...valid, userId: 42 }),
        JSON.stringify({ ...valid, signInId: '' }),
        // Well formed but unsigned by an instance: not a message of this bus.
        JSON.stringify(change('no-source')),
      ];
      // NOTIFY refuses payloads over 8000 bytes itself; Redis carries them, the bus drops them.
      if (cli === 'redis') junk.push(JSON.stringify({ ...valid, pad: 'x'.repeat(9_000) }));
      for (const message of junk) await rig.raw('junk', message);
      // With extra fields: only the three known ones reach a subscriber.
      await rig.raw('junk', JSON.stringify({ ...valid, token: 'secret', signInId: 'extra' }));
      await a.publish(change('after-junk'));
      await heard.next((c) => c.signInId === 'after-junk');
      assert.deepEqual(heard.changes.slice(before), [
        { kind: 'revoked', userId: 'u1', signInId: 'extra' },
        change('after-junk'),
      ]);
    });

    test('it listens again after its connection drops', async () => {
      const [a, b] = [rig.bus('cut'), rig.bus('cut')];
      const heard = new Heard(b);
      await connected(a, heard);
      const start = performance.now();
      await rig.cut();
      // What is published while B is not listening is lost: pub/sub and NOTIFY do not queue.
      await a.publish(change('during-the-cut'));
      await connected(a, heard, 10_000);
      assert.equal(heard.changes.filter((c) => c.signInId === 'during-the-cut').length, 0);
      console.log(
        `${kind.name}: listening again ${(performance.now() - start).toFixed(0)} ms after the cut`,
      );
    });

    test('close() leaves nothing open: a process using two buses exits by itself', () => {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'test/server/bus-exit.ts', cli, server.url],
        { encoding: 'utf8', timeout: 20_000 },
      );
      assert.equal(child.signal, null, `still running after 20 s: ${child.stdout}${child.stderr}`);
      assert.equal(child.status, 0, child.stderr);
      assert.match(child.stdout, /closed/);
    });
  });
}
