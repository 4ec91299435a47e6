import type { ReactNode } from 'react';
import { diffDrafts, type StoryRevision } from '../../../shared/domain/revision.ts';
import { SECTION_IDS, SECTION_LABELS } from '../../../shared/domain/sections.ts';
import { type DiffPart, diffStats } from '../../../shared/domain/word-diff.ts';

/** One side of a diff: the old side marks removed words, the new side added ones. */
function Side({ parts, side }: { parts: readonly DiffPart[]; side: 'before' | 'after' }): ReactNode {
  const shown = parts.filter((p) => (side === 'before' ? p.kind !== 'added' : p.kind !== 'removed'));
  if (shown.every((p) => p.text.trim() === '')) return <p className="muted diff-empty">(empty)</p>;
  return (
    <p className="diff-text">
      {shown.map((part, index) =>
        part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : part.kind === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function revisionLabel(revision: StoryRevision): string {
  const at = new Date(revision.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return revision.id === null ? `Current (${at})` : at;
}

/** Two revisions side by side, section by section, word by word. */
export function RevisionDiff({ before, after }: { before: StoryRevision; after: StoryRevision }): ReactNode {
  const diff = diffDrafts(before.draft, after.draft);
  const titleChanged = diff.title.some((p) => p.kind !== 'same');
  return (
    <div className="revision-diff" data-testid="revision-diff">
      <div className="diff-columns diff-head" aria-hidden="true">
        <span>{revisionLabel(before)}</span>
        <span>{revisionLabel(after)}</span>
      </div>
      {titleChanged ? (
        <section className="diff-section changed" aria-label="Title">
          <h3>Title</h3>
          <div className="diff-columns">
            <Side parts={diff.title} side="before" />
            <Side parts={diff.title} side="after" />
          </div>
        </section>
      ) : null}
      {SECTION_IDS.map((id) => {
        const parts = diff.sections[id];
        const changed = diff.changed.includes(id);
        const stats = diffStats(parts);
        return (
          <section key={id} className={changed ? 'diff-section changed' : 'diff-section'} aria-label={SECTION_LABELS[id]} data-testid={`diff-${id}`}>
            <h3>
              {SECTION_LABELS[id]}
              <span className="diff-stats">
                {changed ? `+${stats.added} −${stats.removed} words` : 'no change'}
              </span>
            </h3>
            {changed ? (
              <div className="diff-columns">
                <Side parts={parts} side="before" />
                <Side parts={parts} side="after" />
              </div>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
