/** The static text of one css`…` piece, minified. */
export function minifyCssText(text: string): string;
/** Every css`…` template in `code` minified; null when there is none. */
export function minifyCssTemplates(code: string): string | null;
/** The vite/rollup plugin that minifies css`…` templates in the kit's sources. */
export function minifyCss(): {
  name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
};
