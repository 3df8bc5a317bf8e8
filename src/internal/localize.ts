/**
 * The one place user-facing strings are resolved. Each element ships its
 * English table under an id; every other language lives in its own module
 * (src/locales/<tag>.ts), loaded the first time an element asks for it, so a
 * page pays only for the languages it shows. Apps add or override languages
 * with `registerTranslation()`.
 *
 * A message is a whole sentence with named placeholders ("Last active
 * {time}"), or one such sentence per plural category (`Intl.PluralRules`)
 * chosen by the `{count}` placeholder, so every language orders its own words.
 * Labels and every `Intl` format use the same resolved locale: a language
 * without a translation is English throughout, dates included.
 */

import type { PartialTranslation, Translation } from '../locales/types.js';

/** The plural categories of `Intl.PluralRules`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** One sentence per plural category the language uses; `other` is always required. */
export type PluralMessage = { other: string } & Partial<Record<PluralCategory, string>>;

/** A translated sentence with `{name}` placeholders, or its plural forms. */
export type Message = string | PluralMessage;

/** What elements read: plain strings, and a function for each message with placeholders. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

type FunctionKeys<T> = { [K in keyof T]: T[K] extends string ? never : K }[keyof T];

/** A table as translators write it: every function of `T` becomes a message. */
export type MessagesOf<T extends StringTable> = {
  [K in keyof T]: T[K] extends string ? string : Message;
};

/** The placeholder names of each message, in the order its function takes them. */
export type ParamsOf<T extends StringTable> = {
  readonly [K in FunctionKeys<T>]: readonly string[];
};

/** A table's strings once compiled: a message with parameters becomes a function of them. */
export type Strings<
  M extends Record<string, Message>,
  P extends Record<string, readonly string[]>,
> = {
  [K in keyof M]: K extends keyof P ? (...args: ArgsOf<P[K]>) => string : string;
};

/** One `string | number` argument per placeholder name. */
type ArgsOf<T extends readonly string[]> = { -readonly [I in keyof T]: string | number };

/** Per-instance overrides (an element's `strings` property): ready strings or functions, or messages. */
export type StringOverrides<T extends StringTable> = {
  [K in keyof T]?: T[K] extends string ? string : Message | ((...args: never[]) => string);
};

/** An element's built-in English table, its id in locale modules and its placeholders. */
export interface Translations<T extends StringTable> {
  /** The key of this table in every locale module; none means English only. */
  readonly id?: string;
  readonly en: MessagesOf<T>;
  readonly params?: ParamsOf<T>;
}

/** Translated tables by element id (`common` holds the strings every element shares). */
export type LocaleTables = Record<string, Partial<Record<string, Message>> | undefined>;

/**
 * The languages that ship, each a dynamic import so bundlers split them out of
 * the elements' code. English is built into the elements.
 */
const SHIPPED: Record<string, () => Promise<{ default: Translation }>> = {
  de: () => import('../locales/de.js'),
  fr: () => import('../locales/fr.js'),
  es: () => import('../locales/es.js'),
  'pt-BR': () => import('../locales/pt-BR.js'),
  ja: () => import('../locales/ja.js'),
  'zh-CN': () => import('../locales/zh-CN.js'),
  ko: () => import('../locales/ko.js'),
  ar: () => import('../locales/ar.js'),
  he: () => import('../locales/he.js'),
};

/** The tags of the languages that ship, English included. */
export const SHIPPED_LOCALES: readonly string[] = Object.freeze(['en', ...Object.keys(SHIPPED)]);

const shipped = new Map<string, LocaleTables>();
const registered = new Map<string, LocaleTables>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
/** Bumped on every registration; compiled tables of an older version are stale. */
let version = 0;

/** The nearest `lang`, walking out of shadow roots, then the document's, then the browser's. */
export function languageOf(element: Element): string {
  // Server rendering (Lit SSR's DOM shim) has no tree to walk: the element's own `lang`, or English.
  if (typeof Element === 'undefined') return element.getAttribute('lang') || 'en';
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return node.getAttribute('lang') || 'en';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || navigator.language || 'en';
}

