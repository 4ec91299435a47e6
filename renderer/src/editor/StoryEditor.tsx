import type { EditorState, LexicalEditor } from 'lexical';
import { type ReactNode, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import { sectionTexts, type Story, type StoryDraft } from '../../../shared/domain/story.ts';
import { formatDuration, sectionStatus } from '../../../shared/domain/timing.ts';
import { analyzeStory, type Diagnostic, type Suppression } from '../../../shared/lint/index.ts';
import type { SaveAck } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { type ActiveFinding, FindingTooltip } from '../lint/FindingTooltip.tsx';
import { findingsAtCaret, findingsAtPoint, revealFinding } from '../lint/finding-at.ts';
import { clearHighlights, paintHighlights } from '../lint/highlights.ts';
import { LintPanel } from '../lint/LintPanel.tsx';
import { rubric } from '../lint/rubric.ts';
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

function toDraft(story: Story): StoryDraft {
  const { title, sections, principles, prompts, level, context, tags } = story;
  return { title, sections, principles, prompts, level, context, tags };
}

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

export interface StoryEditorProps {
  story: Story;
  readOnly: boolean;
  onSaved(ack: SaveAck, draft: StoryDraft): void;
  registerFlush(flush: (() => Promise<void>) | null): void;
}

/** The structured STAR editor for one story: title, metadata, five Lexical sections, and autosave. */
export function StoryEditor({ story, readOnly, onSaved, registerFlush }: StoryEditorProps): ReactNode {
  const [draft, setDraft] = useState<StoryDraft>(() => toDraft(story));
  const draftRef = useRef(draft);
  const sessionId = useMemo(newSessionId, [story.id]);
  const titleId = useId();
  const contextId = useId();

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

  const updateSection = useCallback(
    (section: SectionId, state: EditorState, text: string): void => {
      unsavedStates.current.set(section, state);
      const current = draftRef.current.sections[section];
      update({ sections: { ...draftRef.current.sections, [section]: { json: current.json, text } } });
    },
    [update],
  );

  const onBlur = useCallback(() => void flush(), [flush]);

  // Lint: runs on every change (no save needed), painted over the text without touching the document.
  const editors = useRef(new Map<SectionId, LexicalEditor>());
  const [suppressions, setSuppressions] = useState<Suppression[]>([]);
  const [active, setActive] = useState<ActiveFinding | null>(null);
  useEffect(() => {
    call('lint.suppressions', { storyId: story.id }).then(setSuppressions, () => setSuppressions([]));
  }, [story.id]);
  const texts = useMemo(() => sectionTexts(draft.sections), [draft.sections]);
  // The speaking pace and the rules turned off or re-graded in Settings.
  const lintOptions = useLintOptions();
  const analysis = useMemo(
    () =>
      analyzeStory({ sections: texts, principles: draft.principles.map((p) => p.id) }, rubric(), {
        ...lintOptions,
        suppressions,
      }),
    [texts, draft.principles, suppressions, lintOptions],
  );
  const diagnosticsRef = useRef<Diagnostic[]>(analysis.diagnostics);
  diagnosticsRef.current = analysis.diagnostics;
  useLayoutEffect(() => paintHighlights(editors.current, analysis.diagnostics), [analysis]);
  useEffect(() => clearHighlights, []);

  /** Keeps a section's editor for lint painting, and shows the finding under its caret; undone on unmount. */
  const registerEditor = useCallback((section: SectionId, editor: LexicalEditor) => {
    editors.current.set(section, editor);
    // Where the caret's findings are is read after the frame that paints the new highlights, so measuring
    // them never delays a keystroke; an unchanged finding under the caret re-renders nothing.
    let frame = 0;
    const unregister = editor.registerUpdateListener(() => {
      if (!editor.getRootElement()?.contains(document.activeElement)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = findingsAtCaret(editor, section, diagnosticsRef.current);
        setActive((previous) => (sameActiveFinding(previous, next) ? previous : next));
      });
    });
    paintHighlights(editors.current, diagnosticsRef.current);
    return () => {
      cancelAnimationFrame(frame);
      unregister();
      if (editors.current.get(section) === editor) editors.current.delete(section);
    };
  }, []);

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

  const ignore = useCallback(
    (diagnostic: Diagnostic, reason: string) => {
      const suppression: Suppression = {
        ruleId: diagnostic.ruleId,
        section: diagnostic.section,
        fingerprint: diagnostic.fingerprint,
        ...(reason ? { reason } : {}),
      };
      call('lint.suppress', { storyId: story.id, suppression }).then(
        () => setSuppressions((list) => [...list.filter((s) => s.fingerprint !== suppression.fingerprint), suppression]),
        () => undefined,
      );
    },
    [story.id],
  );
  const unignore = useCallback(
    (suppression: Suppression) => {
      call('lint.unsuppress', { storyId: story.id, fingerprint: suppression.fingerprint }).then(
        () => setSuppressions((list) => list.filter((s) => s.fingerprint !== suppression.fingerprint)),
        () => undefined,
      );
    },
    [story.id],
  );

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
      <section className="metadata" aria-label="Story details">
        <PrinciplePicker value={draft.principles} onChange={(principles) => update({ principles })} />
        <PromptPicker principles={draft.principles} prompts={draft.prompts} readOnly={readOnly} onChange={update} />
        <div className="metadata-row">
          <LevelSelect value={draft.level} onChange={(level) => update({ level })} />
          <div className="field">
            <label htmlFor={contextId}>Company or context</label>
            <input
              id={contextId}
              value={draft.context}
              maxLength={300}
              placeholder="e.g. Acme Payments, checkout team"
              readOnly={readOnly}
              onChange={(event) => update({ context: event.target.value })}
              onBlur={onBlur}
            />
          </div>
          <TagsInput value={draft.tags} onChange={(tags) => update({ tags })} onBlur={onBlur} />
        </div>
      </section>
      <div
        className="sections"
        onMouseMove={(event) => {
          const found = findingsAtPoint(editors.current, analysis.diagnostics, event.clientX, event.clientY);
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
      onReveal={(diagnostic) => {
        const editor = editors.current.get(diagnostic.section);
        if (editor) revealFinding(editor, diagnostic);
      }}
      onIgnore={ignore}
      onUnignore={unignore}
    />
    <FindingTooltip active={active} />
    </div>
  );
}
