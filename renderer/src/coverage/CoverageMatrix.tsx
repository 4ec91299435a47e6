import type { ReactNode } from 'react';
import type { CoverageReport, PrincipleCoverageStatus } from '../../../shared/coverage/coverage.ts';
import { UNTITLED } from '../../../shared/domain/story.ts';

export const STATUS_LABELS: Record<PrincipleCoverageStatus, string> = {
  none: 'No story',
  one: 'Only one',
  'below-target': 'Below target',
  ok: 'Enough stories',
};

export function storyTitle(title: string): string {
  return title.trim() || UNTITLED;
}

/**
 * Principles (rows) by stories (columns). A filled dot is a primary mapping, a ring a secondary one; each mark is a
 * button that opens the story. The count column says how many stories serve each principle and flags the thin ones.
 */
export function CoverageMatrix(props: { report: CoverageReport; onOpenStory(id: string): void }): ReactNode {
  const { report, onOpenStory } = props;
  return (
    <div className="matrix-scroll" role="region" aria-label="Principles by story" tabIndex={0}>
      <table className="coverage-matrix" data-testid="coverage-matrix">
        <caption className="visually-hidden">
          Which story serves which principle: primary or secondary. Columns are stories, oldest first.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-principle-head">
              Principle
            </th>
            <th scope="col" className="matrix-count-head">
              Stories
            </th>
            {report.stories.map((story) => (
              <th key={story.id} scope="col" className="matrix-story-head">
                <button
                  type="button"
                  className="matrix-story"
                  title={storyTitle(story.title)}
                  onClick={() => onOpenStory(story.id)}
                >
                  <span>{storyTitle(story.title)}</span>
                </button>
              </th>
            ))}
            {report.stories.length === 0 ? (
              <th scope="col" className="matrix-empty-head">
                No stories yet
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {report.principles.map((principle, row) => {
            const marks = report.matrix[row]?.marks ?? [];
            return (
              <tr key={principle.principleId} className={`status-${principle.status}`} data-principle-id={principle.principleId}>
                <th scope="row" className="matrix-principle">
                  {principle.name}
                </th>
                <td className="matrix-count" data-testid={`count-${principle.principleId}`}>
                  <span className="count-number">{principle.storyCount}</span>
                  {principle.status === 'ok' ? (
                    <span className="status-tag status-ok" title={STATUS_LABELS.ok}>
                      ✓<span className="visually-hidden"> {STATUS_LABELS.ok}</span>
                    </span>
                  ) : (
                    <span className={`status-tag status-${principle.status}`}>{STATUS_LABELS[principle.status]}</span>
                  )}
                </td>
                {report.stories.map((story, column) => {
                  const role = marks[column] ?? null;
                  return (
                    <td key={story.id} className={role ? `matrix-cell cell-${role}` : 'matrix-cell'}>
                      {role ? (
                        <button
                          type="button"
                          className={`mark mark-${role}`}
                          aria-label={`${storyTitle(story.title)}: ${role} for ${principle.name}. Open the story.`}
                          title={`${storyTitle(story.title)} (${role})`}
                          onClick={() => onOpenStory(story.id)}
                        />
                      ) : null}
                    </td>
                  );
                })}
                {report.stories.length === 0 ? <td className="matrix-cell" /> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