/** The nearest `dir` ("ltr" or "rtl"), walking out of shadow roots; "ltr" without any. */
export function directionOf(element: Element): 'ltr' | 'rtl' {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const dir = node.getAttribute('dir')?.toLowerCase();
      if (dir === 'rtl' || dir === 'ltr') return dir;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'ltr';
}

/** A canonical tag (`de-at` → `de-AT`), or undefined when `lang` is not a valid one. */
function canonical(lang: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

function languageOfTag(tag: string): string {
  return tag.split('-')[0];
}

/** The likely script (`zh-TW` → Hant), so simplified Chinese is never shown for traditional. */
function scriptOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
}

/** The shipped module serving `tag`: same language and script (`pt-PT` → `pt-BR`, `zh-TW` → none). */
function shippedFor(tag: string): string | undefined {
  const language = languageOfTag(tag);
  const match = Object.keys(SHIPPED).find((key) => languageOfTag(key) === language);
  return match && scriptOf(match) === scriptOf(tag) ? match : undefined;
}

/** Where a language's strings come from: the `Intl` locale and its tables, highest priority first. */
export interface ResolvedLocale {
  /** The tag every `Intl` format of the element uses; `en` when the language has no strings. */
  locale: string;
  layers: LocaleTables[];
}

function english(): ResolvedLocale {
  return { locale: 'en', layers: [registered.get('en')].filter((t) => !!t) };
}

/**
 * The locale `element` speaks: its language when there are strings for it, else English. Every
 * piece of the kit's text is marked with it (`lang`), so a screen reader reads an English
 * fallback with an English voice, not the page's.
 */
export function localeOf(element: Element): string {
  return resolveLocale(languageOf(element)).locale;
}

/** Languages written right to left, by their primary subtag. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/**
 * The direction `locale`'s text runs in. Strings keep it even on a page laid out the other way:
 * English details on a right-to-left page (say a Persian one, which has no translation) read
 * left to right.
 */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(languageOfTag(locale)) ? 'rtl' : 'ltr';
}

/**
 * The locale an element whose language is `lang` speaks: the language itself
 * when it ships or an app registered it, else English; while its module is
 * still on its way, English (labels and dates alike) and the load starts.
 */
export function resolveLocale(lang: string): ResolvedLocale {
  const tag = canonical(lang);
  if (!tag) return english();
  const language = languageOfTag(tag);
  const module = shippedFor(tag);
  if (module && !shipped.has(module)) {
    void loadLocale(module).catch(() => undefined);
    return english();
  }
  const layers = [
    registered.get(tag),
    language === tag ? undefined : registered.get(language),
    module && shipped.get(module),
  ].filter((table): table is LocaleTables => !!table);
  if (language !== 'en' && layers.length === 0) return english();
  return { locale: tag, layers };
}

/**
 * Adds or overrides strings of a language for every element on the page, e.g.
 * `registerTranslation('it', { common: {...}, 'active-sessions': {...} })`, or a
 * few entries of a shipped one (`registerTranslation('de', { 'sign-out-button':
 * { signOut: 'Ausloggen' } })`). Registered strings win over shipped ones; a
 * region (`de-AT`) wins over its language. Later calls add to earlier ones.
 * Elements on the page re-render.
 */
export function registerTranslation(lang: string, translation: PartialTranslation): void {
  const tag = canonical(lang);
  if (!tag) throw new RangeError(`Not a language tag: ${lang}`);
  registered.set(tag, merge(registered.get(tag), tablesOf(translation)));
  changed();
}

/** A translation as the lookup reads it: tables by element id. */
function tablesOf(translation: PartialTranslation): LocaleTables {
  return translation as LocaleTables;
}

function merge(current: LocaleTables = {}, tables: LocaleTables): LocaleTables {
  const merged: LocaleTables = { ...current };
  for (const [id, table] of Object.entries(tables)) merged[id] = { ...current[id], ...table };
  return merged;
}

function changed(): void {
  version++;
  compiled.clear();
  for (const listener of [...listeners]) listener();
}

/**
 * Loads the shipped module serving `lang` unless there is none or it is
 * already loaded; resolves once its strings are in (immediately when there is
 * nothing to load). A failed load is forgotten so a later render retries.
 */
