import { SessionError } from '../core/errors.js';
import type {
  CurrentUser,
  ListSignInsQuery,
  Organization,
  Page,
  Session,
  SignIn,
  SignOutResult,
  SignOutTarget,
  TokenResult,
  Workspace,
} from '../core/types.js';
import type { BackendCapabilities, RequestOptions, SessionBackend } from '../core/backend.js';

/**
 * The session of an auth system with one account per browser: `user` signed in
 * through the sign-in `signInId`, which is also the only account on this browser.
 */
export function soleSession(signInId: string, user: CurrentUser): Session {
  const active: SignIn = { id: signInId, user_id: user.id, current: true, user };
  return {
    active_signin: active,
    signins: [{ ...active }],
    signin_attempts: [],
    signup_attempts: [],
  };
}

/**
 * Base class for adapters to auth systems that cover only part of the kit
 * (Auth0Backend, BlockletBackend). Whatever a subclass does not override
 * rejects with `SessionError('unsupported')`, which is what the controller
 * and the elements expect behind a capability that is false.
 */
export abstract class PartialBackend implements SessionBackend {
  abstract readonly capabilities: BackendCapabilities;

  /** Names the adapter in `unsupported` messages. */
  protected abstract readonly adapterName: string;

  abstract getSession(o: RequestOptions): Promise<Session | null>;
  abstract listSignIns(q: ListSignInsQuery, o: RequestOptions): Promise<Page<SignIn>>;
  abstract removeSignIn(id: string, o: RequestOptions): Promise<void>;
  abstract signOut(t: SignOutTarget, o: RequestOptions): Promise<SignOutResult>;

  /** Unsupported unless overridden: signing out every other device at once. */
  revokeOtherSignIns(_o: RequestOptions): Promise<{ revoked: number }> {
    return this.unsupported('revoking every other sign-in');
  }

  /** Unsupported unless overridden: several accounts on one browser. */
  switchSignIn(_id: string, _o: RequestOptions): Promise<Session | null> {
    return this.unsupported('switching between accounts');
  }

  /** Unsupported unless overridden: organizations. */
  switchOrganization(_id: string | null, _o: RequestOptions): Promise<Session | null> {
    return this.unsupported('switching organizations');
  }

  /** Unsupported unless overridden: workspaces. */
  switchWorkspace(_id: string, _o: RequestOptions): Promise<Session | null> {
    return this.unsupported('switching workspaces');
  }

  /** Unsupported unless overridden: organizations. */
  listOrganizations(_o: RequestOptions): Promise<Organization[]> {
    return this.unsupported('organizations');
  }

  /** Unsupported unless overridden: workspaces. */
  listWorkspaces(_organizationId: string | undefined, _o: RequestOptions): Promise<Workspace[]> {
    return this.unsupported('workspaces');
  }

  /** Unsupported unless overridden: bearer tokens for the browser. */
  getToken(_template: string | undefined, _o: RequestOptions): Promise<TokenResult> {
    return this.unsupported('tokens');
  }

  /** Unsupported unless overridden: sign-in tickets. */
  exchangeTicket(_ticket: string, _o: RequestOptions): Promise<Session | null> {
    return this.unsupported('ticket exchange');
  }

  /** A rejection with `SessionError('unsupported')` naming the adapter and the feature. */
  protected unsupported(feature: string): Promise<never> {
    return Promise.reject(
      new SessionError('unsupported', `${this.adapterName} does not support ${feature}.`),
    );
  }
}
