import { SessionError, type SessionErrorCode } from '../core/errors.js';
import type {
  ListSignInsQuery,
  Organization,
  Page,
  Session,
  SignIn,
  SignInStatus,
  SignOutResult,
  SignOutTarget,
  TokenResult,
  Workspace,
} from '../core/types.js';
import { isSignInStatusFilter } from '../core/types.js';
import {
  ALL_CAPABILITIES,
  capabilities,
  type BackendCapabilities,
  type LiveEvent,
  type RequestOptions,
  type SessionBackend,
} from '../core/backend.js';
import { type MemorySeed, demoSeed } from './memory-seed.js';
import { currentThenRecent, pageOf } from './paging.js';
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

export type { MemorySeed } from './memory-seed.js';
export { demoSeed } from './memory-seed.js';

export type MemoryMethod = Exclude<keyof SessionBackend, 'capabilities'>;

export interface MemoryBackendOptions {
  /** The starting data; default: the demo world (one user on eight devices, two accounts here). */
  seed?: MemorySeed;
  /** Added to every call, in ms. */
  latency?: number;
  /** Every feature is on except `liveUpdates` (set it to have `subscribe` push `emit`ted events). */
  capabilities?: Partial<BackendCapabilities>;
  /** Sign-ins seen within this many ms count as online. */
  onlineWindow?: number;
  /** Lifetime of issued tokens, in ms. */
  tokenLifetime?: number;
  /** The current time in ms; inject it to test expiry without waiting. */
  now?: () => number;
}

interface Fault {
  method?: MemoryMethod;
  apply: () => never | unknown;
}

/**
 * An in-browser backend for stories, tests and your own tests. Every payload
 * goes through JSON and the same validation as RestBackend, and faults can be
 * injected: latency, the next call failing with any code, 429 with
 * Retry-After, or a malformed payload.
 */
export class MemoryBackend implements SessionBackend {
  readonly capabilities: BackendCapabilities;
  latency: number;
  onlineWindow: number;
  tokenLifetime: number;
  /** How many times each method was called. */
  readonly calls: Record<string, number> = {};
  #data: MemorySeed;
  #faults: Fault[] = [];
  #tokenCounter = 0;
  #now: () => number;
  #live = new Set<(event: LiveEvent) => void>();

  constructor(options: MemoryBackendOptions = {}) {
    this.#data = structuredClone(options.seed ?? demoSeed());
    this.latency = options.latency ?? 0;
    this.onlineWindow = options.onlineWindow ?? 5 * 60_000;
    this.tokenLifetime = options.tokenLifetime ?? 60_000;
    this.#now = options.now ?? Date.now;
    // Live updates are opt-in: a page of stories or tests that counts requests should not
    // find a stream it did not ask for.
    this.capabilities = capabilities(
      { liveUpdates: false, ...options.capabilities },
      ALL_CAPABILITIES,
    );
  }

  // ---- fault injection ----------------------------------------------------------------------------

