/**
 * The text of an HTML page or fragment as a reader sees it: style blocks and tags removed (inline formatting joins
 * the letters it wraps, any other tag is a space), entities decoded, whitespace collapsed.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/?(b|strong|em|small)>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
