import UAParser from 'ua-parser-js';

/** A sign-in's device as the kit names it: "Chrome 141" on "macOS". */
export interface DeviceNames {
  browser?: string;
  device?: string;
}

/**
 * User agents are whatever a client sent: longer ones are cut before parsing
 * (ua-parser-js itself reads no more than 500 characters) and the cache holds
 * a bounded number of them, so hostile ones can neither slow parsing down nor
 * grow memory.
 */
const MAX_USER_AGENT = 500;
const MAX_CACHED = 1_000;

/*
 * The names below are the ones the client's parser (src/internal/device.ts) gives, so a row
 * reads the same whether the server or the browser named it (an iPad's system is "iPadOS"
 * here, which gives the client its tablet icon); test/server/user-agent.test.ts holds the
 * two together.
 */
const BROWSER_NAMES: Record<string, string> = {
  'Mobile Safari': 'Safari',
  'Mobile Firefox': 'Firefox',
  'Chrome Headless': 'Chrome',
};

const OS_NAMES: Record<string, string> = {
  'Mac OS': 'macOS',
  'Chromium OS': 'ChromeOS',
};

const cache = new Map<string, DeviceNames>();

/** Names are cut to length by the client, which never trusts a server's either. */
function clean(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

function browserName(browser: UAParser.IBrowser): string | undefined {
  const name = clean(browser.name);
  if (!name) return undefined;
  return [BROWSER_NAMES[name] ?? name, clean(browser.major)].filter(Boolean).join(' ');
}

/**
 * Browsers freeze the OS version in the user agent (every macOS since 10.15 says 10.15.7,
 * Windows 11 says 10), so those versions would be wrong more often than right.
 */
function osVersion(name: string, version: string | undefined): string | undefined {
  if (!version) return undefined;
  if (name === 'Mac OS' || name === 'Windows' || name === 'Chromium OS') {
    return name === 'Windows' && !['10', '11'].includes(version) ? version : undefined;
  }
  return version.split('.')[0];
}

function osName(os: UAParser.IOS): string | undefined {
  const name = clean(os.name);
  if (!name) return undefined;
  return [OS_NAMES[name] ?? name, osVersion(name, clean(os.version))].filter(Boolean).join(' ');
}

function parse(userAgent: string): DeviceNames {
  const result = new UAParser(userAgent).getResult();
  const names: DeviceNames = {};
  const browser = browserName(result.browser);
  if (browser) names.browser = browser;
  // Apple's own name, which also tells the client (that has no parser then) it is a tablet.
  const os =
    result.os.name === 'iOS' && result.device.type === 'tablet'
      ? { ...result.os, name: 'iPadOS' }
      : result.os;
  const device = osName(os);
  if (device) names.device = device;
  return names;
}

/**
 * The browser and device names of a user agent, as the client would read
 * them, so the client never loads a parser for the kit's own server. Empty
 * for an empty user agent (ua-parser-js would describe the server instead).
 */
export function deviceNames(userAgent: string | null | undefined): DeviceNames {
  const ua = (userAgent ?? '').trim().slice(0, MAX_USER_AGENT);
  if (!ua) return {};
  let names = cache.get(ua);
  if (names) {
    // Most recently used last, so the oldest entry is the one evicted.
    cache.delete(ua);
  } else {
    names = parse(ua);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  cache.set(ua, names);
  return names;
}

/** How many user agents are cached (tests check the bound). */
export function cachedUserAgents(): number {
  return cache.size;
}
