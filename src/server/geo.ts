/**
 * Reads the location an edge network (Cloudflare, Vercel, ...) attached to a
 * request. Only deployments behind such an edge should trust these headers:
 * anywhere else a client can send them itself.
 */

export interface GeoHeaders {
  city?: readonly string[];
  country?: readonly string[];
  region?: readonly string[];
  regionCode?: readonly string[];
}

export interface Geo {
  city?: string;
  country?: string;
  countryCode?: string;
  region?: string;
  regionCode?: string;
}

/** Tried in order; the first present header wins. */
export const DEFAULT_GEO_HEADERS: Required<GeoHeaders> = {
  city: ['cf-ipcity', 'x-vercel-ip-city'],
  country: ['cf-ipcountry', 'x-vercel-ip-country'],
  region: ['cf-region'],
  regionCode: ['cf-region-code', 'x-vercel-ip-country-region'],
};

// Cloudflare's "unknown" and "Tor" pseudo-countries say nothing about a place.
const NOT_A_COUNTRY = new Set(['XX', 'T1']);
const MAX_LENGTH = 100;

function read(headers: Headers, names: readonly string[] | undefined): string | undefined {
  for (const name of names ?? []) {
    const raw = headers.get(name)?.trim();
    if (!raw) continue;
    let value = raw;
    // Vercel percent-encodes non-ASCII city names ("S%C3%A3o%20Paulo").
    try {
      value = decodeURIComponent(raw);
    } catch {
      // Not encoded; keep it as sent.
    }
    // Control characters never belong in a place name; length bounds what a client can store.
    value = value
      .replace(/\p{Cc}/gu, '')
      .slice(0, MAX_LENGTH)
      .trim();
    if (value) return value;
  }
  return undefined;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string): string | undefined {
  try {
    const name = countryNames.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

export function readGeo(headers: Headers, config: GeoHeaders = DEFAULT_GEO_HEADERS): Geo {
  const geo: Geo = {};
  const city = read(headers, config.city);
  if (city) geo.city = city;
  const code = read(headers, config.country)?.toUpperCase();
  if (code && /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.has(code)) {
    geo.countryCode = code;
    const name = countryName(code);
    if (name) geo.country = name;
  }
  const region = read(headers, config.region);
  if (region) geo.region = region;
  const regionCode = read(headers, config.regionCode);
  if (regionCode) geo.regionCode = regionCode;
  return geo;
}
