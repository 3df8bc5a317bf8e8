/**
 * better-auth answers a mutation with Set-Cookie; the next call in the same
 * request must already see those cookies (after a switch, the new sign-in is
 * the current one), and the browser must get them too.
 */

function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

function isRemoval(attributes: string[]): boolean {
  return attributes.some((attribute) => {
    const [key = '', value = ''] = attribute.split('=').map((s) => s.trim());
    if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
    if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
    return false;
  });
}

/** The request headers as they would be on the browser's next request. */
export function applySetCookies(headers: Headers, setCookies: readonly string[]): Headers {
  if (!setCookies.length) return headers;
  const cookies = parseCookieHeader(headers.get('cookie'));
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    if (!value || isRemoval(attributes)) cookies.delete(name);
    else cookies.set(name, value);
  }
  const next = new Headers(headers);
  const header = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  if (header) next.set('cookie', header);
  else next.delete('cookie');
  return next;
}
