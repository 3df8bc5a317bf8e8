/** Hostile URLs shared by the URL policy's unit tests and the element-level security suite. */

/** Every way a script URL has been smuggled past a naive `startsWith('javascript:')`. */
export const SCRIPT_URLS = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  '   javascript:window.__pwned=1',
  '\tjava\nscript:window.__pwned=1',
  'java\rscript:window.__pwned=1',
  '\u0000javascript:window.__pwned=1',
  '\u0001\u0008\u001fjavascript:window.__pwned=1',
  ' \u000b\u000c javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  ' data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://evil.example/0c4e',
  'about:blank',
  'ftp://evil.example/',
];

/** Schemes that pass, but lead away from this origin: refused as a server redirect. */
export const FOREIGN_URLS = [
  '//evil.example/x',
  '\\\\evil.example/x',
  '/\\evil.example/x',
  'http://evil.example/',
  'https://evil.example/',
  ' https://evil.example/',
  'https://app.example.evil.example/',
  'https://app.example@evil.example/',
  `${location.protocol === 'http:' ? 'https' : 'http'}:evil.example`,
];
