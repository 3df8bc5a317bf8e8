/**
 * Display formatting shared by the elements: dates and relative times through
 * Intl (never a date library), flags, IP masking and truncation. Every
 * function accepts missing or malformed input and returns `undefined` or an
 * empty string rather than "Invalid Date" or "undefined".
 */

import type { CurrentUser } from '../core/types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Formatters are costly to build and a list formats thousands of values. */
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(
  key: string,
  build: () => T,
): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

/** A locale Intl accepts; an invalid `lang` attribute must not throw. */
function locale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** An ISO 8601 string as a Date, or undefined when missing or unparseable. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** "5 minutes ago", "yesterday", "in 3 days"; under a minute is "now". */
export function relativeTime(date: Date, now: number, lang: string): string {
  const tag = locale(lang);
  const rtf = cached(`rt:${tag}`, () => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }));
  const diff = date.getTime() - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return rtf.format(0, 'second');
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    abs < HOUR
      ? ['minute', MINUTE]
      : abs < DAY
        ? ['hour', HOUR]
        : abs < WEEK
          ? ['day', DAY]
          : abs < MONTH
            ? ['week', WEEK]
            : abs < YEAR
              ? ['month', MONTH]
              : ['year', YEAR];
  // Truncate toward zero: 59 minutes is not yet "1 hour ago".
  return rtf.format(Math.trunc(diff / size), unit);
}

/** "22 Nov 2026" in the given language. */
export function formatDate(date: Date, lang: string): string {
  const tag = locale(lang);
  return cached(`d:${tag}`, () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' })).format(
    date,
  );
}

/** Date and time, for the exact timestamp behind a relative one. */
export function formatDateTime(date: Date, lang: string): string {
  const tag = locale(lang);
  return cached(
    `dt:${tag}`,
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short' }),
  ).format(date);
}

/** The flag emoji for an ISO 3166-1 alpha-2 code; empty for anything else. */
export function flagEmoji(countryCode: unknown): string {
  if (typeof countryCode !== 'string' || !/^[a-z]{2}$/i.test(countryCode)) return '';
  const base = 0x1f1e6 - 'A'.charCodeAt(0);
  return String.fromCodePoint(
    ...[...countryCode.toUpperCase()].map((letter) => base + letter.charCodeAt(0)),
  );
}

const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * The country's name in `lang` for an alpha-2 code ("Deutschland" for `DE` in
 * German), or undefined when the code is malformed or Intl has no name for it.
 */
export function countryName(countryCode: unknown, lang: string): string | undefined {
  if (typeof countryCode !== 'string' || !/^[a-z]{2}$/i.test(countryCode)) return undefined;
  const code = countryCode.toUpperCase();
  try {
    const tag = locale(lang);
    let names = regionNames.get(tag);
    if (!names) regionNames.set(tag, (names = new Intl.DisplayNames([tag], { type: 'region' })));
    const name = names.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Only the network part of an address: IPv4 as its /24, IPv6 as its /48.
 * Anything that is not an address yields undefined, so nothing unmasked leaks.
 */
export function maskIp(ip: unknown): string | undefined {
  if (typeof ip !== 'string') return undefined;
  const v4 = IPV4.exec(ip);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    if (octets.some((octet) => octet > 255)) return undefined;
    return `${octets.slice(0, 3).join('.')}.0/24`;
  }
  const groups = expandIpv6(ip);
  if (!groups) return undefined;
  return `${groups.slice(0, 3).join(':')}::/48`;
}

/** The eight hextets of an IPv6 address (leading zeros dropped), or undefined. */
function expandIpv6(ip: string): string[] | undefined {
  const address = ip.split('%')[0].toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(address) || address.length > 45) return undefined;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => group.replace(/^0+(?=.)/, ''));
}

/**
 * At most `max` characters, with an ellipsis when cut; never splits a
 * surrogate pair. CSS ellipsis handles the visual overflow, this keeps
 * megabyte strings out of the DOM.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/**
 * The bidirectional formatting characters: embeddings and overrides
 * (U+202A–U+202E), isolates (U+2066–U+2069) and the marks U+200E, U+200F and
 * U+061C; and the invisible ones that only hide what a string says: zero-width
 * space, word joiner and byte-order mark (U+200B, U+2060, U+FEFF). The joiners
 * U+200C/U+200D stay: scripts and emoji need them.
 */
const HIDDEN_CONTROLS = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * A server-supplied string (name, email, city, organization, device) as the
 * elements show it: without bidirectional controls, so it cannot reverse or
 * reorder the text around it (a right-to-left override turned "Lisbon,
 * Portugal" into "lagutroP ,nobsiL"). Elements also render each such string
 * in its own isolating element, so even genuine right-to-left text stays
 * inside its box. Anything but a string gives an empty string.
 */
export function displayText(value: unknown): string {
  return typeof value === 'string' ? value.replace(HIDDEN_CONTROLS, '') : '';
}

/**
 * The name to show for a user: full name, else username, else email, else the
 * id, each cleaned of bidirectional controls (see `displayText`).
 */
export function displayName(user: CurrentUser | undefined, fallback = ''): string {
  const full = [user?.first_name, user?.last_name].map(displayText).filter(Boolean).join(' ');
  return (
    full.trim() ||
    displayText(user?.username) ||
    displayText(user?.primary_email_address?.email) ||
    displayText(user?.id) ||
    fallback
  );
}
