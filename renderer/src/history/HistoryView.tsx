import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { StoryRevision } from '../../../shared/domain/revision.ts';
import { sectionTexts, type Story, UNTITLED } from '../../../shared/domain/story.ts';
import { countWords } from '../../../shared/domain/timing.ts';
import { analyzeStory, scoreBand, type Suppression } from '../../../shared/lint/index.ts';
import { call } from '../api/client.ts';
import { rubric } from '../lint/rubric.ts';
import { useLintOptions } from '../settings/preferences.tsx';
import { RevisionDiff, revisionLabel } from './RevisionDiff.tsx';
import { ScoreChart } from './ScoreChart.tsx';
import { ErrorNote } from '../app/ErrorNote.tsx';

const keyOf = (revision: StoryRevision): string => (revision.id === null ? 'live' : String(revision.id));

export interface HistoryViewProps {
  story: Story;
  readOnly: boolean;
  /** A revision was restored: the story as it now is. */
  onRestored(story: Story, from: StoryRevision): void;
}

/**
 * A story's history: every editing session's last state with its lint score (scored here, with the same rubric,
 * pace and overrides as the editor), a chart of the score over time, a side-by-side diff of any two revisions, and
 * restore (which keeps the state it replaces as a revision of its own).
 */
export function HistoryView({ story, readOnly, onRestored }: HistoryViewProps): ReactNode {
  const [revisions, setRevisions] = useState<StoryRevision[] | null>(null);
  const [suppressions, setSuppressions] = useState<Suppression[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<string | null>(null);
  const [right, setRight] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lintOptions = useLintOptions();
  const leftId = useId();
  const rightId = useId();

  const load = useCallback(async () => {
    try {
      const [list, ignored] = await Promise.all([
        call('stories.revisions', { id: story.id }),
        call('lint.suppressions', { storyId: story.id }),
      ]);
      setRevisions(list);
      setSuppressions(ignored);
      // Compare the newest earlier revision with the current state.
      setLeft(list[1] ? keyOf(list[1]) : list[0] ? keyOf(list[0]) : null);
      setRight(list[0] ? keyOf(list[0]) : null);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  }, [story.id]);

  useEffect(() => {
    void load();
  }, [load, story.updatedAt]);

  const scores = useMemo(() => {
    const out = new Map<string, number>();
    for (const revision of revisions ?? []) {
      const analysis = analyzeStory(
        { sections: sectionTexts(revision.draft.sections), principles: revision.draft.principles.map((p) => p.id), level: revision.draft.level ?? undefined },
        rubric(),
        { ...lintOptions, suppressions },
      );
      out.set(keyOf(revision), analysis.score);
    }
    return out;
  }, [revisions, lintOptions, suppressions]);

  const restore = async (revision: StoryRevision): Promise<void> => {
    if (revision.id === null) return;
    setBusy(true);
    setError(null);
    try {
      const restored = await call('stories.restoreRevision', { id: story.id, revisionId: revision.id });
      onRestored(restored, revision);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  const title = story.title.trim() || UNTITLED;
  if (!revisions) {
    return (
      <section className="history-view" aria-labelledby="history-heading">
        <header className="screen-header">
          <h1 id="history-heading">History of “{title}”</h1>
        </header>
        {error ? (
          <p className="panel-error" role="alert">
            The history could not be loaded: {error}
          </p>
        ) : (
          <p className="panel-empty">Loading the history…</p>
        )}
      </section>
    );
  }

  const byKey = new Map(revisions.map((r) => [keyOf(r), r]));
  const before = left ? byKey.get(left) : undefined;
  const after = right ? byKey.get(right) : undefined;
  const oldestFirst = [...revisions].reverse();
  const points = oldestFirst.map((r) => ({ key: keyOf(r), at: r.savedAt, score: scores.get(keyOf(r)) ?? 0 }));
  const options = revisions.map((r) => (
    <option key={keyOf(r)} value={keyOf(r)}>
      {revisionLabel(r)} · score {scores.get(keyOf(r))}
    </option>
  ));

  return (
    <section className="history-view" aria-labelledby="history-heading">
      <header className="screen-header">
        <h1 id="history-heading">History of “{title}”</h1>
        <p className="screen-subtitle">
          {revisions.length === 1
            ? 'One version so far: each editing session you start leaves a revision here.'
            : `${revisions.length} versions: the current one and the last state of each earlier editing session.`}
        </p>
      </header>
      <ErrorNote message={error} />

      <div className="history-top">
        <section className="history-card" aria-labelledby="chart-heading">
          <h2 id="chart-heading">Lint score over time</h2>
          <ScoreChart points={points} />
        </section>
        <section className="history-card revisions-card" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Revisions</h2>
          <ol className="revision-list" data-testid="revision-list">
            {revisions.map((revision) => {
              const key = keyOf(revision);
              const score = scores.get(key) ?? 0;
              const words = Object.values(revision.draft.sections).reduce((n, s) => n + countWords(s.text), 0);
              return (
                <li key={key} className="revision" data-testid="revision" data-revision={key}>
                  <div className="revision-main">
                    <span className="revision-time">{revisionLabel(revision)}</span>
                    <span className="revision-meta">
                      {words} words{revision.draft.title !== story.title ? ` · titled “${revision.draft.title.trim() || UNTITLED}”` : ''}
                    </span>
                  </div>
                  <span className={`score-pill band-${scoreBand(score)}`}>
                    <span className="visually-hidden">Score </span>
                    {score}
                  </span>
                  <div className="revision-actions">
                    <button
                      type="button"
                      onClick={() => {
                        setLeft(key);
                        setRight(keyOf(revisions[0] as StoryRevision));
                      }}
                      disabled={revision.id === null}
                      aria-label={`Compare the version of ${revisionLabel(revision)} with the current one`}
                    >
                      Compare
                    </button>
                    <button
                      type="button"
                      disabled={revision.id === null || readOnly || busy || story.deletedAt !== null}
                      onClick={() => void restore(revision)}
                      aria-label={`Restore the version of ${revisionLabel(revision)}`}
                    >
                      Restore
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      </div>

      <section className="history-card" aria-labelledby="diff-heading">
        <div className="panel-header">
          <h2 id="diff-heading">Compare two versions</h2>
        </div>
        <div className="compare-pickers">
          <div className="field">
            <label htmlFor={leftId}>Older</label>
            <select id={leftId} value={left ?? ''} onChange={(event) => setLeft(event.target.value)}>
              {options}
            </select>
          </div>
          <span aria-hidden="true" className="compare-arrow">
            →
          </span>
          <div className="field">
            <label htmlFor={rightId}>Newer</label>
            <select id={rightId} value={right ?? ''} onChange={(event) => setRight(event.target.value)}>
              {options}
            </select>
          </div>
        </div>
        {before && after ? (
          before === after ? (
            <p className="panel-empty">Choose two different versions to see what changed.</p>
          ) : (
            <RevisionDiff before={before} after={after} />
          )
        ) : null}
      </section>
    </section>
  );
}
