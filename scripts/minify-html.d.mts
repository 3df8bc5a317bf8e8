/** One static piece of an html`…` template with its line breaks and indentation collapsed. */
export function collapseHtmlText(text: string): string;
/** Every html`…` / svg`…` template in `code`, nested ones too, collapsed. */
export function minifyHtmlTemplates(code: string): string;
/** The vite/rollup plugin that collapses html`…` / svg`…` templates in the kit's sources. */
export function minifyHtml(): {
  name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
};
