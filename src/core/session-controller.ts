import type { BackendCapabilities, LiveChange, SessionBackend } from './backend.js';
import { type Clock, systemClock } from './clock.js';
import type { CrossTab } from './cross-tab.js';
import { lazy } from './lazy.js';
import type { LiveLink } from './live.js';
import type { MutationHost, Mutations } from './mutations.js';
import {
  browserEnvironment,
  type EnvironmentEvent,
  type SessionEnvironment,
} from './environment.js';
import { type ApiResult, SessionError, toSessionError } from './errors.js';
import { type RequestPolicy, withRetry } from './request.js';
import { type SessionState, activeSignIn, deepFreeze } from './session-state.js';
import { SingleFlight } from './single-flight.js';
import type { TokenCache } from './token-cache.js';
import type {
  ListSignInsQuery,
  Organization,
  Page,
  Session,
  SignIn,
  SignOutResult,
  SignOutTarget,
  Workspace,
} from './types.js';

export interface SessionControllerOptions {
  backend: SessionBackend;
  /** Poll interval in ms while the page is visible and online; 0 turns polling off. */
  refreshInterval?: number;
  /** Revalidate when the window regains focus or the network comes back (throttled to 5 s). */
  revalidateOnFocus?: boolean;
  /**
   * Sync sign-out, switch and revoke across tabs with a BroadcastChannel,
   * held only while the controller has subscribers. With `true` (the default)
   * the channel's code is loaded with `import()` when first needed.
   */
  crossTab?: boolean | CrossTab;
  /** Bound on every backend call, in ms. */
  requestTimeout?: number;
  /**
   * Follow the backend's live updates (capability `liveUpdates`) while the
   * controller has subscribers and someone is signed in; polling then slows down
   * and takes over again whenever the stream is down. Default true.
   */
  liveUpdates?: boolean;
  /** Retries for reads that failed on the network, with a 5xx or a 429. */
  maxRetries?: number;
  clock?: Clock;
  environment?: SessionEnvironment;
  /** Source of jitter for retry backoff. */
  random?: () => number;
  /**
   * Origins besides the page's own that a backend's sign-out `redirectUrl` may
   * lead to (e.g. `https://id.example`); a redirect anywhere else is not followed.
   */
  redirectOrigins?: readonly string[];
  /**
   * The session the server rendered the page with (what `GET /` of the HTTP
   * contract answered: a session, or `null` for signed out). The controller
   * starts in that state instead of `loading` and revalidates it with the
   * first subscriber. The caller validates it (see `parseSession`).
   */
  initialSession?: Session | null;
}

/**
 * The live link's code (a page renders before any stream opens), loaded when
 * first someone signed in subscribes to a backend that can push; every
 * controller on the page shares the one load.
 */
const liveModule = lazy(() => import('./live.js'));

/** Loads the live link's code ahead of need. */
export async function loadLiveLink(): Promise<void> {
  await liveModule.load();
}

/** The state a server-given session starts from, at revision 0 like any first answer. */
function startState(session: Session | null): SessionState {
  if (!session) return Object.freeze({ status: 'signed-out', revision: 0 });
  const frozen = deepFreeze(structuredClone(session));
  return Object.freeze({ status: 'signed-in', session: frozen, stale: false, revision: 0 });
}

export const FOCUS_THROTTLE = 5_000;
/** Least time between two reloads that other tabs' messages cause. */
export const CROSS_TAB_THROTTLE = 1_000;
/** Calls every listener, in a copy of the set (a listener may unsubscribe itself). */
function callEach<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      // One broken listener must not starve the others.
      console.error(error);
    }
  }
}

/** While the live stream is healthy, polls come this many times less often. */
export const LIVE_POLL_FACTOR = 4;

/**
 * The code of switching, signing out and revoking (a page renders, and often
 * lives, without changing anything), loaded on the first such call. One load
 * for the page, so calls waiting on it go on in call order.
 */
const mutationsModule = lazy(() => import('./mutations.js'));

/** The token cache's code, loaded with the first `getToken()`: most pages never ask for a token. */
const tokenCacheModule = lazy(() => import('./token-cache.js'));

/** The default cross-tab channel's code, loaded when it is first needed. */
const crossTabModule = lazy(() => import('./cross-tab.js'));

type Listener = (state: SessionState) => void;

/**
 * How a session answer moves the revision: `true` always bumps it, `false`
 * only when the session changed, `'bumped'` never (its mutation did already).
 */
