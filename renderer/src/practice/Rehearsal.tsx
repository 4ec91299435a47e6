import { type ReactNode, useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from 'react';
import { probesForStory, type StoryProbe } from '../../../shared/coverage/probes.ts';
import {
  answerVerdict,
  currentSection,
  MAX_RATING,
  type PracticeRun,
  READY_SESSION,
  rehearsalReducer,
  rehearsalSeconds,
  sectionVerdict,
  totalSeconds,
} from '../../../shared/domain/practice.ts';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import type { Story } from '../../../shared/domain/story.ts';
import { ANSWER_TARGET_SECONDS, formatDuration, SECTION_TARGET_SECONDS } from '../../../shared/domain/timing.ts';
import { call } from '../api/client.ts';
import { framework } from '../content/framework.ts';
import { ErrorNote } from '../app/ErrorNote.tsx';

export const RATING_LABELS: Readonly<Record<number, string>> = {
  1: 'Rough',
  2: 'Shaky',
  3: 'Okay',
  4: 'Good',
  5: 'Ready',
};

const VERDICT_LABEL = { short: 'short', ok: 'on time', long: 'long' } as const;

/** The scale of the answer bar: a little past the three-minute mark. */
const BAR_MAX_SECONDS = ANSWER_TARGET_SECONDS.max + 30;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
}

function Paragraphs({ text }: { text: string }): ReactNode {
  const paragraphs = text.split(/\n+/).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return <p className="muted">This section is empty in the story.</p>;
  return paragraphs.map((p, i) => <p key={i}>{p}</p>);
}

/** The two-to-three-minute window and where the answer is now. */
function AnswerBar({ seconds }: { seconds: number }): ReactNode {
  const pct = (s: number): string => `${Math.min(100, (s / BAR_MAX_SECONDS) * 100)}%`;
  const verdict = answerVerdict(seconds);
  return (
    <div className="answer-bar" aria-hidden="true">
      <div
        className="answer-window"
        style={{ left: pct(ANSWER_TARGET_SECONDS.min), width: pct(ANSWER_TARGET_SECONDS.max - ANSWER_TARGET_SECONDS.min) }}
      />
      <div className={`answer-fill verdict-${verdict}`} style={{ width: pct(seconds) }} />
      <span className="answer-tick" style={{ left: pct(ANSWER_TARGET_SECONDS.min) }}>
        2:00
      </span>
      <span className="answer-tick" style={{ left: pct(ANSWER_TARGET_SECONDS.max) }}>
        3:00
      </span>
    </div>
  );
}

/** The section furthest over its target, for the advice after a long run ("the Action"). */
function longest(seconds: Record<SectionId, number>): string {
  let worst: SectionId = 'situation';
  for (const id of SECTION_IDS) {
    if (seconds[id] / SECTION_TARGET_SECONDS[id] > seconds[worst] / SECTION_TARGET_SECONDS[worst]) worst = id;
  }
  return `the ${SECTION_LABELS[worst]}`;
}

export interface RehearsalProps {
  story: Story;
  promptId: string | null;
  readOnly: boolean;
  onLogged(run: PracticeRun): void;
  onReadAloud(): void;
}

/**
 * A timed run of one story: the user tells each section out loud and moves on with a button or a key; the clock
 * shows each section's target and the running total against the two-to-three-minute window. Then the principle's
 * follow-up probes, one at a time, with the user's prepared notes hidden until asked for; then a 1–5 rating, and
 * the run goes into the practice log.
 */
