import type UAParser from 'ua-parser-js';
import { browserName, osName } from '../core/device-names.js';
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
  const browser = clean(source.browser) ?? clean(browserName(result.browser));
  const os = clean(source.device) ?? clean(osName(result.os));
  const device: DeviceInfo = { kind: kindOf(result, source.device), browser, os };
  if (pending) device.pending = true;
  return device;
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
