import type { SessionError } from './errors.js';
import type {
  ListSignInsQuery,
  Organization,
  Page,
  Session,
  SignIn,
  SignOutResult,
  SignOutTarget,
  TokenResult,
  Workspace,
} from './types.js';

/** What a backend can do; elements hide the controls whose capability is false. */
export interface BackendCapabilities {
  multiSession: boolean;
  organizations: boolean;
  workspaces: boolean;
  tokens: boolean;
  ticketExchange: boolean;
  revokeOthers: boolean;
  signOutEverywhere: boolean;
  statusFilter: boolean;
  /** The backend can push changes (`subscribe`), so the controller need not wait for a poll. */
  liveUpdates: boolean;
  /**
   * The most sign-ins one `listSignIns` page holds. The controller never asks
   * for more, and a backend answers a bigger request with a page of this size.
   */
  maxPageSize: number;
}

/** The largest sign-in page of the kit's own server handler (and the default of every backend). */
export const MAX_PAGE_SIZE = 100;

/** Every feature off: adapters start here and switch on what their auth system can do. */
export const NO_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  multiSession: false,
  organizations: false,
  workspaces: false,
  tokens: false,
  ticketExchange: false,
  revokeOthers: false,
  signOutEverywhere: false,
  statusFilter: false,
  liveUpdates: false,
  maxPageSize: MAX_PAGE_SIZE,
});

/** Every feature on: a backend that speaks the kit's whole HTTP contract. */
export const ALL_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  multiSession: true,
  organizations: true,
  workspaces: true,
  tokens: true,
  ticketExchange: true,
  revokeOthers: true,
  signOutEverywhere: true,
  statusFilter: true,
  liveUpdates: true,
  maxPageSize: MAX_PAGE_SIZE,
});

/**
 * A frozen capability set: `base` (every feature off unless given) with
 * `changes` on top, so each backend states only how it differs.
 */
export function capabilities(
  changes: Partial<BackendCapabilities> = {},
  base: Readonly<BackendCapabilities> = NO_CAPABILITIES,
): Readonly<BackendCapabilities> {
  return Object.freeze({ ...base, ...changes });
}

/** Every backend call gets a signal; the controller aborts it on timeout or when superseded. */
export interface RequestOptions {
  signal: AbortSignal;
}

/**
 * What a live-update subscription reports: `open` once connected (again);
 * `change` when a sign-in of the user or this browser's active sign-in,
 * organization or workspace changed (ids and kinds only; the controller
 * revalidates); `signed-out` when this browser's last sign-in ended; `closed`
 * when the stream ended for good, with the error if it failed (the controller
 * reconnects with backoff, honouring a 429's `retryAfter`).
 */
/**
 * A change a live stream announces: `kind` is `created`, `revoked` or
 * `expired` for a sign-in of this user (`signInId`), `changed` for this
 * browser's active sign-in, organization or workspace, or `resync`.
 */
export interface LiveChange {
  type: 'change';
  kind: string;
  signInId?: string;
}

export type LiveEvent =
  { type: 'open' } | LiveChange | { type: 'signed-out' } | { type: 'closed'; error?: SessionError };

/**
 * The whole surface the kit needs from an auth system. Implementations must
 * validate what they receive and reject with a `SessionError` (code
 * `invalid-response` for a malformed payload) rather than return bad data.
 */
export interface SessionBackend {
  readonly capabilities: BackendCapabilities;
  /** Resolves `null` when nobody is signed in. */
  getSession(o: RequestOptions): Promise<Session | null>;
  listSignIns(q: ListSignInsQuery, o: RequestOptions): Promise<Page<SignIn>>;
  removeSignIn(id: string, o: RequestOptions): Promise<void>;
  revokeOtherSignIns(o: RequestOptions): Promise<{ revoked: number }>;
  switchSignIn(id: string, o: RequestOptions): Promise<Session | null>;
  switchOrganization(id: string | null, o: RequestOptions): Promise<Session | null>;
  switchWorkspace(id: string, o: RequestOptions): Promise<Session | null>;
  listOrganizations(o: RequestOptions): Promise<Organization[]>;
  listWorkspaces(organizationId: string | undefined, o: RequestOptions): Promise<Workspace[]>;
  signOut(t: SignOutTarget, o: RequestOptions): Promise<SignOutResult>;
  getToken(template: string | undefined, o: RequestOptions): Promise<TokenResult>;
  exchangeTicket(ticket: string, o: RequestOptions): Promise<Session | null>;
  /**
   * With `capabilities.liveUpdates`: pushes changes to `onEvent` until `o.signal`
   * aborts or the returned function is called; ends with exactly one `closed`
   * event unless it was stopped. Never throws.
   */
  subscribe?(onEvent: (event: LiveEvent) => void, o: RequestOptions): () => void;
}
