import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Page, Session, SignIn } from '../../src/core/types.js';
import { createApp, updateSession, type App, type Browser } from './fixture.js';

/**
 * better-auth's adapter returns at most 100 rows of a query without a limit:
 * the handler must page through the store itself, or sign-ins past the 100th
 * can be neither seen nor revoked.
 */

const BULK = 247;
/** Every fifth bulk sign-in has expired. */
const EXPIRED = Math.ceil(BULK / 5);
const MINUTE = 60_000;

let app: App;
let laptop: Browser;
let current: string;
let anaId: string;

/** Bulk sign-ins still stored: with Redis an expired one is gone (its key expired). */
const storedBulk = () => (app.keepsExpiredSessions ? BULK : BULK - EXPIRED);

/** Bulk sign-ins of Ana's, one minute apart in activity, every fifth one expired. */
async function insertSessions(userId: string): Promise<void> {
  if (app.store === 'sqlite') return insertSqlite(userId);
  // Elsewhere through better-auth, which knows where sessions live, then aged like a test ages one.
  const { internalAdapter } = await app.auth.$context;
  const now = Date.now();
  for (let i = 0; i < BULK; i++) {
    const lastActive = now - (i + 10) * MINUTE;
    const { id } = await internalAdapter.createSession(userId, false, { userAgent: `bulk ${i}` });
    await updateSession(app, id, {
      expiresAt: now + (i % 5 === 0 ? -1 : 1) * 86_400_000,
      createdAt: lastActive,
      updatedAt: lastActive,
      lastActiveAt: lastActive,
    });
  }
}

/** On SQLite, rows straight into the session table in one transaction. */
function insertSqlite(userId: string): void {
  const insert = app.db.prepare(
    `insert into session (id, token, userId, expiresAt, createdAt, updatedAt, lastActiveAt, userAgent)
     values (@id, @token, @userId, @expiresAt, @createdAt, @updatedAt, @lastActiveAt, @userAgent)`,
  );
  const now = Date.now();
  app.db.exec('begin');
  for (let i = 0; i < BULK; i++) {
    const lastActive = new Date(now - (i + 10) * MINUTE).toISOString();
    insert.run({
      id: randomUUID(),
      token: randomUUID(),
      userId,
      expiresAt: new Date(now + (i % 5 === 0 ? -1 : 1) * 86_400_000).toISOString(),
      createdAt: lastActive,
      updatedAt: lastActive,
      lastActiveAt: lastActive,
      userAgent: `bulk ${i}`,
    });
  }
  app.db.exec('commit');
}

async function listAll(query = ''): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let page = 1; page <= 100; page++) {
    const list = (await laptop.get(`/signins?pageSize=25&page=${page}${query}`))
      .json as Page<SignIn>;
    totals.push(list.total);
    if (!list.items.length) break;
    ids.push(...list.items.map((s) => s.id));
  }
  return { ids, totals };
}

before(async () => {
  app = await createApp();
  anaId = await app.signUp('Ana Sousa', 'ana@example.com');
  await app.signUp('Ben Okafor', 'ben@example.com');
  await insertSessions(anaId);
  // Real sign-ins: another device of Ana's, Ben's browser, and the laptop that lists.
  await app.browser({ userAgent: 'phone' }).signIn('ana@example.com');
  await app.browser().signIn('ben@example.com');
  laptop = app.browser({ userAgent: 'laptop' });
  await laptop.signIn('ana@example.com');
  current = ((await laptop.get('/')).json as Session).active_signin!.id;
});
after(() => app.close());

test('250 sign-ins of one user: each listed exactly once across pages, total right', async () => {
  const inDb = await app.rows('session', { userId: anaId });
  assert.equal(inDb.length, storedBulk() + 2);
  const { ids, totals } = await listAll();
  assert.equal(ids.length, inDb.length);
  assert.equal(new Set(ids).size, ids.length, 'no sign-in listed twice');
  assert.deepEqual([...ids].sort(), inDb.map((r) => r.id).sort());
  assert.ok(totals.every((total) => total === storedBulk() + 2));
  assert.equal(ids[0], current, 'the current sign-in first');
  const lastActive = await Promise.all(
    [1, 2, 3].map(
      async (page) =>
        ((await laptop.get(`/signins?pageSize=100&page=${page}`)).json as Page<SignIn>).items,
    ),
  );
  const times = lastActive
    .flat()
    .slice(1)
    .map((s) => Date.parse(s.lastActiveAt!));
  assert.ok(
    times.every((time, i) => i === 0 || time <= times[i - 1]!),
    'then by last activity',
  );
});

test('the status filter pages through the store too', async () => {
  const expired = EXPIRED;
  const all = await listAll();
  const byStatus = await Promise.all(
    ['online', 'offline', 'expired'].map((status) => listAll(`&status=${status}`)),
  );
  const [online, offline, gone] = byStatus.map((result) => result.ids);
  const stillStored = app.keepsExpiredSessions ? expired : 0;
  assert.equal(gone!.length, stillStored);
  // The laptop and the phone were just used; every live bulk row is at least 10 minutes idle.
  assert.equal(online!.length, 2);
  assert.equal(offline!.length, BULK - expired);
  assert.deepEqual([...online!, ...offline!, ...gone!].sort(), [...all.ids].sort());
  assert.deepEqual(
    byStatus.map((result) => result.totals[0]),
    [2, BULK - expired, stillStored],
  );
});

test('a sign-in on the last page (past the 100th) can be revoked through DELETE /signins/:id', async () => {
  const last = Math.ceil((storedBulk() + 2) / 100);
  const page = (await laptop.get(`/signins?pageSize=100&page=${last}`)).json as Page<SignIn>;
  const target = page.items.at(-1)!;
  assert.ok(target && !target.current);
  const response = await laptop.delete(`/signins/${encodeURIComponent(target.id)}`);
  assert.equal(response.status, 204);
  assert.deepEqual(await app.rows('session', { id: target.id }), []);
  const { ids, totals } = await listAll();
  assert.ok(!ids.includes(target.id));
  assert.equal(totals[0], storedBulk() + 1);
});
