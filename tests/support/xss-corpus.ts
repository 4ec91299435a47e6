/**
 * Text that would run script if any screen treated it as markup, a URL or a style instead of as text. Each payload,
 * if it ever ran, sets window.__pwned to its own id (or opens a dialog), so a test can tell exactly which one got
 * through. Reusable by every test that puts user text on a screen or into a file: the editor, the lists, imports,
 * the prep sheet and PDF.
 */
export interface XssPayload {
  id: string;
  text: string;
}

const pwn = (id: string): string => `window.__pwned='${id}'`;

export const XSS_PAYLOADS: readonly XssPayload[] = [
  { id: 'script-tag', text: `<script>${pwn('script-tag')}</script>` },
  { id: 'script-src-data', text: `<script src="data:text/javascript,${pwn('script-src-data')}"></script>` },
  { id: 'img-onerror', text: `<img src=x onerror="${pwn('img-onerror')}">` },
  { id: 'svg-onload', text: `<svg onload="${pwn('svg-onload')}"><circle r="1"/></svg>` },
  { id: 'svg-script', text: `<svg><script>${pwn('svg-script')}</script></svg>` },
  { id: 'body-onload', text: `<body onload="${pwn('body-onload')}">` },
  { id: 'iframe-srcdoc', text: `<iframe srcdoc="<script>parent.__pwned='iframe-srcdoc'</script>"></iframe>` },
  { id: 'iframe-js', text: `<iframe src="javascript:parent.__pwned='iframe-js'"></iframe>` },
  { id: 'a-javascript', text: `<a href="javascript:${pwn('a-javascript')}">click me</a>` },
  { id: 'markdown-link', text: `[click me](javascript:${pwn('markdown-link')})` },
  { id: 'bare-javascript-url', text: `javascript:${pwn('bare-javascript-url')}` },
  { id: 'textarea-breakout', text: `</textarea><script>${pwn('textarea-breakout')}</script><textarea>` },
  { id: 'title-breakout', text: `</title><script>${pwn('title-breakout')}</script>` },
  { id: 'attribute-breakout', text: `"><img src=x onerror="${pwn('attribute-breakout')}">` },
  { id: 'single-quote-breakout', text: `'><svg onload=${pwn('single-quote-breakout').replace(/'/g, '`')}>` },
  { id: 'details-ontoggle', text: `<details open ontoggle="${pwn('details-ontoggle')}"><summary>x</summary></details>` },
  { id: 'input-autofocus', text: `<input autofocus onfocus="${pwn('input-autofocus')}">` },
  { id: 'video-source-onerror', text: `<video><source onerror="${pwn('video-source-onerror')}"></video>` },
  { id: 'object-data', text: `<object data="javascript:${pwn('object-data')}"></object>` },
  { id: 'embed-src', text: `<embed src="javascript:${pwn('embed-src')}">` },
  { id: 'meta-refresh', text: `<meta http-equiv="refresh" content="0;url=javascript:${pwn('meta-refresh')}">` },
  { id: 'base-href', text: `<base href="javascript:${pwn('base-href')}//">` },
  { id: 'form-action', text: `<form action="javascript:${pwn('form-action')}"><button>go</button></form>` },
  { id: 'style-import', text: `<style>@import url("https://evil.invalid/x.css");</style>` },
  { id: 'style-expression', text: `<div style="width: expression(${pwn('style-expression')})">x</div>` },
  { id: 'style-url-js', text: `<div style="background:url('javascript:${pwn('style-url-js')}')">x</div>` },
  { id: 'style-breakout', text: `</style><script>${pwn('style-breakout')}</script>` },
  { id: 'link-stylesheet', text: `<link rel="stylesheet" href="https://evil.invalid/x.css">` },
  { id: 'math-mglyph', text: `<math><mtext><table><mglyph><style><img src=x onerror="${pwn('math-mglyph')}">` },
  { id: 'noscript-breakout', text: `<noscript><p title="</noscript><img src=x onerror=${pwn('noscript-breakout').replace(/'/g, '`')}>">` },
  { id: 'template-literal', text: '${' + `${pwn('template-literal')}` + '}' },
  { id: 'angular-expression', text: `{{constructor.constructor("${pwn('angular-expression').replace(/'/g, '`')}")()}}` },
  { id: 'html-entities', text: `&lt;img src=x onerror=${pwn('html-entities').replace(/'/g, '`')}&gt;` },
  { id: 'null-byte', text: `<scr\u0000ipt>${pwn('null-byte')}</scr\u0000ipt>` },
  { id: 'unicode-escape', text: `\u003cimg src=x onerror="${pwn('unicode-escape')}"\u003e` },
  { id: 'alert-dialog', text: `<img src=x onerror="alert('alert-dialog')">` },
  { id: 'confirm-dialog', text: `<svg onload="confirm('confirm-dialog')">` },
  { id: 'json-breakout', text: `"}]},"x":"</script><script>${pwn('json-breakout')}</script>` },
  { id: 'rtl-override', text: `\u202E<img src=x onerror="${pwn('rtl-override')}">\u202C` },
];

/** Elements that must never appear inside the app's root element (#root) because of user text. */
export const INJECTED_ELEMENTS_SELECTOR = [
  'script',
  'iframe',
  'object',
  'embed',
  'img[src="x"]',
  'svg[onload]',
  '[onerror]',
  '[onload]',
  '[onfocus]',
  '[ontoggle]',
  'a[href^="javascript:"]',
  'base',
  'meta[http-equiv]',
  'form[action^="javascript:"]',
  'link[rel="stylesheet"][href^="http"]',
  'style',
].join(', ');
