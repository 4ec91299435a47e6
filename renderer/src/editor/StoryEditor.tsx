import type { EditorState, LexicalEditor } from 'lexical';
import { memo, type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import { draftOf, sectionTexts, type Story, type StoryDraft } from '../../../shared/domain/story.ts';
import { formatDuration, sectionStatus } from '../../../shared/domain/timing.ts';
import type { Diagnostic, LintOptions } from '../../../shared/lint/index.ts';
import { DEFAULT_VERDICT_LEVEL, judgeStory } from '../../../shared/lint/verdict.ts';
import type { SaveAck } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { framework } from '../content/framework.ts';
import { type ActiveFinding, FindingTooltip } from '../lint/FindingTooltip.tsx';
import { findingsAtCaret, findingsAtPoint, revealFinding } from '../lint/finding-at.ts';
import { LintPanel, type LintTab } from '../lint/LintPanel.tsx';
import { rubric } from '../lint/rubric.ts';
import { useLintPainting } from '../lint/useLintPainting.ts';
import { useSuppressions } from '../lint/useSuppressions.ts';
import { PromptPicker } from '../mapping/PromptPicker.tsx';
import { StoryMappingPanels } from '../mapping/StoryMappingPanels.tsx';
import { useLintOptions } from '../settings/preferences.tsx';
import { LevelSelect, PrinciplePicker, TagsInput } from './MetadataFields.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { type SaveStatus, useAutosave } from './useAutosave.ts';

const HINTS: Record<SectionId, string> = {
  situation: 'Where and when: the context an interviewer needs, in two or three sentences.',
  task: 'What you were responsible for, and where your responsibility ended.',
  action: 'What you did, step by step, in the first person.',
  result: 'What changed, in numbers where you can.',
  reflection: 'What you learned, and what you do differently since.',
};

/** The same findings at the same place: nothing for the tooltip to change. */
function sameActiveFinding(a: ActiveFinding | null, b: ActiveFinding | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.rect.left === b.rect.left &&
    a.rect.bottom === b.rect.bottom &&
    a.diagnostics.map((d) => d.fingerprint).join() === b.diagnostics.map((d) => d.fingerprint).join()
  );
}

function newSessionId(): string {
  return crypto.randomUUID();
}

export function SaveStatusView({ status, onRetry }: { status: SaveStatus; onRetry(): void }): ReactNode {
  if (status.kind === 'saving') {
    return (
      <span className="save-status saving" role="status" data-testid="save-status">
        Saving…
      </span>
    );
  }
  if (status.kind === 'failed') {
    return (
      <span className="save-status failed" role="alert" data-testid="save-status">
        Not saved: {status.message}{' '}
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </span>
    );
  }
  return (
    <span className="save-status saved" role="status" data-testid="save-status">
      {status.at === null ? 'Saved' : `Saved ${new Date(status.at).toLocaleTimeString()}`}
    </span>
  );
}

/** The story's principles, prompts, level, context and tags: memoized, so typing in a section re-renders none of it. */
const StoryDetails = memo(function StoryDetails(props: {
  principles: StoryDraft['principles'];
  prompts: StoryDraft['prompts'];
  level: StoryDraft['level'];
  context: string;
  tags: string[];
  readOnly: boolean;
  update(patch: Partial<StoryDraft>): void;
  onBlur(): void;
}): ReactNode {
  const { principles, prompts, level, context, tags, readOnly, update, onBlur } = props;
  const contextId = useId();
  return (
    <section className="metadata" aria-label="Story details">
      <PrinciplePicker value={principles} onChange={(next) => update({ principles: next })} />
      <PromptPicker principles={principles} prompts={prompts} readOnly={readOnly} onChange={update} />
      <div className="metadata-row">
        <LevelSelect value={level} onChange={(next) => update({ level: next })} />
        <div className="field">
          <label htmlFor={contextId}>Company or context</label>
          <input
            id={contextId}
            value={context}
            maxLength={300}
            placeholder="e.g. Acme Payments, checkout team"
            readOnly={readOnly}
            onChange={(event) => update({ context: event.target.value })}
            onBlur={onBlur}
          />
        </div>
        <TagsInput value={tags} onChange={(next) => update({ tags: next })} onBlur={onBlur} />
      </div>
    </section>
  );
});

export interface StoryEditorProps {
  story: Story;
  readOnly: boolean;
  onSaved(ack: SaveAck, draft: StoryDraft): void;
  registerFlush(flush: (() => Promise<void>) | null): void;
  /** The rubric panel's first tab. */
  lintTab?: LintTab;
}

