import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Session } from '../../../src/core/types.js';
import { createApp, type App } from '../../server/fixture.js';

const EMAILS = ['ana@example.com', 'ben@example.com', 'cleo@example.com'];

/** The ids of the sign-ins that still exist, wherever the store keeps them. */
async function liveSessionIds(app: App): Promise<Set<string>> {
  const now = Date.now();
  const rows = await app.rows('session');
  return new Set(
    rows
      .filter((row) => new Date(row.expiresAt as string).getTime() > now)
      .map((row) => row.id as string),
  );
}

describe('revoke-others counts only what this call revoked', () => {
  let app: App;
  before(async () => {
    app = await createApp();
    await app.signUp('Ana Sousa', 'ana@example.com');
  });
  after(() => app.close());

  test('10 parallel calls on a user with 10 other sign-ins revoke 10 in total', async () => {
    const laptop = app.browser();
    await laptop.signIn('ana@example.com');
    for (let i = 0; i < 10; i++) await app.browser().signIn('ana@example.com');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => laptop.post('/signins/revoke-others')),
    );
    for (const result of results) assert.equal(result.status, 200, result.text);
    const total = results.reduce((sum, r) => sum + (r.json as { revoked: number }).revoked, 0);
    assert.equal(total, 10, `revoked per call: ${results.map((r) => r.text).join(' ')}`);
    assert.equal((await liveSessionIds(app)).size, 1, 'only the caller is left');
  });
});

describe('switch and sign-out of one account at the same moment', () => {
  let app: App;
  before(async () => {
    app = await createApp();
    for (const email of EMAILS) await app.signUp(email.split('@')[0]!, email);
  });
  after(() => app.close());

  test('the browser always keeps a valid active account (20 fresh runs)', async () => {
    const runs = 20;
    let stranded = 0;
    const failures: string[] = [];
    for (let run = 0; run < runs; run++) {
      const browser = app.browser();
      for (const email of EMAILS) await browser.signIn(email);
      const session = (await browser.get('/')).json as Session;
      assert.equal(session.signins.length, 3);
      // The target is an account on this browser that is not the active one.
      const target = session.signins.find((signin) => !signin.current)!.id;
      await Promise.all([
        browser.post('/switch-signin', { signInId: target }),
        browser.post('/sign-out', { signInId: target }),
      ]);
      const afterRace = await browser.get('/');
      const live = await liveSessionIds(app);
      const active = (afterRace.json as Session | undefined)?.active_signin;
      const ok =
        afterRace.status === 200 && !!active && active.id !== target && live.has(active.id);
      if (!ok) {
        stranded++;
        failures.push(`run ${run}: ${afterRace.status} ${afterRace.text.slice(0, 120)}`);
      }
      // Leave the database as it was: the next run starts from a fresh browser.
      await browser.post('/sign-out', { all: true });
    }
    console.log(`security race: runs ${runs}, stranded ${stranded}`);
    assert.equal(stranded, 0, failures.join('\n'));
  });

  test('a switch that lands before the sign-out: the next read promotes a remaining account', async () => {
    const browser = app.browser();
    for (const email of EMAILS) await browser.signIn(email);
    const session = (await browser.get('/')).json as Session;
    const target = session.signins.find((signin) => !signin.current)!.id;
    // The sign-out request left with the cookies from before the switch.
    const earlier = app.browser();
    for (const [name, value] of browser.cookies) earlier.cookies.set(name, value);
    assert.equal((await browser.post('/switch-signin', { signInId: target })).status, 200);
    assert.equal((await earlier.post('/sign-out', { signInId: target })).status, 200);
    const afterRace = await browser.get('/');
    assert.equal(afterRace.status, 200, afterRace.text);
    const active = (afterRace.json as Session).active_signin!;
    assert.notEqual(active.id, target);
    assert.ok((await liveSessionIds(app)).has(active.id));
    assert.equal((await browser.get('/')).status, 200, 'the promoted cookie sticks');
    await browser.post('/sign-out', { all: true });
  });
});