type Bump = boolean | 'bumped';

interface SessionFlight {
  epoch: number;
  controller: AbortController;
  promise: Promise<SessionState>;
  /** An attempt failed and the next one waits out its backoff: a refetch starts it now. */
  retrying?: boolean;
}

/**
 * The headless store behind every element: one session request in flight at a
 * time, responses that a newer request or a mutation overtook are dropped,
 * mutations run one after another in call order, and every mutation bumps
 * `revision` exactly once so lists keyed on it refetch once. Without
 * subscribers it holds no channel, timer, listener or session request.
 */
export class SessionController {
  readonly backend: SessionBackend;
  readonly refreshInterval: number;
  readonly revalidateOnFocus: boolean;
  /** Origins a backend's sign-out redirect may lead to besides the page's (see the option). */
  readonly redirectOrigins: readonly string[];

  #state: SessionState = Object.freeze({ status: 'loading' });
  #revision = 0;
  /** Bumped when a mutation starts and ends; a fetch from an older epoch is stale. */
  #epoch = 0;
  #sessionFlight: SessionFlight | null = null;
  #lastRevalidate = -Infinity;
  #listeners = new Set<Listener>();
  #liveListeners = new Set<(change: LiveChange) => void>();
  #pollTimer: unknown = null;
  #unlisten: (() => void) | null = null;
  #reads = new SingleFlight<unknown>();
  /**
   * Reads started before the first session arrived: a cold page asks for its
   * first list beside the session, and the revision that session produces
   * takes the answer (once) instead of asking again. Any other change drops them.
   */
  #early = new Map<string, Promise<unknown>>();
  /** Switching, signing out and revoking, created on the first such call (see `#mutate`). */
  #mutations: Mutations | undefined;
  /** Created with the first `getToken()`: most pages never ask for a token. */
  #tokens: TokenCache | undefined;
  /** The channel given, or the default one once loaded; null when off or not loaded yet. */
  #crossTab: CrossTab | null;
  readonly #defaultCrossTab: boolean;
  #clock: Clock;
  #environment: SessionEnvironment;
  #policy: RequestPolicy;
  #disposed = false;
  #otherTabTimer: unknown = null;
  #otherTabAgain = false;
  readonly #liveUpdates: boolean;
  /** The live subscription, loaded on first need (see `#syncLive`); null until then. */
  #live: LiveLink | null = null;
  #liveLoading: Promise<void> | undefined;
  /** Until when a live change counts as the echo of our own mutation (see LIVE_ECHO_WINDOW). */
  #echoUntil = -Infinity;