/** The structured STAR editor for one story: title, metadata, five Lexical sections, and autosave. */
export function StoryEditor({ story, readOnly, onSaved, registerFlush, lintTab }: StoryEditorProps): ReactNode {
  const [draft, setDraft] = useState<StoryDraft>(() => draftOf(story));
  const draftRef = useRef(draft);
  const sessionId = useMemo(newSessionId, [story.id]);
  const titleId = useId();

  // Serializing a long section's editor state costs more than a frame, so it is done when a save is sent, not
  // on every keystroke: edits only record the newest state of each section here, until a save of it is acked.
  const unsavedStates = useRef(new Map<SectionId, EditorState>());
  const save = useCallback(
    (next: StoryDraft) => {
      const serialized = new Map<SectionId, { state: EditorState; json: string }>();
      const sections = { ...next.sections };
      for (const [section, state] of unsavedStates.current) {
        const json = JSON.stringify(state.toJSON());
        serialized.set(section, { state, json });
        sections[section] = { json, text: sections[section].text };
      }
      return call('stories.save', { id: story.id, sessionId, draft: { ...next, sections } }).then((ack) => {
        for (const [section, { state, json }] of serialized) {
          if (unsavedStates.current.get(section) !== state) continue; // edited again since: that save will carry it
          unsavedStates.current.delete(section);
          const current = draftRef.current.sections[section];
          draftRef.current = { ...draftRef.current, sections: { ...draftRef.current.sections, [section]: { json, text: current.text } } };
        }
        return ack;
      });
    },
    [story.id, sessionId],
  );
  const { status, change, flush } = useAutosave(save, onSaved);

  useEffect(() => {
    registerFlush(flush);
    return () => registerFlush(null);
  }, [flush, registerFlush]);

  const update = useCallback(
    (patch: Partial<StoryDraft>): void => {
      const next = { ...draftRef.current, ...patch };
      draftRef.current = next;
      setDraft(next);
      if (!readOnly) change(next);
    },
    [change, readOnly],
  );

  // Lint on every change, painted over the text (lint/useLintPainting.ts), with the story's ignored findings
  // (lint/useSuppressions.ts), the speaking pace and the rules turned off or re-graded in Settings.
  const { suppressions, ignore, unignore } = useSuppressions(story.id);
  const lintOptions = useLintOptions();
  const options = useMemo<LintOptions>(() => ({ ...lintOptions, suppressions }), [lintOptions, suppressions]);
  const { analysis, editors, diagnosticsRef, lintAndPaint, repaint } = useLintPainting(draft, draftRef, options);

  const [active, setActive] = useState<ActiveFinding | null>(null);

  // What an edit changes besides the highlights (findings, score, gauges, suggestions, the caret's finding) is
  // rendered once the edit's own work is done (the highlights are painted, the mark is set): in a microtask of the
  // same task, all at once, so the browser's next frame has everything. With lint highlights over most of a long
  // story, every rendering update that finds the DOM changed costs the browser a pass over all highlighted text,
  // so React's changes must not arrive in a frame of their own (a transition or an animation-frame callback would).
  const afterEdit = useRef<{ scheduled: boolean; draft: boolean; caret: { section: SectionId; editor: LexicalEditor } | null }>({
    scheduled: false,
    draft: false,
    caret: null,
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const renderAfterEdit = useCallback((): void => {
    const work = afterEdit.current;
    afterEdit.current = { scheduled: false, draft: false, caret: null };
    if (!mounted.current) return;
    // Measured before React changes the DOM, so the page is laid out once for both.
    const caret = work.caret && findingsAtCaret(work.caret.editor, work.caret.section, diagnosticsRef.current);
    flushSync(() => {
      if (work.draft) setDraft(draftRef.current);
      if (work.caret) setActive((previous) => (sameActiveFinding(previous, caret) ? previous : caret));
    });
  }, []);
  const scheduleAfterEdit = useCallback(
    (work: { draft?: true; caret?: { section: SectionId; editor: LexicalEditor } }): void => {
      const pending = afterEdit.current;
      if (work.draft) pending.draft = true;
      if (work.caret) pending.caret = work.caret;
      if (pending.scheduled) return;
      pending.scheduled = true;
      queueMicrotask(renderAfterEdit);
    },
    [renderAfterEdit],
  );

  // A keystroke in a section: its highlights are brought up to date at once, in the editor's update, and autosave
  // is told; React renders the rest of the screen after that (above), never between the keystroke and the
  // highlights. That render's analysis is the very object the linter made here.
  const updateSection = useCallback(
    (section: SectionId, state: EditorState, text: string): void => {
      unsavedStates.current.set(section, state);
      const current = draftRef.current.sections[section];
      const next = { ...draftRef.current, sections: { ...draftRef.current.sections, [section]: { json: current.json, text } } };
      draftRef.current = next;
      lintAndPaint();
      if (!readOnly) change(next);
      scheduleAfterEdit({ draft: true });
    },
    [change, readOnly, lintAndPaint, scheduleAfterEdit],
  );

  const onBlur = useCallback(() => void flush(), [flush]);

  const texts = useMemo(() => sectionTexts(draft.sections), [draft.sections]);
  // The verdict per principle, from the same analysis (shared/lint/verdict.ts).
  const verdicts = useMemo(
    () =>
      judgeStory({
        sections: texts,
        title: draft.title,
        principles: draft.principles.map((p) => p.id),
        level: draft.level ?? DEFAULT_VERDICT_LEVEL,
        analysis,
        rubric: rubric(),
        framework: framework(),
      }),
    [texts, draft.title, draft.principles, draft.level, analysis],
  );

  // What the principle guide reads (the Guide tab works it out only while it is open).
  const guideSource = useMemo(
    () => ({ texts, principles: draft.principles, level: draft.level ?? DEFAULT_VERDICT_LEVEL, diagnostics: analysis.diagnostics }),
    [texts, draft.principles, draft.level, analysis],
  );

  /** Keeps a section's editor for lint painting, and shows the finding under its caret; undone on unmount. */
  const registerEditor = useCallback(
    (section: SectionId, editor: LexicalEditor) => {
      editors.current.set(section, editor);
      // Where the caret's findings are is read after the highlights are painted, so measuring them never delays
      // a keystroke's highlights; an unchanged finding under the caret re-renders nothing.
      const unregister = editor.registerUpdateListener(() => {
        if (!editor.getRootElement()?.contains(document.activeElement)) return;
        scheduleAfterEdit({ caret: { section, editor } });
      });
      repaint();
      return () => {
        unregister();
        if (afterEdit.current.caret?.editor === editor) afterEdit.current.caret = null;
        if (editors.current.get(section) === editor) editors.current.delete(section);
      };
    },
    [editors, repaint, scheduleAfterEdit],
  );

  // One stable set of callbacks per section, so a keystroke in one section re-renders none of the editors.
  const sectionHandlers = useMemo(
    () =>
      Object.fromEntries(
        SECTION_IDS.map((section) => [
          section,
          {
            onChange: (state: EditorState, text: string) => updateSection(section, state, text),
            onReady: (editor: LexicalEditor) => registerEditor(section, editor),
          },
        ]),
      ) as Record<SectionId, { onChange(state: EditorState, text: string): void; onReady(editor: LexicalEditor): () => void }>,
    [updateSection, registerEditor],
  );

  const reveal = useCallback((diagnostic: Diagnostic) => {
    const editor = editors.current.get(diagnostic.section);
    if (editor) revealFinding(editor, diagnostic);
  }, []);
  const revealRange = useCallback((section: SectionId, start: number, end: number) => {
    const editor = editors.current.get(section);
    if (editor) revealFinding(editor, { start, end });
  }, []);
  return (
    <div className="story-layout">
    <article className="story-editor" aria-label="Story editor">
      <header className="editor-header">
        <label htmlFor={titleId} className="visually-hidden">
          Title
        </label>
        <input
          id={titleId}
          className="title-input"
          value={draft.title}
          placeholder="Give the story a short, memorable title"
          maxLength={300}
          readOnly={readOnly}
          onChange={(event) => update({ title: event.target.value })}
          onBlur={onBlur}
        />
        <SaveStatusView status={status} onRetry={() => void flush()} />
      </header>
      <StoryDetails
        principles={draft.principles}
        prompts={draft.prompts}
        level={draft.level}
        context={draft.context}
        tags={draft.tags}
        readOnly={readOnly}
        update={update}
        onBlur={onBlur}
      />
      <div
        className="sections"
        onMouseMove={(event) => {
          const found = findingsAtPoint(editors.current, diagnosticsRef.current, event.clientX, event.clientY);
          if (found || active) setActive(found);
        }}
        onMouseLeave={() => setActive(null)}
      >
        {SECTION_IDS.map((section) => {
          const timing = analysis.timing.sections[section];
          const status = sectionStatus(section, timing.seconds);
          return (
            <section key={section} className="star-section" aria-labelledby={`${section}-heading`}>
              <h2 id={`${section}-heading`}>
                {SECTION_LABELS[section]}
                <span className={`section-time time-${status}`} data-testid={`time-${section}`}>
                  {formatDuration(timing.seconds)} / {formatDuration(timing.targetSeconds)}
                </span>
              </h2>
              <SectionEditor
                id={section}
                label={SECTION_LABELS[section]}
                hint={HINTS[section]}
                initialJson={story.sections[section].json}
                readOnly={readOnly}
                onChange={sectionHandlers[section].onChange}
                onBlur={onBlur}
                onReady={sectionHandlers[section].onReady}
              />
            </section>
          );
        })}
      </div>
      <StoryMappingPanels storyId={story.id} draft={draft} readOnly={readOnly} onChange={update} />
    </article>
    <LintPanel
      diagnostics={analysis.diagnostics}
      score={analysis.score}
      timing={analysis.timing}
      texts={texts}
      suppressions={suppressions}
      onReveal={reveal}
      onIgnore={ignore}
      onUnignore={unignore}
      verdicts={verdicts}
      levelAssumed={draft.level === null}
      onRevealRange={revealRange}
      guide={guideSource}
      {...(lintTab === undefined ? {} : { initialTab: lintTab })}
    />
    <FindingTooltip active={active} />
    </div>
  );
}
