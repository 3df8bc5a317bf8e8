/**
 * The one place user-facing strings are resolved. Each element ships a table
 * per language (English complete, others may be partial); the language is the
 * nearest `lang` attribute up the tree (crossing shadow roots), then the
 * document's; an element's `strings` property overrides single entries.
 */

export type StringTable = Record<string, string | ((...args: never[]) => string)>;

export type Translations<T extends StringTable> = { en: T } & Record<string, Partial<T>>;

/** The nearest `lang`, walking out of shadow roots. */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return node.getAttribute('lang') || 'en';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || navigator.language || 'en';
}

/** `de-AT` → the `de-AT` table, else `de`, else English, entry by entry. */
export function resolveStrings<T extends StringTable>(
  table: Translations<T>,
  lang: string,
  overrides?: Partial<T>,
): T {
  const exact = table[lang];
  const base = table[lang.split('-')[0].toLowerCase()];
  return { ...table.en, ...base, ...exact, ...overrides } as T;
}
