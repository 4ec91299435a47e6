import { memo, type ReactNode, useId, useMemo } from 'react';
import {
  PROBE_READINESS,
  type ProbeReadiness,
  probesForStory,
  type StoryProbe,
  summarizeProbeReadiness,
} from '../../../shared/coverage/probes.ts';
import type { PrincipleMapping } from '../../../shared/domain/story.ts';
import { messageHeadline } from '../../../shared/lint/diagnostics.ts';
import { lintProbeAnswer } from '../../../shared/lint/probe-answer.ts';
import { framework } from '../content/framework.ts';
import { rubric } from '../lint/rubric.ts';
import { type ProbeDraft, type ProbeSaveState, useProbeNotes } from './useProbeNotes.ts';

const READINESS_LABELS: Record<ProbeReadiness, string> = { ready: 'Ready', partial: 'Partial', gap: 'Gap' };
const READINESS_HINTS: Record<ProbeReadiness, string> = {
  ready: 'I can answer this well',
  partial: 'I have part of an answer',
  gap: 'I have no answer yet',
};

function SaveState({ state, onRetry }: { state: ProbeSaveState | undefined; onRetry(): void }): ReactNode {
  if (state === undefined) return null;
  if (state.kind === 'saving') return <span className="probe-save saving">Saving…</span>;
  if (state.kind === 'failed') {
    return (
      <span className="probe-save failed" role="alert">
        Not saved: {state.message}{' '}
        <button type="button" className="text-button" onClick={onRetry}>
          Try again
        </button>
      </span>
    );
  }
  return <span className="probe-save saved">Saved</span>;
}

/** The rubric's read of a prepared answer: the same "we", hedging, escalation and blame checks as an Action. */
function AnswerFindings({ note }: { note: string }): ReactNode {
  const findings = useMemo(() => lintProbeAnswer(note, rubric()), [note]);
  if (findings.length === 0) return null;
  return (
    <ul className="answer-findings" aria-label="About this answer">
      {findings.map((d, i) => (
        <li key={`${d.ruleId}:${d.start}:${i}`} className={`answer-finding severity-${d.severity}`} data-rule={d.ruleId}>
          <span className="answer-finding-quote">“{note.slice(d.start, d.end).trim().slice(0, 60)}”</span> {messageHeadline(d.message)}
        </li>
      ))}
    </ul>
  );
}

function ProbeCard(props: {
  item: StoryProbe;
  draft: ProbeDraft;
  state: ProbeSaveState | undefined;
  readOnly: boolean;
  onChange(next: ProbeDraft, immediately?: boolean): void;
  onRetry(): void;
}): ReactNode {
  const { item, draft, state, readOnly, onChange, onRetry } = props;
  const id = useId();
  const questionId = `${id}-question`;
  const notesLabelId = `${id}-notes-label`;
  return (
    <li className={`probe-card readiness-${draft.readiness ?? 'unmarked'}`} data-probe-id={item.probe.id}>
      <p className="probe-question" id={questionId}>
        {item.probe.question}
      </p>
      <div className="probe-guidance">
        <div className="guidance guidance-weak">
          <span className="guidance-label">A weak answer</span>
          <p>{item.probe.weak}</p>
        </div>
        <div className="guidance guidance-strong">
          <span className="guidance-label">A strong answer</span>
          <p>{item.probe.strong}</p>
        </div>
      </div>
      <label className="probe-notes-label" id={notesLabelId} htmlFor={`${id}-notes`}>
        Your prepared answer
      </label>
      <textarea
        id={`${id}-notes`}
        className="probe-notes"
        aria-labelledby={`${notesLabelId} ${questionId}`}
        rows={3}
        maxLength={4000}
        readOnly={readOnly}
        placeholder="Facts, numbers and names you would use to answer this follow-up."
        value={draft.note}
        onChange={(event) => onChange({ ...draft, note: event.target.value })}
      />
      <AnswerFindings note={draft.note} />
      <div className="probe-footer">
        <fieldset className="readiness-choice" disabled={readOnly}>
          <legend>How ready are you?</legend>
          {PROBE_READINESS.map((readiness) => (
            <label key={readiness} className={`readiness-option option-${readiness}`} title={READINESS_HINTS[readiness]}>
              <input
                type="radio"
                name={`${id}-readiness`}
                value={readiness}
                checked={draft.readiness === readiness}
                onChange={() => onChange({ ...draft, readiness }, true)}
              />
              <span>{READINESS_LABELS[readiness]}</span>
            </label>
          ))}
        </fieldset>
        <SaveState state={state} onRetry={onRetry} />
      </div>
    </li>
  );
}

function summaryText(items: ReadonlyArray<{ readiness: ProbeReadiness | null }>): string {
  const s = summarizeProbeReadiness(items);
  const parts = [`${s.ready} ready`, `${s.partial} partial`, `${s.gap} ${s.gap === 1 ? 'gap' : 'gaps'}`];
  if (s.unmarked > 0) parts.push(`${s.unmarked} not marked`);
  return `${parts.join(' · ')} (of ${s.total})`;
}

/**
 * The follow-up questions interviewers ask about the story's principles, with what weak and strong answers sound
 * like, the user's prepared notes and a readiness mark for each. Notes save on their own, per probe. Memoized: typing
 * in the story's sections does not re-render it.
 */
export const ProbesPanel = memo(function ProbesPanel(props: {
  storyId: string;
  principles: PrincipleMapping[];
  readOnly: boolean;
}): ReactNode {
  const { storyId, principles, readOnly } = props;
  const { loaded, loadError, notes, states, change, retry } = useProbeNotes(storyId);
  const groups = useMemo(() => probesForStory({ principles }, framework()), [principles]);
  const draftOf = (probeId: string): ProbeDraft => notes[probeId] ?? { note: '', readiness: null };
  const all = groups.flatMap((g) => g.probes.map((p) => ({ readiness: draftOf(p.probe.id).readiness })));

  return (
    <section className="mapping-panel probes-panel" aria-labelledby="probes-heading" data-testid="probes">
      <header className="panel-header">
        <h2 id="probes-heading">Follow-up probes</h2>
        {groups.length > 0 && loaded ? (
          <p className="probe-summary" data-testid="probe-summary">
            {summaryText(all)}
          </p>
        ) : null}
      </header>
      {loadError ? (
        <p className="panel-error" role="alert">
          Your probe notes could not be loaded: {loadError}
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p className="panel-empty">
          Map the story to a principle to see the follow-up questions an interviewer is likely to ask about it.
        </p>
      ) : !loaded ? (
        <p className="panel-empty">Loading your notes…</p>
      ) : (
        groups.map((group) => (
          <section key={group.principleId} className="probe-group" aria-labelledby={`probes-${group.principleId}`}>
            <h3 id={`probes-${group.principleId}`}>
              {group.name} <span className={`role-tag role-${group.role}`}>{group.role}</span>
              <span className="probe-group-summary">
                {summarizeProbeReadiness(group.probes.map((p) => draftOf(p.probe.id))).ready} of {group.probes.length}{' '}
                ready
              </span>
            </h3>
            <ul className="probe-list">
              {group.probes.map((item) => (
                <ProbeCard
                  key={item.probe.id}
                  item={item}
                  draft={draftOf(item.probe.id)}
                  state={states[item.probe.id]}
                  readOnly={readOnly || loadError !== null}
                  onChange={(next, immediately) => change(item.probe.id, next, immediately)}
                  onRetry={() => retry(item.probe.id)}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
});
