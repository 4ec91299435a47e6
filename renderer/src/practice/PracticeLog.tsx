import type { ReactNode } from 'react';
import { answerVerdict, type PracticeRun, sectionVerdict, summarizeRuns } from '../../../shared/domain/practice.ts';
import { SECTION_IDS, SECTION_LABELS } from '../../../shared/domain/sections.ts';
import { UNTITLED } from '../../../shared/domain/story.ts';
import { formatDuration } from '../../../shared/domain/timing.ts';
import { RATING_LABELS } from './Rehearsal.tsx';

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function Stars({ rating }: { rating: number }): ReactNode {
  return (
    <span className="stars" title={RATING_LABELS[rating]}>
      <span aria-hidden="true">{'★'.repeat(rating)}</span>
      <span aria-hidden="true" className="stars-off">
        {'★'.repeat(5 - rating)}
      </span>
      <span className="visually-hidden">
        {rating} of 5, {RATING_LABELS[rating]}
      </span>
    </span>
  );
}

/** One story's practice log: when, seconds per section, total and rating, newest first. */
export function StoryPracticeLog(props: {
  runs: readonly PracticeRun[];
  title: string;
  onRemove?(id: number): void;
}): ReactNode {
  const { runs, title } = props;
  const summary = summarizeRuns(runs);
  return (
    <section className="practice-log" aria-labelledby="story-log-heading" data-testid="story-practice-log">
      <div className="panel-header">
        <h2 id="story-log-heading">Practice log: {title.trim() || UNTITLED}</h2>
        {summary.runs > 0 ? (
          <p className="panel-hint">
            {summary.runs} {summary.runs === 1 ? 'run' : 'runs'} · {summary.inWindow} inside 2–3 minutes
            {summary.recentRating !== null ? ` · recent rating ${summary.recentRating.toFixed(1)}` : ''}
          </p>
        ) : null}
      </div>
      {runs.length === 0 ? (
        <p className="panel-empty">No runs yet. Start the clock above; each run you save shows up here.</p>
      ) : (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="visually-hidden">Practice runs of this story, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                {SECTION_IDS.map((id) => (
                  <th scope="col" key={id} className="num">
                    {SECTION_LABELS[id]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Rating</th>
                {props.onRemove ? (
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="practice-run">
                  <td>{when(run.practicedAt)}</td>
                  {SECTION_IDS.map((id) => (
                    <td key={id} className={`num verdict-${sectionVerdict(id, run.sections[id])}`}>
                      {formatDuration(run.sections[id])}
                    </td>
                  ))}
                  <td className={`num total verdict-${answerVerdict(run.totalSeconds)}`}>{formatDuration(run.totalSeconds)}</td>
                  <td>
                    <Stars rating={run.rating} />
                  </td>
                  {props.onRemove ? (
                    <td>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove the run of ${when(run.practicedAt)}`}
                        onClick={() => props.onRemove?.(run.id)}
                      >
                        ×
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The latest runs across the bank. */
export function RecentPractice(props: {
  runs: readonly PracticeRun[];
  titles: ReadonlyMap<string, string>;
  onChoose(storyId: string): void;
}): ReactNode {
  // Runs of stories in the trash stay in their logs but are not listed here.
  const runs = props.runs.filter((run) => props.titles.has(run.storyId));
  const { titles } = props;
  return (
    <section className="practice-log" aria-labelledby="recent-log-heading" data-testid="recent-practice">
      <div className="panel-header">
        <h2 id="recent-log-heading">Recent practice</h2>
      </div>
      {runs.length === 0 ? (
        <p className="panel-empty">Nothing practised yet.</p>
      ) : (
        <table className="log-table">
          <caption className="visually-hidden">The latest practice runs across all stories</caption>
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">When</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <button type="button" className="text-button" onClick={() => props.onChoose(run.storyId)}>
                    {(titles.get(run.storyId) ?? '').trim() || UNTITLED}
                  </button>
                </td>
                <td>{when(run.practicedAt)}</td>
                <td className={`num verdict-${answerVerdict(run.totalSeconds)}`}>{formatDuration(run.totalSeconds)}</td>
                <td>
                  <Stars rating={run.rating} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
