// A build plugin of our own, beside minify-css.mjs: the static text of html`…` and svg`…`
// templates loses the line breaks and indentation of the source. Every whitespace run that
// holds a line break becomes one space, so the DOM keeps the same nodes (a text node of
// indentation stays a text node of one space) and renders the same (no template of the kit
// uses <pre> or preserved white-space); a space before a tag's closing `>` goes (the kit's
// texts write `>` as `&gt;`). Templates nested in `${…}` are handled too.
import { expressionEnd, templateEnd } from './minify-css.mjs';

/** One static piece of a template, its source line breaks and indentation collapsed. */
export function collapseHtmlText(text) {
  return text.replace(/[ \t]*[\r\n]\s*/g, ' ').replace(/ (\/?>)/g, '$1');
}

/** Collapses the static parts of every html`…` / svg`…` template in `code`, nested ones too. */
export function minifyHtmlTemplates(code) {
  const pattern = /\b(?:html|svg)`/g;
  let result = '';
  let last = 0;
  let match;
  while ((match = pattern.exec(code))) {
    const open = match.index + match[0].length - 1;
    const end = templateEnd(code, open);
    if (end < 0) break;
    result += code.slice(last, open + 1);
    let i = open + 1;
    let piece = '';
    while (i < end - 1) {
      if (code[i] === '\\') {
        piece += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        const close = expressionEnd(code, i + 2);
        result += `${collapseHtmlText(piece)}\${${minifyHtmlTemplates(code.slice(i + 2, close - 1))}}`;
        piece = '';
        i = close;
      } else {
        piece += code[i++];
      }
    }
    result += `${collapseHtmlText(piece)}\``;
    last = end;
    pattern.lastIndex = end;
  }
  return result + code.slice(last);
}

/** The vite/rollup plugin: applies `minifyHtmlTemplates` to the kit's own TypeScript sources. */
export function minifyHtml() {
  return {
    name: 'session-elements:minify-html',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(?:html|svg)`/.test(code)) return null;
      const minified = minifyHtmlTemplates(code);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
