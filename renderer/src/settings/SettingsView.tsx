import { type ReactNode, useEffect, useId, useState } from 'react';
import type { CoverageTargets } from '../../../shared/coverage/coverage.ts';
import { SECTION_LABELS } from '../../../shared/domain/sections.ts';
import { DEFAULT_PACE_WPM, MAX_PACE_WPM, MIN_PACE_WPM, wordsForSeconds } from '../../../shared/domain/timing.ts';
import type { RuleOverride, Severity } from '../../../shared/lint/index.ts';
import type { SamplesState } from '../../../shared/ipc/samples-channels.ts';
import { THEMES, type Theme } from '../../../shared/settings/preferences.ts';
import { SETTINGS } from '../../../shared/settings/settings.ts';
import { call } from '../api/client.ts';
import { getSetting } from '../api/settings.ts';
import { TargetsForm } from '../coverage/TargetsForm.tsx';
import { rubric } from '../lint/rubric.ts';
import { usePreferences } from './preferences.tsx';
import { ErrorNote } from '../app/ErrorNote.tsx';
import { LevelSelect } from '../editor/MetadataFields.tsx';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };
const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', suggestion: 'Suggestion' };

/** "missing-metric" -> "Missing metric". */
export function ruleName(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first sentence of a rule's message, with the numbers it fills in per finding left out. */
function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text);
  return (match ? match[0] : text).replace(/\{[a-zA-Z]+\}/g, '…');
}

function message(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function PaceField({ readOnly }: { readOnly: boolean }): ReactNode {
  const { preferences, update } = usePreferences();
  const id = useId();
  const [value, setValue] = useState(String(preferences.pace));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' } | { kind: 'error'; text: string }>({ kind: 'idle' });
  useEffect(() => setValue(String(preferences.pace)), [preferences.pace]);
  const commit = (): void => {
    const pace = Number(value);
    const parsed = SETTINGS['lint.pace'].schema.safeParse(value.trim() === '' ? NaN : pace);
    if (!parsed.success) {
      setStatus({ kind: 'error', text: parsed.error.issues[0]?.message ?? 'Give a whole number of words per minute.' });
      return;
    }
    if (parsed.data === preferences.pace) return;
    update('pace', parsed.data).then(
      () => setStatus({ kind: 'saved' }),
      (reason: unknown) => setStatus({ kind: 'error', text: message(reason) }),
    );
  };
  const shown = Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : preferences.pace;
  return (
    <form
      className="settings-row"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        commit();
      }}
    >
      <div className="field">
        <label htmlFor={id}>Words per minute</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={MIN_PACE_WPM}
          max={MAX_PACE_WPM}
          step={5}
          value={value}
          readOnly={readOnly}
          aria-describedby={`${id}-hint`}
          aria-invalid={status.kind === 'error'}
          onChange={(event) => {
            setValue(event.target.value);
            setStatus({ kind: 'idle' });
          }}
          onBlur={commit}
        />
      </div>
      <p id={`${id}-hint`} className="field-note">
        At {Math.round(shown)} words per minute a two-minute answer is about{' '}
        {Math.round(wordsForSeconds(120, shown))} words. Most people speak 130–170 in an interview; {DEFAULT_PACE_WPM} is
        the default. The editor&apos;s time estimates and the timing rules use it.
      </p>
      {status.kind === 'error' ? (
        <p className="settings-error" role="alert">
          {status.text}
        </p>
      ) : status.kind === 'saved' ? (
        <p className="settings-saved" role="status">
          Saved.
        </p>
      ) : null}
    </form>
  );
}

