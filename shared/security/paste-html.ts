/**
 * Reduces pasted HTML to bare structural tags before the editor parses it: no attribute of any kind survives (so
 * no event handler, style, URL or id), elements whose content is code or embedded documents are dropped with
 * their content, and every other unknown tag is dropped while its text stays. What remains is what a story section
 * can hold anyway: paragraphs, line breaks, bold, italic, lists.
 *
 * Parsing the raw HTML in the page would be safe without this (the parsed document is inert and the CSP blocks
 * inline handlers and styles), but Chromium reports each blocked attribute as a CSP violation, and inline styles
 * would be dropped anyway. Pure string processing: no DOM. That is also why this is not DOMPurify: DOMPurify parses
 * the raw paste with DOMParser, and Chromium reports every style and event-handler attribute of that inert
 * document against the page's CSP (tests/e2e/paste-html.e2e.ts pastes such HTML and expects no report).
 */

/** Tags kept, without attributes. */
const KEPT = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/** Elements dropped together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title', 'xmp', 'noembed',
  'noframes', 'svg', 'math', 'head', 'select', 'option', 'button', 'plaintext', 'frameset',
]);

interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
  end: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Reads the tag starting at `start` (the "<"), the way an HTML tokenizer does; null when it is not a tag. */
function readTag(html: string, start: number): Tag | null {
  let i = start + 1;
  const closing = html[i] === '/';
  if (closing) i++;
  const first = html[i];
  if (first === undefined || !/[A-Za-z]/.test(first)) return null;
  let name = '';
  while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>') name += html[i++];
  const attributes = new Map<string, string>();
  for (;;) {
    while (i < html.length && (isSpace(html[i]) || html[i] === '/')) i++;
    if (i >= html.length) return { name: name.toLowerCase(), closing, attributes, end: html.length };
    if (html[i] === '>') return { name: name.toLowerCase(), closing, attributes, end: i + 1 };
    let attr = html[i++] ?? '';
    while (i < html.length && !isSpace(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') attr += html[i++];
    while (i < html.length && isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        while (i < html.length && !isSpace(html[i]) && html[i] !== '>') value += html[i++];
      }
    }
    attributes.set(attr.toLowerCase(), value);
  }
}

/** What a kept tag becomes: Google Docs wraps a whole paste in a non-bold <b>, and marks bold and italic by style. */
function translate(tag: Tag): string {
  const style = (tag.attributes.get('style') ?? '').replace(/\s+/g, '').toLowerCase();
  let name = tag.name;
  if (name === 'b' && (style.includes('font-weight:normal') || style.includes('font-weight:400') || (tag.attributes.get('id') ?? '').startsWith('docs-internal-guid'))) {
    name = 'span';
  } else if (name === 'span' && /font-weight:(bold|[6-9]00)/.test(style)) {
    name = 'b';
  } else if (name === 'span' && style.includes('font-style:italic')) {
    name = 'i';
  }
  return tag.closing ? `</${name}>` : `<${name}>`;
}

const closingTagPatterns = new Map<string, RegExp>();

/** A case-insensitive pattern for "</name", searched from its `lastIndex`. */
function closingTagPattern(name: string): RegExp {
  let pattern = closingTagPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}`, 'gi');
    closingTagPatterns.set(name, pattern);
  }
  return pattern;
}

export function cleanPastedHtml(html: string): string {
  let out = '';
  let i = 0;
  /** What each open <b> and <span> became, so its closing tag matches. */
  const renamed = new Map<string, string[]>([
    ['b', []],
    ['span', []],
  ]);
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const close = html.indexOf('>', lt);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === null) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && DROPPED_WITH_CONTENT.has(tag.name)) {
      // Searched in place, case-insensitively: lower-casing the whole paste again for each dropped element made
      // a paste of many such elements quadratic (and lower case can be longer than the original, as for "İ").
      const closer = closingTagPattern(tag.name);
      closer.lastIndex = i;
      const close = closer.exec(html);
      if (close === null) break;
      const after = html.indexOf('>', close.index);
      i = after === -1 ? html.length : after + 1;
      continue;
    }
    if (!KEPT.has(tag.name)) continue;
    const stack = renamed.get(tag.name);
    if (stack) {
      if (!tag.closing) {
        const translated = translate(tag);
        stack.push(translated.slice(1, -1));
        out += translated;
      } else {
        out += `</${stack.pop() ?? tag.name}>`;
      }
      continue;
    }
    out += translate(tag);
  }
  return out;
}
