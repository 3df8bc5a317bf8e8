import { SessionError, codeForStatus, isSessionErrorCode } from '../core/errors.js';
import type { ListSigninsQuery, SignOutTarget } from '../core/types.js';
import type { BackendCapabilities, RequestOptions, SessionBackend } from './backend.js';
import {
  parseList,
  parseOrganization,
  parsePage,
  parseRevoked,
  parseSession,
  parseSignIn,
  parseSignOut,
  parseToken,
  parseWorkspace,
} from './validate.js';

export interface RestBackendOptions {
  /** Where the HTTP contract is mounted; default `/api/session`. */
  baseUrl?: string;
  /** Override what the server supports; everything is on by default. */
  capabilities?: Partial<BackendCapabilities>;
  /** A fetch to use instead of the global one (tests, proxies, custom auth headers). */
  fetch?: typeof fetch;
}

/** The header that marks a request as ours; cross-origin it forces a CORS preflight. */
export const CSRF_HEADER = 'X-Session-Elements';

const ALL_CAPABILITIES: BackendCapabilities = {
  multiSession: true,
  organizations: true,
  workspaces: true,
  tokens: true,
  ticketExchange: true,
  revokeOthers: true,
  signOutEverywhere: true,
  statusFilter: true,
};

/** Parses `Retry-After` as seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function errorFrom(response: Response): Promise<SessionError> {
  let code = codeForStatus(response.status);
  let message = `The server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (isSessionErrorCode(body?.error?.code)) code = body.error.code;
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // A non-JSON error body still has a status to go by.
  }
  return new SessionError(code, message, {
    status: response.status,
    retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
  });
}

/** Speaks the kit's HTTP contract (see openapi.yaml) with cookies and the CSRF header. */
export class RestBackend implements SessionBackend {
  readonly capabilities: BackendCapabilities;
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;

  constructor(options: RestBackendOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/session').replace(/\/+$/, '');
    this.capabilities = Object.freeze({ ...ALL_CAPABILITIES, ...options.capabilities });
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  getSession(o: RequestOptions) {
    return this.#request('GET', '/', o, undefined, parseSession, true);
  }

  listSignins(q: ListSigninsQuery, o: RequestOptions) {
    const params = new URLSearchParams();
    if (q.page !== undefined) params.set('page', String(q.page));
    if (q.pageSize !== undefined) params.set('pageSize', String(q.pageSize));
    if (q.status && q.status !== 'all') params.set('status', q.status);
    const query = params.size ? `?${params}` : '';
    return this.#request('GET', `/signins${query}`, o, undefined, (v) => parsePage(v, parseSignIn));
  }

  async removeSignin(id: string, o: RequestOptions) {
    await this.#request('DELETE', `/signins/${encodeURIComponent(id)}`, o, undefined, () => null);
  }

  revokeOtherSignins(o: RequestOptions) {
    return this.#request('POST', '/signins/revoke-others', o, {}, parseRevoked);
  }

  switchSignIn(signInId: string, o: RequestOptions) {
    return this.#request('POST', '/switch-signin', o, { signInId }, parseSession, true);
  }

  switchOrganization(organizationId: string | null, o: RequestOptions) {
    return this.#request('POST', '/switch-organization', o, { organizationId }, parseSession, true);
  }

  switchWorkspace(workspaceId: string, o: RequestOptions) {
    return this.#request('POST', '/switch-workspace', o, { workspaceId }, parseSession, true);
  }

  listOrganizations(o: RequestOptions) {
    return this.#request('GET', '/organizations', o, undefined, (v) =>
      parseList(v, parseOrganization, 'organization list'),
    );
  }

  listWorkspaces(organizationId: string | undefined, o: RequestOptions) {
    const query = organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : '';
    return this.#request('GET', `/workspaces${query}`, o, undefined, (v) =>
      parseList(v, parseWorkspace, 'workspace list'),
    );
  }

  signOut(target: SignOutTarget, o: RequestOptions) {
    return this.#request('POST', '/sign-out', o, target, parseSignOut);
  }

  getToken(template: string | undefined, o: RequestOptions) {
    const query = template ? `?template=${encodeURIComponent(template)}` : '';
    return this.#request('GET', `/token${query}`, o, undefined, parseToken);
  }

  exchangeTicket(ticket: string, o: RequestOptions) {
    return this.#request('POST', '/exchange-ticket', o, { ticket }, parseSession, true);
  }

  /**
   * One HTTP exchange. With `nullOn401`, a 401 means "signed out" and resolves
   * `null` instead of rejecting (the session endpoints).
   */
  async #request<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    o: RequestOptions,
    body: unknown,
    parse: (value: unknown) => T,
    nullOn401?: false,
  ): Promise<T>;
  async #request<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    o: RequestOptions,
    body: unknown,
    parse: (value: unknown) => T,
    nullOn401: true,
  ): Promise<T | null>;
  async #request<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    o: RequestOptions,
    body: unknown,
    parse: (value: unknown) => T,
    nullOn401 = false,
  ): Promise<T | null> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers[CSRF_HEADER] = '1';
      headers['Content-Type'] = 'application/json';
    }
    const url = path === '/' ? `${this.baseUrl}/` : `${this.baseUrl}${path}`;
    const response = await this.#fetch(url, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      credentials: 'include',
      cache: 'no-store',
      signal: o.signal,
    });
    if (response.status === 401 && nullOn401) return null;
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return parse(undefined);
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      if (o.signal.aborted) throw cause;
      throw new SessionError('invalid-response', 'The server sent a body that is not JSON.', {
        status: response.status,
        cause,
      });
    }
    return parse(json);
  }
}
