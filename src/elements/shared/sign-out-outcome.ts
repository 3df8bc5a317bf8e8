import type { SessionState } from '../../core/session-state.js';
import type { SignIn } from '../../core/types.js';
import type { SignOutScope } from '../../events.js';

/** What the elements that sign out say afterwards. */
export interface SignOutOutcomeStrings {
  /** Nobody is signed in on this browser any more. */
  signedOut: string;
  /** One account went; `next` is the account still signed in (now the active one). */
  signedOutOf: (name: string, next: string) => string;
  /** Every device was signed out; default `signedOut`. */
  signedOutEverywhere?: string;
}

/**
 * The announcement for a finished sign-out, from the state after it: signing
 * out of one of several accounts must not say "You are signed out." while
 * another one is still signed in.
 */
export function signOutAnnouncement(
  t: SignOutOutcomeStrings,
  scope: SignOutScope,
  after: SessionState,
  nameOf: (signIn: SignIn | undefined) => string,
  signedOut: SignIn | undefined,
): string {
  const next = after.status === 'signed-in' ? after.session.active_signin : null;
  if (scope === 'everywhere') return t.signedOutEverywhere ?? t.signedOut;
  if (scope === 'signin' && next && next.id !== signedOut?.id) {
    return t.signedOutOf(nameOf(signedOut), nameOf(next));
  }
  return t.signedOut;
}
