import type { SessionError } from './errors.js';

interface Entry {
  start(): void;
  cancel(error: SessionError): void;
}

/**
 * Runs tasks one at a time in call order. Each starts once the previous one
 * settled, whether it succeeded or failed; `cancel` rejects the ones still
 * waiting, leaving the running one to finish.
 */
export class SerialQueue {
  #waiting: Entry[] = [];
  #running = false;

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({
        start: () => {
          // The executor turns a synchronous throw into a rejection.
          new Promise<T>((done) => done(task())).then(resolve, reject).finally(() => this.#next());
        },
        cancel: reject,
      });
      if (!this.#running) this.#next();
    });
  }

  /** Rejects every task that has not started with `error`. */
  cancel(error: SessionError): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const entry of waiting) entry.cancel(error);
  }

  #next(): void {
    const entry = this.#waiting.shift();
    this.#running = entry !== undefined;
    entry?.start();
  }
}
