import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';

/**
 * `waitUntil` from @open-wc/testing, waiting up to 5 s instead of 1 s: what a test waits for
 * (a lazy chunk, a round trip through a backend, a re-render) can take longer than a second on
 * a loaded two-core machine. A condition that never comes true still fails, only later.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: 5_000, ...options });
}
