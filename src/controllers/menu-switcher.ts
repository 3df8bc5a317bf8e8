import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { SessionAction } from '../events.js';
import { announce } from '../internal/announcer.js';
import type { CommonStrings } from '../internal/common-strings.js';
import { reportError } from '../internal/report-error.js';
import { feedback } from '../internal/templates/feedback.js';
import { radioItem } from '../internal/templates/menu.js';
import { KeyedActionController } from './keyed-action.js';
import { MenuButtonController } from './menu-button.js';

/** One choice of a switcher's menu: an account, an organization, a workspace. */
export interface SwitcherChoice {
  /** Identifies the choice while switching to it (its spinner). */
  key: string;
  label: string;
  detail?: string;
  avatar: TemplateResult;
}

export interface SwitchRequest {
  /** The action named in `session-error` and `reauth-required`. */
  action: SessionAction;
  /** Dispatches the cancelable "before" event; false when a listener cancelled it. */
  announce: () => boolean;
  /** Switches on the server, dispatches the "after" event; resolves to the text to announce. */
  perform: () => Promise<string>;
}

export interface MenuSwitcherOptions {
  /** Whether there is something to switch (someone signed in); otherwise the menu closes. */
  available: () => boolean;
}

/**
 * What the account, organization and workspace switchers share: a menu button
 * (MenuButtonController), one action at a time (KeyedActionController, exclusive)
 * announced through the shared announcer, the selection flow (cancelable event, pending item,
 * announcement, menu closed after) and the frame they render in.
 */
export class MenuSwitcherController implements ReactiveController {
  readonly menu: MenuButtonController;
  readonly actions: KeyedActionController;
  #available: () => boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuSwitcherOptions) {
    this.menu = new MenuButtonController(host);
    this.actions = new KeyedActionController(host, {
      report: (error, action, retry) => reportError(host, error, action, retry),
      announce,
    });
    this.#available = options.available;
    host.addController(this);
  }

  /** Signing out (here or in another tab) closes an open menu without taking focus. */
  hostUpdate(): void {
    if (!this.#available()) this.menu.hide({ restoreFocus: false });
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
    this.menu.hide();
    void this.actions.run(key, action, work);
  }

  /** The trigger, the menu around `items`, and the live region. */
  render(
    trigger: unknown,
    items: unknown,
    { label, strings }: { label: string; strings: CommonStrings },
  ) {
    return html`${this.menu.renderTrigger(trigger)} ${this.menu.renderMenu(items, { label })}
    ${feedback(strings, this.actions.error)}`;
  }

  async #select(key: string, current: boolean, request: SwitchRequest): Promise<void> {
    if (this.actions.busy) return;
    if (current || !request.announce()) {
      this.menu.hide();
      return;
    }
    await this.actions.run(key, request.action, request.perform);
    this.menu.hide();
  }
}
