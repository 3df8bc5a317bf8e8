import { ContextProvider } from '@lit/context';
import { LitElement, css, html, isServer } from 'lit';
import { property } from 'lit/decorators.js';
import type { SessionBackend } from '../../core/backend.js';
import { RestBackend } from '../../backends/rest.js';
import { parseSession } from '../../backends/validate.js';
import { SessionController } from '../../core/session-controller.js';
import type { Session } from '../../core/types.js';
import { sessionContext } from '../../context.js';
import { openServerShadowRoot } from '../../controllers/session-consumer.js';
import { SessionChangeEvent } from '../../events.js';
import { parseOrigins } from '../../internal/safe-url.js';
import { NewSignInNotifier } from '../../controllers/new-signin.js';

/**
 * `initial-session` holds JSON: a session as `GET /` of the HTTP contract answers it, or
 * `null` for signed out. A malformed value is ignored with a warning (the provider then
 * loads the session as without it).
 */
const initialSessionConverter = {
  fromAttribute(value: string | null): Session | null | undefined {
    if (value === null) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed === null ? null : parseSession(parsed);
    } catch {
      console.warn('session-elements: ignoring initial-session, not a session in JSON');
      return undefined;
    }
  },
};

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
  @property({ attribute: 'api-base' }) apiBase = '/api/session';

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
   * The session the server rendered the page with, so the right branch shows from
   * the first paint: as an attribute the JSON that `GET /api/session/` answers
   * (`initial-session="null"` for signed out). The elements start from it, then
   * revalidate it in the browser. Read when this provider creates its controller.
   * @type {Session | null | undefined}
   */
  @property({ attribute: 'initial-session', converter: initialSessionConverter })
  initialSession?: Session | null;

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
    // Lit SSR may connect elements: a server render subscribes to nothing (no I/O, timer or channel).
    if (isServer) return;
    // Moved, not removed: keep the controller and its state.
    clearTimeout(this.#release);
    this.#release = undefined;
    // Before the first update, properties set right after insertion are still coming; a
    // server-given session is complete already, and server-rendered children hydrate from it.
    if (this.hasUpdated || this.initialSession !== undefined) this.#use(this.#resolve());
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
    // Lit SSR runs willUpdate and render only: share a controller nobody subscribes to, which
    // starts no request, timer or channel, so children render the server-given state.
    if (isServer) {
      openServerShadowRoot(this);
      return this.#provider.setValue(this.#resolve());
    }
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
      initialSession: this.initialSession,
      crossTab: !isServer,
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
