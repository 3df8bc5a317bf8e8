import { applySetCookies } from './cookies.js';
import { HttpError, toHttpError } from './errors.js';
import type { AuthContextLike, AuthSessionWithUser, SessionAuth } from './auth-types.js';

type Endpoint = (input: {
  headers: Headers;
  body?: unknown;
  query?: unknown;
  returnHeaders: true;
}) => Promise<{ headers: Headers | null; response: unknown }>;

/** Request headers an internal better-auth call must not inherit. */
const DROPPED = ['content-type', 'content-length', 'transfer-encoding', 'x-session-elements'];

/**
 * True when a call through better-auth's router differs from the same `auth.api`
 * call: its limiter counts requests (on by default in production), or a plugin
 * hooks requests or responses. An unknown shape counts as mattering.
 */
function routerMatters(context: AuthContextLike): boolean {
  if (context.rateLimit?.enabled !== false) return true;
  return (context.options.plugins ?? []).some((plugin) => plugin.onRequest || plugin.onResponse);
}

/**
 * One browser request's conversation with better-auth. It carries the
 * browser's cookies from call to call, updating them with whatever better-auth
 * sets, and collects those Set-Cookie lines for the final response.
 */
export class AuthCalls {
  headers: Headers;
  readonly setCookies: string[] = [];

  constructor(
    private readonly auth: SessionAuth,
    readonly context: AuthContextLike,
    private readonly request: Request,
  ) {
    this.headers = new Headers(request.headers);
    for (const name of DROPPED) this.headers.delete(name);
  }

  has(endpoint: string): boolean {
    return typeof (this.auth.api as Record<string, unknown>)[endpoint] === 'function';
  }

  async call<T>(endpoint: string, input: { body?: unknown; query?: unknown } = {}): Promise<T> {
    const fn = (this.auth.api as Record<string, Endpoint | undefined>)[endpoint];
    if (typeof fn !== 'function') {
      throw new HttpError(
        501,
        'unsupported',
        `The auth server lacks ${endpoint} (plugin missing).`,
      );
    }
    try {
      const { headers, response } = await fn.call(this.auth.api, {
        ...input,
        headers: this.headers,
        returnHeaders: true,
      });
      if (headers) this.#absorb(headers.getSetCookie());
      return response as T;
    } catch (error) {
      throw toHttpError(error);
    }
  }

  /**
   * The session as the request arrived, for a read. When better-auth's router
   * would add something (its rate limiter, a plugin's request or response
   * hook) it goes through the router; otherwise through `auth.api`, the same
   * endpoint and hooks without building a router for this one call.
   */
  readSessionForRead(): Promise<AuthSessionWithUser | null> {
    return routerMatters(this.context) ? this.readSessionOverHttp() : this.readSession();
  }

  /**
   * The current session, read over better-auth's HTTP router so that its rate
   * limiter counts this request (auth.api calls bypass it) and a 429 reaches
   * the browser with its Retry-After.
   */
  async readSessionOverHttp(): Promise<AuthSessionWithUser | null> {
    const url = new URL(`${this.#authBase()}/get-session`);
    url.searchParams.set('disableCookieCache', 'true');
    const response = await this.auth.handler(new Request(url, { headers: this.headers }));
    this.#absorb(response.headers.getSetCookie());
    if (response.status === 429) {
      const retryAfter =
        response.headers.get('Retry-After') ?? response.headers.get('X-Retry-After');
      throw new HttpError(
        429,
        'rate-limited',
        'Too many requests. Try again later.',
        retryAfter ? { 'Retry-After': retryAfter } : {},
      );
    }
    if (!response.ok) {
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      throw toHttpError({ statusCode: response.status, body, headers: response.headers });
    }
    const session = (await response.json()) as AuthSessionWithUser | null;
    return session?.session && session.user ? session : null;
  }

  /** The session as it is after this request's changes so far. */
  async readSession(): Promise<AuthSessionWithUser | null> {
    const session = await this.call<AuthSessionWithUser | null>('getSession', {
      query: { disableCookieCache: true },
    });
    return session?.session && session.user ? session : null;
  }

  #absorb(setCookies: string[]): void {
    if (!setCookies.length) return;
    this.setCookies.push(...setCookies);
    this.headers = applySetCookies(this.headers, setCookies);
  }

  #authBase(): string {
    if (this.context.baseURL) return this.context.baseURL.replace(/\/+$/, '');
    const basePath = this.context.options.basePath ?? '/api/auth';
    return new URL(basePath, this.request.url).href.replace(/\/+$/, '');
  }
}
