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
}

/** Every backend call gets a signal; the controller aborts it on timeout or when superseded. */
export interface RequestOptions {
  signal: AbortSignal;
}

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
}
