import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { computeCoverage, type CoverageTargets } from '../../../shared/coverage/coverage.ts';
import type { CoverageStoryRow } from '../../../shared/ipc/contract.ts';
import { isPrincipleId } from '../../../shared/domain/principles.ts';
import { analyzeStory } from '../../../shared/lint/index.ts';
import { call } from '../api/client.ts';
import { getSetting } from '../api/settings.ts';
import { rubric } from '../lint/rubric.ts';
import { framework } from '../content/framework.ts';
import { CoverageMatrix, storyTitle } from './CoverageMatrix.tsx';
import { PromptCoverage } from './PromptCoverage.tsx';
import { TargetsForm } from './TargetsForm.tsx';

interface Loaded {
  stories: CoverageStoryRow[];
  targets: CoverageTargets;
}

function Figure(props: { label: string; value: ReactNode; detail?: ReactNode; testId: string }): ReactNode {
  return (
    <div className="figure" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd>
        <span className="figure-value">{props.value}</span>
        {props.detail ? <span className="figure-detail">{props.detail}</span> : null}
      </dd>
    </div>
  );
}

/**
 * How well the whole bank covers the framework: a readiness summary, warnings, the principles-by-stories matrix
 * and the prompts of every principle. Computed in the renderer (shared/coverage) from 'coverage.stories'.
 */
export function CoverageView(props: {
  readOnly: boolean;
  onOpenStory(id: string): void;
  onStartStory(principleId: string, promptId: string): void;
}): ReactNode {
  const { readOnly, onOpenStory, onStartStory } = props;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([call('coverage.stories', {}), getSetting('coverage.targets')]).then(
      ([stories, targets]) => live && setData({ stories, targets }),
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
  }, []);

  // Each story is scored with the same rubric, ignored findings and settings as in the editor.
  const report = useMemo(() => {
    if (!data) return null;
    const scored = data.stories.map((story) => ({
      ...story,
      score: analyzeStory(
        { sections: story.texts, principles: story.principles.map((p) => p.id).filter(isPrincipleId), level: story.level ?? undefined },
        rubric(),
        { suppressions: story.suppressions },
      ).score,
    }));
    return computeCoverage(scored, framework(), data.targets);
  }, [data]);

  const saveTargets = useCallback(async (targets: CoverageTargets) => {
    await call('settings.set', { key: 'coverage.targets', value: targets });
    setData((current) => (current ? { ...current, targets } : current));
  }, []);

  if (error) {
    return (
      <div className="coverage-view">
        <p className="panel-error" role="alert">
          Coverage could not be loaded: {error}
        </p>
      </div>
    );
  }
  if (!report || !data) {
    return (
      <div className="coverage-view">
        <p className="panel-empty">Loading coverage…</p>
      </div>
    );
  }

  const { readiness, targets } = report;
  const withStory = report.principles.filter((p) => p.storyCount > 0).length;
  const noStory = report.principles.filter((p) => p.status === 'none').length;
  const onlyOne = report.principles.filter((p) => p.status === 'one').length;

  return (
    <section className="coverage-view" aria-labelledby="coverage-heading">
      <header className="coverage-header">
        <div>
          <h1 id="coverage-heading">Coverage</h1>
          <p className="coverage-subtitle">
            How your {report.stories.length === 1 ? 'story covers' : `${report.stories.length} stories cover`}{' '}
            {framework().name}.
          </p>
        </div>
      </header>

      <dl className="figures" aria-label="Readiness of the story bank">
        <Figure
          testId="figure-principles"
          label="Principles covered"
          value={`${withStory} / ${readiness.principlesTotal}`}
          detail={`${readiness.principlesAtTarget} meet both story and prompt targets`}
        />
        <Figure
          testId="figure-prompts"
          label="Prompts covered"
          value={`${readiness.promptsCovered} / ${readiness.promptsTotal}`}
          detail={`${Math.round((readiness.promptsCovered / Math.max(1, readiness.promptsTotal)) * 100)}% of all prompts`}
        />
        <Figure
          testId="figure-gaps"
          label="Thin principles"
          value={`${noStory + onlyOne}`}
          detail={`${noStory} with no story · ${onlyOne} with only one`}
        />
        <Figure
          testId="figure-score"
          label="Average lint score"
          value={readiness.averageScore === null ? 'Not available yet' : Math.round(readiness.averageScore)}
          detail={
            readiness.averageScore === null
              ? 'Scores appear once stories are linted'
              : `over ${readiness.scoredStories} scored ${readiness.scoredStories === 1 ? 'story' : 'stories'}`
          }
        />
      </dl>

      <details className="targets">
        <summary>
          Targets: {targets.storiesPerPrinciple} {targets.storiesPerPrinciple === 1 ? 'story' : 'stories'} and{' '}
          {targets.promptsPerPrinciple} answered {targets.promptsPerPrinciple === 1 ? 'prompt' : 'prompts'} per
          principle; at most {targets.maxPrinciplesPerStory}{' '}
          {targets.maxPrinciplesPerStory === 1 ? 'principle' : 'principles'} per story. Change…
        </summary>
        <TargetsForm targets={targets} readOnly={readOnly} onSave={saveTargets} />
      </details>

      {report.warnings.length > 0 ? (
        <section className="coverage-warnings" aria-labelledby="coverage-warnings-heading">
          <h2 id="coverage-warnings-heading" className="visually-hidden">
            Warnings
          </h2>
          <ul>
            {report.warnings.map((warning, index) => (
              <li key={`${warning.kind}-${warning.storyId}-${index}`} className="coverage-warning" data-testid="coverage-warning">
                <span className="warning-icon" aria-hidden="true">
                  !
                </span>
                <span className="warning-text">{warning.message}</span>
                <button type="button" onClick={() => onOpenStory(warning.storyId)}>
                  Open {storyTitle(warning.title)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="coverage-section" aria-labelledby="matrix-heading">
        <div className="coverage-section-head">
          <h2 id="matrix-heading">Principles × stories</h2>
          <ul className="matrix-legend" aria-label="Legend">
            <li>
              <span className="mark mark-primary legend-mark" aria-hidden="true" /> primary
            </li>
            <li>
              <span className="mark mark-secondary legend-mark" aria-hidden="true" /> secondary
            </li>
            <li>
              <span className="status-tag status-none">No story</span>
            </li>
            <li>
              <span className="status-tag status-one">Only one</span>
            </li>
          </ul>
        </div>
        <CoverageMatrix report={report} onOpenStory={onOpenStory} />
      </section>

      <PromptCoverage report={report} readOnly={readOnly} onOpenStory={onOpenStory} onStartStory={onStartStory} />
    </section>
  );
}
