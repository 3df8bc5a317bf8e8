import { toSessionError } from '../core/errors.js';
import { ReauthRequiredEvent, type SessionAction, SessionErrorEvent } from '../events.js';

/**
 * The kit's failure protocol: `reauth-required` becomes the cancelable
 * `reauth-required` event (true when the element should show its own
 * confirm-it's-you state, i.e. nobody cancelled it), an aborted request
 * nothing, anything else a `session-error` event.
 */
export function reportError(
  element: EventTarget,
  error: unknown,
  action: SessionAction,
  retry: () => void,
): boolean {
  const failure = toSessionError(error);
  if (failure.code === 'reauth-required') {
    return element.dispatchEvent(new ReauthRequiredEvent({ action, retry }));
  }
  if (failure.code !== 'aborted')
    element.dispatchEvent(new SessionErrorEvent({ error: failure, action }));
  return false;
}
