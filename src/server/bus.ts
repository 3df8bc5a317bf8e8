/**
 * What happened to one sign-in, as better-auth's session hooks saw it. It stays
 * on the server: streams pass on the sign-in id and the kind only, never the
 * user id, a token or anything personal.
 */
export interface SessionChange {
  /**
   * `created` a new sign-in; `revoked` deleted before its expiry; `expired`
   * deleted at or after it; `changed` its active organization or workspace moved.
   */
  kind: 'created' | 'revoked' | 'expired' | 'changed';
  /** Whose sign-in it is: streams of this user hear of it. */
  userId: string;
  /** The sign-in (better-auth session) id, as `SignIn.id` shows it. */
  signInId: string;
}

/** The kinds a `SessionChange` can have, to validate what arrives from a shared bus. */
export const SESSION_CHANGE_KINDS: readonly SessionChange['kind'][] = Object.freeze([
  'created',
  'revoked',
  'expired',
  'changed',
]);

/**
 * Fans sign-in changes out to every open event stream. The default is in-process
 * (one Node process, SQLite); several instances need a shared one (Redis pub/sub,
 * PostgreSQL LISTEN/NOTIFY) that implements this interface. The plugin publishes,
 * the handler subscribes: give both the same instance (see README, "Live updates").
 */
export interface SessionEventBus {
  /** Announces a change to every subscriber, in this process and (for a shared bus) others. */
  publish(change: SessionChange): void | Promise<void>;
  /** Calls `listener` for every change published from now on; returns the unsubscribe. */
  subscribe(listener: (change: SessionChange) => void): () => void;
  /** Drops every subscriber and releases connections; publishing afterwards does nothing. */
  close?(): void | Promise<void>;
}

/** Shape check for a change that crossed a process boundary (a shared bus's message). */
export function isSessionChange(value: unknown): value is SessionChange {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, userId, signInId } = value as Record<string, unknown>;
  return (
    SESSION_CHANGE_KINDS.includes(kind as SessionChange['kind']) &&
    typeof userId === 'string' &&
    userId !== '' &&
    typeof signInId === 'string' &&
    signInId !== ''
  );
}

/**
 * The in-process bus: every subscriber of this instance hears every change,
 * delivered on a microtask so a slow stream never holds up better-auth's
 * database hook that published it.
 */
export function createMemoryBus(): SessionEventBus {
  let listeners = new Set<(change: SessionChange) => void>();
  let closed = false;
  return {
    publish(change) {
      if (closed) return;
      const frozen = Object.freeze({ ...change });
      for (const listener of listeners) {
        queueMicrotask(() => {
          try {
            listener(frozen);
          } catch (error) {
            // One broken subscriber must not starve the others.
            console.error('session-elements: a live-update subscriber failed', error);
          }
        });
      }
    },
    subscribe(listener) {
      if (closed) return () => undefined;
      const own = (change: SessionChange) => listener(change);
      listeners.add(own);
      return () => listeners.delete(own);
    },
    close() {
      closed = true;
      listeners = new Set();
    },
  };
}
