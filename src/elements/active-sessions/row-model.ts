import type { SignIn } from '../../core/types.js';
import { type DeviceInfo, type DeviceKind, parseDevice } from '../../internal/device.js';
import {
  countryName,
  displayText,
  flagEmoji,
  formatDate,
  formatDateTime,
  maskIp,
  parseDate,
  relativeTime,
  truncate,
} from '../../internal/format.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';

const MINUTE = 60_000;
/** Expiry is only worth showing when it is close. */
const EXPIRY_SOON = 7 * 24 * 60 * MINUTE;
const MAX_PLACE = 80;
const MAX_IP = 64;

export interface Moment {
  /** For `<time datetime>`. */
  iso: string;
  /** "5 minutes ago" or a date. */
  text: string;
  /** The full date and time, for the tooltip (`title`). */
  exact: string;
}

/** Everything one row shows, already formatted; no field is ever "undefined" text. */
export interface RowModel {
  id: string;
  signIn: SignIn;
  kind: DeviceKind;
  title: string;
  flag: string;
  /** "Lisbon, Portugal", for the tooltip. */
  location?: string;
  /** The same place in pieces ("Lisbon", "Portugal"), each shown in its own isolating element. */
  locationParts: string[];
  ip?: string;
  activeNow: boolean;
  lastActive?: Moment;
  created?: Moment;
  expiresSoon?: Moment;
  /** When an expired sign-in expired. */
  expiredAt?: Moment;
  expired: boolean;
  current: boolean;
  impersonated: boolean;
}

export interface RowOptions {
  now: number;
  lang: string;
  hideIp: boolean;
  hideLocation: boolean;
  maskIp: boolean;
  /** Draw the country's flag before the place. */
  flags: boolean;
}

/**
 * Parsing user agents is the costly part of a row, and one user's sign-ins
 * share a handful of them; bounded so hostile variety cannot grow it forever.
 */
const devices = new Map<string, DeviceInfo>();
const MAX_CACHED_DEVICES = 256;

function deviceOf(signIn: SignIn): DeviceInfo {
  const key = JSON.stringify([signIn.userAgent, signIn.browser, signIn.device]);
  let device = devices.get(key);
  if (!device) {
    device = parseDevice(signIn);
    // A pending reading is replaced once the parser arrives, so it is not kept.
    if (device.pending) return device;
    if (devices.size >= MAX_CACHED_DEVICES) devices.delete(devices.keys().next().value!);
    devices.set(key, device);
  }
  return device;
}

/**
 * "Chrome 141 on macOS" in the strings' language; the names may come from the server.
 * Empty while the user-agent parser is still on its way, rather than a wrong
 * "Unknown device" for a moment.
 */
export function deviceTitle(signIn: SignIn, t: ActiveSessionsStrings): string {
  const device = deviceOf(signIn);
  if (device.pending && !device.browser && !device.os) return '';
  const browser = displayText(device.browser);
  const os = displayText(device.os);
  return browser && os ? t.deviceTitle(browser, os) : browser || os || t.unknownDevice;
}

export function toRow(signIn: SignIn, t: ActiveSessionsStrings, options: RowOptions): RowModel {
  const { now, lang } = options;
  const device = deviceOf(signIn);
  const lastActive = parseDate(signIn.lastActiveAt);
  const created = parseDate(signIn.createdAt);
  const expires = parseDate(signIn.expiresAt);
  const expired = !!expires && expires.getTime() <= now;
  const placeParts = options.hideLocation ? [] : place(signIn, lang);
  const moment = (date: Date, text: string): Moment => ({
    iso: date.toISOString(),
    text,
    exact: formatDateTime(date, lang),
  });
  return {
    id: signIn.id,
    signIn,
    kind: device.kind,
    title: deviceTitle(signIn, t),
    flag: options.hideLocation || !options.flags ? '' : flagEmoji(signIn.countryCode),
    location: placeParts.length ? placeParts.join(t.detailSeparator) : undefined,
    locationParts: placeParts,
    ip: options.hideIp ? undefined : address(signIn.ipAddress, options.maskIp),
    activeNow: !!lastActive && Math.abs(now - lastActive.getTime()) < MINUTE,
    lastActive: lastActive && moment(lastActive, relativeTime(lastActive, now, lang)),
    created: created && moment(created, formatDate(created, lang)),
    expiresSoon:
      expires && !expired && expires.getTime() - now <= EXPIRY_SOON
        ? moment(expires, relativeTime(expires, now, lang))
        : undefined,
    expiredAt: expires && expired ? moment(expires, relativeTime(expires, now, lang)) : undefined,
    expired,
    current: signIn.current === true,
    impersonated: signIn.impersonated === true,
  };
}

/**
 * ["Lisbon", "Portugal"]: city, then country or region. The country is named
 * from its code in the row's locale ("Deutschland" in German); the server's
 * name is only the fallback for a code Intl cannot name.
 */
function place(signIn: SignIn, lang: string): string[] {
  const city = text(signIn.city);
  const country = countryName(signIn.countryCode, lang) ?? text(signIn.country);
  return [city, country ?? text(signIn.region)].filter((part): part is string => !!part);
}

function address(ip: unknown, mask: boolean): string | undefined {
  if (mask) return maskIp(ip);
  return text(ip, MAX_IP);
}

/** Server text, cleaned of bidirectional controls, trimmed and cut; undefined when empty. */
function text(value: unknown, max = MAX_PLACE): string | undefined {
  const trimmed = displayText(value).trim();
  return trimmed ? truncate(trimmed, max) : undefined;
}
