import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onDeviceParserLoaded } from '../internal/device.js';

/**
 * Re-renders its host when the lazily loaded user-agent parser arrives, so
 * rows first drawn from the names alone get their browser and OS.
 */
export class DeviceParserController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe ??= onDeviceParserLoaded(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
