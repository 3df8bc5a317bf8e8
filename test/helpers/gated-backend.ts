import type { RequestOptions } from '../../src/core/backend.js';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { Session, SignOutResult, SignOutTarget } from '../../src/core/types.js';

/**
 * A MemoryBackend whose mutations wait for the test's go-ahead: `log` records
 * when each one reaches the backend and when it answers, `release()` lets the
 * oldest waiting one through.
 */
export class GatedBackend extends MemoryBackend {
  readonly log: string[] = [];
  #gates: (() => void)[] = [];

  /** Mutations that reached the backend and wait to be released. */
  get waiting(): number {
    return this.#gates.length;
  }

  release(): void {
    this.#gates.shift()?.();
  }

  override switchSignIn(id: string, o: RequestOptions): Promise<Session | null> {
    return this.#gate(`switchSignIn ${id}`, () => super.switchSignIn(id, o));
  }

  override signOut(target: SignOutTarget, o: RequestOptions): Promise<SignOutResult> {
    return this.#gate(`signOut ${target.signInId ?? ''}`, () => super.signOut(target, o));
  }

  override removeSignIn(id: string, o: RequestOptions): Promise<void> {
    return this.#gate(`removeSignIn ${id}`, () => super.removeSignIn(id, o));
  }

  async #gate<T>(name: string, run: () => Promise<T>): Promise<T> {
    this.log.push(`${name}: sent`);
    await new Promise<void>((resolve) => this.#gates.push(resolve));
    try {
      return await run();
    } finally {
      this.log.push(`${name}: answered`);
    }
  }
}
