// What the two template minifiers (minify-css.mjs, minify-html.mjs) share: finding the tagged
// template literals of a source file, with their `${…}` expressions, and rewriting their text.

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

/**
 * Rewrites every template literal that `pattern` (a global regular expression ending at the
 * opening backtick) finds in `code`: `rewrite(strings, expressions)` gets the static pieces and
 * the source of each `${…}` expression, and returns the new text between the backticks.
 * Returns null when no template was found.
 */
export function rewriteTemplates(code, pattern, rewrite) {
  let result = '';
  let last = 0;
  let match;
  while ((match = pattern.exec(code))) {
    const open = match.index + match[0].length - 1;
    const end = templateEnd(code, open);
    if (end < 0) break;
    const strings = [];
    const expressions = [];
    let i = open + 1;
    let piece = '';
    while (i < end - 1) {
      if (code[i] === '\\') {
        piece += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        const close = expressionEnd(code, i + 2);
        strings.push(piece);
        expressions.push(code.slice(i + 2, close - 1));
        piece = '';
        i = close;
      } else {
        piece += code[i++];
      }
    }
    strings.push(piece);
    result += code.slice(last, open + 1) + rewrite(strings, expressions) + '`';
    last = end;
    pattern.lastIndex = end;
  }
  return last === 0 ? null : result + code.slice(last);
}

/** A vite/rollup plugin applying `minify` to the kit's own TypeScript sources that hold `marker`. */
export function sourcePlugin(name, marker, minify) {
  return {
    name,
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !marker.test(code)) return null;
      const minified = minify(code);
      return minified === null || minified === code ? null : { code: minified, map: null };
    },
  };
}
