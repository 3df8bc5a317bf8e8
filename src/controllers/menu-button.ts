import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { placePopup } from './menu-position.js';

/** Keys typed within this many ms extend the type-ahead search instead of starting over. */
export const TYPE_AHEAD_RESET = 500;

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

type FocusTarget = 'first' | 'last';

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
 */
export class MenuButtonController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #focusOnOpen: FocusTarget | null = null;
  #typed = '';
  #typedAt = 0;
  #open = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
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
    this.#open = true;
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    window.addEventListener('resize', this.#place, { passive: true });
    window.addEventListener('scroll', this.#place, { capture: true, passive: true });
    this.#host.requestUpdate();
  }

  /**
   * Closes the menu and returns focus to the trigger. Closing an already
   * closed menu (say, after a slow switch the user clicked away from) never
   * pulls focus back.
   */
  hide({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.#open) return;
    this.#open = false;
    this.#focusOnOpen = null;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    window.removeEventListener('resize', this.#place);
    window.removeEventListener('scroll', this.#place, { capture: true });
    this.#host.requestUpdate();
    if (restoreFocus) this.#trigger?.focus();
  }

  focusTrigger(): void {
    this.#trigger?.focus();
  }

  hostUpdated(): void {
    // Placed before focus moves into it, so focusing never scrolls the page to a stray menu.
    this.#place();
    this.#focusPending();
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
      @keydown=${this.#onMenuKeydown}
      @focusout=${this.#onMenuFocusOut}
    >
      ${items}
    </div>`;
  }

  #place = (): void => {
    const menu = this.#menu;
    if (this.#open && menu && !menu.hidden) placePopup(this.#host, menu);
  };

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

  #onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.items;
    if (items.length === 0) return;
    const current = items.indexOf(this.#focused() as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length].focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current < 0 ? -1 : current - 1);
      case 'Home':
      case 'PageUp':
        return move(0);
      case 'End':
      case 'PageDown':
        return move(-1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.hide();
      case 'Tab':
        // Focus the trigger first so the browser's own Tab moves on from there.
        return this.hide();
      case 'Enter':
      case ' ':
        // Links do not react to Space, and a uniform click keeps items simple.
        event.preventDefault();
        if (current >= 0) items[current].click();
        return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const index = this.#search(items, current, event.key);
      if (index >= 0) move(index);
    }
  };

  /** APG type-ahead: the next item whose label starts with what was typed. */
  #search(items: HTMLElement[], current: number, key: string): number {
    const now = Date.now();
    this.#typed = (now - this.#typedAt > TYPE_AHEAD_RESET ? '' : this.#typed) + key.toLowerCase();
    this.#typedAt = now;
    // A repeated single letter cycles through the matches from the next item on.
    const start = this.#typed.length === 1 ? current + 1 : Math.max(current, 0);
    for (let offset = 0; offset < items.length; offset++) {
      const index = (start + offset) % items.length;
      if (labelOf(items[index]).startsWith(this.#typed)) return index;
    }
    return -1;
  }

  /** Focus leaving for somewhere outside the host (not via the trigger) closes the menu. */
  #onMenuFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || next === this.#trigger || this.#menu?.contains(next)) return;
    this.hide({ restoreFocus: false });
  };

  #onDocumentPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.#host)) this.hide({ restoreFocus: false });
  };

  // The ids are fixed, so a shadow root holds one menu button; a lookup costs less than a ref.
  get #trigger(): HTMLButtonElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLButtonElement>('#trigger') ?? null;
  }

  get #menu(): HTMLElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('#menu') ?? null;
  }

  #focused(): Element | null {
    return this.#host.shadowRoot?.activeElement ?? null;
  }
}

function labelOf(item: HTMLElement): string {
  return (item.dataset.label ?? item.textContent ?? '').trim().toLowerCase();
}
