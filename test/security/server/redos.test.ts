import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp, ORIGIN, type App } from '../../server/fixture.js';

/**
 * Request input that makes a pattern backtrack stalls the event loop for every user.
 * A path of 100,000 slashes took about 5 s with the old trailing-slash regex (quadratic);
 * linear handling answers in milliseconds. The bound below is 20× that margin, not a
 * speed goal.
 */
let app: App;
before(async () => {
  app = await createApp();
});
after(() => app.close());

test('a path of 100,000 slashes is answered without stalling the server', async () => {
  const path = `/api/session/${'/'.repeat(100_000)}x`;
  const started = performance.now();
  const response = await app.handle(new Request(`${ORIGIN}${path}`));
  const ms = performance.now() - started;
  assert.equal(response.status, 404);
  assert.ok(ms < 1_000, `answered in ${Math.round(ms)} ms`);
  console.log(`security redos: path of 100000 slashes answered in ${Math.round(ms)} ms`);
});
