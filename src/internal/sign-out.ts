import type { SessionController } from '../core/session-controller.js';
import type { SignOutTarget } from '../core/types.js';
import { type SignOutDetail, type SignOutScope, SignOutEvent, SignedOutEvent } from '../events.js';
import { safeHref, safeRedirect } from './safe-url.js';

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
 * Both pass the URL policy first (the backend's also the origin allow-list);
 * a refused URL is dropped, so the sign-out completes without leaving.
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
  const redirectUrl =
    safeHref(request.redirectUrl) ?? safeRedirect(result.redirectUrl, controller.redirectOrigins);
  const detail: SignOutDetail = redirectUrl ? { ...base, redirectUrl } : base;
  host.dispatchEvent(new SignedOutEvent(detail));
  return detail;
}
