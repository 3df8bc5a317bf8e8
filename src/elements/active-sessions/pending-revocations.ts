/**
 * Which rows (by sign-in id, or `others`) have a revocation under way. A row
 * stays pending from the click until a list fetched after the server
 * confirmed arrives, so it never flashes back between "done" and "gone"
 * (there is no optimistic removal); a failure makes it plain again at once.
 */
export class PendingRevocations {
  /** Key → the first list revision that reflects the revocation; Infinity while in flight. */
  #entries = new Map<string, number>();

  /** Claims `key`; false when it is already under way (a double click). */
  start(key: string): boolean {
    if (this.#entries.has(key)) return false;
    this.#entries.set(key, Infinity);
    return true;
  }

  /** The server confirmed; lists from `revision` on no longer show it. */
  confirmed(key: string, revision: number): void {
    if (this.#entries.has(key)) this.#entries.set(key, revision);
  }

  failed(key: string): void {
    this.#entries.delete(key);
  }

  /** Pending as far as a list fetched at `listRevision` is concerned. */
  isPending(key: string, listRevision: number): boolean {
    return (this.#entries.get(key) ?? -Infinity) > listRevision;
  }

  /** Forgets revocations that a list fetched at `listRevision` already reflects. */
  prune(listRevision: number): void {
    for (const [key, revision] of this.#entries) {
      if (revision <= listRevision) this.#entries.delete(key);
    }
  }
}
