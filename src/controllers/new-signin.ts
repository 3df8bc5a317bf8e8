import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveChange } from '../core/backend.js';
import type { SessionController } from '../core/session-controller.js';
import { NewSignInEvent } from '../events.js';

export interface NewSignInOptions {
  /** The controller whose live stream to follow; read again on every host update. */
  controller: () => SessionController | undefined;
  /** Whether the app asked for the events (they are off by default). */
  enabled: () => boolean;
}

/**
 * The list's first page as `<active-sessions>` asks for it by default: a new sign-in is the
 * most recently active one, so it is there, and the controller answers both with one request.
 */
const FIRST_PAGE = { page: 1, pageSize: 10 } as const;

/**
 * Dispatches `new-signin` from the host when the live stream announces a
 * sign-in of this user made on another device, with the sign-in as the list
 * shows it (the first page of the list, read together with its own refetch), so the app can ask "was this
 * you?" and offer to revoke it. Needs a backend with live updates.
 */
export class NewSignInNotifier implements ReactiveController {
  #host: ReactiveControllerHost & EventTarget;
  #options: NewSignInOptions;
  #watching: SessionController | undefined;
  #unwatch: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, options: NewSignInOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const controller = this.#options.enabled() ? this.#options.controller() : undefined;
    if (controller === this.#watching) return;
    this.hostDisconnected();
    this.#watching = controller;
    this.#unwatch = controller?.onLiveChange((change) => void this.#onChange(controller, change));
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watching = undefined;
  }

  async #onChange(controller: SessionController, change: LiveChange): Promise<void> {
    const state = controller.getSnapshot();
    if (change.kind !== 'created' || !change.signInId || state.status !== 'signed-in') return;
    // A sign-in of this browser (adding an account here) is no news to its user.
    if (state.session.signins.some((signIn) => signIn.id === change.signInId)) return;
    try {
      const page = await controller.listSignIns(FIRST_PAGE);
      const signin = page.items.find((item) => item.id === change.signInId);
      if (signin && this.#watching === controller) {
        this.#host.dispatchEvent(new NewSignInEvent({ signin }));
      }
    } catch {
      // The list shows the sign-in at its next refetch; a missed notice is not an error to show.
    }
  }
}
