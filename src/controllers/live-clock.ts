import { type ReactiveController, type ReactiveControllerHost, isServer } from 'lit';

export interface LiveClockOptions {
  /** Milliseconds between ticks (default 30 s). */
  interval?: number;
}

/**
 * The current time for relative timestamps, advanced every `interval`
 * while the host is connected and the page is visible (hidden tabs do no
 * work; coming back refreshes at once). Holding `now` still between ticks
 * keeps re-renders for other reasons from touching every row's text.
 */
export class LiveClock implements ReactiveController {
  now = Date.now();
  #host: ReactiveControllerHost;
  #interval: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, { interval = 30_000 }: LiveClockOptions = {}) {
    this.#host = host;
    this.#interval = interval;
    host.addController(this);
  }

  hostConnected(): void {
    // Lit SSR may connect elements: a server render ticks no clock.
    if (isServer) return;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#onVisibility();
  }

  hostDisconnected(): void {
    if (isServer) return;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  #onVisibility = (): void => {
    this.#stop();
    if (document.visibilityState === 'hidden') return;
    this.#tick();
    this.#timer = setInterval(this.#tick, this.#interval);
  };

  #tick = (): void => {
    this.now = Date.now();
    this.#host.requestUpdate();
  };

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
