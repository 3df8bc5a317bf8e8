import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UA } from '../../src/backends/memory-seed.js';
import { loadDeviceParser, parseDevice } from '../../src/internal/device.js';
import { cachedUserAgents, deviceNames } from '../../src/server/user-agent.js';
import { createAppWithAnaAndBen, type App } from './fixture.js';

describe('user agents named on the server', () => {
  test("names every seed device exactly as the client's parser does", async () => {
    await loadDeviceParser();
    for (const [name, userAgent] of Object.entries(UA)) {
      const client = parseDevice({ userAgent });
      const server = deviceNames(userAgent);
      // An iPad's system is named by Apple's name, so the client draws a tablet from it.
      const device = client.kind === 'tablet' ? client.os?.replace(/^iOS/, 'iPadOS') : client.os;
      assert.deepEqual(server, { browser: client.browser, device }, name);
      // The icon from the names alone (the page loads no parser then). Android names no
      // tablet in its user agent's system, so an Android tablet is drawn as a phone.
      const icon =
        client.kind === 'tablet' && /^Android/.test(device ?? '') ? 'phone' : client.kind;
      assert.equal(parseDevice(server).kind, icon, `${name}: its icon`);
    }
  });

  test('an empty user agent names nothing (not the server itself)', () => {
    assert.deepEqual(deviceNames(''), {});
    assert.deepEqual(deviceNames('   '), {});
    assert.deepEqual(deviceNames(undefined), {});
  });

  test('hostile user agents: long ones are cut, the cache stays bounded', () => {
    const started = performance.now();
    const long = `Mozilla/5.0 ${'(a; '.repeat(50_000)}) Firefox/144.0`;
    assert.equal(typeof deviceNames(long), 'object');
    for (let i = 0; i < 3_000; i++) deviceNames(`Mozilla/5.0 Bot/${i}`);
    assert.ok(cachedUserAgents() <= 1_000, `${cachedUserAgents()} cached`);
    const ms = performance.now() - started;
    assert.ok(ms < 5_000, `parsed in ${Math.round(ms)} ms`);
  });
});

describe('GET /signins and GET / carry parsed browser and device', () => {
  let app: App;
  before(async () => {
    ({ app } = await createAppWithAnaAndBen());
  });
  after(() => app.close());

  test('each sign-in is named from its user agent', async () => {
    const mac = app.browser({ userAgent: UA.chromeMac });
    const phone = app.browser({ userAgent: UA.safariIphone });
    await mac.signIn('ana@example.com');
    await phone.signIn('ana@example.com');
    const list = (await mac.get('/signins')).json as {
      items: { current: boolean; browser?: string; device?: string }[];
    };
    assert.deepEqual(
      list.items.map(({ current, browser, device }) => ({ current, browser, device })),
      [
        { current: true, browser: 'Chrome 141', device: 'macOS' },
        { current: false, browser: 'Safari 18', device: 'iOS 18' },
      ],
    );
    const session = (await phone.get('/')).json as {
      active_signin: { browser?: string; device?: string };
    };
    assert.equal(session.active_signin.browser, 'Safari 18');
    assert.equal(session.active_signin.device, 'iOS 18');
  });
});
