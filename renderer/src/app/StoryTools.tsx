import { type ReactNode, useEffect, useState } from 'react';
import { acceleratorLabel, commandSpec } from '../../../shared/keyboard/shortcuts.ts';
import { type PracticeSummary, summarizeRuns } from '../../../shared/domain/practice.ts';
import { formatDuration } from '../../../shared/domain/timing.ts';
import { call } from '../api/client.ts';
import { isMacPlatform } from '../keyboard/useCommands.ts';
import { relativeTime } from '../stories/relative-time.ts';

function shortcut(id: Parameters<typeof commandSpec>[0]): string {
  return acceleratorLabel(commandSpec(id).accelerator, isMacPlatform());
}

/**
 * A slim bar above the open story: practise it, read it aloud, see its history, and how its practice has gone.
 * When the story is one of the samples, a banner says so and offers to remove them all.
 */
export function StoryTools(props: {
  storyId: string;
  isSample: boolean;
  readOnly: boolean;
  onPractice(): void;
  onReadAloud(): void;
  onHistory(): void;
  onRemoveSamples(): void;
}): ReactNode {
  const { storyId, isSample } = props;
  const [summary, setSummary] = useState<PracticeSummary | null>(null);
  useEffect(() => {
    let live = true;
    call('practice.list', { storyId }).then(
      (runs) => live && setSummary(summarizeRuns(runs)),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [storyId]);
  return (
    <>
      {isSample ? (
        <div className="sample-banner" role="note" data-testid="sample-banner">
          <span>
            <strong>Sample story.</strong> Written to show what the lint and coverage do; it is not yours.
          </span>
          <button type="button" onClick={props.onRemoveSamples} disabled={props.readOnly}>
            Remove all samples
          </button>
        </div>
      ) : null}
      <div className="story-tools" role="toolbar" aria-label="Story tools">
        <button type="button" onClick={props.onPractice} title={`Practice (${shortcut('show-practice')})`}>
          Practice
        </button>
        <button type="button" onClick={props.onReadAloud} title={`Read aloud (${shortcut('read-aloud')})`}>
          Read aloud
        </button>
        <button type="button" onClick={props.onHistory} title={`History (${shortcut('show-history')})`}>
          History
        </button>
        <span className="story-tools-note" data-testid="practice-summary">
          {summary === null || summary.runs === 0
            ? 'Not practised yet'
            : `Practised ${summary.runs}× · last ${relativeTime(summary.lastAt ?? Date.now())}` +
              (summary.recentSeconds !== null ? ` · ${formatDuration(summary.recentSeconds)} on average` : '')}
        </span>
      </div>
    </>
  );
}
