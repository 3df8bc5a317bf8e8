import { Task, TaskStatus } from '@lit/task';
import { nothing } from 'lit';
import type { BackendCapabilities } from '../../core/backend.js';
import { toSessionError } from '../../core/errors.js';
import type { SessionController } from '../../core/session-controller.js';
import type { SignIn } from '../../core/types.js';
import type { SessionAction, SessionElementsEvent } from '../../events.js';
import { type SwitcherChoice, MenuSwitcherController } from '../../controllers/menu-switcher.js';
import type { CommonStrings } from '../../internal/common-strings.js';
import { displayText } from '../../internal/format.js';
import { avatar } from '../../internal/templates/avatar.js';
import { loadError, loadRetrying } from '../../internal/templates/feedback.js';
import { loadingTrigger, triggerContent } from '../../internal/templates/menu.js';
import { buttons, tokens } from '../../internal/styles/base.js';
import { feedbackStyles } from '../../internal/styles/feedback.js';
import { menuStyles } from '../../internal/styles/menu.js';
import { SessionElement } from './session-element.js';

/** What organizations and workspaces have in common: the user's membership of something. */
export interface Membership {
  id: string;
  name: string;
  membership_id: string;
}

export type MembershipStrings = CommonStrings & {
  /** Names the menu. */
  menuLabel: string;
  /** Read before the current choice on the trigger, e.g. "Organization". */
  triggerPrefix: string;
  /** The trigger when nothing is chosen. */
  placeholder: string;
  switchedTo: (name: string) => string;
};

/** One entry of the menu; `item` null is the personal account. */
export interface MembershipOption<M> extends SwitcherChoice {
  item: M | null;
}

interface Loaded<M> {
  /** What the list belongs to (see `listScope`), so a stale list is never shown. */
  scope: string;
  items: M[];
}

/**
 * The organization and workspace switchers: a menu button listing the user's
 * memberships (plus, optionally, the personal account), the current one
 * checked, switching with a cancelable event, a pending item and a past-tense
 * event after the server confirmed. The list reloads on every session
 * revision, so it follows switches made anywhere. Renders nothing when the
 * backend lacks the capability or nobody is signed in.
 */
export abstract class MembershipSwitcher<
  M extends Membership,
  S extends MembershipStrings,
> extends SessionElement<S> {
  static override styles = [tokens, buttons, menuStyles, feedbackStyles];

  protected abstract readonly capability: keyof BackendCapabilities &
    ('organizations' | 'workspaces');
  protected abstract readonly listAction: SessionAction;
  protected abstract readonly switchAction: SessionAction;

  protected abstract fetch(controller: SessionController, signal: AbortSignal): Promise<M[]>;
  /** The membership id the sign-in has chosen, if any. */
  protected abstract activeMembershipId(signIn: SignIn): string | undefined;
  /** What an item's entry shows under its name, if anything (server text through `displayText`). */
  protected optionDetail?(item: M): string | undefined;
  /** The picture on an item's avatar, if any (otherwise its initials show). */
  protected optionImage?(item: M): string | undefined;
  /** The personal-account entry, for switchers that offer one. */
  protected abstract personalOption(signIn: SignIn): MembershipOption<M> | null;
  protected abstract switchTo(controller: SessionController, item: M | null): Promise<void>;
  protected abstract switchEvent(item: M | null): SessionElementsEvent<unknown>;
  protected abstract switchedEvent(item: M | null): SessionElementsEvent<unknown>;

  /**
   * What the list depends on besides the revision; while it reloads for a new
   * scope the placeholder shows instead of the old list. Default: the account.
   */
  protected listScope(signIn: SignIn): string {
    return signIn.id;
  }

  protected readonly switcher = new MenuSwitcherController(this, {
    available: () => this.state.status === 'signed-in',
  });

  protected readonly list = new Task(this, {
    task: async ([controller, scope], { signal }): Promise<Loaded<M> | undefined> => {
      if (!controller || scope === undefined) return undefined;
      return { scope, items: await this.fetch(controller, signal) };
    },
    // Keyed on the revision: every mutation anywhere reloads the list once.
    args: () => {
      const state = this.state;
      const signIn = state.status === 'signed-in' ? state.session.active_signin : null;
      return [
        this.#supported ? this.sessionController : undefined,
        signIn ? this.listScope(signIn) : undefined,
        state.status === 'signed-in' ? state.revision : -1,
      ] as const;
    },
    onError: (error) => {
      this.reportError(error, this.listAction, () => void this.list.run());
    },
  });

  protected override render() {
    return this.switcher.inLanguage(this.#content());
  }

  #content() {
    const state = this.state;
    const t = this.t;
    if (!this.#supported) return nothing;
    if (state.status === 'loading') {
      return state.error
        ? loadRetrying(t, state.error.code, () => void this.sessionController?.refetch())
        : loadingTrigger(t.loading);
    }
    const signIn = state.status === 'signed-in' ? state.session.active_signin : null;
    if (!signIn) return nothing;
    const value = this.list.value;
    const loaded = value?.scope === this.listScope(signIn) ? value.items : undefined;
    if (!loaded) {
      return this.list.status === TaskStatus.ERROR
        ? loadError(t, toSessionError(this.list.error).code, () => void this.list.run())
        : loadingTrigger(t.loading);
    }
    const personal = this.personalOption(signIn);
    const options = [
      ...(personal ? [personal] : []),
      ...loaded.map((item) => this.#toOption(item)),
    ];
    if (options.length === 0) return nothing;
    const activeId = this.activeMembershipId(signIn);
    const current = options.find((o) => (o.item ? o.item.membership_id === activeId : !activeId));
    return this.switcher.render(
      triggerContent(current?.avatar ?? nothing, t.triggerPrefix, current?.label ?? t.placeholder),
      // The choices are the whole menu: a group inside it would only say its name again.
      (menu) =>
        options.map((option) =>
          menu.choice(option, option === current, {
            action: this.switchAction,
            announce: () => this.emit(this.switchEvent(option.item)),
            perform: async () => {
              await this.switchTo(this.requireController(), option.item);
              this.emit(this.switchedEvent(option.item));
              return this.t.switchedTo(option.label);
            },
          }),
        ),
      { label: t.menuLabel, strings: t },
    );
  }

  get #supported(): boolean {
    return this.sessionController?.capabilities[this.capability] ?? false;
  }

  #toOption(item: M): MembershipOption<M> {
    const name = displayText(item.name);
    return {
      key: item.membership_id,
      item,
      label: name,
      detail: this.optionDetail?.(item),
      avatar: avatar({ id: item.id, name, image: this.optionImage?.(item) }),
    };
  }
}
