import { type ReactNode, useId } from 'react';
import type { UncoveredPrompt } from '../../../shared/coverage/coverage.ts';
import { framework } from '../content/framework.ts';

export type PromptMode = 'random' | 'principle' | 'gaps';

const MODES: ReadonlyArray<{ id: PromptMode; label: string }> = [
  { id: 'random', label: 'Random' },
  { id: 'principle', label: 'By principle' },
  { id: 'gaps', label: 'Gaps' },
];

export interface PromptChooserProps {
  mode: PromptMode;
  principleId: string;
  promptId: string | null;
  /** Prompts no story answers yet. */
  gaps: readonly UncoveredPrompt[];
  /** Prompt ids some story answers. */
  answered: ReadonlySet<string>;
  onMode(mode: PromptMode): void;
  onPrinciple(principleId: string): void;
  onPrompt(promptId: string | null): void;
  onRandom(): void;
}

/** Where the question comes from: a random prompt, one of a principle's prompts, or a prompt no story answers yet. */
export function PromptChooser(props: PromptChooserProps): ReactNode {
  const { mode, principleId, promptId, gaps, answered } = props;
  const principleSelect = useId();
  const promptSelect = useId();
  const gapSelect = useId();
  const principle = framework().principles.find((p) => p.id === principleId);
  return (
    <div className="prompt-chooser">
      <div className="segmented" role="group" aria-label="Where the question comes from">
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            aria-pressed={mode === m.id}
            className={mode === m.id ? 'segment active' : 'segment'}
            onClick={() => props.onMode(m.id)}
          >
            {m.label}
          </button>
        ))}
      </div>
      {mode === 'random' ? (
        <div className="chooser-row">
          <button type="button" onClick={props.onRandom} data-testid="random-prompt">
            {promptId ? 'Another random question' : 'Pick a random question'}
          </button>
          <span className="field-note">From all {framework().principles.length} principles.</span>
        </div>
      ) : null}
      {mode === 'principle' ? (
        <div className="chooser-row wrap">
          <div className="field">
            <label htmlFor={principleSelect}>Principle</label>
            <select id={principleSelect} value={principleId} onChange={(event) => props.onPrinciple(event.target.value)}>
              {framework().principles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={promptSelect}>Question</label>
            <select
              id={promptSelect}
              value={promptId ?? ''}
              onChange={(event) => props.onPrompt(event.target.value || null)}
            >
              <option value="">Choose a question…</option>
              {(principle?.prompts ?? []).map((q) => (
                <option key={q.id} value={q.id}>
                  {answered.has(q.id) ? '' : '(no story yet) '}
                  {q.text}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {mode === 'gaps' ? (
        gaps.length === 0 ? (
          <p className="field-note">Every prompt has a story. Nothing to fill.</p>
        ) : (
          <div className="chooser-row wrap">
            <div className="field grow">
              <label htmlFor={gapSelect}>
                Questions no story answers yet ({gaps.length})
              </label>
              <select id={gapSelect} value={promptId ?? ''} onChange={(event) => props.onPrompt(event.target.value || null)}>
                <option value="">Choose a question…</option>
                {framework().principles.map((p) => {
                  const own = gaps.filter((g) => g.principleId === p.id);
                  if (own.length === 0) return null;
                  return (
                    <optgroup key={p.id} label={p.name}>
                      {own.map((g) => (
                        <option key={g.promptId} value={g.promptId}>
                          {g.text}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
            </div>
            <button type="button" onClick={props.onRandom}>
              Surprise me
            </button>
          </div>
        )
      ) : null}
    </div>
  );
}
