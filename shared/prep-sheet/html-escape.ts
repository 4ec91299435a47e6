/**
 * Escaping for text placed in HTML. Every piece of user text on a prep sheet goes through `escapeHtml`: a title
 * such as `<script>alert(1)</script>` prints as those characters, never as markup.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe both between tags and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Control characters other than tab and newline have no place in a printed sheet (and NUL breaks parsers).
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) continue;
    out += ENTITIES[ch] ?? ch;
  }
  return out;
}
