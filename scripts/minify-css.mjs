// A build plugin of our own: the text inside css`…` tagged templates loses its comments and
// needless whitespace, so the styles cost what they say and not their indentation. Only the
// static text between `${…}` expressions changes; quoted CSS strings are kept as written.
import { rewriteTemplates, sourcePlugin } from './tagged-templates.mjs';

/** One static piece of CSS, minified: comments out, whitespace collapsed, strings untouched. */
export function minifyCssText(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  // Spaces around these never matter in CSS. A space before `:` may (`.a :hover`), after it
  // never; `+` and `~` keep theirs (calc() needs them). A product in calc() needs none
  // (`var(--a) * 2`; a selector's ` * ` is never written after `)`), nor does a number its
  // leading zero (`0.75rem`).
  return out
    .replace(/ *([{};,>]) */g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/\) \* /g, ')*')
    .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2');
}

/** Minifies the static parts of every css`…` template in `code`; returns null when none. */
export function minifyCssTemplates(code) {
  return rewriteTemplates(code, /\bcss`/g, (strings, expressions) =>
    strings
      .map((piece, k) => {
        let text = minifyCssText(piece);
        if (k === 0) text = text.trimStart();
        if (k === strings.length - 1) return text.trimEnd();
        return `${text}\${${expressions[k]}}`;
      })
      .join(''),
  );
}

/** The vite/rollup plugin: applies `minifyCssTemplates` to the kit's own TypeScript sources. */
export function minifyCss() {
  return sourcePlugin('session-elements:minify-css', /\bcss`/, minifyCssTemplates);
}