  /** The next call (of `method`, or any) fails with this code. */
  failNext(
    code: SessionErrorCode,
    options: { method?: MemoryMethod; status?: number; retryAfter?: number; times?: number } = {},
  ): this {
    for (let i = 0; i < (options.times ?? 1); i++) {
      this.#faults.push({
        method: options.method,
        apply: () => {
          throw new SessionError(code, `Injected ${code} failure.`, {
            status: options.status,
            retryAfter: options.retryAfter,
          });
        },
      });
    }
    return this;
  }

  /** The next call answers 429 with a Retry-After of `seconds`. */
  rateLimitNext(seconds: number, method?: MemoryMethod): this {
    return this.failNext('rate-limited', { method, status: 429, retryAfter: seconds });
  }

  /** The next call returns a payload that does not match the contract. */
  malformNext(method?: MemoryMethod): this {
    this.#faults.push({ method, apply: () => ({ garbage: true, items: 'nope', id: 42 }) });
    return this;
  }

  /** Drops injected faults that have not fired yet. */
  clearFaults(): this {
    this.#faults = [];
    return this;
  }

  // ---- direct data access for tests and demos -------------------------------------------------------

  /** A snapshot of the data as it stands. */
  get data(): MemorySeed {
    return structuredClone(this.#data);
  }

  /** Adds a sign-in for a user (another device signing in); live subscribers hear of it. */
  addSignIn(signIn: SignIn): void {
    this.#data.signins.push(structuredClone(signIn));
    this.emit({ type: 'change', kind: 'created', signInId: signIn.id });
  }

  /** Sends a live-update event to every subscriber, as a server would (tests, stories). */
  emit(event: LiveEvent): void {
    for (const listener of [...this.#live]) listener(event);
  }

  /** Live subscribers right now (to check that a controller lets go of its stream). */
  get liveSubscribers(): number {
    return this.#live.size;
  }

  // ---- live updates -------------------------------------------------------------------------------

  /** Live updates: `open` at once, then whatever `emit` and `addSignIn` announce. */
  subscribe(onEvent: (event: LiveEvent) => void, o: RequestOptions): () => void {
    this.calls.subscribe = (this.calls.subscribe ?? 0) + 1;
    const listener = (event: LiveEvent) => onEvent(event);
    const stop = () => this.#live.delete(listener);
    if (o.signal.aborted) return stop;
    this.#live.add(listener);
    o.signal.addEventListener('abort', stop, { once: true });
    queueMicrotask(() => {
      if (this.#live.has(listener)) onEvent({ type: 'open' });
    });
    return stop;
  }

  // ---- SessionBackend ------------------------------------------------------------------------------

  getSession(o: RequestOptions): Promise<Session | null> {
    return this.#call(
      'getSession',
      o,
      () => this.#session(),
      (v) => (v === null ? null : parseSession(v)),
    );
  }

  listSignIns(q: ListSignInsQuery, o: RequestOptions): Promise<Page<SignIn>> {
    return this.#call(
      'listSignIns',
      o,
      () => {
        if (q.status !== undefined && !isSignInStatusFilter(q.status)) {
          throw new SessionError('bad-request', `Unknown status filter ${String(q.status)}.`, {
            status: 400,
          });
        }
        const active = this.#requireActive();
        const now = this.#now();
        const mine = this.#data.signins
          .filter((s) => s.user_id === active.user_id)
          .filter((s) => !q.status || q.status === 'all' || this.#status(s, now) === q.status)
          .map((s) => ({ ...s, current: s.id === active.id }))
          .sort(currentThenRecent);
        return pageOf(mine, q, this.capabilities.maxPageSize);
      },
      (v) => parsePage(v, parseSignIn),
    );
  }

  removeSignIn(id: string, o: RequestOptions): Promise<void> {
    return this.#call(
      'removeSignIn',
      o,
      () => {
        const active = this.#requireActive();
        const target = this.#data.signins.find((s) => s.id === id && s.user_id === active.user_id);
        if (!target) throw new SessionError('not-found', 'No such sign-in.', { status: 404 });
        this.#drop([id]);
        return null;
      },
      () => undefined,
    );
  }

  revokeOtherSignIns(o: RequestOptions): Promise<{ revoked: number }> {
    return this.#call(
      'revokeOtherSignIns',
      o,
      () => {
        const active = this.#requireActive();
        const others = this.#data.signins
          .filter((s) => s.user_id === active.user_id && s.id !== active.id)
          .map((s) => s.id);
        this.#drop(others);
        return { revoked: others.length };
      },
      parseRevoked,
    );
  }

  switchSignIn(id: string, o: RequestOptions): Promise<Session | null> {
    return this.#call(
      'switchSignIn',
      o,
      () => {
        this.#requireActive();
        if (!this.#data.browser.includes(id)) {
          throw new SessionError('not-found', 'That account is not signed in here.', {
            status: 404,
          });
        }
        const target = this.#find(id);
        if (this.#status(target, this.#now()) === 'expired') {
          throw new SessionError('unauthorized', 'That sign-in has expired.', { status: 401 });
        }
        this.#data.active = id;
        return this.#session();
      },
      (v) => parseSession(v),
    );
  }

  switchOrganization(id: string | null, o: RequestOptions): Promise<Session | null> {
    return this.#call(
      'switchOrganization',
      o,
      () => {
        const active = this.#requireActive();
        const signIn = this.#find(active.id);
        if (id === null) {
          delete signIn.active_organization_membership_id;
        } else {
          const org = this.#orgsOf(active.user_id).find((org) => org.id === id);
          if (!org) throw new SessionError('not-found', 'No such organization.', { status: 404 });
          signIn.active_organization_membership_id = org.membership_id;
        }
        delete signIn.active_workspace_membership_id;
        return this.#session();
      },
      (v) => parseSession(v),
    );
  }

  switchWorkspace(id: string, o: RequestOptions): Promise<Session | null> {
    return this.#call(
      'switchWorkspace',
      o,
      () => {
        const active = this.#requireActive();
        const signIn = this.#find(active.id);
        const org = this.#activeOrg(active);
        const workspace = this.#data.workspaces.find(
          (w) => w.id === id && w.organization_id === org?.id,
        );
        if (!workspace) throw new SessionError('not-found', 'No such workspace.', { status: 404 });
        signIn.active_workspace_membership_id = workspace.membership_id;
        return this.#session();
      },
      (v) => parseSession(v),
    );
  }

  listOrganizations(o: RequestOptions): Promise<Organization[]> {
    return this.#call(
      'listOrganizations',
      o,
      () => this.#orgsOf(this.#requireActive().user_id).map(({ user_id: _user, ...org }) => org),
      (v) => parseList(v, parseOrganization, 'organization list'),
    );
  }

  listWorkspaces(organizationId: string | undefined, o: RequestOptions): Promise<Workspace[]> {
    return this.#call(
      'listWorkspaces',
      o,
      () => {
        const active = this.#requireActive();
        const orgId = organizationId ?? this.#activeOrg(active)?.id;
        if (!orgId) return [];
        if (!this.#orgsOf(active.user_id).some((org) => org.id === orgId)) return [];
        return this.#data.workspaces.filter((w) => w.organization_id === orgId);
      },
      (v) => parseList(v, parseWorkspace, 'workspace list'),
    );
  }

  signOut(target: SignOutTarget, o: RequestOptions): Promise<SignOutResult> {
    return this.#call(
      'signOut',
      o,
      () => {
        const active = this.#requireActive();
        if (target.everywhere) {
          this.#drop(
            this.#data.signins.filter((s) => s.user_id === active.user_id).map((s) => s.id),
          );
        } else if (target.all) {
          this.#drop([...this.#data.browser]);
        } else {
          const id = target.signInId ?? active.id;
          if (!this.#data.browser.includes(id)) {
            throw new SessionError('not-found', 'That account is not signed in here.', {
              status: 404,
            });
          }
          this.#drop([id]);
        }
        return {};
      },
      parseSignOut,
    );
  }

  getToken(template: string | undefined, o: RequestOptions): Promise<TokenResult> {
    return this.#call(
      'getToken',
      o,
      () => {
        const active = this.#requireActive();
        const expiresAt = this.#now() + this.tokenLifetime;
        const claims = {
          sub: active.user_id,
          sid: active.id,
          org: this.#activeOrg(active)?.id ?? null,
          ws: active.active_workspace_membership_id ?? null,
          tpl: template ?? null,
          exp: Math.floor(expiresAt / 1000),
          jti: ++this.#tokenCounter,
        };
        const encode = (value: unknown) =>
          btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
        return {
          token: `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.memory`,
          expiresAt,
        };
      },
      parseToken,
    );
  }

  exchangeTicket(ticket: string, o: RequestOptions): Promise<Session | null> {
    return this.#call(
      'exchangeTicket',
      o,
      () => {
        const signIn = this.#data.signins.find((s) => `ticket:${s.id}` === ticket);
        if (!signIn)
          throw new SessionError('not-found', 'Unknown or used ticket.', { status: 404 });
        if (!this.#data.browser.includes(signIn.id)) this.#data.browser.push(signIn.id);
        this.#data.active = signIn.id;
        return this.#session();
      },
      (v) => parseSession(v),
    );
  }

  // ---- internals -------------------------------------------------------------------------------------

  /** Latency, abort, faults, then the operation; its result travels as JSON through validation. */
  async #call<T>(
    method: MemoryMethod,
    o: RequestOptions,
    operation: () => unknown,
    parse: (value: unknown) => T,
  ): Promise<T> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (this.latency > 0) await delay(this.latency, o.signal);
    if (o.signal.aborted) throw new SessionError('aborted', 'The request was aborted.');
    const index = this.#faults.findIndex((f) => !f.method || f.method === method);
    const fault = index === -1 ? undefined : this.#faults.splice(index, 1)[0];
    const raw = fault ? fault.apply() : operation();
    return parse(raw === undefined ? undefined : JSON.parse(JSON.stringify(raw)));
  }

  #find(id: string): SignIn {
    const signIn = this.#data.signins.find((s) => s.id === id);
    if (!signIn) throw new SessionError('not-found', 'No such sign-in.', { status: 404 });
    return signIn;
  }

  #requireActive(): SignIn {
    const signIn = this.#data.active
      ? this.#data.signins.find((s) => s.id === this.#data.active)
      : undefined;
    if (!signIn) throw new SessionError('unauthorized', 'Not signed in.', { status: 401 });
    return signIn;
  }

  #orgsOf(userId: string | undefined) {
    return this.#data.organizations.filter((org) => org.user_id === userId);
  }

  #activeOrg(signIn: SignIn) {
    return this.#orgsOf(signIn.user_id).find(
      (org) => org.membership_id === signIn.active_organization_membership_id,
    );
  }

  #status(signIn: SignIn, now: number): SignInStatus {
    if (signIn.expiresAt && Date.parse(signIn.expiresAt) <= now) return 'expired';
    const last = Date.parse(signIn.lastActiveAt ?? '');
    return now - last <= this.onlineWindow ? 'online' : 'offline';
  }

  /** Removes sign-ins everywhere; if the active one goes, the next account here takes over. */
  #drop(ids: string[]): void {
    this.#data.signins = this.#data.signins.filter((s) => !ids.includes(s.id));
    this.#data.browser = this.#data.browser.filter((id) => !ids.includes(id));
    if (this.#data.active && ids.includes(this.#data.active)) {
      this.#data.active = this.#data.browser[0] ?? null;
    }
  }

  #session(): Session | null {
    const active = this.#data.active
      ? this.#data.signins.find((s) => s.id === this.#data.active)
      : undefined;
    if (!active) return null;
    return {
      active_signin: { ...active, current: true },
      signins: this.#data.browser
        .map((id) => this.#data.signins.find((s) => s.id === id))
        .filter((s): s is SignIn => !!s)
        .map((s) => ({ ...s, current: s.id === active.id })),
      signin_attempts: [],
      signup_attempts: [],
    };
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SessionError('aborted', 'The request was aborted.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
