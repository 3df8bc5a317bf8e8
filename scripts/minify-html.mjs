// A build plugin of our own, beside minify-css.mjs: the static text of html`…` and svg`…`
// templates loses the line breaks and indentation of the source. Every whitespace run that
// holds a line break becomes one space, so the DOM keeps the same nodes (a text node of
// indentation stays a text node of one space) and renders the same (no template of the kit
// uses <pre> or preserved white-space); a space before a tag's closing `>` goes (the kit's
// texts write `>` as `&gt;`). Templates nested in `${…}` are handled too.
import { rewriteTemplates, sourcePlugin } from './tagged-templates.mjs';

/** One static piece of a template, its source line breaks and indentation collapsed. */
export function collapseHtmlText(text) {
  return text.replace(/[ \t]*[\r\n]\s*/g, ' ').replace(/ (\/?>)/g, '$1');
}

/** Collapses the static parts of every html`…` / svg`…` template in `code`, nested ones too. */
export function minifyHtmlTemplates(code) {
  const rewritten = rewriteTemplates(code, /\b(?:html|svg)`/g, (strings, expressions) =>
    strings
      .map((piece, k) =>
        k < expressions.length
          ? `${collapseHtmlText(piece)}\${${minifyHtmlTemplates(expressions[k])}}`
          : collapseHtmlText(piece),
      )
      .join(''),
  );
  return rewritten ?? code;
}

/** The vite/rollup plugin: applies `minifyHtmlTemplates` to the kit's own TypeScript sources. */
export function minifyHtml() {
  return sourcePlugin('session-elements:minify-html', /\b(?:html|svg)`/, minifyHtmlTemplates);
}
