import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { type SessionConsumerHost, SessionConsumer } from '../context.js';
import type { SessionController } from '../core/session-controller.js';
import type { SessionState } from '../core/session-state.js';
import { SessionError, toSessionError } from '../core/errors.js';
import {
  ReauthRequiredEvent,
  type SessionAction,
  SessionElementsEvent,
  SessionErrorEvent,
} from '../events.js';
import { type StringTable, type Translations, languageOf, resolveStrings } from './localize.js';

/**
 * What every element of the kit shares: the controller from the nearest
 * provider (or its own `.controller`), the session state, strings in the
 * page's language, and the error and re-auth event protocol.
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

  /** Replaces any of the element's strings, e.g. `{ signOut: 'Log out' }`. */
  @property({ attribute: false }) strings?: Partial<T>;

  protected readonly session = new SessionConsumer(this, {
    onChange: (state, previous) => this.sessionChanged(state, previous),
  });

  protected abstract readonly translations: Translations<T>;

  /** The controller in use, from `.controller` or the nearest provider. */
  protected get sessionController(): SessionController | undefined {
    return this.session.controller;
  }

  protected get state(): SessionState {
    return this.session.state;
  }

  /** Strings in the element's language, with overrides applied. */
  protected get t(): T {
    return resolveStrings(this.translations, languageOf(this), this.strings);
  }

  /** Hook for subclasses that react to session changes beyond re-rendering. */
  protected sessionChanged(_state: SessionState, _previous: SessionState): void {}

  /** Dispatches an event; false when a listener cancelled it. */
  protected emit(event: SessionElementsEvent<unknown>): boolean {
    return this.dispatchEvent(event);
  }

  /**
   * Reports a failure: `reauth-required` becomes the cancelable
   * `reauth-required` event (returns true when the element should show its own
   * confirm-it's-you state), anything else a `session-error` event.
   */
  protected reportError(error: unknown, action: SessionAction, retry: () => void): boolean {
    const failure = toSessionError(error);
    if (failure.code === 'reauth-required') {
      return this.emit(new ReauthRequiredEvent({ action, retry }));
    }
    if (failure.code !== 'aborted') this.emit(new SessionErrorEvent({ error: failure, action }));
    return false;
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
}
