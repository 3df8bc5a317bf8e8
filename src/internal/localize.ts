/**
 * The one place user-facing strings are resolved. Each element ships its
 * English table under an id; every other language lives in its own module
 * (src/locales/*.ts), loaded the first time an element asks for it, so a page
 * pays only for the languages it shows. The language is the nearest `lang`
 * attribute up the tree (crossing shadow roots), then the document's; an
 * element's `strings` property overrides single entries.
 */

export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/** An element's built-in English strings and the id locale modules translate them under. */
export interface Translations<T extends StringTable> {
  /** The key of this table in every locale module; none means English only. */
  readonly id?: string;
  readonly en: T;
}

/** What a locale module exports by default: translated tables by their id, each partial. */
export type LocaleTables = Record<string, Partial<StringTable>>;

/**
 * The languages that have a module of their own, by primary subtag. A dynamic
 * import each, so bundlers split them out of the elements' code.
 */
const LOADERS: Record<string, () => Promise<{ default: LocaleTables }>> = {
  de: () => import('../locales/de.js'),
};

const loaded = new Map<string, LocaleTables>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** The nearest `lang`, walking out of shadow roots. */
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

/** `de-AT` → `de`: the key locale modules are loaded under. */
function primary(lang: string): string {
  return lang.split('-')[0].toLowerCase();
}

/**
 * Adds translated tables for a language (`de`, or a region such as `de-AT`
 * whose entries win over `de`'s), then tells every listener so elements
 * re-render. Later calls for the same language add to and override earlier ones.
 */
export function registerLocale(lang: string, tables: LocaleTables): void {
  const key = lang.toLowerCase();
  const current = loaded.get(key) ?? {};
  const merged: LocaleTables = { ...current };
  for (const [id, table] of Object.entries(tables)) merged[id] = { ...current[id], ...table };
  loaded.set(key, merged);
  for (const listener of [...listeners]) listener();
}

/**
 * Starts loading the module for `lang` unless it is English, already loaded
 * or unknown; resolves once its strings are registered (immediately when there
 * is nothing to load). A failed load is forgotten so a later render retries.
 */
export function loadLocale(lang: string): Promise<void> {
  const key = primary(lang);
  const loader = LOADERS[key];
  if (!loader || loaded.has(key)) return Promise.resolve();
  let pending = loading.get(key);
  if (!pending) {
    pending = loader()
      .then((module) => registerLocale(key, module.default))
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

/** Calls `listener` whenever a locale's strings arrive; returns the unsubscribe function. */
export function onLocaleLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * `de-AT` → the `de-AT` table, else `de`, else English, entry by entry, then
 * the overrides. A language whose module has not arrived yet reads as English
 * and starts the load (see `onLocaleLoaded` to re-render when it lands).
 */
export function resolveStrings<T extends StringTable>(
  table: Translations<T>,
  lang: string,
  overrides?: Partial<T>,
): T {
  if (table.id === undefined) return { ...table.en, ...overrides };
  const base = loaded.get(primary(lang));
  if (!base && LOADERS[primary(lang)]) void loadLocale(lang).catch(() => undefined);
  const exact = loaded.get(lang.toLowerCase());
  return { ...table.en, ...base?.[table.id], ...exact?.[table.id], ...overrides } as T;
}
