/**
 * A short plain-text excerpt of `text` around the first word that starts with one of `words` (case-insensitive),
 * for search results. Null when no word is found.
 */
export function makeSnippet(text: string, words: readonly string[], radius = 60): string | null {
  const lower = text.toLowerCase();
  let at = -1;
  for (const word of words) {
    const needle = word.toLowerCase();
    if (!needle) continue;
    let from = 0;
    while (from <= lower.length) {
      const found = lower.indexOf(needle, from);
      if (found === -1) break;
      const before = found === 0 ? '' : (lower[found - 1] as string);
      if (!/[\p{L}\p{N}]/u.test(before)) {
        if (at === -1 || found < at) at = found;
        break;
      }
      from = found + 1;
    }
  }
  if (at === -1) return null;
  let start = Math.max(0, at - radius);
  let end = Math.min(text.length, at + radius * 2);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
