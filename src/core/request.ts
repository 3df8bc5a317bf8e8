import type { Clock } from './clock.js';
import { SessionError, isRetryable, toSessionError } from './errors.js';

export interface RequestPolicy {
  clock: Clock;
  /** Bound on each attempt, in ms. */
  timeout: number;
  /** Extra attempts after the first for retryable failures (reads only). */
  retries: number;
  random: () => number;
}

const MAX_BACKOFF = 30_000;

/** `min(1000·2^n, 30000)` ms with ±20 % jitter; a 429's Retry-After wins. */
export function retryDelay(attempt: number, error: SessionError, random: () => number): number {
  if (error.code === 'rate-limited' && error.retryAfter !== undefined) {
    return Math.min(error.retryAfter * 1000, MAX_BACKOFF);
  }
  const base = Math.min(1000 * 2 ** attempt, MAX_BACKOFF);
  return Math.round(base * (0.8 + 0.4 * random()));
}

function abortError(): SessionError {
  return new SessionError('aborted', 'The request was aborted.');
}

/** Resolves after `ms` on the given clock, or rejects as aborted when `signal` fires. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(abortError());
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * One attempt, bounded by the timeout: the backend gets a signal that aborts on
 * timeout or when the caller aborts, and the promise settles even if the backend
 * ignores its signal.
 */
export function attempt<T>(
  run: (signal: AbortSignal) => Promise<T>,
  policy: Pick<RequestPolicy, 'clock' | 'timeout'>,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const controller = new AbortController();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      policy.clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      controller.abort();
      finish(() => reject(abortError()));
    };
    const timer = policy.clock.setTimeout(() => {
      controller.abort();
      finish(() => reject(new SessionError('timeout', 'The server took too long to answer.')));
    }, policy.timeout);
    signal?.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(() => run(controller.signal))
      .then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(toSessionError(error))),
      );
  });
}

/**
 * Runs a read with bounded retries on network, 5xx and 429 failures;
 * `onRetry` hears each failure that another attempt will follow.
 */
export async function withRetry<T>(
  run: (signal: AbortSignal) => Promise<T>,
  policy: RequestPolicy,
  signal?: AbortSignal,
  onRetry?: (failure: SessionError) => void,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(run, policy, signal);
    } catch (error) {
      const failure = toSessionError(error);
      if (n >= policy.retries || !isRetryable(failure)) {
        throw failure;
      }
      onRetry?.(failure);
      await sleep(policy.clock, retryDelay(n, failure, policy.random), signal);
    }
  }
}
