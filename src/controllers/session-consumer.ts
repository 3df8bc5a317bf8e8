import { ContextConsumer, ContextEvent } from '@lit/context';
import { type ReactiveController, type ReactiveControllerHost, isServer } from 'lit';
import { ensureContextRoot, sessionContext } from '../context.js';
import type { SessionController } from '../core/session-controller.js';
import type { SessionState } from '../core/session-state.js';

/**
 * Lit SSR routes a child's events through its host's slots only once the host has a
 * shadow root object, which it creates for no element itself: the session elements do.
 */
export function openServerShadowRoot(host: HTMLElement): void {
  if (!host.shadowRoot) host.attachShadow({ mode: 'open' });
}

const LOADING: SessionState = Object.freeze({ status: 'loading' });

export interface SessionConsumerHost extends ReactiveControllerHost, HTMLElement {
  /** An explicitly set controller wins over the one from the nearest provider. */
  controller?: SessionController;
}

export interface SessionConsumerOptions {
  /** Called after the state changed (the host has already been asked to update). */
  onChange?: (state: SessionState, previous: SessionState) => void;
}

/**
 * Finds the controller (the host's own `.controller` or the nearest
 * `<session-provider>`), follows its state and re-renders the host on change.
 */
export class SessionConsumer implements ReactiveController {
  #state: SessionState = LOADING;
  /** Lit SSR connects nothing: the controller is looked up once, when first read. */
  #lookedUp = !isServer;
  #host: SessionConsumerHost;
  #provided: SessionController | undefined;
  #subscribed: SessionController | undefined;
  #unsubscribe: (() => void) | undefined;
  #onChange: SessionConsumerOptions['onChange'];

  constructor(host: SessionConsumerHost, options: SessionConsumerOptions = {}) {
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

  /** The latest state; `loading` until a controller is found. */
  get state(): SessionState {
    this.#lookUpOnServer();
    return this.#state;
  }

  /** The controller in use, if any has been found yet. */
  get controller(): SessionController | undefined {
    this.#lookUpOnServer();
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

  /**
   * On the server the provider's controller is found by one context request through
   * Lit SSR's event path, and its snapshot read without subscribing: no I/O starts.
   */
  #lookUpOnServer(): void {
    if (this.#lookedUp) return;
    this.#lookedUp = true;
    // Render order puts this before the children, whose requests then pass through its slots.
    openServerShadowRoot(this.#host);
    this.#host.dispatchEvent(
      new ContextEvent(sessionContext, this.#host, (value) => (this.#provided = value)),
    );
    const controller = this.#host.controller ?? this.#provided;
    if (controller) this.#state = controller.getSnapshot();
  }

  #set(state: SessionState): void {
    const previous = this.#state;
    if (state === previous) return;
    this.#state = state;
    this.#host.requestUpdate();
    this.#onChange?.(state, previous);
  }
}
