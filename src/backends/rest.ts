import type { ListSignInsQuery, SignOutTarget } from '../core/types.js';
import type { BackendCapabilities, RequestOptions, SessionBackend } from '../core/backend.js';
import { ensureOk, globalFetch, readJson, send } from './http.js';
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

export { CSRF_HEADER } from './http.js';

export interface RestBackendOptions {
  /** Where the HTTP contract is mounted; default `/api/session`. */
  baseUrl?: string;
  /** Override what the server supports; everything is on by default. */
  capabilities?: Partial<BackendCapabilities>;
  /** A fetch to use instead of the global one (tests, proxies, custom auth headers). */
  fetch?: typeof fetch;
}

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

/** Speaks the kit's HTTP contract (see openapi.yaml) with cookies and the CSRF header. */
export class RestBackend implements SessionBackend {
  readonly capabilities: BackendCapabilities;
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;

  constructor(options: RestBackendOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/session').replace(/\/+$/, '');
    this.capabilities = Object.freeze({ ...ALL_CAPABILITIES, ...options.capabilities });
    this.#fetch = options.fetch ?? globalFetch;
  }

  getSession(o: RequestOptions) {
    return this.#request('GET', '/', o, undefined, parseSession, true);
  }

  listSignIns(q: ListSignInsQuery, o: RequestOptions) {
    const params = new URLSearchParams();
    if (q.page !== undefined) params.set('page', String(q.page));
    if (q.pageSize !== undefined) params.set('pageSize', String(q.pageSize));
    if (q.status && q.status !== 'all') params.set('status', q.status);
    const query = params.size ? `?${params}` : '';
    return this.#request('GET', `/signins${query}`, o, undefined, (v) => parsePage(v, parseSignIn));
  }

  async removeSignIn(id: string, o: RequestOptions) {
    await this.#request('DELETE', `/signins/${encodeURIComponent(id)}`, o, undefined, () => null);
  }

  revokeOtherSignIns(o: RequestOptions) {
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
    const url = path === '/' ? `${this.baseUrl}/` : `${this.baseUrl}${path}`;
    const response = await send(
      this.#fetch,
      method,
      url,
      o,
      method === 'GET' ? undefined : (body ?? {}),
    );
    if (response.status === 401 && nullOn401) return null;
    return parse(await readJson(await ensureOk(response), o));
  }
}
