import { SessionError } from './errors.js';

interface Flight<T> {
  key: string;
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * Concurrent calls with the same key share one underlying request. Each caller
 * may abort its own wait; the shared request is aborted only when every caller
 * has given up on it.
 */
export class SingleFlight<T> {
  #flights = new Map<string, Flight<T>>();

  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new SessionError('aborted', 'Aborted.'));
    let flight = this.#flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.#flights.get(key) === created) this.#flights.delete(key);
      });
      const created: Flight<T> = { key, promise, controller, waiters: 0 };
      flight = created;
      this.#flights.set(key, flight);
    }
    return this.#wait(flight, signal);
  }

  has(key: string): boolean {
    return this.#flights.has(key);
  }

  /** Aborts every shared request and forgets it; its waiters see the abort as the request fails. */
  abortAll(): void {
    for (const flight of this.#flights.values()) flight.controller.abort();
    this.#flights.clear();
  }

  #wait(flight: Flight<T>, signal?: AbortSignal): Promise<T> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (--flight.waiters === 0) {
          flight.controller.abort();
          // A caller arriving now (a list refreshed while its fetch runs) must not join a dead request.
          if (this.#flights.get(flight.key) === flight) this.#flights.delete(flight.key);
        }
        reject(new SessionError('aborted', 'Aborted.'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
