import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { SessionBackend } from '../../core/backend.js';
import { RestBackend } from '../../backends/rest.js';
import { SessionController } from '../../core/session-controller.js';
import { sessionContext } from '../../context.js';
import { SessionChangeEvent } from '../../events.js';
import { parseOrigins } from '../../internal/safe-url.js';
import { NewSignInNotifier } from '../../controllers/new-signin.js';

/**
 * Owns (or is handed) the `SessionController` and shares it with every
 * session element inside it. Renders its children unchanged. Removed from the
 * document, it disposes the controller it created (moving it keeps it); a
 * controller it was handed is only unsubscribed from.
 *
 * @summary Provides the session to the elements inside it.
 * @tag session-provider
 * @slot - The page content that uses the session.
 * @fires {SessionChangeEvent} session-change - The session state changed; `detail.state` is the new state.
 * @fires {NewSignInEvent} new-signin - With `new-signin-events`: this user signed in on another device; `detail.signin` is that sign-in.
 */
export class SessionProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the HTTP contract used when no backend or controller is given. */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '/api/session';

  /** How often to revalidate the session while the page is visible, in ms (0 = never). */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval = 30_000;

  /**
   * Space-separated origins besides the page's own that the backend's sign-out
   * redirect may lead to, e.g. `https://id.example`; a redirect anywhere else
   * is not followed. Applies to the controller this provider creates (a given
   * controller brings its own `redirectOrigins`).
   */
  @property({ attribute: 'redirect-origins' }) redirectOrigins = '';

  /**
   * Dispatch `new-signin` when the live stream announces that this user signed
   * in on another device (off by default; needs a backend with live updates),
   * e.g. to ask "New sign-in from Berlin, Firefox on Windows — was this you?".
   */
  @property({ attribute: 'new-signin-events', type: Boolean }) newSignInEvents = false;

  /**
   * A controller to share instead of creating one; it wins over `backend` and `api-base`.
   * @type {SessionController | undefined}
   */
  @property({ attribute: false }) controller?: SessionController;

  /**
   * A backend for the controller this provider creates (default: a RestBackend on `api-base`).
   * @type {SessionBackend | undefined}
   */
  @property({ attribute: false }) backend?: SessionBackend;

  #provider = new ContextProvider(this, { context: sessionContext });
  protected readonly newSignIns = new NewSignInNotifier(this, {
    controller: () => this.#active,
    enabled: () => this.newSignInEvents && this.isConnected,
  });
  #owned: SessionController | undefined;
  #active: SessionController | undefined;
  #unsubscribe: (() => void) | undefined;
  #release: ReturnType<typeof setTimeout> | undefined;

  /** The controller being shared: the given one, or the one this provider created. */
  get sessionController(): SessionController | undefined {
    return this.#active;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved, not removed: keep the controller and its state.
    clearTimeout(this.#release);
    this.#release = undefined;
    // Before the first update, properties set right after insertion are still coming.
    if (this.hasUpdated) this.#use(this.#resolve());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    // A move disconnects and reconnects within one task; only a removal lasts longer.
    clearTimeout(this.#release);
    this.#release = setTimeout(() => this.#releaseOwned(), 0);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const settings = ['backend', 'apiBase', 'refreshInterval', 'redirectOrigins'];
    const rebuilt = this.hasUpdated && settings.some((key) => changed.has(key));
    // The provider's own controller was built from the old settings, or is not needed any more.
    if (rebuilt || this.controller) this.#disposeOwned();
    // Updates also run while disconnected; subscribing then would never be undone.
    if (!this.isConnected) return;
    if (!this.hasUpdated || changed.has('controller') || rebuilt) this.#use(this.#resolve());
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #resolve(): SessionController {
    if (this.controller) return this.controller;
    this.#owned ??= new SessionController({
      backend: this.backend ?? new RestBackend({ baseUrl: this.apiBase }),
      refreshInterval: this.refreshInterval,
      redirectOrigins: parseOrigins(this.redirectOrigins),
    });
    return this.#owned;
  }

  /** A removed provider lets go of the controller it created; one it was given stays the app's. */
  #releaseOwned(): void {
    this.#release = undefined;
    if (!this.isConnected) this.#disposeOwned();
  }

  #disposeOwned(): void {
    if (this.#owned && this.#active === this.#owned) this.#active = undefined;
    this.#owned?.dispose();
    this.#owned = undefined;
  }

  #use(controller: SessionController): void {
    if (controller === this.#active && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#active = controller;
    this.#provider.setValue(controller);
    this.#unsubscribe = controller.subscribe((state) =>
      this.dispatchEvent(new SessionChangeEvent({ state })),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-provider': SessionProvider;
  }
}