export function Rehearsal({ story, promptId, readOnly, onLogged, onReadAloud }: RehearsalProps): ReactNode {
  // The run itself (shared/domain/practice.ts); the clock's tick and the loaded notes sit beside it.
  const [session, dispatch] = useReducer(rehearsalReducer, READY_SESSION);
  const { phase, run, stoppedAt, showText, probeIndex, notesShown, rating, error } = session;
  const [now, setNow] = useState(() => Date.now());
  const [notes, setNotes] = useState<Record<string, { note: string; readiness: 'ready' | 'partial' | 'gap' }>>({});
  const nextRef = useRef<HTMLButtonElement>(null);
  const ratingName = useId();

  useEffect(() => {
    let live = true;
    call('probes.get', { storyId: story.id }).then(
      (records) => {
        if (!live) return;
        const byId: Record<string, { note: string; readiness: 'ready' | 'partial' | 'gap' }> = {};
        for (const r of records) byId[r.probeId] = { note: r.note, readiness: r.readiness ?? 'gap' };
        setNotes(byId);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [story.id]);

  const probes: StoryProbe[] = useMemo(
    () => probesForStory(story, framework(), notes).flatMap((group) => group.probes),
    [story, notes],
  );

  // The clock ticks only while a run is on.
  useEffect(() => {
    if (phase !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [phase]);

  const clock = stoppedAt ?? now;
  const seconds = run ? rehearsalSeconds(run, clock) : null;
  const total = seconds ? totalSeconds(seconds) : 0;
  const section = run ? currentSection(run) : null;

  const start = useCallback(() => {
    const at = Date.now();
    setNow(at);
    dispatch({ type: 'start', at });
  }, []);

  const next = useCallback(() => {
    const at = Date.now();
    setNow(at);
    dispatch({ type: 'next', at, probes: probes.length });
  }, [probes.length]);

  const back = useCallback(() => {
    const at = Date.now();
    setNow(at);
    dispatch({ type: 'back', at });
  }, []);

  const stop = useCallback(() => dispatch({ type: 'stop' }), []);

  // Keys: Right (or Space/Enter outside a button) starts the clock and moves on, Left goes back, Escape stops,
  // N shows the notes.
  useEffect(() => {
    if (phase !== 'running' && phase !== 'probes' && phase !== 'ready') return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key;
      const forward = key === 'ArrowRight' || ((key === ' ' || key === 'Enter') && !isControl(event.target));
      if (phase === 'ready') {
        if (forward && !readOnly) {
          event.preventDefault();
          start();
        }
        return;
      }
      if (forward) {
        event.preventDefault();
        next();
      } else if (key === 'ArrowLeft') {
        event.preventDefault();
        back();
      } else if (key === 'Escape') {
        event.preventDefault();
        stop();
      } else if (phase === 'probes' && (key === 'n' || key === 'N')) {
        event.preventDefault();
        dispatch({ type: 'toggle-notes' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, next, back, stop, start, readOnly]);

  // Keep the main button focused as the run moves, so Space and Enter press it.
  useEffect(() => {
    if (phase === 'running' || phase === 'probes') nextRef.current?.focus();
  }, [phase, probeIndex]);

  const save = async (): Promise<void> => {
    if (!seconds || rating === null) return;
    try {
      const logged = await call('practice.log', { storyId: story.id, promptId, sections: seconds, rating });
      dispatch({ type: 'saved' });
      onLogged(logged);
    } catch (reason) {
      dispatch({ type: 'save-failed', message: reason instanceof Error ? reason.message : String(reason) });
    }
  };

  const probe = probes[probeIndex];

  return (
    <section className="rehearsal" aria-labelledby="rehearsal-heading" data-phase={phase}>
      <header className="rehearsal-header">
        <h2 id="rehearsal-heading">Rehearse out loud</h2>
        <div className="rehearsal-clock" data-testid="practice-total" aria-live="off">
          <span className="clock-value">{formatDuration(total)}</span>
          <span className="clock-target">
            target {formatDuration(ANSWER_TARGET_SECONDS.min)}–{formatDuration(ANSWER_TARGET_SECONDS.max)}
          </span>
        </div>
      </header>
      <AnswerBar seconds={total} />

      <ol className="section-times" aria-label="Time per section">
        {SECTION_IDS.map((id, index) => {
          const spent = seconds?.[id] ?? 0;
          const isCurrent = phase === 'running' && section === id;
          const done = run !== null && (index < run.index || phase !== 'running');
          const verdict = sectionVerdict(id, spent);
          const fill = Math.min(100, (spent / (SECTION_TARGET_SECONDS[id] * 1.5)) * 100);
          return (
            <li
              key={id}
              className={`section-time-row${isCurrent ? ' current' : ''}${done ? ' done' : ''}`}
              data-testid={`practice-section-${id}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="section-time-label">{SECTION_LABELS[id]}</span>
              <span className="section-time-bar" aria-hidden="true">
                <span className={`section-time-fill verdict-${done || isCurrent ? verdict : 'none'}`} style={{ width: `${fill}%` }} />
                <span className="section-time-target" style={{ left: `${(1 / 1.5) * 100}%` }} />
              </span>
              <span className="section-time-values">
                <span className="spent">{run ? formatDuration(spent) : '–'}</span>
                <span className="target"> / {formatDuration(SECTION_TARGET_SECONDS[id])}</span>
                {done && run ? <span className={`verdict verdict-${verdict}`}> {VERDICT_LABEL[verdict]}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>

      {phase === 'ready' ? (
        <div className="rehearsal-stage">
          <p>
            Tell the story out loud, as you would in the interview. Press <kbd>Space</kbd> or <kbd>→</kbd> as you move
            to the next part; the clock keeps each part&apos;s time.
          </p>
          <div className="rehearsal-actions">
            <button type="button" className="primary" onClick={start} disabled={readOnly}>
              Start the clock
            </button>
            <button type="button" onClick={onReadAloud}>
              Read it aloud first
            </button>
          </div>
        </div>
      ) : null}

      {phase === 'running' && section ? (
        <div className="rehearsal-stage" data-testid="practice-stage">
          <div className="stage-head">
            <h3>
              {SECTION_LABELS[section]} <span className="stage-step">{(run?.index ?? 0) + 1} of 5</span>
            </h3>
            <button type="button" className="text-button" aria-pressed={!showText} onClick={() => dispatch({ type: 'toggle-text' })}>
              {showText ? 'Hide the text' : 'Show the text'}
            </button>
          </div>
          {showText ? (
            <div className="stage-text">
              <Paragraphs text={story.sections[section].text} />
            </div>
          ) : (
            <p className="muted">Tell this part from memory.</p>
          )}
          <div className="rehearsal-actions">
            <button type="button" onClick={back} disabled={run?.index === 0}>
              ← Back
            </button>
            <button type="button" className="primary" ref={nextRef} onClick={next}>
              {section === 'reflection' ? 'Finish' : `Next: ${SECTION_LABELS[SECTION_IDS[(run?.index ?? 0) + 1] ?? 'reflection']}`} →
            </button>
            <button type="button" onClick={stop}>
              Stop
            </button>
          </div>
        </div>
      ) : null}

      {phase === 'probes' && probe ? (
        <div className="rehearsal-stage" data-testid="practice-probe">
          <div className="stage-head">
            <h3>
              Follow-up <span className="stage-step">{probeIndex + 1} of {probes.length}</span>
            </h3>
          </div>
          <p className="probe-ask">{probe.probe.question}</p>
          {notesShown ? (
            <div className="probe-reveal" data-testid="probe-notes">
              <h4>Your prepared notes</h4>
              {probe.note.trim() ? <p className="prepared-note">{probe.note}</p> : <p className="muted">You have no notes for this one yet.</p>}
              <h4>What a strong answer does</h4>
              <p>{probe.probe.strong}</p>
            </div>
          ) : null}
          <div className="rehearsal-actions">
            <button type="button" aria-expanded={notesShown} onClick={() => dispatch({ type: 'toggle-notes' })}>
              {notesShown ? 'Hide my notes' : 'Show my notes'}
            </button>
            <button type="button" className="primary" ref={nextRef} onClick={next}>
              {probeIndex + 1 >= probes.length ? 'Done with follow-ups' : 'Next follow-up'} →
            </button>
            <button type="button" onClick={() => dispatch({ type: 'skip-to-rating' })}>
              Skip to rating
            </button>
          </div>
        </div>
      ) : null}

      {(phase === 'rate' || phase === 'saved') && seconds ? (
        <div className="rehearsal-stage" data-testid="practice-result">
          <h3>
            {formatDuration(total)} in all:{' '}
            {answerVerdict(total) === 'ok'
              ? 'inside the two-to-three-minute window.'
              : answerVerdict(total) === 'short'
                ? 'under two minutes. Add detail to the Action.'
                : `over three minutes. Trim ${longest(seconds)} first.`}
          </h3>
          {phase === 'rate' ? (
            <>
              <fieldset className="rating">
                <legend>How did it go?</legend>
                {[1, 2, 3, 4, 5].map((value) => (
                  <label key={value} className="rating-option">
                    <input
                      type="radio"
                      name={ratingName}
                      value={value}
                      checked={rating === value}
                      onChange={() => dispatch({ type: 'rate', rating: value })}
                    />
                    <span>
                      {value} · {RATING_LABELS[value]}
                    </span>
                  </label>
                ))}
              </fieldset>
              <ErrorNote message={error} />
              <div className="rehearsal-actions">
                <button type="button" className="primary" disabled={rating === null || readOnly} onClick={() => void save()}>
                  Save to the practice log
                </button>
                <button type="button" onClick={stop}>
                  Discard this run
                </button>
              </div>
            </>
          ) : (
            <div className="rehearsal-actions">
              <p className="saved-note" role="status">
                Saved to the log with a rating of {rating} of {MAX_RATING}.
              </p>
              <button type="button" className="primary" onClick={start}>
                Run it again
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
