import type UAParser from 'ua-parser-js';
import { truncate } from './format.js';

/** The icon a device gets. */
export type DeviceKind = 'desktop' | 'phone' | 'tablet' | 'unknown';

/** What a sign-in's device looks like to a person: a kind and up to two names. */
export interface DeviceInfo {
  kind: DeviceKind;
  /** "Chrome 141", when known. */
  browser?: string;
  /** "macOS", "iOS 18", or the backend's device name, when known. */
  os?: string;
  /** Read without the user-agent parser, which is still loading: read again once it arrives. */
  pending?: true;
}

export interface DeviceSource {
  userAgent?: string;
  browser?: string;
  device?: string;
}

/** Names longer than this are hostile or broken; the rest of the row must stay readable. */
const MAX_NAME = 60;

const BROWSER_NAMES: Record<string, string> = {
  'Mobile Safari': 'Safari',
  'Mobile Firefox': 'Firefox',
  'Chrome Headless': 'Chrome',
};

const OS_NAMES: Record<string, string> = {
  'Mac OS': 'macOS',
  'Chromium OS': 'ChromeOS',
};

const EMPTY: UAParser.IResult = {
  ua: '',
  browser: {},
  engine: {},
  os: {},
  device: {},
  cpu: {},
} as UAParser.IResult;

const DESKTOP_OS = /^(windows|mac os|linux|ubuntu|debian|fedora|chromium os|freebsd|openbsd)/i;

type Parser = typeof UAParser;

/**
 * ua-parser-js is the biggest piece of the kit and most sign-ins arrive with
 * `browser` and `device` already named by the server, so it is loaded with
 * `import()` only when a sign-in needs it.
 */
let parser: Parser | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** True when reading `source` needs the user-agent parser (a user agent and a missing name). */
export function needsParser(source: DeviceSource): boolean {
  const ua = typeof source.userAgent === 'string' ? source.userAgent.trim() : '';
  return ua !== '' && (!clean(source.browser) || !clean(source.device));
}

/**
 * Loads the user-agent parser once; resolves when it is ready, then calls
 * every `onDeviceParserLoaded` listener. A failed load is forgotten so a later
 * row retries.
 */
export function loadDeviceParser(): Promise<void> {
  if (parser) return Promise.resolve();
  loading ??= import('./ua-parser.js')
    .then((module) => {
      parser = module.UAParser;
      for (const listener of [...listeners]) listener();
    })
    .finally(() => (loading = undefined));
  return loading;
}

/** Calls `listener` when the parser arrives (rows parsed without it can be read again). */
export function onDeviceParserLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Parses a sign-in's device, synchronously. The backend's own `browser` /
 * `device` names win over what the user agent says; ua-parser-js 1.x (MIT)
 * reads the rest and trims absurdly long user agents itself. Until the parser
 * has loaded, a sign-in that needs it gets what the names alone say, marked
 * `pending`, and the load starts.
 */
export function parseDevice(source: DeviceSource): DeviceInfo {
  const ua = typeof source.userAgent === 'string' ? source.userAgent.trim() : '';
  const pending = needsParser(source) && !parser;
  if (pending) void loadDeviceParser().catch(() => undefined);
  // An empty string would make ua-parser-js describe *this* browser instead.
  const result = ua && parser ? new parser(ua).getResult() : EMPTY;
  const browser = clean(source.browser) ?? browserName(result.browser);
  const os = clean(source.device) ?? osName(result.os);
  const device: DeviceInfo = { kind: kindOf(result, source.device), browser, os };
  if (pending) device.pending = true;
  return device;
}

function browserName(browser: UAParser.IBrowser): string | undefined {
  const name = clean(browser.name);
  if (!name) return undefined;
  const major = clean(browser.major);
  return [BROWSER_NAMES[name] ?? name, major].filter(Boolean).join(' ');
}

function osName(os: UAParser.IOS): string | undefined {
  const name = clean(os.name);
  if (!name) return undefined;
  return [OS_NAMES[name] ?? name, osVersion(name, clean(os.version))].filter(Boolean).join(' ');
}

/**
 * Browsers freeze the OS version in the user agent (every macOS since 10.15
 * says 10.15.7, Windows 11 says 10), so those versions would be wrong more
 * often than right.
 */
function osVersion(name: string, version: string | undefined): string | undefined {
  if (!version) return undefined;
  if (name === 'Mac OS' || name === 'Windows' || name === 'Chromium OS') {
    return name === 'Windows' && !['10', '11'].includes(version) ? version : undefined;
  }
  return version.split('.')[0];
}

function kindOf(result: UAParser.IResult, device: string | undefined): DeviceKind {
  const named = typeof device === 'string' ? device : '';
  if (/tablet|ipad/i.test(named)) return 'tablet';
  if (/phone|mobile/i.test(named)) return 'phone';
  if (/desktop|laptop|mac|windows|linux|computer/i.test(named)) return 'desktop';
  if (result.device.type === 'tablet') return 'tablet';
  if (result.device.type === 'mobile') return 'phone';
  if (!result.device.type && DESKTOP_OS.test(result.os.name ?? '')) return 'desktop';
  // A mobile system named by the server (which sends "iPadOS" for tablets), parser unloaded.
  if (/^(ios|android)\b/i.test(named)) return 'phone';
  return 'unknown';
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? truncate(trimmed, MAX_NAME) : undefined;
}