function RulesTable({ readOnly }: { readOnly: boolean }): ReactNode {
  const { preferences, update } = usePreferences();
  const [error, setError] = useState<string | null>(null);
  const overrides = preferences.rules;
  const set = (ruleId: string, value: RuleOverride | null): void => {
    const next = { ...overrides };
    if (value === null) delete next[ruleId];
    else next[ruleId] = value;
    setError(null);
    update('rules', next).catch((reason: unknown) => setError(message(reason)));
  };
  const changed = Object.keys(overrides).length;
  return (
    <>
      <ErrorNote message={error} className="settings-error" />
      <div className="table-scroll">
        <table className="rules-table" data-testid="rules-table">
          <caption className="visually-hidden">Lint rules, with a switch and a severity for each</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">What it checks</th>
              <th scope="col">On</th>
              <th scope="col">Severity</th>
            </tr>
          </thead>
          <tbody>
            {rubric().rules.map((rule) => {
              const override = overrides[rule.id];
              const on = override !== 'off';
              const signal = rule.kind === 'signal';
              const severity: Severity | null = signal ? null : override && override !== 'off' ? override : rule.severity;
              const name = ruleName(rule.id);
              return (
                <tr key={rule.id} data-rule={rule.id} className={on ? undefined : 'rule-off'}>
                  <th scope="row">
                    <span className="rule-name">{name}</span>
                    <span className="rule-sections">{rule.sections.map((s) => SECTION_LABELS[s]).join(', ')}</span>
                  </th>
                  <td className="rule-message">{firstSentence(rule.message)}</td>
                  <td>
                    <label className="switch">
                      <input
                        type="checkbox"
                        role="switch"
                        checked={on}
                        disabled={readOnly}
                        aria-label={name}
                        onChange={(event) => {
                          if (!event.target.checked) set(rule.id, 'off');
                          else set(rule.id, severity && !signal && severity !== rule.severity ? severity : null);
                        }}
                      />
                      <span className="switch-track" aria-hidden="true" />
                    </label>
                  </td>
                  <td>
                    {signal ? (
                      <span className="rule-kind">Strength</span>
                    ) : (
                      <select
                        aria-label={`Severity of ${name}`}
                        value={severity ?? ''}
                        disabled={readOnly || !on}
                        onChange={(event) => {
                          const value = event.target.value as Severity;
                          set(rule.id, value === rule.severity ? null : value);
                        }}
                      >
                        {(['error', 'warning', 'suggestion'] as const).map((s) => (
                          <option key={s} value={s}>
                            {SEVERITY_LABELS[s]}
                            {!signal && s === rule.severity ? ' (default)' : ''}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="settings-row">
        <button type="button" disabled={readOnly || changed === 0} onClick={() => update('rules', {}).catch((r: unknown) => setError(message(r)))}>
          Reset every rule to its default
        </button>
        <span className="field-note">
          {changed === 0 ? 'Every rule as the rubric sets it.' : `${changed} ${changed === 1 ? 'rule' : 'rules'} changed.`}
        </span>
      </div>
    </>
  );
}

export interface SettingsViewProps {
  readOnly: boolean;
  samples: SamplesState | null;
  onAddSamples(): void;
  onRemoveSamples(): void;
  onShowShortcuts(): void;
}

/** Settings: theme, speaking pace, the level new stories start at, the lint rules, coverage targets and samples. */
export function SettingsView(props: SettingsViewProps): ReactNode {
  const { readOnly, samples } = props;
  const { preferences, update } = usePreferences();
  const [targets, setTargets] = useState<CoverageTargets | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getSetting('coverage.targets').then(setTargets, (reason: unknown) => setError(message(reason)));
  }, []);

  const save = <K extends 'theme' | 'defaultLevel'>(key: K, value: (typeof preferences)[K]): void => {
    setError(null);
    update(key, value).catch((reason: unknown) => setError(message(reason)));
  };

  return (
    <section className="settings-view" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading">Settings</h1>
        <p className="screen-subtitle">Changes are saved as you make them.</p>
      </header>
      <ErrorNote message={error} className="settings-error" />

      <section className="settings-card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <fieldset className="theme-choice">
          <legend>Theme</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="choice">
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={preferences.theme === theme}
                disabled={readOnly}
                onChange={() => save('theme', theme)}
              />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="settings-card" aria-labelledby="pace-heading">
        <h2 id="pace-heading">Speaking pace</h2>
        <PaceField readOnly={readOnly} />
      </section>

      <section className="settings-card" aria-labelledby="new-stories-heading">
        <h2 id="new-stories-heading">New stories</h2>
        <div className="settings-row">
          <LevelSelect
            label="Level a new story starts at"
            emptyLabel="No level"
            value={preferences.defaultLevel ?? null}
            disabled={readOnly}
            onChange={(next) => save('defaultLevel', next)}
          />
        </div>
      </section>

      <section className="settings-card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Lint rules</h2>
        <p className="field-note">
          Turn a rule off, or change how seriously it counts. Errors weigh most on the score; strengths add a little.
        </p>
        <RulesTable readOnly={readOnly} />
      </section>

      <section className="settings-card" aria-labelledby="targets-heading">
        <h2 id="targets-heading">Coverage targets</h2>
        <p className="field-note">How many stories and answered questions each principle should have (the Coverage view measures against these).</p>
        {targets ? (
          <TargetsForm
            targets={targets}
            readOnly={readOnly}
            onSave={async (next) => {
              await call('settings.set', { key: 'coverage.targets', value: next });
              setTargets(next);
            }}
          />
        ) : null}
      </section>

      <section className="settings-card" aria-labelledby="samples-heading">
        <h2 id="samples-heading">Sample stories</h2>
        <p className="field-note">
          {samples && samples.ids.length > 0
            ? `${samples.ids.length} sample ${samples.ids.length === 1 ? 'story is' : 'stories are'} in your bank. Removing them deletes them for good, edits included; your own stories stay.`
            : `${samples?.available ?? 'A few'} made-up stories, strong and weak, that show what the lint and coverage do. They are tagged “sample”.`}
        </p>
        <div className="settings-row">
          <button type="button" onClick={props.onAddSamples} disabled={readOnly || (samples !== null && samples.ids.length >= samples.available)}>
            Add the sample stories
          </button>
          <button type="button" className="danger" onClick={props.onRemoveSamples} disabled={readOnly || !samples || samples.ids.length === 0}>
            Remove the sample stories
          </button>
        </div>
      </section>

      <section className="settings-card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard</h2>
        <div className="settings-row">
          <button type="button" onClick={props.onShowShortcuts}>
            Show the keyboard shortcuts
          </button>
          <span className="field-note">
            Or press <kbd>F1</kbd> anywhere.
          </span>
        </div>
      </section>
    </section>
  );
}
