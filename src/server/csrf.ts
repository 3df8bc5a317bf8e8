import { HttpError } from './errors.js';

/** The header RestBackend sends; a cross-origin page cannot add it without a CORS preflight. */
export const CSRF_HEADER = 'x-session-elements';

export interface OriginPolicy {
  /** Origins besides the handler's own that may call mutations. */
  trustedOrigins: readonly string[];
  /** Take the public origin from X-Forwarded-Proto/Host (set by a trusted proxy). */
  trustProxy: boolean;
}

/** The origin the browser sees this server at. */
export function ownOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  if (trustProxy) {
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host) return `${proto || url.protocol.slice(0, -1)}://${host}`;
  }
  return url.origin;
}

/**
 * A mutation must come from our own script on a trusted page: JSON body, our
 * header, and an Origin we know. Anything else is refused before any work.
 */
export function checkMutation(request: Request, policy: OriginPolicy): void {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'unsupported', 'Mutations must send Content-Type: application/json.');
  }
  if (request.headers.get(CSRF_HEADER) !== '1') {
    throw new HttpError(403, 'forbidden', 'Mutations must send the X-Session-Elements: 1 header.');
  }
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') {
    throw new HttpError(403, 'forbidden', 'Mutations must send an Origin header.');
  }
  const trusted =
    origin === ownOrigin(request, policy.trustProxy) || policy.trustedOrigins.includes(origin);
  if (!trusted) throw new HttpError(403, 'forbidden', `The origin ${origin} is not trusted.`);
}
