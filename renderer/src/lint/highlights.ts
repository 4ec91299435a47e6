import type { LexicalEditor } from 'lexical';
import type { SectionId } from '../../../shared/domain/sections.ts';
import type { Diagnostic } from '../../../shared/lint/index.ts';
import { domRangeFor, textMapOf } from './text-map.ts';

export const HIGHLIGHT_NAMES = {
  error: 'lint-error',
  warning: 'lint-warning',
  suggestion: 'lint-suggestion',
  positive: 'lint-positive',
} as const;

/** Whether this browser paints CSS Custom Highlights (Chromium does). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * Paints the findings over the text with the CSS Custom Highlight API: ranges only, so the document, its saved JSON
 * and its undo history never see the lint.
 */
export function paintHighlights(
  editors: ReadonlyMap<SectionId, LexicalEditor>,
  diagnostics: readonly Diagnostic[],
): void {
  if (!highlightsSupported()) return;
  const ranges: Record<keyof typeof HIGHLIGHT_NAMES, Range[]> = { error: [], warning: [], suggestion: [], positive: [] };
  const maps = new Map<SectionId, ReturnType<typeof textMapOf>>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.end <= diagnostic.start) continue;
    const editor = editors.get(diagnostic.section);
    if (!editor) continue;
    let segments = maps.get(diagnostic.section);
    if (!segments) {
      segments = textMapOf(editor);
      maps.set(diagnostic.section, segments);
    }
    const range = domRangeFor(editor, segments, diagnostic.start, diagnostic.end);
    if (range) ranges[diagnostic.severity].push(range);
  }
  for (const [severity, name] of Object.entries(HIGHLIGHT_NAMES) as [keyof typeof HIGHLIGHT_NAMES, string][]) {
    const list = ranges[severity];
    if (list.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...list));
  }
  // The keystroke benchmark (scripts/bench/keystroke.ts) times keydown -> this mark.
  performance.mark(HIGHLIGHTS_PAINTED);
  performance.clearMarks(HIGHLIGHTS_PAINTED);
}

export const HIGHLIGHTS_PAINTED = 'story-bank:highlights-painted';

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}
