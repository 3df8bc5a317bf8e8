/**
 * The kit's one URL policy: every link it renders and every navigation it
 * starts passes here. URLs are judged the way the browser will use them:
 * parsed by the WHATWG URL parser against the document's base URL (which drops
 * leading control characters and spaces and removes tabs and newlines
 * anywhere), then checked by the resolved scheme and origin. The original
 * string is returned unchanged, so what the browser later resolves is exactly
 * what was checked.
 */

/** `url` resolved against the page, or undefined when it does not parse. */
function resolve(url: string): URL | undefined {
  try {
    return new URL(url, document.baseURI);
  } catch {
    return undefined;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * A link or navigation target the page supplied (attributes such as
 * `sign-in-url`): only http(s) and relative URLs pass; `javascript:`,
 * `data:`, `vbscript:` and every other scheme give undefined.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  const resolved = resolve(url);
  return resolved && isHttp(resolved) ? url : undefined;
}

/**
 * Where a server asks the page to go (a sign-out's `redirectUrl`): it must be
 * a safe href and lead to this page's origin or one of `allowedOrigins`, so a
 * hostile or compromised backend cannot send users to a look-alike site.
 */
export function safeRedirect(
  url: string | undefined,
  allowedOrigins: readonly string[] = [],
): string | undefined {
  const href = safeHref(url);
  if (href === undefined) return undefined;
  const { origin } = resolve(href)!;
  return origin === window.location.origin || parseOrigins(allowedOrigins).includes(origin)
    ? href
    : undefined;
}

/**
 * Origins (the `redirect-origins` attribute, space-separated, or a list) in
 * the form `URL.origin` gives, so `https://Id.Example/` matches
 * `https://id.example`. Entries that are not absolute http(s) URLs are dropped.
 */
export function parseOrigins(value: string | readonly string[] | null | undefined): string[] {
  const entries = typeof value === 'string' ? value.split(/\s+/) : (value ?? []);
  const origins = new Set<string>();
  for (const entry of entries) {
    try {
      const url = new URL(entry);
      if (isHttp(url)) origins.add(url.origin);
    } catch {
      // Not an absolute URL: an origin that can never match.
    }
  }
  return [...origins];
}

/**
 * Leaves the page for `url` when it is a safe href; anything else is
 * ignored. The only place the kit navigates; elements wrap it in an
 * overridable method so apps can route instead and tests can stub it.
 */
export function navigateTo(url: string): void {
  const href = safeHref(url);
  if (href !== undefined) window.location.assign(href);
}

/**
 * Pictures come from server data (profile pictures, organization logos), so
 * only http(s), relative, `blob:` and inline `data:image/` URLs are loaded.
 */
export function safeImageSrc(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  if (/^data:image\//i.test(url)) return url;
  const resolved = resolve(url);
  return resolved && (isHttp(resolved) || resolved.protocol === 'blob:') ? url : undefined;
}
