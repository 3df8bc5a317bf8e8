import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { lazy } from '../core/lazy.js';
import type { OpenMenu } from './menu-open.js';

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

type FocusTarget = 'first' | 'last';

/**
 * What a menu does while open (keyboard, placement, closing on outside
 * presses; src/controllers/menu-open.ts). Menu buttons start loading it once
 * their trigger is on screen, so a first open rarely waits for it; every menu
 * button on the page shares the one load.
 */
const openMenuModule = lazy(() => import('./menu-open.js'));

/** Loads the open menu's behaviour ahead of need. */
export async function loadOpenMenu(): Promise<void> {
  await openMenuModule.load();
}

export interface MenuButtonOptions {
  /**
   * More code the menu needs before it can open (its items): `undefined` once
   * it is here, else the promise of it. Fetched with the open menu's behaviour.
   */
  prepare?: () => Promise<unknown> | undefined;
  /** A first open could not load what it needs; the host says so (opening again retries). */
  failed?: (error: unknown) => void;
}

/**
 * The WAI-ARIA APG menu button, shared by every switcher. The host renders
 * `renderTrigger(content)` and `renderMenu(items)`; items are any elements in
 * the menu with a `menuitem*` role and `tabindex="-1"` (the label for
 * type-ahead comes from `data-label`, else the text).
 *
 * Keyboard: Enter, Space and ArrowDown on the trigger open the menu on the
 * first item, ArrowUp on the last; in the menu ArrowDown/ArrowUp move with
 * wrap-around, Home/End jump, printable keys search by label, Enter and Space
 * activate, Escape closes and returns focus to the trigger, Tab closes and
 * moves on from the trigger. A pointer press outside the host closes it.
 *
 * The open menu stays inside the viewport (see `placePopup`): end-aligned
 * when it would run off the end edge, flipped above the trigger when there is
 * more room there, scrolling when it is taller than the room it has. It is
 * placed again on every update, resize and scroll while open.
 *
 * What only an open menu needs is loaded after the trigger first renders
 * (`loadOpenMenu`, and the host's `prepare`); a first open before that waits for it.
 */
export class MenuButtonController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #focusOnOpen: FocusTarget | null = null;
  #open = false;
  /** The open menu's behaviour, created on the first open. */
  #behaviour: OpenMenu | null = null;
  #options: MenuButtonOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuButtonOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  /** The enabled and disabled items, in order (APG: disabled items stay focusable). */
  get items(): HTMLElement[] {
    const menu = this.#menu;
    return menu ? [...menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)] : [];
  }

  show(focus: FocusTarget = 'first'): void {
    this.#focusOnOpen = focus;
    if (this.#open) {
      this.#focusPending();
      return;
    }
    const pending = this.#pending();
    if (pending) {
      // Opens once everything is here, unless closed meanwhile; a failed load opens nothing
      // and, if the user is still waiting for the menu, the host is told (`failed`).
      pending.then(
        () => this.#focusOnOpen && this.show(this.#focusOnOpen),
        (error: unknown) => {
          if (!this.#focusOnOpen) return;
          this.#focusOnOpen = null;
          this.#options.failed?.(error);
        },
      );
      return;
    }
    this.#open = true;
    this.#behaviour ??= new openMenuModule.loaded!.OpenMenu({
      host: this.#host,
      items: () => this.items,
      hide: (options) => this.hide(options),
    });
    this.#behaviour.open();
    this.#host.requestUpdate();
  }

  /**
   * Closes the menu and returns focus to the trigger. Closing an already
   * closed menu (say, after a slow switch the user clicked away from) never
   * pulls focus back.
   */
  hide({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    this.#focusOnOpen = null;
    if (!this.#open) return;
    this.#open = false;
    this.#behaviour?.close();
    this.#host.requestUpdate();
    if (restoreFocus) this.#trigger?.focus();
  }

  focusTrigger(): void {
    this.#trigger?.focus();
  }

  hostUpdated(): void {
    // Placed before focus moves into it, so focusing never scrolls the page to a stray menu.
    if (this.#open) this.#behaviour?.place();
    this.#focusPending();
    // Once the trigger is on screen, fetch what opening needs so a first open rarely waits.
    if (this.#trigger) this.#pending()?.catch(() => undefined);
  }

  hostDisconnected(): void {
    this.hide({ restoreFocus: false });
  }

  renderTrigger(content: unknown, { label }: { label?: string } = {}) {
    return html`<button
      id="trigger"
      class="trigger"
      part="trigger"
      type="button"
      aria-haspopup="menu"
      aria-controls="menu"
      aria-expanded=${this.#open ? 'true' : 'false'}
      aria-label=${label ?? nothing}
      @click=${this.#onTriggerClick}
      @keydown=${this.#onTriggerKeydown}
    >
      ${content}
    </button>`;
  }

  renderMenu(items: unknown, { label }: { label: string }) {
    return html`<div
      id="menu"
      class="menu"
      part="menu"
      role="menu"
      aria-label=${label}
      ?hidden=${!this.#open}
      @keydown=${(event: KeyboardEvent) => this.#behaviour?.keydown(event)}
      @focusout=${(event: FocusEvent) => this.#behaviour?.focusout(event)}
    >
      ${items}
    </div>`;
  }

  /** What opening still waits for (the behaviour, the host's `prepare`), or undefined. */
  #pending(): Promise<unknown> | undefined {
    const prepared = this.#options.prepare?.();
    if (openMenuModule.loaded) return prepared;
    return prepared ? Promise.all([loadOpenMenu(), prepared]) : loadOpenMenu();
  }

  #focusPending(): void {
    const target = this.#focusOnOpen;
    const items = this.items;
    if (!this.#open || !target || items.length === 0) return;
    this.#focusOnOpen = null;
    items[target === 'first' ? 0 : items.length - 1].focus();
  }

  #onTriggerClick = (): void => {
    if (this.#open) this.hide();
    else this.show('first');
  };

  /** Enter and Space reach the trigger as a click; only the arrows need handling. */
  #onTriggerKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  // The ids are fixed, so a shadow root holds one menu button; a lookup costs less than a ref.
  get #trigger(): HTMLButtonElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLButtonElement>('#trigger') ?? null;
  }

  get #menu(): HTMLElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('#menu') ?? null;
  }
}
