import { expect } from '@open-wc/testing';
import { UA as DEMO_UA } from '../../src/backends/memory-seed.js';
import {
  type DeviceInfo,
  loadDeviceParser,
  needsParser,
  onDeviceParserLoaded,
  parseDevice,
} from '../../src/internal/device.js';

/** The demo's devices, plus two that only the parser needs to know. */
const UA = {
  ...DEMO_UA,
  chromeOs:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  windows7: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0',
};

/** Each user agent, read on its own, gives exactly this device. */
function expectDevices(cases: [userAgent: string, device: DeviceInfo][]) {
  for (const [userAgent, device] of cases) {
    expect(parseDevice({ userAgent }), userAgent).to.deep.equal(device);
  }
}

// Runs first: nothing before it has loaded the parser.
describe('the lazily loaded parser', () => {
  it('is not needed when the server named browser and device', () => {
    expect(
      needsParser({ userAgent: UA.chromeMac, browser: 'Chrome 141', device: 'macOS' }),
    ).to.equal(false);
    expect(needsParser({ browser: 'App' })).to.equal(false);
    expect(needsParser({ userAgent: UA.chromeMac, browser: 'Chrome 141' })).to.equal(true);
  });

  it('reads what the names say until it arrives, then tells listeners', async () => {
    let arrived = 0;
    const stop = onDeviceParserLoaded(() => arrived++);
    expect(parseDevice({ userAgent: UA.safariIphone })).to.deep.equal({
      kind: 'unknown',
      browser: undefined,
      os: undefined,
      pending: true,
    });
    await loadDeviceParser();
    stop();
    expect(arrived).to.equal(1);
    expect(parseDevice({ userAgent: UA.safariIphone })).to.deep.equal({
      kind: 'phone',
      browser: 'Safari 18',
      os: 'iOS 18',
    });
  });
});

describe('parseDevice', () => {
  before(() => loadDeviceParser());

  it('names browser and OS with major versions, leaving out frozen OS versions', () => {
    expectDevices([
      [UA.chromeMac, { kind: 'desktop', browser: 'Chrome 141', os: 'macOS' }],
      [UA.firefoxWindows, { kind: 'desktop', browser: 'Firefox 144', os: 'Windows' }],
      [UA.chromeOs, { kind: 'desktop', browser: 'Chrome 141', os: 'ChromeOS' }],
    ]);
    expect(parseDevice({ userAgent: UA.windows7 }).os).to.equal('Windows 7');
  });

  it('tells phones from tablets', () => {
    expectDevices([
      [UA.safariIphone, { kind: 'phone', browser: 'Safari 18', os: 'iOS 18' }],
      [UA.chromeAndroid, { kind: 'phone', browser: 'Chrome 141', os: 'Android 15' }],
    ]);
    expect(parseDevice({ userAgent: UA.safariIpad }).kind).to.equal('tablet');
  });

  it('draws the right icon from the names the kit’s server sends, without the parser', () => {
    // Names alone (the user agent is read by no parser then, loaded or not).
    const kinds = [
      { browser: 'Safari 18', device: 'iOS 18' },
      { browser: 'Chrome 141', device: 'Android 15' },
      { browser: 'Safari 18', device: 'iPadOS 18' },
      { browser: 'Chrome 141', device: 'macOS' },
    ].map((names) => parseDevice(names).kind);
    expect(kinds).to.deep.equal(['phone', 'phone', 'tablet', 'desktop']);
  });

  it('prefers the backend’s browser and device names', () => {
    expect(
      parseDevice({ userAgent: UA.chromeMac, browser: 'Arc', device: 'MacBook' }),
    ).to.deep.equal({ kind: 'desktop', browser: 'Arc', os: 'MacBook' });
    expect(parseDevice({ browser: 'App', device: 'iPhone 16' })).to.deep.equal({
      kind: 'phone',
      browser: 'App',
      os: 'iPhone 16',
    });
    expect(parseDevice({ device: 'Galaxy Tab S9 tablet' }).kind).to.equal('tablet');
  });

  it('knows nothing about a missing or unreadable user agent (not even this browser)', () => {
    expect(parseDevice({})).to.deep.equal({ kind: 'unknown', browser: undefined, os: undefined });
    expect(parseDevice({ userAgent: '   ' }).browser).to.equal(undefined);
    expect(parseDevice({ userAgent: 'curl/8.0' }).kind).to.equal('unknown');
    expect(parseDevice({ userAgent: 42 as unknown as string }).kind).to.equal('unknown');
  });

  it('truncates absurd names', () => {
    const device = parseDevice({ browser: 'x'.repeat(10_000), device: `<b>${'y'.repeat(500)}` });
    expect(device.browser!.length).to.equal(60);
    expect(device.browser!.endsWith('…')).to.equal(true);
    expect(device.os!.length).to.equal(60);
  });
});
