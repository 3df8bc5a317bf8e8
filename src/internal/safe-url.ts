/** The scheme of a URL resolved against the page, or undefined when it does not parse. */
function protocolOf(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).protocol;
  } catch {
    return undefined;
  }
}

/** Only http(s) and relative URLs may become links; `javascript:` and friends never do. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const protocol = protocolOf(url);
  return protocol === 'http:' || protocol === 'https:' ? url : undefined;
}

/**
 * Pictures come from server data (profile pictures, organization logos), so
 * only http(s), relative, `blob:` and inline `data:image/` URLs are loaded.
 */
export function safeImageSrc(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^data:image\//i.test(url)) return url;
  const protocol = protocolOf(url);
  return protocol === 'http:' || protocol === 'https:' || protocol === 'blob:' ? url : undefined;
}
