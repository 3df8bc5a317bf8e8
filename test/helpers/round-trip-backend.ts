import type { RequestOptions } from '../../src/core/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../../src/backends/memory.js';
import type { ListSignInsQuery, Page, Session, SignIn } from '../../src/core/types.js';
import { waitUntil } from './wait-until.js';

/** The requests a RoundTripBackend holds back. */
export type GatedRequest = 'getSession' | 'listSignIns' | 'removeSignIn' | 'revokeOtherSignIns';

const ALL: readonly GatedRequest[] = [
  'getSession',
  'listSignIns',
  'removeSignIn',
  'revokeOtherSignIns',
];

/**
 * A MemoryBackend that counts round trips: while `gated`, each session, list
 * and revocation request (or only those named in `only`) waits for
 * `release(name)`, and `log` records when each one reached the backend
 * (`sent`) and when it answered (`answered`).
 */
export class RoundTripBackend extends MemoryBackend {
  readonly log: string[] = [];
  gated: boolean;
  readonly only: readonly GatedRequest[];
  #gates = new Map<GatedRequest, (() => void)[]>();

  constructor(
    options: MemoryBackendOptions & { gated?: boolean; only?: readonly GatedRequest[] } = {},
  ) {
    super(options);
    this.gated = options.gated ?? true;
    this.only = options.only ?? ALL;
  }

  /** How many `name` requests wait for their go-ahead. */
  waiting(name: GatedRequest): number {
    return this.#gates.get(name)?.length ?? 0;
  }

  /** Waits until a `name` request reached the backend and waits for its go-ahead. */
  arrived(name: GatedRequest): Promise<void> {
    return waitUntil(() => this.waiting(name) > 0, `${name} was never sent`);
  }

  /** Lets the oldest waiting `name` request through (none waiting: nothing happens). */
  release(name: GatedRequest): void {
    this.#gates.get(name)?.shift()?.();
  }

  /** How many times `name` was sent. */
  sent(name: GatedRequest): number {
    return this.log.filter((entry) => entry === `${name}: sent`).length;
  }

  override getSession(o: RequestOptions): Promise<Session | null> {
    return this.#gate('getSession', () => super.getSession(o));
  }

  override listSignIns(q: ListSignInsQuery, o: RequestOptions): Promise<Page<SignIn>> {
    return this.#gate('listSignIns', () => super.listSignIns(q, o));
  }

  override removeSignIn(id: string, o: RequestOptions): Promise<void> {
    return this.#gate('removeSignIn', () => super.removeSignIn(id, o));
  }

  override revokeOtherSignIns(o: RequestOptions): Promise<{ revoked: number }> {
    return this.#gate('revokeOtherSignIns', () => super.revokeOtherSignIns(o));
  }

  async #gate<T>(name: GatedRequest, run: () => Promise<T>): Promise<T> {
    this.log.push(`${name}: sent`);
    if (this.gated && this.only.includes(name)) {
      await new Promise<void>((resolve) => {
        const gates = this.#gates.get(name) ?? [];
        gates.push(resolve);
        this.#gates.set(name, gates);
      });
    }
    try {
      return await run();
    } finally {
      this.log.push(`${name}: answered`);
    }
  }
}
