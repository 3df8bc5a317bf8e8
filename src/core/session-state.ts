import type { SessionError } from './errors.js';
import type { Session, SignIn } from './types.js';

/** The controller's state; a new frozen object on every change. */
export type SessionState =
  | {
      readonly status: 'loading';
      /** The first load failed and is being retried: what went wrong, to say so early. */
      readonly error?: SessionError;
    }
  | {
      readonly status: 'signed-in';
      readonly session: Session;
      /** True when the last revalidation failed and `session` may be out of date. */
      readonly stale: boolean;
      readonly error?: SessionError;
      readonly revision: number;
    }
  | { readonly status: 'signed-out'; readonly revision: number }
  | { readonly status: 'error'; readonly error: SessionError; readonly revision: number };

export type SessionStatus = SessionState['status'];

/** The active sign-in, when someone is signed in. */
export function activeSignIn(state: SessionState): SignIn | null {
  return state.status === 'signed-in' ? state.session.active_signin : null;
}

/** The revision of a state; `loading` counts as -1 so any settled state is newer. */
export function revisionOf(state: SessionState): number {
  return state.status === 'loading' ? -1 : state.revision;
}

/** Freezes a payload all the way down so no consumer can mutate shared state. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
