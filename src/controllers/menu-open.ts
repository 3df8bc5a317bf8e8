import { placePopup } from './menu-position.js';

/** Keys typed within this many ms extend the type-ahead search instead of starting over. */
export const TYPE_AHEAD_RESET = 500;

/**
 * What an open menu needs from its menu button (see MenuButtonController): the
 * host, whose shadow root holds the `#trigger` and the `#menu`, its items, and closing.
 */
export interface MenuButtonParts {
  readonly host: HTMLElement;
  /** The enabled and disabled items, in order. */
  items(): HTMLElement[];
  hide(options?: { restoreFocus?: boolean }): void;
}

/**
 * What a menu does only while it is open: keyboard navigation with type-ahead,
 * closing on a press outside or when focus leaves, and staying inside the
 * viewport (`placePopup`) on resize and scroll. Loaded with `import()` after
 * the trigger first renders, so a closed menu costs the page only its trigger.
 * `open()` and `close()` take and let go of the page-wide listeners.
 */
export class OpenMenu {
  #parts: MenuButtonParts;
  #typed = '';
  #typedAt = 0;

  constructor(parts: MenuButtonParts) {
    this.#parts = parts;
  }

  open(): void {
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    window.addEventListener('resize', this.place, { passive: true });
    window.addEventListener('scroll', this.place, { capture: true, passive: true });
  }

  close(): void {
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    window.removeEventListener('resize', this.place);
    window.removeEventListener('scroll', this.place, { capture: true });
  }

  /** Keeps the menu inside the viewport; called on every update, resize and scroll. */
  place = (): void => {
    const menu = this.#find('#menu');
    if (menu && !menu.hidden) placePopup(this.#parts.host, menu);
  };

  keydown(event: KeyboardEvent): void {
    const items = this.#parts.items();
    if (items.length === 0) return;
    const current = items.indexOf(this.#parts.host.shadowRoot?.activeElement as HTMLElement);
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
        return this.#parts.hide();
      case 'Tab':
        // Focus the trigger first so the browser's own Tab moves on from there.
        return this.#parts.hide();
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
  }

  /** Focus leaving for somewhere outside the host (not via the trigger) closes the menu. */
  focusout(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || next === this.#find('#trigger') || this.#find('#menu')?.contains(next)) return;
    this.#parts.hide({ restoreFocus: false });
  }

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

  #find(selector: string): HTMLElement | null {
    return this.#parts.host.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  }

  #onDocumentPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.#parts.host)) this.#parts.hide({ restoreFocus: false });
  };
}

function labelOf(item: HTMLElement): string {
  return (item.dataset.label ?? item.textContent ?? '').trim().toLowerCase();
}
