import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { Page, SignIn } from '../../src/core/types.js';
import { startDemoServer, type DemoServer } from '../../demo/server.js';
import { missingStores, startPostgres, startRedis, STORES_REQUIRED } from './stores.js';
import type { StoreServer } from './stores.js';

const missing = missingStores('postgres+redis');
if (missing && !STORES_REQUIRED) console.warn(`demo on PostgreSQL + Redis SKIPPED: ${missing}`);

/** A browser of the demo: its cookies, sent to whichever instance it talks to. */
async function signIn(demo: DemoServer, email: string): Promise<string> {
  const response = await fetch(`${demo.url}/api/demo/sign-in`, {
    method: 'POST',
    headers: { origin: demo.url, 'content-type': 'application/json', 'x-session-elements': '1' },
    body: JSON.stringify({ email }),
  });
  assert.equal(response.status, 200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

describe(
  'npm start on PostgreSQL + Redis: two instances started together',
  { skip: Boolean(missing) && !STORES_REQUIRED },
  () => {
    let postgres: StoreServer;
    let redis: StoreServer;
    let demos: DemoServer[] = [];
    before(async () => {
      postgres = await startPostgres();
      redis = await startRedis();
      const options = { port: 0, seed: true, databaseUrl: postgres.url, redisUrl: redis.url };
      demos = await Promise.all([startDemoServer(options), startDemoServer(options)]);
    });
    after(async () => {
      await Promise.all(demos.map((demo) => demo.close()));
      redis?.stop();
      postgres?.stop();
    });

    test('the database was migrated and seeded once', async () => {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        const count = async (table: string) =>
          Number((await client.query(`select count(*) as n from "${table}"`)).rows[0].n);
        assert.equal(await count('user'), 4);
        assert.equal(await count('organization'), 2);
        assert.equal(await count('member'), 5);
      } finally {
        await client.end();
      }
    });

    test('a sign-in through one instance is listed and revoked through the other', async () => {
      const [a, b] = demos as [DemoServer, DemoServer];
      const laptop = await signIn(a, 'ana@demo.test');
      const phone = await signIn(b, 'ana@demo.test');
      const list = async (demo: DemoServer, cookie: string) =>
        (await (
          await fetch(`${demo.url}/api/session/signins`, { headers: { cookie } })
        ).json()) as Page<SignIn>;
      const seen = await list(b, laptop);
      // The seeded devices that are still live, the phone, and this laptop first.
      assert.equal(seen.items[0]?.current, true);
      assert.ok(seen.total >= 7, `listed ${seen.total}`);
      const phoneId = (await list(a, phone)).items[0]!.id;
      const revoked = await fetch(`${a.url}/api/session/signins/${phoneId}`, {
        method: 'DELETE',
        headers: {
          cookie: laptop,
          origin: a.url,
          'content-type': 'application/json',
          'x-session-elements': '1',
        },
      });
      assert.equal(revoked.status, 204);
      const after = await fetch(`${b.url}/api/session/`, { headers: { cookie: phone } });
      assert.equal(after.status, 401, 'the other instance refuses the revoked sign-in at once');
    });
  },
);
