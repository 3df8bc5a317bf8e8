import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type StringTable,
  type Translations,
  languageOf,
  onLocaleLoaded,
  resolveStrings,
} from '../internal/localize.js';

/** What a `LocalizeController` needs to know about its element's strings. */
export interface LocalizeOptions<T extends StringTable> {
  /** The element's English table and the id its translations are filed under. */
  translations: Translations<T>;
  /** The element's overrides (its `strings` property), read on every access. */
  overrides?: () => Partial<T> | undefined;
}

/**
 * Strings in the host's language: the nearest `lang` up the tree (crossing
 * shadow roots), then the document's. English is built in; any other language
 * loads its module on first use, shows English meanwhile, and re-renders the
 * host when the module arrives.
 */
export class LocalizeController<T extends StringTable> implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #options: LocalizeOptions<T>;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost & Element, options: LocalizeOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The language the host speaks now, e.g. `de-AT`. */
  get lang(): string {
    return languageOf(this.#host);
  }

  /** Every string of the host in its language, with the overrides applied. */
  get strings(): T {
    return resolveStrings(this.#options.translations, this.lang, this.#options.overrides?.());
  }

  hostConnected(): void {
    // Any locale arriving may be the one this host waits for; re-rendering is cheap.
    this.#unsubscribe ??= onLocaleLoaded(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
