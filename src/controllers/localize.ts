import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { watchLanguage } from '../internal/lang-observer.js';
import {
  type StringOverrides,
  type StringTable,
  type Translations,
  directionOf,
  languageOf,
  localeOf,
  onLocaleLoaded,
  resolveStrings,
} from '../internal/localize.js';

/** What a `LocalizeController` needs to know about its element's strings. */
export interface LocalizeOptions<T extends StringTable> {
  /** The element's English table and the id its translations are filed under. */
  translations: Translations<T>;
  /** The element's overrides (its `strings` property), read on every access. */
  overrides?: () => StringOverrides<T> | undefined;
}

/**
 * Strings in the host's language: the nearest `lang` up the tree (crossing
 * shadow roots), then the document's. English is built in; any other shipped
 * language loads its module on first use, shows English meanwhile, and
 * re-renders the host when the module arrives. The host also re-renders when
 * `lang` or `dir` changes on itself, an ancestor or `<html>`.
 */
export class LocalizeController<T extends StringTable> implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #options: LocalizeOptions<T>;
  #unsubscribe?: () => void;
  #unwatch?: () => void;
  /** The language and direction of the last render, to re-render only on a real change. */
  #seen = '';

  constructor(host: ReactiveControllerHost & Element, options: LocalizeOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The language the host asks for, e.g. `de-AT`. */
  get lang(): string {
    return languageOf(this.#host);
  }

  /**
   * The locale its strings and every date, time, number and country name use:
   * the host's language when there are strings for it, else `en`.
   */
  get locale(): string {
    return localeOf(this.#host);
  }

  /** The host's direction, from the nearest `dir`. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.#host);
  }

  /** Every string of the host in its language, with the overrides applied. */
  get strings(): T {
    return resolveStrings(this.#options.translations, this.lang, this.#options.overrides?.());
  }

  hostConnected(): void {
    // A server render (Lit SSR may call connectedCallback) has no page whose language can change.
    if (isServer) return;
    // Any locale arriving may be the one this host waits for; re-rendering is cheap.
    this.#unsubscribe ??= onLocaleLoaded(() => this.#host.requestUpdate());
    this.#unwatch?.();
    this.#unwatch = watchLanguage(this.#host, () => this.#check());
    // Moved to another place while disconnected: its language may differ.
    this.#check();
  }

  hostUpdate(): void {
    this.#seen = this.#snapshot();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  #snapshot(): string {
    return `${this.lang}|${this.dir}`;
  }

  #check(): void {
    if (this.#seen && this.#snapshot() !== this.#seen) this.#host.requestUpdate();
  }
}
