import { type ReactNode, useId, useState } from 'react';
import type { CoverageReport } from '../../../shared/coverage/coverage.ts';
import { storyTitle } from './CoverageMatrix.tsx';

/**
 * The prompts of each principle: an answered prompt names the stories that answer it (each opens its story); an
 * unanswered one is a button that starts a new story already mapped to that principle and prompt.
 */
export function PromptCoverage(props: {
  report: CoverageReport;
  readOnly: boolean;
  onOpenStory(id: string): void;
  onStartStory(principleId: string, promptId: string): void;
}): ReactNode {
  const { report, readOnly, onOpenStory, onStartStory } = props;
  const [uncoveredOnly, setUncoveredOnly] = useState(false);
  const toggleId = useId();
  const titles = new Map(report.stories.map((s) => [s.id, storyTitle(s.title)]));
  const { promptsCovered, promptsTotal } = report.readiness;

  return (
    <section className="coverage-section" aria-labelledby="prompt-coverage-heading">
      <div className="coverage-section-head">
        <h2 id="prompt-coverage-heading">Prompts</h2>
        <p className="coverage-section-note" data-testid="uncovered-count">
          {promptsTotal - promptsCovered} of {promptsTotal} prompts have no story yet. Choose one to start a story for it.
        </p>
        <label className="inline-check" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={uncoveredOnly}
            onChange={(event) => setUncoveredOnly(event.target.checked)}
          />
          Show only prompts without a story
        </label>
      </div>
      <div className="prompt-coverage-groups">
        {report.principles.map((principle) => {
          const prompts = uncoveredOnly ? principle.prompts.filter((q) => q.storyIds.length === 0) : principle.prompts;
          if (prompts.length === 0) return null;
          const headingId = `prompts-of-${principle.principleId}`;
          return (
            <section
              key={principle.principleId}
              className="prompt-coverage-group"
              aria-labelledby={headingId}
              data-principle-id={principle.principleId}
            >
              <h3 id={headingId}>
                {principle.name}
                <span className={principle.promptsAnswered >= principle.promptTarget ? 'prompt-tally met' : 'prompt-tally'}>
                  {principle.promptsAnswered} of {principle.promptsTotal} answered
                </span>
              </h3>
              <ul className="prompt-coverage-list">
                {prompts.map((prompt) =>
                  prompt.storyIds.length > 0 ? (
                    <li key={prompt.promptId} className="prompt-row covered" data-prompt-id={prompt.promptId}>
                      <span className="prompt-state" aria-hidden="true">
                        ✓
                      </span>
                      <span className="prompt-text">
                        {prompt.text}
                        <span className="visually-hidden"> (answered)</span>
                      </span>
                      <span className="answered-by">
                        {prompt.storyIds.map((id) => (
                          <button
                            key={id}
                            type="button"
                            className="story-link"
                            aria-label={`Open ${titles.get(id) ?? 'story'}, which answers: ${prompt.text}`}
                            onClick={() => onOpenStory(id)}
                          >
                            {titles.get(id) ?? id}
                          </button>
                        ))}
                      </span>
                    </li>
                  ) : (
                    <li key={prompt.promptId} className="prompt-row uncovered" data-prompt-id={prompt.promptId}>
                      <button
                        type="button"
                        className="prompt-start"
                        title="Start a story for this prompt"
                        disabled={readOnly}
                        aria-label={`Start a story for: ${prompt.text}`}
                        onClick={() => onStartStory(principle.principleId, prompt.promptId)}
                      >
                        <span className="prompt-state" aria-hidden="true">
                          ○
                        </span>
                        <span className="prompt-text">{prompt.text}</span>
                        <span className="start-label" aria-hidden="true">
                          +
                        </span>
                      </button>
                    </li>
                  ),
                )}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
