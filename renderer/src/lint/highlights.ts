import type { EditorState, LexicalEditor } from 'lexical';
import { SECTION_IDS, type SectionId } from '../../../shared/domain/sections.ts';
import type { Diagnostic } from '../../../shared/lint/index.ts';
import { domRangeFor, textMapOf } from './text-map.ts';

export const HIGHLIGHT_NAMES = {
  error: 'lint-error',
  warning: 'lint-warning',
  suggestion: 'lint-suggestion',
  positive: 'lint-positive',
} as const;

type Severity = keyof typeof HIGHLIGHT_NAMES;

/** Whether this browser paints CSS Custom Highlights (Chromium does). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export const HIGHLIGHTS_PAINTED = 'story-bank:highlights-painted';

/** What is painted over one section, and what it was painted from. */
interface PaintedSection {
  editor: LexicalEditor;
  root: HTMLElement | null;
  state: EditorState;
  /** The section's findings as severity and span, in order: the same key, the same ranges. */
  key: string;
  ranges: { severity: Severity; range: Range }[];
}

function keyOf(diagnostics: readonly Diagnostic[]): string {
  let key = '';
  for (const d of diagnostics) if (d.end > d.start) key += `${d.severity}:${d.start}-${d.end};`;
  return key;
}

/**
 * Paints findings over the text with the CSS Custom Highlight API: ranges only, so the document, its saved JSON and
 * its undo history never see the lint.
 *
 * One Highlight per severity stays registered while the painter is in use, and each section's ranges are kept with
 * the editor state they were made from: a section is mapped again only when its editor state or its findings
 * changed. A keystroke in one section therefore maps that section alone; the other sections' ranges (live DOM
 * ranges over text that did not change) are left as they are.
 */
export class HighlightPainter {
  private highlights: Record<Severity, Highlight> | null = null;
  private readonly painted = new Map<SectionId, PaintedSection>();

  /**
   * Brings the highlights up to date with `diagnostics`, the findings on the editors' current text. Marks
   * HIGHLIGHTS_PAINTED when any section was painted again (after an edit, at least the section edited).
   */
  paint(editors: ReadonlyMap<SectionId, LexicalEditor>, diagnostics: readonly Diagnostic[]): void {
    if (!highlightsSupported()) return;
    const highlights = this.registered();
    const bySection: Record<SectionId, Diagnostic[]> = { situation: [], task: [], action: [], result: [], reflection: [] };
    for (const diagnostic of diagnostics) bySection[diagnostic.section].push(diagnostic);
    let painted = false;
    for (const section of SECTION_IDS) {
      if (this.paintSection(highlights, section, editors.get(section), bySection[section])) painted = true;
    }
    if (!painted) return;
    // The keystroke benchmark (scripts/bench/keystroke.ts) times keydown -> this mark.
    performance.mark(HIGHLIGHTS_PAINTED);
    performance.clearMarks(HIGHLIGHTS_PAINTED);
  }

  /** Takes every highlight down. */
  clear(): void {
    this.painted.clear();
    if (!highlightsSupported() || this.highlights === null) return;
    for (const [severity, name] of Object.entries(HIGHLIGHT_NAMES) as [Severity, string][]) {
      // Another painter (the next story's editor) may have registered its own under the name since.
      if (CSS.highlights.get(name) === this.highlights[severity]) CSS.highlights.delete(name);
    }
    this.highlights = null;
  }

  private registered(): Record<Severity, Highlight> {
    if (this.highlights === null) {
      const highlights = {} as Record<Severity, Highlight>;
      for (const [severity, name] of Object.entries(HIGHLIGHT_NAMES) as [Severity, string][]) {
        highlights[severity] = new Highlight();
        CSS.highlights.set(name, highlights[severity]);
      }
      this.highlights = highlights;
    }
    return this.highlights;
  }

  private paintSection(
    highlights: Record<Severity, Highlight>,
    section: SectionId,
    editor: LexicalEditor | undefined,
    diagnostics: readonly Diagnostic[],
  ): boolean {
    const previous = this.painted.get(section);
    if (!editor) {
      if (!previous) return false;
      this.unpaint(highlights, section, previous);
      return true;
    }
    const state = editor.getEditorState();
    const root = editor.getRootElement();
    const key = keyOf(diagnostics);
    if (
      previous !== undefined &&
      previous.editor === editor &&
      previous.state === state &&
      previous.root === root &&
      previous.key === key &&
      previous.ranges.every(({ range }) => range.startContainer.isConnected && range.endContainer.isConnected)
    ) {
      return false;
    }
    if (previous) this.unpaint(highlights, section, previous);
    const ranges: PaintedSection['ranges'] = [];
    if (key !== '') {
      const segments = textMapOf(editor);
      for (const diagnostic of diagnostics) {
        if (diagnostic.end <= diagnostic.start) continue;
        const range = domRangeFor(editor, segments, diagnostic.start, diagnostic.end);
        if (!range) continue;
        highlights[diagnostic.severity].add(range);
        ranges.push({ severity: diagnostic.severity, range });
      }
    }
    this.painted.set(section, { editor, root, state, key, ranges });
    return true;
  }

  private unpaint(highlights: Record<Severity, Highlight>, section: SectionId, painted: PaintedSection): void {
    for (const { severity, range } of painted.ranges) highlights[severity].delete(range);
    this.painted.delete(section);
  }
}
