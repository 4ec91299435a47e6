import type { ReactNode } from 'react';

/** What an empty bank shows instead of the editor: how the app works, and where to begin. */
export function EmptyState({ onCreate, onAddSamples }: { onCreate(): void; onAddSamples?: () => void }): ReactNode {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>Your story bank is empty</h1>
      <p>
        Interviewers ask for specific moments: a time you owned a problem nobody gave you, disagreed with a decision,
        or delivered under pressure. Write each moment down once as a STAR story (Situation, Task, Action, Result,
        Reflection), map it to the principles it shows, and refine it until it is ready.
      </p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={onCreate}>
          Write your first story
        </button>
        {onAddSamples ? (
          <button type="button" onClick={onAddSamples}>
            Look at sample stories first
          </button>
        ) : null}
      </div>
      {onAddSamples ? (
        <p className="hint">
          The samples are made up, strong and weak, to show what the lint and coverage do. Remove them in one click
          when you are done.
        </p>
      ) : null}
      <p className="hint">
        Or press <kbd>Ctrl</kbd>+<kbd>N</kbd> (<kbd>⌘</kbd>+<kbd>N</kbd> on a Mac) at any time.
      </p>
    </div>
  );
}