export function loadLocale(lang: string): Promise<void> {
  const tag = canonical(lang);
  const module = tag && shippedFor(tag);
  if (!module || shipped.has(module)) return Promise.resolve();
  let pending = loading.get(module);
  if (!pending) {
    pending = SHIPPED[module]()
      .then(({ default: tables }) => {
        shipped.set(module, tablesOf(tables));
        changed();
      })
      .finally(() => loading.delete(module));
    loading.set(module, pending);
  }
  return pending;
}

/** Calls `listener` whenever strings arrive or are registered; returns the unsubscribe function. */
export function onLocaleLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Fills a message's placeholders: numbers formatted for `locale`, the plural
 * form picked by `{count}`. In a right-to-left language each inserted text is
 * isolated (FSI…PDI) so a left-to-right name cannot reorder the sentence.
 */
export function formatMessage(
  message: Message,
  locale: string,
  values: Record<string, string | number | undefined>,
): string {
  const pattern = typeof message === 'string' ? message : pluralForm(message, locale, values.count);
  const isolate = textDirection(locale) === 'rtl';
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return numberFormat(locale).format(value);
    return isolate ? `\u2068${value}\u2069` : value;
  });
}

function pluralForm(message: PluralMessage, locale: string, count: unknown): string {
  const category = typeof count === 'number' ? pluralRules(locale).select(count) : 'other';
  return message[category] ?? message.other;
}

const intlCache = new Map<string, Intl.PluralRules | Intl.NumberFormat>();

function pluralRules(locale: string): Intl.PluralRules {
  const key = `p:${locale}`;
  let rules = intlCache.get(key) as Intl.PluralRules | undefined;
  if (!rules) intlCache.set(key, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numberFormat(locale: string): Intl.NumberFormat {
  const key = `n:${locale}`;
  let format = intlCache.get(key) as Intl.NumberFormat | undefined;
  if (!format) intlCache.set(key, (format = new Intl.NumberFormat(locale)));
  return format;
}

/** Compiled tables by id and locale; emptied whenever a language arrives or is registered. */
const compiled = new Map<string, StringTable>();
const withOverrides = new WeakMap<object, { key: string; version: number; strings: StringTable }>();

/**
 * The table's strings for `lang`: each entry from the region, then the
 * language (registered before shipped), then English, then `overrides`.
 * A language whose module has not arrived yet reads as English and starts the
 * load (see `onLocaleLoaded` to re-render when it lands).
 */
export function resolveStrings<T extends StringTable>(
  table: Translations<T>,
  lang: string,
  overrides?: StringOverrides<T>,
): T {
  const resolved = resolveLocale(lang);
  const key = `${table.id ?? ''}\u0000${resolved.locale}`;
  if (overrides) {
    const hit = withOverrides.get(overrides);
    if (hit && hit.key === key && hit.version === version) return hit.strings as T;
    const strings = compile(table, resolved, overrides);
    withOverrides.set(overrides, { key, version, strings });
    return strings as T;
  }
  let strings = compiled.get(key);
  if (!strings) compiled.set(key, (strings = compile(table, resolved)));
  return strings as T;
}

function compile<T extends StringTable>(
  table: Translations<T>,
  { locale, layers }: ResolvedLocale,
  overrides?: StringOverrides<T>,
): StringTable {
  const params = (table.params ?? {}) as Record<string, readonly string[]>;
  const lookup = (name: string): Message | T[keyof T] => {
    const own = overrides?.[name];
    if (own !== undefined) return own as Message | T[keyof T];
    if (table.id !== undefined) {
      for (const layer of layers) {
        const found = layer[table.id]?.[name] ?? layer.common?.[name];
        if (found !== undefined) return found;
      }
    }
    return table.en[name] as Message;
  };
  const strings: StringTable = {};
  for (const name of Object.keys(table.en)) {
    const message = lookup(name);
    const names = params[name];
    if (typeof message === 'function') strings[name] = message;
    else if (!names) strings[name] = typeof message === 'string' ? message : message.other;
    else {
      strings[name] = (...args: (string | number)[]) =>
        formatMessage(message, locale, Object.fromEntries(names.map((n, i) => [n, args[i]])));
    }
  }
  return strings;
}

/** The placeholder names a message uses, each once. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))];
}
