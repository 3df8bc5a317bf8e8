// A build plugin of our own: the text inside css`…` tagged templates loses its comments and
// needless whitespace, so the styles cost what they say and not their indentation. Only the
// static text between `${…}` expressions changes; quoted CSS strings are kept as written.

/** The index just past the template that opens at `start` (the backtick), skipping `${…}`. */
export function templateEnd(code, start) {
  let i = start + 1;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') i += 2;
    else if (c === '`') return i + 1;
    else if (c === '$' && code[i + 1] === '{') i = expressionEnd(code, i + 2);
    else i++;
  }
  return -1;
}

/** The index just past the `}` that closes an expression opened before `start`. */
export function expressionEnd(code, start) {
  let depth = 1;
  let i = start;
  while (i < code.length && depth > 0) {
    const c = code[i];
    if (c === '`') i = templateEnd(code, i);
    else if (c === "'" || c === '"') i = code.indexOf(c, i + 1) + 1;
    else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    }
    if (i <= 0) return code.length;
  }
  return i;
}

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
  const pattern = /\bcss`/g;
  let result = '';
  let last = 0;
  let match;
  while ((match = pattern.exec(code))) {
    const open = match.index + 3;
    const end = templateEnd(code, open);
    if (end < 0) break;
    result += code.slice(last, open + 1);
    let i = open + 1;
    let piece = '';
    let first = true;
    while (i < end - 1) {
      if (code[i] === '\\') {
        piece += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        const close = expressionEnd(code, i + 2);
        const text = minifyCssText(piece);
        result += (first ? text.trimStart() : text) + code.slice(i, close);
        piece = '';
        first = false;
        i = close;
      } else {
        piece += code[i++];
      }
    }
    const text = minifyCssText(piece).trimEnd();
    result += (first ? text.trimStart() : text) + '`';
    last = end;
    pattern.lastIndex = end;
  }
  return last === 0 ? null : result + code.slice(last);
}

/** The vite/rollup plugin: applies `minifyCssTemplates` to the kit's own TypeScript sources. */
export function minifyCss() {
  return {
    name: 'session-elements:minify-css',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const minified = minifyCssTemplates(code);
      return minified === null ? null : { code: minified, map: null };
    },
  };
}
