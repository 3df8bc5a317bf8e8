import type { RequestOptions, SessionBackend } from '../../src/core/backend.js';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { Session } from '../../src/core/types.js';

interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
  signal: AbortSignal;
}

/**
 * A MemoryBackend whose getSession answers only when the test says so, to
 * pin down ordering: `next()` resolves or rejects the oldest pending call.
 */
export class ScriptedBackend extends MemoryBackend implements SessionBackend {
  readonly sessionCalls: Pending<Session | null>[] = [];

  override getSession(o: RequestOptions): Promise<Session | null> {
    this.calls.getSession = (this.calls.getSession ?? 0) + 1;
    return new Promise((resolve, reject) =>
      this.sessionCalls.push({ resolve, reject, signal: o.signal }),
    );
  }

  /** What the real MemoryBackend would answer now. */
  real(): Promise<Session | null> {
    return super.getSession({ signal: new AbortController().signal });
  }
}
