import UAParser from 'ua-parser-js';
import { browserName, osName } from '../core/device-names.js';

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

const cache = new Map<string, DeviceNames>();

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
