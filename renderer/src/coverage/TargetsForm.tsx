import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { CoverageTargets } from '../../../shared/coverage/coverage.ts';
import { coverageTargetsSchema } from '../../../shared/settings/settings.ts';

const FIELDS: ReadonlyArray<{ key: keyof CoverageTargets; label: string; hint: string; min: number; max: number }> = [
  { key: 'storiesPerPrinciple', label: 'Stories per principle', hint: 'primary or secondary', min: 1, max: 10 },
  { key: 'promptsPerPrinciple', label: 'Answered prompts per principle', hint: 'capped at the prompts it has', min: 0, max: 20 },
  { key: 'maxPrinciplesPerStory', label: 'Most principles for one story', hint: 'more gets a warning', min: 1, max: 16 },
];

/** The coverage targets as a small form; saved as the 'coverage.targets' setting. */
export function TargetsForm(props: {
  targets: CoverageTargets;
  readOnly: boolean;
  onSave(next: CoverageTargets): Promise<void>;
}): ReactNode {
  const { targets, readOnly, onSave } = props;
  const id = useId();
  const [values, setValues] = useState<Record<keyof CoverageTargets, string>>({
    storiesPerPrinciple: String(targets.storiesPerPrinciple),
    promptsPerPrinciple: String(targets.promptsPerPrinciple),
    maxPrinciplesPerStory: String(targets.maxPrinciplesPerStory),
  });
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = coverageTargetsSchema.safeParse({
      storiesPerPrinciple: Number(values.storiesPerPrinciple),
      promptsPerPrinciple: Number(values.promptsPerPrinciple),
      maxPrinciplesPerStory: Number(values.maxPrinciplesPerStory),
    });
    if (!parsed.success) {
      setStatus({ kind: 'error', message: parsed.error.issues[0]?.message ?? 'Check the numbers.' });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await onSave(parsed.data);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="targets-form" aria-label="Coverage targets" onSubmit={(event) => void submit(event)}>
      {FIELDS.map((field) => (
        <div key={field.key} className="target-field">
          <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
          <input
            id={`${id}-${field.key}`}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            step={1}
            required
            readOnly={readOnly}
            aria-describedby={`${id}-${field.key}-hint`}
            value={values[field.key]}
            onChange={(event) => {
              setValues((v) => ({ ...v, [field.key]: event.target.value }));
              setStatus({ kind: 'idle' });
            }}
          />
          <span className="target-hint" id={`${id}-${field.key}-hint`}>
            {field.hint}
          </span>
        </div>
      ))}
      <div className="targets-actions">
        <button type="submit" className="primary" disabled={readOnly || status.kind === 'saving'}>
          Save targets
        </button>
        <span className="targets-status" role="status">
          {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'Saved' : ''}
        </span>
        {status.kind === 'error' ? (
          <span className="targets-error" role="alert">
            {status.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
