import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import type { SectionId } from '../../../shared/domain/sections.ts';
import type { Diagnostic } from '../../../shared/lint/index.ts';
import type { ActiveFinding } from './FindingTooltip.tsx';
import { $buildTextMap, domRangeFor, segmentAt, type TextSegment } from './text-map.ts';

function activeFor(
  editor: LexicalEditor,
  segments: readonly TextSegment[],
  section: SectionId,
  diagnostics: readonly Diagnostic[],
  offset: number,
): ActiveFinding | null {
  const hits = diagnostics.filter(
    (d) => d.section === section && d.end > d.start && offset >= d.start && offset <= d.end,
  );
  const first = hits[0];
  if (!first) return null;
  const range = domRangeFor(editor, segments, first.start, first.end);
  const rect = range?.getBoundingClientRect();
  if (!rect) return null;
  return { diagnostics: hits, rect: { left: rect.left, top: rect.top, bottom: rect.bottom } };
}

/** The findings under the mouse pointer, if the pointer is over highlighted text. */
export function findingsAtPoint(
  editors: ReadonlyMap<SectionId, LexicalEditor>,
  diagnostics: readonly Diagnostic[],
  x: number,
  y: number,
): ActiveFinding | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (!position || position.offsetNode.nodeType !== Node.TEXT_NODE) return null;
  const host = position.offsetNode.parentElement?.closest<HTMLElement>('[data-section]');
  const section = host?.dataset.section as SectionId | undefined;
  const editor = section ? editors.get(section) : undefined;
  if (!editor || !section) return null;
  return editor.read(() => {
    const node = $getNearestNodeFromDOMNode(position.offsetNode);
    if (!node) return null;
    const segments = $buildTextMap();
    const segment = segments.find((s) => s.key === node.getKey());
    if (!segment) return null;
    const found = activeFor(editor, segments, section, diagnostics, segment.start + position.offset);
    if (!found) return null;
    // caretPositionFromPoint snaps to the nearest character: only count the pointer if it is over the text itself.
    const range = domRangeFor(editor, segments, found.diagnostics[0]!.start, found.diagnostics[0]!.end);
    const over = Array.from(range?.getClientRects() ?? []).some(
      (r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1,
    );
    return over ? found : null;
  });
}

/** The findings the caret sits in, so a keyboard user reads the same message. */
export function findingsAtCaret(
  editor: LexicalEditor,
  section: SectionId,
  diagnostics: readonly Diagnostic[],
): ActiveFinding | null {
  return editor.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
    const segments = $buildTextMap();
    const segment = segments.find((s) => s.key === selection.anchor.key);
    if (!segment) return null;
    return activeFor(editor, segments, section, diagnostics, segment.start + selection.anchor.offset);
  });
}

/** Selects a finding's text in its editor and focuses it: "clicking a finding puts the cursor on the text". */
export function revealFinding(editor: LexicalEditor, diagnostic: Pick<Diagnostic, 'start' | 'end'>): void {
  editor.update(() => {
    const segments = $buildTextMap();
    const from = segmentAt(segments, diagnostic.start);
    const to = segmentAt(segments, Math.max(diagnostic.start, diagnostic.end), true);
    if (!from || !to) return;
    const selection = $createRangeSelection();
    selection.anchor.set(from.key, diagnostic.start - from.start, 'text');
    selection.focus.set(to.key, Math.max(diagnostic.start, diagnostic.end) - to.start, 'text');
    $setSelection(selection);
  });
  editor.focus();
  editor.getRootElement()?.closest('.star-section')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
