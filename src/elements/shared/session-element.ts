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
 * The `strings` attribute holds JSON. Anything else (a framework that stringified
 * an object before the tag was defined writes `[object Object]`) is ignored with a
 * warning: the element keeps its built-in strings instead of failing.
 */
const stringsConverter = {
  fromAttribute(value: string | null): StringTable | undefined {
    if (value === null) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return parsed as StringTable;
      }
    } catch {
      // Reported below like any other value that is not a JSON object.
    }
    console.warn(`session-elements: ignoring the strings attribute, not a JSON object: ${value}`);
    return undefined;
  },
};

/** A text, a pattern, a function, or plural forms of text: anything else would break rendering. */
function isUsable(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null) return false;
  const forms = Object.values(value);
  return (
    typeof (value as { other?: unknown }).other === 'string' &&
    forms.every((form) => typeof form === 'string')
  );
}

const checked = new WeakMap<object, object>();

/**
 * The overrides that can be shown (JSON from an attribute may hold anything),
 * one object per `strings` value, so the compiled strings stay cached.
 */
function usable<T extends StringTable>(overrides: StringOverrides<T> | undefined) {
  if (!overrides) return undefined;
  let kept = checked.get(overrides);
  if (!kept) {
    kept = Object.fromEntries(Object.entries(overrides).filter(([, value]) => isUsable(value)));
    checked.set(overrides, kept);
  }
  return kept as StringOverrides<T>;
}

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
   * As an attribute, the same object in JSON (`strings='{"signOut":"Log out"}'`).
   * To change a language for every element, use `registerTranslation()`.
   */
  @property({ converter: stringsConverter }) strings?: StringOverrides<T>;

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
      overrides: () => usable(this.strings),
    };
  }
}
