import type { ListSignInsQuery, SignOutTarget } from '../core/types.js';
import { toSessionError } from '../core/errors.js';
import {
  ALL_CAPABILITIES,
  capabilities,
  type BackendCapabilities,
  type LiveEvent,
  type RequestOptions,
  type SessionBackend,
} from '../core/backend.js';
import { HTTP_ROUTES, type Operation } from '../core/routes.js';
import { globalFetch, ensureOk, readJson, send } from './http.js';
import type { LiveStream } from './sse.js';
import {
  MAX_LIST_ITEMS,
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
  /** Override what the server supports: by default everything is on, and pages hold at most 100 (the kit's own server). */
  capabilities?: Partial<BackendCapabilities>;
  /** A fetch to use instead of the global one (tests, proxies, custom auth headers). */
  fetch?: typeof fetch;
}

/** What fills an operation's route: the `{id}` parameter, the query and the JSON body. */
interface RequestParts {
  id?: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

/** `?a=1&b=2` from the defined entries, each part percent-encoded; empty when none is defined. */
function queryString(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params).filter((pair): pair is [string, string] => !!pair[1]);
  const text = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return text.length ? `?${text.join('&')}` : '';
}

/** Speaks the kit's HTTP contract (see openapi.yaml) with cookies and the CSRF header. */
export class RestBackend implements SessionBackend {
  readonly capabilities: BackendCapabilities;
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  /** Where live updates come from, and the last event id seen (a reconnect replays from it). */
  readonly #stream: LiveStream;

  constructor(options: RestBackendOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/session').replace(/\/+$/, '');
    this.capabilities = capabilities(options.capabilities, ALL_CAPABILITIES);
    this.#fetch = options.fetch ?? globalFetch;
    this.#stream = {
      fetch: this.#fetch,
      url: this.baseUrl + HTTP_ROUTES.subscribe.path,
      lastEventId: null,
    };
  }

  /** Signed out is `null`: a 200 `null` from the kit's server, or a 401 (older servers). */
  getSession(o: RequestOptions) {
    return this.#request('getSession', o, {}, parseSessionOrNull, true);
  }

  listSignIns(q: ListSignInsQuery, o: RequestOptions) {
    const query = {
      page: q.page?.toString(),
      pageSize: q.pageSize?.toString(),
      status: q.status === 'all' ? undefined : q.status,
    };
    return this.#request('listSignIns', o, { query }, (v) =>
      parsePage(v, parseSignIn, q.pageSize ?? MAX_LIST_ITEMS),
    );
  }

  async removeSignIn(id: string, o: RequestOptions) {
    await this.#request('removeSignIn', o, { id }, () => null);
  }

  revokeOtherSignIns(o: RequestOptions) {
    return this.#request('revokeOtherSignIns', o, { body: {} }, parseRevoked);
  }

  switchSignIn(signInId: string, o: RequestOptions) {
    return this.#request('switchSignIn', o, { body: { signInId } }, parseSession, true);
  }

  switchOrganization(organizationId: string | null, o: RequestOptions) {
    return this.#request('switchOrganization', o, { body: { organizationId } }, parseSession, true);
  }

  switchWorkspace(workspaceId: string, o: RequestOptions) {
    return this.#request('switchWorkspace', o, { body: { workspaceId } }, parseSession, true);
  }

  listOrganizations(o: RequestOptions) {
    return this.#request('listOrganizations', o, {}, (v) =>
      parseList(v, parseOrganization, 'organization list'),
    );
  }

  listWorkspaces(organizationId: string | undefined, o: RequestOptions) {
    const query = { organizationId: organizationId || undefined };
    return this.#request('listWorkspaces', o, { query }, (v) =>
      parseList(v, parseWorkspace, 'workspace list'),
    );
  }

  signOut(target: SignOutTarget, o: RequestOptions) {
    return this.#request('signOut', o, { body: target }, parseSignOut);
  }

  getToken(template: string | undefined, o: RequestOptions) {
    const query = { template: template || undefined };
    return this.#request('getToken', o, { query }, parseToken);
  }

  exchangeTicket(ticket: string, o: RequestOptions) {
    return this.#request('exchangeTicket', o, { body: { ticket } }, parseSession, true);
  }

  /**
   * Live updates over `GET /events` (Server-Sent Events read through fetch, so
   * statuses, Retry-After and Last-Event-ID are ours to handle). The controller
   * reconnects after the one `closed` event; stopping sends none. The tabs of
   * one origin share one stream where the browser allows (see subscribeShared).
   */
  subscribe(onEvent: (event: LiveEvent) => void, o: RequestOptions): () => void {
    const controller = new AbortController();
    const stop = () => controller.abort();
    if (o.signal.aborted) stop();
    else o.signal.addEventListener('abort', stop, { once: true });
    controller.signal.addEventListener('abort', () => o.signal.removeEventListener('abort', stop), {
      once: true,
    });
    // Loaded on the first subscription: a page renders before its stream opens.
    void import('./shared-stream.js')
      .then(({ subscribeShared }) =>
        subscribeShared(
          `session-elements-live ${this.baseUrl}`,
          this.#stream,
          onEvent,
          controller.signal,
        ),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          onEvent({ type: 'closed', error: toSessionError(error) });
        }
      });
    return stop;
  }

  /**
   * One HTTP exchange on the operation's route (src/core/routes.ts). With
   * `nullOn401`, a 401 means "signed out" and resolves `null` instead of
   * rejecting (the session endpoints).
   */
  async #request<T>(
    operation: Operation,
    o: RequestOptions,
    parts: RequestParts,
    parse: (value: unknown) => T,
    nullOn401?: false,
  ): Promise<T>;
  async #request<T>(
    operation: Operation,
    o: RequestOptions,
    parts: RequestParts,
    parse: (value: unknown) => T,
    nullOn401: true,
  ): Promise<T | null>;
  async #request<T>(
    operation: Operation,
    o: RequestOptions,
    parts: RequestParts,
    parse: (value: unknown) => T,
    nullOn401 = false,
  ): Promise<T | null> {
    const { method, path } = HTTP_ROUTES[operation];
    const filled = path.replace('{id}', encodeURIComponent(parts.id ?? ''));
    const query = queryString(parts.query ?? {});
    const body = method === 'GET' ? undefined : (parts.body ?? {});
    const response = await send(this.#fetch, method, this.baseUrl + filled + query, o, body);
    if (response.status === 401 && nullOn401) return null;
    return parse(await readJson(await ensureOk(response), o));
  }
}

function parseSessionOrNull(value: unknown) {
  return value === null ? null : parseSession(value);
}
