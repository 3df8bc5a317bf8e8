import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { BackendCapabilities } from '../core/backend.js';
import { toSessionError } from '../core/errors.js';
import type { SessionController } from '../core/session-controller.js';
import type { SessionState } from '../core/session-state.js';
import type { SignIn } from '../core/types.js';
import type { SessionAction, SessionElementsEvent } from '../events.js';
import { ActionRunner, feedbackStyles } from './action-runner.js';
import { avatar } from './avatar.js';
import { type CommonStrings, errorMessage } from './common-strings.js';
import { displayText } from './format.js';
import { MenuButtonController } from './menu-button.js';
import { chevronIcon, group, loadingTrigger, radioItem, textBlock } from './menu-items.js';
import { menuStyles } from './menu.styles.js';
import { SessionElement } from './session-element.js';
import { buttons, tokens } from './styles.js';

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
export interface MembershipOption<M> {
  key: string;
  item: M | null;
  label: string;
  detail?: string;
  avatar: TemplateResult;
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

  protected readonly menu = new MenuButtonController(this);
  protected readonly actions = new ActionRunner(this, (error, action, retry) =>
    this.reportError(error, action, retry),
  );

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

  get #supported(): boolean {
    return this.sessionController?.capabilities[this.capability] ?? false;
  }

  protected override sessionChanged(state: SessionState): void {
    if (state.status !== 'signed-in') this.menu.hide({ restoreFocus: false });
  }

  protected override render() {
    const state = this.state;
    const t = this.t;
    if (!this.#supported) return nothing;
    if (state.status === 'loading') return loadingTrigger(t.loading);
    const signIn = state.status === 'signed-in' ? state.session.active_signin : null;
    if (!signIn) return nothing;
    const value = this.list.value;
    const loaded = value?.scope === this.listScope(signIn) ? value.items : undefined;
    if (!loaded) {
      return this.list.status === TaskStatus.ERROR
        ? this.#renderLoadError()
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
    return html`${this.menu.renderTrigger(
      html`${current?.avatar ?? nothing}<span class="visually-hidden">${t.triggerPrefix}</span>
        ${textBlock(current?.label ?? t.placeholder)} ${chevronIcon}`,
    )}
    ${this.menu.renderMenu(
      group(
        t.menuLabel,
        options.map((option) =>
          radioItem({
            label: option.label,
            detail: option.detail,
            avatar: option.avatar,
            checked: option === current,
            pending: this.actions.pending === option.key,
            onSelect: () => void this.#select(option, option === current),
          }),
        ),
      ),
      { label: t.menuLabel },
    )}
    ${this.actions.render(t)}`;
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

  #renderLoadError() {
    const t = this.t;
    const code = toSessionError(this.list.error).code;
    return html`<span class="error" part="error" role="alert">${errorMessage(t, code)}</span>
      <button class="btn" part="retry-button" type="button" @click=${() => void this.list.run()}>
        ${t.retry}
      </button>`;
  }

  async #select(option: MembershipOption<M>, isCurrent: boolean): Promise<void> {
    if (this.actions.busy) return;
    if (isCurrent || !this.emit(this.switchEvent(option.item))) {
      this.menu.hide();
      return;
    }
    await this.actions.run(option.key, this.switchAction, async () => {
      await this.switchTo(this.requireController(), option.item);
      this.emit(this.switchedEvent(option.item));
      return this.t.switchedTo(option.label);
    });
    this.menu.hide();
  }
}
