import type { SessionError } from './core/errors.js';
import type { SessionState } from './core/session-state.js';
import type { Organization, SignIn, Workspace } from './core/types.js';

/**
 * Every event the kit dispatches bubbles and crosses shadow roots. A
 * present-tense event is cancelable and fires before the request; its past
 * tense fires after the server confirmed.
 */
export class SessionElementsEvent<T> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = Object.freeze(detail);
  }
}

/** What the user tried to do when something failed or asked for re-authentication. */
export type SessionAction =
  | 'load'
  | 'list-signins'
  | 'revoke-signin'
  | 'revoke-others'
  | 'switch-account'
  | 'switch-organization'
  | 'switch-workspace'
  | 'sign-out'
  | 'list-organizations'
  | 'list-workspaces';

export type RevokeScope = 'one' | 'others';
export type SignOutScope = 'signin' | 'session' | 'everywhere';

export interface SignInRevokeDetail {
  signins: readonly SignIn[];
  scope: RevokeScope;
}
export interface AccountSwitchDetail {
  signin: SignIn;
}
export interface OrganizationSwitchDetail {
  /** `null` is the personal account. */
  organization: Organization | null;
}
export interface WorkspaceSwitchDetail {
  workspace: Workspace;
}
export interface SignOutDetail {
  scope: SignOutScope;
  signInId?: string;
  redirectUrl?: string;
}
export interface NewSignInDetail {
  /** The sign-in another device just made, as the device list shows it. */
  signin: SignIn;
}
export interface SessionChangeDetail {
  state: SessionState;
}
export interface SessionErrorDetail {
  error: SessionError;
  action: SessionAction;
}
export interface ReauthRequiredDetail {
  action: SessionAction;
  /** Runs the action again, e.g. after the user confirmed who they are in a popup. */
  retry(): void;
}

export class SignInRevokeEvent extends SessionElementsEvent<SignInRevokeDetail> {
  constructor(detail: SignInRevokeDetail) {
    super('signin-revoke', detail, true);
  }
}
export class SignInRevokedEvent extends SessionElementsEvent<SignInRevokeDetail> {
  constructor(detail: SignInRevokeDetail) {
    super('signin-revoked', detail);
  }
}
/** Opt-in (`<session-provider new-signin-events>`): this user signed in on another device. */
export class NewSignInEvent extends SessionElementsEvent<NewSignInDetail> {
  constructor(detail: NewSignInDetail) {
    super('new-signin', detail);
  }
}
export class AccountSwitchEvent extends SessionElementsEvent<AccountSwitchDetail> {
  constructor(detail: AccountSwitchDetail) {
    super('account-switch', detail, true);
  }
}
export class AccountSwitchedEvent extends SessionElementsEvent<AccountSwitchDetail> {
  constructor(detail: AccountSwitchDetail) {
    super('account-switched', detail);
  }
}
export class OrganizationSwitchEvent extends SessionElementsEvent<OrganizationSwitchDetail> {
  constructor(detail: OrganizationSwitchDetail) {
    super('organization-switch', detail, true);
  }
}
export class OrganizationSwitchedEvent extends SessionElementsEvent<OrganizationSwitchDetail> {
  constructor(detail: OrganizationSwitchDetail) {
    super('organization-switched', detail);
  }
}
export class WorkspaceSwitchEvent extends SessionElementsEvent<WorkspaceSwitchDetail> {
  constructor(detail: WorkspaceSwitchDetail) {
    super('workspace-switch', detail, true);
  }
}
export class WorkspaceSwitchedEvent extends SessionElementsEvent<WorkspaceSwitchDetail> {
  constructor(detail: WorkspaceSwitchDetail) {
    super('workspace-switched', detail);
  }
}
export class SignOutEvent extends SessionElementsEvent<SignOutDetail> {
  constructor(detail: SignOutDetail) {
    super('sign-out', detail, true);
  }
}
export class SignedOutEvent extends SessionElementsEvent<SignOutDetail> {
  constructor(detail: SignOutDetail) {
    super('signed-out', detail);
  }
}
export class SessionChangeEvent extends SessionElementsEvent<SessionChangeDetail> {
  constructor(detail: SessionChangeDetail) {
    super('session-change', detail);
  }
}
export class SessionErrorEvent extends SessionElementsEvent<SessionErrorDetail> {
  constructor(detail: SessionErrorDetail) {
    super('session-error', detail);
  }
}
export class ReauthRequiredEvent extends SessionElementsEvent<ReauthRequiredDetail> {
  constructor(detail: ReauthRequiredDetail) {
    super('reauth-required', detail, true);
  }
}

/** The name of every event the kit dispatches, for pages that log or forward them all. */
export const SESSION_EVENTS = Object.freeze([
  'session-change',
  'session-error',
  'reauth-required',
  'signin-revoke',
  'signin-revoked',
  'new-signin',
  'account-switch',
  'account-switched',
  'organization-switch',
  'organization-switched',
  'workspace-switch',
  'workspace-switched',
  'sign-out',
  'signed-out',
] as const satisfies readonly (keyof GlobalEventHandlersEventMap)[]);

declare global {
  interface GlobalEventHandlersEventMap {
    'signin-revoke': SignInRevokeEvent;
    'signin-revoked': SignInRevokedEvent;
    'new-signin': NewSignInEvent;
    'account-switch': AccountSwitchEvent;
    'account-switched': AccountSwitchedEvent;
    'organization-switch': OrganizationSwitchEvent;
    'organization-switched': OrganizationSwitchedEvent;
    'workspace-switch': WorkspaceSwitchEvent;
    'workspace-switched': WorkspaceSwitchedEvent;
    'sign-out': SignOutEvent;
    'signed-out': SignedOutEvent;
    'session-change': SessionChangeEvent;
    'session-error': SessionErrorEvent;
    'reauth-required': ReauthRequiredEvent;
  }
}