  constructor(options: SessionControllerOptions) {
    this.backend = options.backend;
    this.refreshInterval = pollInterval(options.refreshInterval);
    this.revalidateOnFocus = options.revalidateOnFocus ?? true;
    this.redirectOrigins = Object.freeze([...(options.redirectOrigins ?? [])]);
    this.#clock = options.clock ?? systemClock;
    this.#environment = options.environment ?? browserEnvironment();
    this.#policy = {
      clock: this.#clock,
      timeout: options.requestTimeout ?? 15_000,
      retries: options.maxRetries ?? 3,
      random: options.random ?? Math.random,
    };
    this.#liveUpdates = options.liveUpdates ?? true;
    const crossTab = options.crossTab ?? true;
    this.#defaultCrossTab = crossTab === true;
    this.#crossTab = crossTab === true ? null : crossTab || null;
    if (options.initialSession !== undefined) this.#state = startState(options.initialSession);
  }

  get capabilities(): BackendCapabilities {
    return this.backend.capabilities;
  }

  getSnapshot = (): SessionState => this.#state;

  /**
   * Calls `listener` now and after every change; the first subscriber starts
   * loading, polling and listening, the last one to leave stops them.
   */
  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    listener(this.#state);
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#stop();
    };
  };

  /**
   * Calls `listener` with each change the live stream announces, after the
   * controller has acted on it, until the returned function is called. It
   * opens no stream by itself: one is open while the controller has
   * subscribers, someone is signed in and the backend can push.
   */
  onLiveChange(listener: (change: LiveChange) => void): () => void {
    this.#liveListeners.add(listener);
    return () => this.#liveListeners.delete(listener);
  }

  /** Revalidates the session; concurrent calls share one request. Never rejects. */
  refetch(): Promise<SessionState> {
    // A load waiting out its backoff starts over now: the user asked ("Try again").
    const waiting = this.#sessionFlight;
    if (waiting?.retrying) {
      waiting.controller.abort();
      this.#sessionFlight = null;
    }
    return this.#load(false);
  }

  async switchSignIn(signInId: string): Promise<void> {
    this.#require('multiSession');
    await this.#mutate((m) => m.switchSignIn(signInId));
  }

  /** `null` switches to the personal account. */
  async switchOrganization(organizationId: string | null = null): Promise<void> {
    this.#require('organizations');
    await this.#mutate((m) => m.switchOrganization(organizationId));
  }

  async switchWorkspace(workspaceId: string): Promise<void> {
    this.#require('workspaces');
    await this.#mutate((m) => m.switchWorkspace(workspaceId));
  }

  async exchangeTicket(ticket: string): Promise<void> {
    this.#require('ticketExchange');
    await this.#mutate((m) => m.exchangeTicket(ticket));
  }

  /**
   * A string signs out that account on this browser; `{ all }` every account on
   * this browser; `{ everywhere }` every device; nothing, the active account.
   */
  async signOut(target?: string | SignOutTarget): Promise<SignOutResult> {
    const normalized: SignOutTarget =
      typeof target === 'string' ? { signInId: target } : { ...target };
    if (normalized.everywhere) this.#require('signOutEverywhere');
    return this.#mutate((m) => m.signOut(normalized));
  }

  /** A bearer token for the active sign-in, organization and workspace; memory only. */
  async getToken(template?: string): Promise<string> {
    this.#require('tokens');
    const tokens = await this.#tokenCache();
    if (this.#state.status === 'loading') await this.#load(false);
    if (this.#state.status === 'error') throw this.#state.error;
    const signIn = activeSignIn(this.#state);
    if (!signIn) throw new SessionError('unauthorized', 'Nobody is signed in.');
    const key = [
      signIn.id,
      signIn.active_organization_membership_id ?? '',
      signIn.active_workspace_membership_id ?? '',
      template ?? '',
    ].join('\u0000');
    return tokens.get(key, () =>
      withRetry((signal) => this.backend.getToken(template, { signal }), this.#policy),
    );
  }

  /** The current user's sign-ins on every device; identical concurrent queries share a request. */
  listSignIns(
    query: ListSignInsQuery = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<Page<SignIn>> {
    // Never more than the backend states it serves: a larger request reads as its largest page.
    const max = this.backend.capabilities.maxPageSize;
    const size = query.pageSize ?? 10;
    const q = {
      page: query.page ?? 1,
      pageSize: max >= 1 ? Math.min(size, max) : size,
      status: query.status ?? 'all',
    };
    return this.#read(
      `signins:${JSON.stringify(q)}`,
      (signal) => this.backend.listSignIns(q, { signal }),
      options.signal,
    );
  }

  listOrganizations(options: { signal?: AbortSignal } = {}): Promise<Organization[]> {
    this.#require('organizations');
    return this.#read(
      'organizations',
      (signal) => this.backend.listOrganizations({ signal }),
      options.signal,
    );
  }

  listWorkspaces(
    organizationId?: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<Workspace[]> {
    this.#require('workspaces');
    return this.#read(
      `workspaces:${organizationId ?? ''}`,
      (signal) => this.backend.listWorkspaces(organizationId, { signal }),
      options.signal,
    );
  }

  /**
   * Revokes one sign-in by id; never rejects. Resolves once the server
   * confirmed: the revision moves then, and the session reloads beside the
   * lists that refetch for it.
   */
  removeSignIn(signInId: string): Promise<ApiResult<void>> {
    return this.#settle(this.#mutate((m) => m.removeSignIn(signInId)));
  }

  /**
   * Revokes every sign-in of the current user except this browser's; never
   * rejects, and resolves on the server's confirmation like `removeSignIn`.
   */
  revokeOtherSignIns(): Promise<ApiResult<{ revoked: number }>> {
    this.#require('revokeOthers');
    return this.#settle(this.#mutate((m) => m.revokeOtherSignIns()));
  }

  /**
   * Stops polling, listeners and cross-tab sync and rejects queued mutations
   * as `aborted`; the controller is unusable afterwards. A mutation already
   * sent is left to finish (aborting it would leave the user unsure whether,
   * say, the sign-out happened); other tabs still hear of it, but its result
   * is not applied here.
   */
  dispose(): void {
    this.#disposed = true;
    this.#stop();
    this.#mutations?.cancel(disposedError());
    this.#reads.abortAll();
    this.#early.clear();
    this.#tokens?.clear();
    this.#listeners.clear();
    this.#liveListeners.clear();
  }

  // ---- internals -------------------------------------------------------------------------------

  /** The token cache, created once its code is there (a failed load is tried again next time). */
  async #tokenCache(): Promise<TokenCache> {
    if (this.#tokens) return this.#tokens;
    try {
      const { TokenCache } = await tokenCacheModule.load();
      return (this.#tokens ??= new TokenCache(this.#clock));
    } catch (error) {
      throw toSessionError(error);
    }
  }

  /**
   * Calls `use` with the cross-tab channel: at once when there is one; the
   * default one is loaded first (a page renders before it needs it), and a
   * failed load is tried again by the next call.
   */
  #withCrossTab(use: (tab: CrossTab) => void): void {
    if (this.#crossTab) return use(this.#crossTab);
    if (!this.#defaultCrossTab) return;
    crossTabModule.load().then(
      ({ CrossTab }) => use((this.#crossTab ??= CrossTab.open())),
      () => undefined,
    );
  }

  #require(capability: keyof BackendCapabilities): void {
    if (!this.backend.capabilities[capability]) {
      throw new SessionError('unsupported', `This backend does not support ${capability}.`);
    }
  }

  #read<T>(
    key: string,
    run: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const id = `${this.#epoch}:${key}`;
    const early = this.#early.get(id);
    if (early) {
      this.#early.delete(id);
      return early as Promise<T>;
    }
    const start = (shared: AbortSignal) => withRetry(run, this.#policy, shared);
    if (this.#state.status === 'loading') {
      // Kept without the caller's signal; handled here so an unused one never goes unhandled.
      const kept = this.#reads.run(id, start);
      kept.catch(() => undefined);
      this.#early.set(id, kept);
    }
    return this.#reads.run(id, start, signal) as Promise<T>;
  }

  async #settle<T>(promise: Promise<T>): Promise<ApiResult<T>> {
    try {
      return { ok: true, data: await promise };
    } catch (error) {
      return { ok: false, error: toSessionError(error) };
    }
  }

  /**
   * Runs `change` on the mutations, loading their code first if need be (at
   * most one load per page; a failed one is tried again by the next call).
   * Calls made while it loads keep their order: they wait on the same load.
   */
  #mutate<T>(change: (mutations: Mutations) => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(disposedError());
    if (this.#mutations) return change(this.#mutations);
    const loaded = mutationsModule.loaded;
    if (loaded) {
      this.#mutations = new loaded.Mutations(this.#mutationHost());
      return change(this.#mutations);
    }
    return mutationsModule.load().then(
      () => this.#mutate(change),
      (error: unknown) => Promise.reject(toSessionError(error)),
    );
  }

  /** What the mutations reach of this controller's insides. */
  #mutationHost(): MutationHost {
    return {
      backend: this.backend,
      clock: this.#clock,
      policy: this.#policy,
      disposed: () => this.#disposed,
      getSnapshot: this.getSnapshot,
      overtake: () => this.#overtake(),
      echo: (until) => (this.#echoUntil = until),
      clearTokens: () => this.#tokens?.clear(),
      post: (kind) => this.#withCrossTab((tab) => tab.post(kind)),
      apply: (session) => this.#apply(session, true),
      load: (bump) => this.#load(bump),
      bumpRevision: () => this.#bumpRevision(),
    };
  }

  /** Moves the revision without a reload, so mounted lists refetch. */
  #bumpRevision(): void {
    const state = this.#state;
    if (state.status === 'signed-in') this.#set({ ...state, revision: ++this.#revision });
  }

  /** Anything in flight now started before a change and must not be applied. */
  #overtake(): void {
    this.#epoch++;
    this.#early.clear();
    this.#sessionFlight?.controller.abort();
    this.#sessionFlight = null;
  }

  #load(bump: Bump): Promise<SessionState> {
    if (this.#disposed) return Promise.resolve(this.#state);
    const current = this.#sessionFlight;
    if (current && current.epoch === this.#epoch && !bump) return current.promise;
    current?.controller.abort();

    const epoch = this.#epoch;
    const controller = new AbortController();
    this.#lastRevalidate = this.#clock.now();
    const promise = withRetry(
      (signal) => this.backend.getSession({ signal }),
      this.#policy,
      controller.signal,
      (error) => this.#retrying(flight, error),
    ).then(
      (session) => {
        if (flight !== this.#sessionFlight || epoch !== this.#epoch) return this.#latest();
        this.#sessionFlight = null;
        this.#apply(session, bump);
        return this.#state;
      },
      (error: unknown) => {
        if (flight !== this.#sessionFlight || epoch !== this.#epoch) return this.#latest();
        this.#sessionFlight = null;
        this.#fail(toSessionError(error), bump);
        return this.#state;
      },
    );
    const flight: SessionFlight = { epoch, controller, promise };
    this.#sessionFlight = flight;
    return promise;
  }

  /** A first load that failed says so at once (still loading) instead of after every retry. */
  #retrying(flight: SessionFlight, error: SessionError): void {
    flight.retrying = true;
    if (flight !== this.#sessionFlight || this.#state.status !== 'loading') return;
    this.#set({ status: 'loading', error });
  }

  /** What a discarded request resolves to: the request that replaced it, or the current state. */
  #latest(): Promise<SessionState> | SessionState {
    return this.#sessionFlight?.promise ?? this.#state;
  }

  #apply(session: Session | null, bump: Bump): void {
    const previous = this.#state;
    if (!session) {
      if (previous.status !== 'signed-out' || bump === true) {
        this.#tokens?.clear();
        this.#set({ status: 'signed-out', revision: this.#nextRevision(bump) });
      }
      return;
    }
    const frozen = deepFreeze(structuredClone(session));
    const before = previous.status === 'signed-in' ? previous.session : null;
    const changed = !before || fingerprint(before) !== fingerprint(frozen);
    if (!changed && bump !== true) {
      if (previous.status === 'signed-in' && previous.stale) {
        this.#set({
          status: 'signed-in',
          session: before!,
          stale: false,
          revision: previous.revision,
        });
      }
      return;
    }
    if (!sameIdentity(before, frozen)) this.#tokens?.clear();
    this.#set({
      status: 'signed-in',
      session: frozen,
      stale: false,
      revision: this.#nextRevision(bump),
    });
  }

  #nextRevision(bump: Bump): number {
    return bump === 'bumped' ? this.#revision : ++this.#revision;
  }

  /** 401 signs out and drops user data; anything else keeps the last good session, marked stale. */
  #fail(error: SessionError, bump: Bump): void {
    if (error.code === 'unauthorized') return this.#apply(null, bump);
    const previous = this.#state;
    const revision =
      bump === true
        ? ++this.#revision
        : previous.status === 'loading'
          ? this.#revision
          : previous.revision;
    if (previous.status === 'signed-in') {
      this.#set({ ...previous, stale: true, error, revision });
    } else if (previous.status === 'signed-out') {
      if (bump === true) this.#set({ status: 'signed-out', revision });
    } else {
      this.#set({ status: 'error', error, revision });
    }
  }

  #set(state: SessionState): void {
    // Early reads count only for the revision the first session produces.
    if (this.#state.status !== 'loading' || state.status !== 'signed-in') this.#early.clear();
    this.#state = Object.freeze(state);
    this.#syncLive();
    callEach(this.#listeners, this.#state);
  }

  #start(): void {
    if (this.#disposed) return;
    if (this.#state.status === 'loading') {
      if (!this.#sessionFlight) void this.#load(false);
    } else if (this.#clock.now() - this.#lastRevalidate >= FOCUS_THROTTLE) {
      // Nobody listened to other tabs meanwhile: catch up, throttled like focus.
      void this.#load(false);
    }
    this.#unlisten = this.#environment.listen((event) => this.#onEnvironment(event));
    this.#withCrossTab((tab) => {
      // The default channel may arrive after the last subscriber left.
      if (this.#listeners.size > 0 && !this.#disposed) tab.listen(() => this.#onOtherTab());
    });
    this.#schedulePoll();
    this.#syncLive();
  }

  /** Lets go of everything that would keep an unused controller busy or reachable. */
  #stop(): void {
    this.#unlisten?.();
    this.#unlisten = null;
    if (this.#pollTimer !== null) this.#clock.clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
    if (this.#otherTabTimer !== null) this.#clock.clearTimeout(this.#otherTabTimer);
    this.#otherTabTimer = null;
    this.#otherTabAgain = false;
    this.#syncLive();
    if (this.#disposed) this.#crossTab?.close();
    else this.#crossTab?.unlisten();
    // Nobody is left to see the answer; the next subscriber starts a fresh load.
    this.#sessionFlight?.controller.abort();
    this.#sessionFlight = null;
  }

  #schedulePoll(): void {
    if (this.refreshInterval <= 0 || this.#disposed) return;
    this.#pollTimer = this.#clock.setTimeout(() => {
      this.#pollTimer = null;
      if (this.#listeners.size === 0) return;
      // A healthy stream tells of changes as they happen; the poll is only its safety net.
      const due = this.#live?.healthy ? this.refreshInterval * LIVE_POLL_FACTOR : 0;
      const visible = this.#environment.isVisible() && this.#environment.isOnline();
      if (visible && this.#clock.now() - this.#lastRevalidate >= due) void this.#load(false);
      this.#schedulePoll();
    }, this.refreshInterval);
  }

  #onEnvironment(event: EnvironmentEvent): void {
    if (!this.revalidateOnFocus || event === 'hidden' || event === 'offline') return;
    if (!this.#environment.isOnline() || !this.#environment.isVisible()) return;
    if (this.#clock.now() - this.#lastRevalidate < FOCUS_THROTTLE) return;
    void this.#load(false);
  }

  /**
   * A live stream is held exactly while it is useful: someone subscribes, a
   * user is signed in, and the backend can push. Otherwise it is closed and
   * any reconnect that was scheduled is dropped. The link's code is loaded the
   * first time it is wanted; a failed load is forgotten so the next change tries again.
   */
  #syncLive(): void {
    const wanted =
      !this.#disposed &&
      this.#liveUpdates &&
      this.#listeners.size > 0 &&
      this.#state.status === 'signed-in' &&
      this.backend.capabilities.liveUpdates &&
      typeof this.backend.subscribe === 'function';
    if (!wanted) return this.#live?.close();
    if (this.#live) return this.#live.open();
    const loaded = liveModule.loaded;
    if (!loaded) {
      this.#liveLoading ??= liveModule.load().then(
        () => this.#syncLive(),
        () => {
          this.#liveLoading = undefined;
        },
      );
      return;
    }
    this.#live = new loaded.LiveLink({
      backend: this.backend,
      clock: this.#clock,
      random: this.#policy.random,
      getSnapshot: this.getSnapshot,
      echoUntil: () => this.#echoUntil,
      reload: () => this.#onOtherTab(),
      bumpRevision: () => this.#bumpRevision(),
      throttle: CROSS_TAB_THROTTLE,
      changed: (change) => callEach(this.#liveListeners, change),
    });
    this.#live.open();
  }

  /**
   * Another tab changed something we cannot see in our own session. At most one
   * reload a second: a burst of messages costs one now and one when it is over.
   */
  #onOtherTab(): void {
    if (this.#otherTabTimer !== null) {
      this.#otherTabAgain = true;
      return;
    }
    this.#overtake();
    void this.#load(true);
    this.#otherTabTimer = this.#clock.setTimeout(() => {
      this.#otherTabTimer = null;
      if (!this.#otherTabAgain) return;
      this.#otherTabAgain = false;
      this.#onOtherTab();
    }, CROSS_TAB_THROTTLE);
  }
}

/** Longest delay timers honour; a longer one fires at once, every time. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * A poll interval that cannot turn into a request loop: not a number → the default
 * 30 s; 0 or less → off; otherwise at least 1 s and at most what timers can wait.
 */
function pollInterval(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 30_000;
  if (value <= 0) return 0;
  return Math.min(Math.max(value, 1_000), MAX_TIMER);
}

function sameIdentity(a: Session | null, b: Session | null): boolean {
  const x = a?.active_signin;
  const y = b?.active_signin;
  return (
    x?.id === y?.id &&
    x?.active_organization_membership_id === y?.active_organization_membership_id &&
    x?.active_workspace_membership_id === y?.active_workspace_membership_id
  );
}

/** Last-active times tick on every request; they alone are not a change worth a revision. */
function fingerprint(session: Session): string {
  return JSON.stringify(session, (key, value: unknown) =>
    key === 'lastActiveAt' ? undefined : value,
  );
}

function disposedError(): SessionError {
  return new SessionError('aborted', 'The session controller was disposed.');
}
