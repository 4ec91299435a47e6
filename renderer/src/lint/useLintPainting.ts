import type { LexicalEditor } from 'lexical';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { SectionId } from '../../../shared/domain/sections.ts';
import { sectionTexts, type StoryDraft } from '../../../shared/domain/story.ts';
import { createStoryLinter, type Diagnostic, type LintInput, type LintOptions } from '../../../shared/lint/index.ts';
import { HighlightPainter } from './highlights.ts';
import { rubric } from './rubric.ts';

function lintInputOf(draft: StoryDraft): LintInput {
  return { sections: sectionTexts(draft.sections), principles: draft.principles.map((p) => p.id), level: draft.level ?? undefined };
}

/**
 * The editor's lint: run on every change (no save needed) and painted over the text as CSS highlights, never
 * writing into the document. The linter re-reads only the sections whose text changed; the painter re-maps only
 * the sections whose editor state or findings changed.
 *
 * `draftRef` is the newest draft, which a keystroke moves ahead of what React has rendered (`draft`): a keystroke
 * calls lintAndPaint in the editor's own update, and the render that follows gets the very analysis made there.
 */
export function useLintPainting(
  draft: StoryDraft,
  draftRef: RefObject<StoryDraft>,
  options: LintOptions,
): {
  /** The analysis of the rendered draft, for the panel, score and gauges. */
  analysis: ReturnType<ReturnType<typeof createStoryLinter>['analyze']>;
  /** Each section's editor, as the section registers it. */
  editors: RefObject<Map<SectionId, LexicalEditor>>;
  /** The findings painted last: on the editors' current text, whatever React has rendered so far. */
  diagnosticsRef: RefObject<readonly Diagnostic[]>;
  /** Lints the newest draft and brings the highlights up to date with it and with the editors. */
  lintAndPaint(): void;
  /** Paints the last findings again (a section's editor just registered). */
  repaint(): void;
} {
  const linter = useMemo(() => createStoryLinter(rubric()), []);
  const painter = useMemo(() => new HighlightPainter(), []);
  const editors = useRef(new Map<SectionId, LexicalEditor>());
  const optionsRef = useRef(options);
  const diagnosticsRef = useRef<readonly Diagnostic[]>([]);
  const lintAndPaint = useCallback((): void => {
    const { diagnostics } = linter.analyze(lintInputOf(draftRef.current), optionsRef.current);
    diagnosticsRef.current = diagnostics;
    painter.paint(editors.current, diagnostics);
  }, [linter, painter, draftRef]);
  const repaint = useCallback(() => painter.paint(editors.current, diagnosticsRef.current), [painter]);

  // After a keystroke this is the analysis already made for its highlights (the linter keeps its last result).
  const analysis = useMemo(() => linter.analyze(lintInputOf(draft), options), [linter, draft, options]);
  // Principles, suppressions or settings changed (or a render caught up): paint from the newest draft, which a
  // keystroke may have moved past what this render shows.
  useLayoutEffect(() => {
    optionsRef.current = options;
    lintAndPaint();
  }, [analysis, options, lintAndPaint]);
  useEffect(() => () => painter.clear(), [painter]);
  return { analysis, editors, diagnosticsRef, lintAndPaint, repaint };
}
