import type { Clock } from './clock.js';
import { SessionError } from './errors.js';
import type { TokenResult } from './types.js';

/** A token with this little life left is never handed out. */
export const TOKEN_EXPIRY_MARGIN = 5_000;

interface Entry {
  token: string;
  expiresAt: number;
}

/** The `exp` claim of a JWT in ms, when the backend did not say when the token expires. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * In-memory token cache: concurrent calls for one key share one request, failed
 * fetches are not remembered, and `clear()` (any session change) drops every
 * token and rejects the calls still waiting with `session-changed`.
 */
export class TokenCache {
  #entries = new Map<string, Entry>();
  #inflight = new Map<string, Promise<string>>();
  #generation = 0;
  #cancel = this.#makeCancel();

  constructor(private readonly clock: Clock) {}

  get(key: string, fetch: () => Promise<TokenResult>): Promise<string> {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt - this.clock.now() > TOKEN_EXPIRY_MARGIN) {
      return Promise.resolve(entry.token);
    }
    this.#entries.delete(key);
    const pending = this.#inflight.get(key);
    if (pending) return pending;

    const generation = this.#generation;
    const request = Promise.race([fetch(), this.#cancel.promise]).then((result) => {
      if (generation !== this.#generation) throw sessionChanged();
      const expiresAt = result.expiresAt ?? jwtExpiry(result.token);
      if (expiresAt !== undefined) {
        if (expiresAt - this.clock.now() <= TOKEN_EXPIRY_MARGIN) {
          throw new SessionError(
            'invalid-response',
            'The server issued an already expiring token.',
          );
        }
        this.#entries.set(key, { token: result.token, expiresAt });
      }
      return result.token;
    });
    const tracked = request.finally(() => {
      if (this.#inflight.get(key) === tracked) this.#inflight.delete(key);
    });
    this.#inflight.set(key, tracked);
    return tracked;
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#inflight.clear();
    this.#cancel.reject(sessionChanged());
    this.#cancel = this.#makeCancel();
  }

  get size(): number {
    return this.#entries.size;
  }

  #makeCancel() {
    let reject!: (error: SessionError) => void;
    const promise = new Promise<never>((_, r) => (reject = r));
    // Nobody may be racing against it; an unobserved rejection is expected.
    promise.catch(() => {});
    return { promise, reject };
  }
}

function sessionChanged(): SessionError {
  return new SessionError('session-changed', 'The session changed while the token was requested.');
}
