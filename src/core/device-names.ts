/**
 * How a sign-in's browser and system are named from a parsed user agent, in
 * one place for the server (which names sign-ins before sending them) and the
 * browser (which names those a server sent unnamed), so a row reads the same
 * whichever side named it. Pure: the parser's result comes in, text goes out.
 */

/** The parts of a parsed user agent (ua-parser-js's result) that names are made of. */
export interface ParsedName {
  name?: string;
  major?: string;
  version?: string;
}

const BROWSER_NAMES: Record<string, string> = {
  'Mobile Safari': 'Safari',
  'Mobile Firefox': 'Firefox',
  'Chrome Headless': 'Chrome',
};

const OS_NAMES: Record<string, string> = {
  'Mac OS': 'macOS',
  'Chromium OS': 'ChromeOS',
};

/** Trimmed text, or undefined for none. */
export function cleanName(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** "Chrome 141", "Safari 18". */
export function browserName(browser: ParsedName): string | undefined {
  const name = cleanName(browser.name);
  if (!name) return undefined;
  return [BROWSER_NAMES[name] ?? name, cleanName(browser.major)].filter(Boolean).join(' ');
}

/** "macOS", "iOS 18", "Android 14". */
export function osName(os: ParsedName): string | undefined {
  const name = cleanName(os.name);
  if (!name) return undefined;
  return [OS_NAMES[name] ?? name, osVersion(name, cleanName(os.version))].filter(Boolean).join(' ');
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
