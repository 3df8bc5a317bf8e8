import type { ReactiveControllerHost } from 'lit';
import type { SessionAction } from '../events.js';
import { announce } from '../internal/announcer.js';
import { reportError } from '../internal/report-error.js';
import { menuPopupStyles } from '../internal/styles/menu-popup.js';
import { group, radioItem } from '../internal/templates/menu-items.js';
import { KeyedActionController } from './keyed-action.js';
import type { MenuButtonController } from './menu-button.js';
import type { SwitchRequest, SwitcherChoice } from './menu-switcher.js';

/**
 * The half of a switcher that only an opened menu needs: its items, one
 * action at a time (KeyedActionController, exclusive) announced through the
 * shared announcer, the selection flow (cancelable event, pending item,
 * announcement, menu closed after) and the popup's styles, which it adds to
 * the host's shadow root. MenuSwitcherController loads it with `import()`
 * after the trigger first renders, or on the first open.
 */
export class SwitcherMenu {
  readonly actions: KeyedActionController;
  readonly #menu: MenuButtonController;

  constructor(host: ReactiveControllerHost & HTMLElement, menu: MenuButtonController) {
    this.#menu = menu;
    this.actions = new KeyedActionController(host, {
      report: (error, action, retry) => reportError(host, error, action, retry),
      announce: (message) => announce(message, host),
    });
    const root = host.shadowRoot;
    const sheet = menuPopupStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** A labelled group of items (the accounts, the organizations). */
  group(label: string, items: unknown) {
    return group(label, items);
  }

  /** A menu item for `choice`, checked when current, with a spinner while switching to it. */
  choice(choice: SwitcherChoice, checked: boolean, request: SwitchRequest) {
    return radioItem({
      label: choice.label,
      detail: choice.detail,
      avatar: choice.avatar,
      checked,
      pending: this.actions.isPending(choice.key),
      onSelect: () => void this.#select(choice.key, checked, request),
    });
  }

  /** Runs a menu command (signing out) as the switcher's one action, after closing the menu. */
  command(key: string, action: SessionAction, work: () => Promise<string | null>): void {
    if (this.actions.busy) return;
    this.#menu.hide();
    void this.actions.run(key, action, work);
  }

  async #select(key: string, current: boolean, request: SwitchRequest): Promise<void> {
    if (this.actions.busy) return;
    if (current || !request.announce()) {
      this.#menu.hide();
      return;
    }
    await this.actions.run(key, request.action, request.perform);
    this.#menu.hide();
  }
}
