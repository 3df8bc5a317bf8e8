import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { SessionError } from '../../core/errors.js';
import type { SessionController } from '../../core/session-controller.js';
import type { SessionState } from '../../core/session-state.js';
import type { SessionAction, SessionElementsEvent } from '../../events.js';
import { type LocalizeOptions, LocalizeController } from '../../controllers/localize.js';
import { type SessionConsumerHost, SessionConsumer } from '../../controllers/session-consumer.js';
import type { StringOverrides, StringTable, Translations } from '../../internal/localize.js';
import { reportError } from '../../internal/report-error.js';

/**
 * What every session element has: the two public properties below, the
 * session (a SessionConsumer: the controller from `.controller` or the nearest
 * provider, and its state) and strings in the page's language. Behaviour
 * lives in the controllers each element adds.
 */
export abstract class SessionElement<T extends StringTable = StringTable>
  extends LitElement
  implements SessionConsumerHost
{
  /**
   * The controller to use instead of the nearest `<session-provider>`'s.
   * @type {SessionController | undefined}
   */
  @property({ attribute: false }) controller?: SessionController;

  /**
   * Replaces any of this element's strings, e.g. `{ signOut: 'Log out' }`; a
   * message with placeholders takes a pattern (`'End {device}'`) or a function.
   * To change a language for every element, use `registerTranslation()`.
   */
  @property({ attribute: false }) strings?: StringOverrides<T>;

  protected readonly session = new SessionConsumer(this, {
    onChange: (state, previous) => this.sessionChanged(state, previous),
  });

  protected abstract readonly translations: Translations<T>;

  readonly #localize = new LocalizeController<T>(this, this.#localizeOptions());

  /** The controller in use, from `.controller` or the nearest provider. */
  protected get sessionController(): SessionController | undefined {
    return this.session.controller;
  }

  protected get state(): SessionState {
    return this.session.state;
  }

  /** Strings in the element's language, with overrides applied. */
  protected get t(): T {
    return this.#localize.strings;
  }

  /** The locale of those strings, for every date, number and name the element formats. */
  protected get locale(): string {
    return this.#localize.locale;
  }

  /** Hook for subclasses that react to session changes beyond re-rendering. */
  protected sessionChanged(_state: SessionState, _previous: SessionState): void {}

  /** Dispatches an event; false when a listener cancelled it. */
  protected emit(event: SessionElementsEvent<unknown>): boolean {
    return this.dispatchEvent(event);
  }

  /** The kit's failure protocol on this element (see `reportError`). */
  protected reportError(error: unknown, action: SessionAction, retry: () => void): boolean {
    return reportError(this, error, action, retry);
  }

  /** The controller, or a clear error when the element is used outside any provider. */
  protected requireController(): SessionController {
    const controller = this.sessionController;
    if (!controller) {
      throw new SessionError(
        'unsupported',
        'No session controller: place the element inside <session-provider> or set .controller.',
      );
    }
    return controller;
  }

  /** The subclass sets `translations` after the base's initializers run: read it on use. */
  #localizeOptions(): LocalizeOptions<T> {
    const translations = () => this.translations;
    return {
      get translations() {
        return translations();
      },
      overrides: () => this.strings,
    };
  }
}
