import type { SessionController } from '../core/session-controller.js';
import type { SignOutTarget } from '../core/types.js';
import { type SignOutDetail, type SignOutScope, SignOutEvent, SignedOutEvent } from '../events.js';

export const SIGN_OUT_SCOPES: readonly SignOutScope[] = ['signin', 'session', 'everywhere'];

/** What the controller signs out for a scope: one account here, every account here, every device. */
export function signOutTarget(scope: SignOutScope, signInId?: string): string | SignOutTarget {
  if (scope === 'everywhere') return { everywhere: true };
  if (scope === 'session') return { all: true };
  return signInId ? signInId : {};
}

/**
 * The sign-out protocol shared by the button and the account switcher:
 * cancelable `sign-out`, the request, then `signed-out` carrying where to go
 * next (the page's `redirectUrl`, else the backend's). Null when cancelled.
 */
export async function signOutWithEvents(
  host: EventTarget,
  controller: SessionController,
  request: { scope: SignOutScope; signInId?: string; redirectUrl?: string },
): Promise<SignOutDetail | null> {
  const { scope, signInId } = request;
  const base: SignOutDetail = signInId ? { scope, signInId } : { scope };
  if (!host.dispatchEvent(new SignOutEvent(base))) return null;
  const result = await controller.signOut(signOutTarget(scope, signInId));
  const redirectUrl = request.redirectUrl || result.redirectUrl;
  const detail: SignOutDetail = redirectUrl ? { ...base, redirectUrl } : base;
  host.dispatchEvent(new SignedOutEvent(detail));
  return detail;
}

/** Leaves the page; elements wrap it in an overridable method so tests can stub it. */
export function navigateTo(url: string): void {
  window.location.assign(url);
}
