import type { ReactNode } from 'react';
import { diffDrafts, type StoryRevision } from '../../../shared/domain/revision.ts';
import { SECTION_IDS, SECTION_LABELS } from '../../../shared/domain/sections.ts';
import { type DiffPart, diffStats, type WordDiff } from '../../../shared/domain/word-diff.ts';

/** One side of a diff: the old side marks removed words, the new side added ones (unless `whole`: no marks). */
function Side({ parts, side, whole = false }: { parts: readonly DiffPart[]; side: 'before' | 'after'; whole?: boolean }): ReactNode {
  const shown = parts.filter((p) => (side === 'before' ? p.kind !== 'added' : p.kind !== 'removed'));
  if (shown.every((p) => p.text.trim() === '')) return <p className="muted diff-empty">(empty)</p>;
  return (
    <p className="diff-text">
      {shown.map((part, index) =>
        whole ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
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

/** Both sides of one diff, or, for texts too different to compare word by word, both texts whole with a note. */
function Columns({ diff }: { diff: WordDiff }): ReactNode {
  return (
    <>
      {diff.tooDifferent ? (
        <p className="muted diff-too-different" data-testid="diff-too-different">
          These versions are too different to compare word by word; both are shown whole.
        </p>
      ) : null}
      <div className="diff-columns">
        <Side parts={diff.parts} side="before" whole={diff.tooDifferent} />
        <Side parts={diff.parts} side="after" whole={diff.tooDifferent} />
      </div>
    </>
  );
}

export function revisionLabel(revision: StoryRevision): string {
  const at = new Date(revision.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return revision.id === null ? `Current (${at})` : at;
}

/** Two revisions side by side, section by section, word by word. */
export function RevisionDiff({ before, after }: { before: StoryRevision; after: StoryRevision }): ReactNode {
  const diff = diffDrafts(before.draft, after.draft);
  const titleChanged = diff.title.parts.some((p) => p.kind !== 'same');
  return (
    <div className="revision-diff" data-testid="revision-diff">
      <div className="diff-columns diff-head" aria-hidden="true">
        <span>{revisionLabel(before)}</span>
        <span>{revisionLabel(after)}</span>
      </div>
      {titleChanged ? (
        <section className="diff-section changed" aria-label="Title">
          <h3>Title</h3>
          <Columns diff={diff.title} />
        </section>
      ) : null}
      {SECTION_IDS.map((id) => {
        const sectionDiff = diff.sections[id];
        const changed = diff.changed.includes(id);
        const stats = diffStats(sectionDiff.parts);
        return (
          <section key={id} className={changed ? 'diff-section changed' : 'diff-section'} aria-label={SECTION_LABELS[id]} data-testid={`diff-${id}`}>
            <h3>
              {SECTION_LABELS[id]}
              <span className="diff-stats">
                {changed ? `+${stats.added} −${stats.removed} words` : 'no change'}
              </span>
            </h3>
            {changed ? <Columns diff={sectionDiff} /> : null}
          </section>
        );
      })}
    </div>
  );
}
