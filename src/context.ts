import { ContextConsumer, ContextRoot, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionController } from './core/session-controller.js';
import type { SessionState } from './core/session-state.js';

/**
 * A string key, not a symbol: two copies of the kit on one page (say, two
 * bundles) still find each other's provider.
 */
export const sessionContext = createContext<SessionController | undefined>(
  'session-elements:controller',
);

const ROOT_KEY = Symbol.for('session-elements:context-root');

/**
 * Consumers may ask for the controller before any provider is defined or
 * connected; a ContextRoot on the document replays those requests when one
 * appears. One root per page, whichever copy of the kit attaches it.
 */
function ensureContextRoot(): void {
  const global = globalThis as unknown as Record<symbol, unknown>;
  if (global[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  global[ROOT_KEY] = root;
}

const LOADING: SessionState = Object.freeze({ status: 'loading' });

export interface SessionConsumerHost extends ReactiveControllerHost, HTMLElement {
  /** An explicitly set controller wins over the one from the nearest provider. */
  controller?: SessionController;
}

/**
 * Finds the controller (the host's own `.controller` or the nearest
 * `<session-provider>`), follows its state and re-renders the host on change.
 */
export class SessionConsumer implements ReactiveController {
  #host: SessionConsumerHost;
  #provided: SessionController | undefined;
  #subscribed: SessionController | undefined;
  #unsubscribe: (() => void) | undefined;
  #onChange: ((state: SessionState, previous: SessionState) => void) | undefined;
  state: SessionState = LOADING;

  constructor(
    host: SessionConsumerHost,
    options: { onChange?: (state: SessionState, previous: SessionState) => void } = {},
  ) {
    this.#host = host;
    this.#onChange = options.onChange;
    ensureContextRoot();
    new ContextConsumer(host, {
      context: sessionContext,
      subscribe: true,
      callback: (controller) => {
        this.#provided = controller;
        this.#sync();
      },
    });
    host.addController(this);
  }

  /** The controller in use, if any has been found yet. */
  get controller(): SessionController | undefined {
    return this.#host.controller ?? this.#provided;
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    // Picks up a `.controller` property set after connection.
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }

  #sync(): void {
    const controller = this.#host.isConnected ? this.controller : undefined;
    if (controller === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = controller;
    if (!controller) {
      this.#set(LOADING);
      return;
    }
    this.#unsubscribe = controller.subscribe((state) => this.#set(state));
  }

  #set(state: SessionState): void {
    const previous = this.state;
    if (state === previous) return;
    this.state = state;
    this.#host.requestUpdate();
    this.#onChange?.(state, previous);
  }
}
