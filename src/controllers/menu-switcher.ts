import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { type SessionError, toSessionError } from '../core/errors.js';
import type { SessionAction } from '../events.js';
import type { CommonStrings } from '../internal/common-strings.js';
import { type Lazy, lazy } from '../core/lazy.js';
import { localeOf } from '../internal/localize.js';
import { feedback } from '../internal/templates/feedback.js';
import { MenuButtonController } from './menu-button.js';
import type { SwitcherMenu } from './switcher-menu.js';

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

export interface MenuSwitcherOptions<M> {
  /** Whether there is something to switch (someone signed in); otherwise the menu closes. */
  available: () => boolean;
  /** The host's own code for its items, if any: loaded beside the shared half (SwitcherMenu). */
  items?: Lazy<M>;
}

/** The shared half of every switcher's open menu; one load for the page. */
const switcherMenu = lazy(() => import('./switcher-menu.js'));

/**
 * What the account, organization and workspace switchers share: a menu button
 * (MenuButtonController) and the frame they render in. A closed switcher
 * renders only its trigger: the items, the actions and the popup's styles
 * (SwitcherMenu, plus the host's own `items` module) are loaded with
 * `import()` once the trigger is on screen, and a first open before they
 * arrive waits for them. If they cannot be loaded, opening says so in the
 * switcher's feedback region; opening again tries again.
 */
export class MenuSwitcherController<M = undefined> implements ReactiveController {
  readonly menu: MenuButtonController;
  #host: ReactiveControllerHost & HTMLElement;
  #available: () => boolean;
  #items: Lazy<M> | undefined;
  /** The open menu's half and the host's items module, once both arrived. */
  #loaded: { menu: SwitcherMenu; items: M } | null = null;
  #loading: Promise<void> | undefined;
  /** Why the menu's code could not be loaded when the user opened it; cleared by the next load. */
  #failure: SessionError | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuSwitcherOptions<M>) {
    this.#host = host;
    this.#available = options.available;
    this.#items = options.items;
    this.menu = new MenuButtonController(host, {
      prepare: () => this.#load(),
      failed: (error) => {
        this.#failure = toSessionError(error);
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** Signing out (here or in another tab) closes an open menu without taking focus. */
  hostUpdate(): void {
    if (!this.#available()) this.menu.hide({ restoreFocus: false });
  }

  /**
   * Whatever the host shows (its states too), marked with the language it speaks, so a screen
   * reader reads an English fallback in English. `contents`: the wrapper draws no box.
   */
  inLanguage(content: unknown) {
    return html`<span class="contents" lang=${localeOf(this.#host)}>${content}</span>`;
  }

  /**
   * The trigger, the menu around what `items` draws once the menu's code is
   * here (nothing before: the menu is closed until then), and the live region.
   */
  render(
    trigger: unknown,
    items: (menu: SwitcherMenu, module: M) => unknown,
    { label, strings }: { label: string; strings: CommonStrings },
  ) {
    const loaded = this.#loaded;
    return html`${this.menu.renderTrigger(trigger)}
    ${this.menu.renderMenu(loaded ? items(loaded.menu, loaded.items) : null, { label })}
    ${feedback(strings, loaded?.menu.actions.error ?? this.#failure)}`;
  }

  /** Undefined once the menu's code is here; else the promise of it (one per switcher). */
  #load(): Promise<void> | undefined {
    if (this.#loaded) return undefined;
    this.#loading ??= Promise.all([switcherMenu.load(), this.#items?.load()]).then(
      ([{ SwitcherMenu }, items]) => {
        this.#loaded = { menu: new SwitcherMenu(this.#host, this.menu), items: items as M };
        this.#failure = null;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}
