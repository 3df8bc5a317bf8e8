/**
 * What the demo server answers besides its APIs, and the headers on every answer.
 * Vite's dev middleware would serve any file under the project (the server's own
 * source, package.json, .git, a database left there); the demo page needs only the
 * files allowed here, so everything else gets a 404 before Vite sees it.
 */

/** The page, its own scripts and Vite's client. */
const PAGE_FILES = new Set([
  '/',
  '/index.html',
  '/demo/page.ts',
  '/demo/panel.ts',
  '/@vite/client',
]);

/**
 * Query parameters Vite puts on module URLs (dependency versions, HMR timestamps).
 * Any other (`?raw`, `?url`, `?import`, `?inline`, …) changes what Vite serves.
 */
const MODULE_QUERY = new Set(['v', 't']);

/** A path segment as Vite writes them: no dotfiles, `..`, percent escapes or backslashes. */
const SEGMENT = /^[\w@+-][\w@+.-]*$/;

/**
 * The better-auth routes a sign-in page needs (and the JWKS that verifies getToken's JWTs).
 * Everything else better-auth serves — get-session and list-sessions answer with raw session
 * tokens, one-time-token hands out tickets — stays server-side behind the kit's handler.
 */
const PUBLIC_AUTH_ROUTES = new Set([
  '/sign-in/email',
  '/sign-up/email',
  '/sign-out',
  '/jwks',
  '/ok',
]);

/** True for the better-auth routes the demo exposes to browsers (path below /api/auth). */
export function isPublicAuthRoute(url: string): boolean {
  const path = url.split('?')[0];
  return path.startsWith('/api/auth/') && PUBLIC_AUTH_ROUTES.has(path.slice('/api/auth'.length));
}

/** True for the URLs the demo page loads: its HTML, its modules, their dependencies. */
export function isPageRequest(url: string): boolean {
  if (!url.startsWith('/')) return false;
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const query = at < 0 ? '' : url.slice(at + 1);
  // Values too: Vite reads `?v=?raw` as a raw import.
  for (const [key, value] of new URLSearchParams(query)) {
    if (!MODULE_QUERY.has(key) || !/^[\w.-]*$/.test(value)) return false;
  }
  if (PAGE_FILES.has(path)) return true;
  // Vite's pre-bundled dependencies are the one dot directory the page needs.
  const plain = path.replace(/^\/node_modules\/\.vite\/deps\//, '/node_modules/vite-deps/');
  if (
    !plain
      .split('/')
      .slice(1)
      .every((segment) => SEGMENT.test(segment))
  )
    return false;
  return (
    // Modules and styles only: package.json, READMEs and Vite's metadata tell what runs here.
    (plain.startsWith('/node_modules/') && /\.(m?js|css)(\.map)?$/.test(plain)) ||
    // The example apps as `vite build` leaves them, and the CDN file (with its chunks) html-cdn loads.
    /^\/examples\/[\w-]+\/dist\//.test(plain) ||
    plain === '/dist/session-elements.js' ||
    plain.startsWith('/dist/cdn/') ||
    // Vite's virtual helper modules (e.g. the decorators runtime), never a file path.
    /^\/@id\/__x00__[\w@]/.test(plain) ||
    (plain.startsWith('/src/') && !plain.startsWith('/src/server/'))
  );
}

/** True when the Host header names this server, so a rebound DNS name cannot reach it. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * The Content-Security-Policy of every answer. Scripts come only from the server's
 * own modules and pass Trusted Types (Lit brings its 'lit-html' policy). Styles
 * allow inline because the page, the demo panel and Vite's CSS updates use
 * `<style>` elements; images allow data: for the seeded avatars; connections
 * include Vite's HMR websocket on this port.
 */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/** Headers set on every answer: page, module, API, error and 404 alike. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
