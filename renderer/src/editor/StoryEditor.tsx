import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import type { Story, StoryDraft } from '../../../shared/domain/story.ts';
import type { SaveAck } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
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
  const { title, sections, principles, level, context, tags } = story;
  return { title, sections, principles, level, context, tags };
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

  const save = useCallback(
    (next: StoryDraft) => call('stories.save', { id: story.id, sessionId, draft: next }),
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
    (section: SectionId, json: string, text: string): void => {
      const current = draftRef.current.sections[section];
      if (current.json === json && current.text === text) return;
      update({ sections: { ...draftRef.current.sections, [section]: { json, text } } });
    },
    [update],
  );

  const onBlur = useCallback(() => void flush(), [flush]);

  return (
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
      <div className="sections">
        {SECTION_IDS.map((section) => (
          <section key={section} className="star-section" aria-labelledby={`${section}-heading`}>
            <h2 id={`${section}-heading`}>{SECTION_LABELS[section]}</h2>
            <SectionEditor
              id={section}
              label={SECTION_LABELS[section]}
              hint={HINTS[section]}
              initialJson={story.sections[section].json}
              onChange={(json, text) => updateSection(section, json, text)}
              onBlur={onBlur}
            />
          </section>
        ))}
      </div>
    </article>
  );
}
