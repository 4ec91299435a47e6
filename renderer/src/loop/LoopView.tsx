import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { LEVELS, type Level } from '../../../shared/domain/levels.ts';
import type { PrincipleId } from '../../../shared/domain/principles.ts';
import type { SavedLoop } from '../../../shared/ipc/loop-channels.ts';
import type { SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import { LOOP_LIMITS, LOOP_TEMPLATES, loopFromTemplate, type Loop } from '../../../shared/loop/loop.ts';
import { createPlanStoryReader } from '../../../shared/loop/plan-input.ts';
import { planLoop, RATING_LABELS, type LoopPlan, type LoopWarning, type PlanStory } from '../../../shared/loop/solve.ts';
import { DEFAULT_VERDICT_LEVEL } from '../../../shared/lint/verdict.ts';
import { buildLoopSheet, type PaperSize } from '../../../shared/prep-sheet/index.ts';
import { fileSlug } from '../../../shared/transfer/markdown-files.ts';
import { call } from '../api/client.ts';
import { getSetting } from '../api/settings.ts';
import { framework, principleById } from '../content/framework.ts';
import { ErrorNote } from '../app/ErrorNote.tsx';
import { rubric } from '../lint/rubric.ts';
import { readSheetRecords } from '../transfer/prep-sheet-job.ts';
import { openPrintTab, printSheet, saveSheetPdf, type SheetOutcome } from '../transfer/print-sheet.ts';
import { today } from '../transfer/save-file.ts';

/** Every story outside the trash with its probe notes and ignored findings: what the planner reads. */
async function bankRecords(): Promise<SheetStoryRecord[]> {
  const rows = await call('coverage.stories', {});
  return readSheetRecords(rows.map((r) => r.id));
}

/** Each story's reading for the planner, kept for the session: a visit after an edit reads only what changed. */
let reader: ReturnType<typeof createPlanStoryReader> | null = null;
function readForPlan(records: readonly SheetStoryRecord[], level: Level): PlanStory[] {
  reader ??= createPlanStoryReader(framework(), rubric());
  return reader(records, level);
}

type Body = Pick<SavedLoop, 'loop' | 'pins' | 'bans'>;

/** A new interviewer: a name the loop does not have yet, and a principle none of its interviewers holds if any. */
function newInterviewer(loop: Loop): Loop['interviewers'][number] {
  const names = new Set(loop.interviewers.map((p) => p.name.toLocaleLowerCase()));
  let n = loop.interviewers.length + 1;
  while (names.has(`interviewer ${n}`)) n++;
  const held = new Set<string>(loop.interviewers.flatMap((p) => p.principles));
  const free = framework().principles.find((p) => !held.has(p.id)) ?? framework().principles[0]!;
  return { name: `Interviewer ${n}`, principles: [free.id as PrincipleId], barRaiser: false, shareStories: false };
}

function LoopEditor(props: { body: Body; readOnly: boolean; onChange(next: Body): void }): ReactNode {
  const { body, readOnly, onChange } = props;
  const { loop } = body;
  const setLoop = (patch: Partial<Loop>): void => onChange({ ...body, loop: { ...loop, ...patch } });
  const setInterviewer = (index: number, patch: Partial<Loop['interviewers'][number]>): void =>
    setLoop({ interviewers: loop.interviewers.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  return (
    <section className="loop-editor" aria-label="The loop">
      <div className="metadata-row">
        <label className="field">
          Name
          <input value={loop.name} maxLength={LOOP_LIMITS.nameLength} readOnly={readOnly} onChange={(e) => setLoop({ name: e.target.value })} />
        </label>
        <label className="field">
          Date
          <input type="date" value={loop.date ?? ''} readOnly={readOnly} onChange={(e) => setLoop({ date: e.target.value === '' ? null : e.target.value })} />
        </label>
        <label className="field">
          Level
          <select value={loop.level} disabled={readOnly} onChange={(e) => setLoop({ level: e.target.value as Level })}>
            {LEVELS.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        </label>
      </div>
      <ol className="loop-interviewers">
        {loop.interviewers.map((person, index) => (
          <li key={index} className="loop-interviewer" data-testid="loop-interviewer">
            <input
              aria-label={`Interviewer ${index + 1}`}
              value={person.name}
              maxLength={LOOP_LIMITS.nameLength}
              readOnly={readOnly}
              onChange={(e) => setInterviewer(index, { name: e.target.value })}
            />
            <label className="inline">
              <input type="checkbox" checked={person.barRaiser} disabled={readOnly} onChange={(e) => setInterviewer(index, { barRaiser: e.target.checked })} />
              Bar raiser
            </label>
            {person.principles.length > 1 ? (
              <label className="inline" title="Whether one story may answer two of this interviewer's principles">
                <input
                  type="checkbox"
                  checked={person.shareStories}
                  disabled={readOnly}
                  onChange={(e) => setInterviewer(index, { shareStories: e.target.checked })}
                />
                One story may cover two
              </label>
            ) : null}
            <span className="loop-principles">
              {person.principles.map((id) => (
                <span key={id} className="chip">
                  {principleById(id)?.name ?? id}
                  {person.principles.length > 1 && !readOnly ? (
                    <button
                      type="button"
                      aria-label={`Remove ${principleById(id)?.name ?? id} from ${person.name}`}
                      onClick={() => setInterviewer(index, { principles: person.principles.filter((p) => p !== id) })}
                    >
                      ×
                    </button>
                  ) : null}
                </span>
              ))}
              {person.principles.length < LOOP_LIMITS.principlesPerInterviewer && !readOnly ? (
                <select
                  aria-label={`Add a principle for ${person.name}`}
                  value=""
                  onChange={(e) => setInterviewer(index, { principles: [...person.principles, e.target.value as PrincipleId] })}
                >
                  <option value="">Add a principle…</option>
                  {framework()
                    .principles.filter((p) => !(person.principles as string[]).includes(p.id))
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                </select>
              ) : null}
            </span>
            {loop.interviewers.length > 1 && !readOnly ? (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  onChange({
                    loop: { ...loop, interviewers: loop.interviewers.filter((_, i) => i !== index) },
                    // Pins follow their interviewer: those of the one removed go, later ones move up.
                    pins: body.pins.filter((p) => p.interviewer !== index).map((p) => (p.interviewer > index ? { ...p, interviewer: p.interviewer - 1 } : p)),
                    bans: body.bans,
                  })
                }
              >
                Remove {person.name}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {loop.interviewers.length < LOOP_LIMITS.interviewers && !readOnly ? (
        <button type="button" onClick={() => setLoop({ interviewers: [...loop.interviewers, newInterviewer(loop)] })}>
          Add an interviewer
        </button>
      ) : null}
    </section>
  );
}

/** The links that carry out a warning's fix: write a story, open a story, or open its principle guide. */
function FixActions(props: {
  warning: LoopWarning;
  readOnly: boolean;
  title(id: string): string;
  onOpenStory(id: string): void;
  onOpenGuide(id: string): void;
  onStartStory(principleId: string): void;
}): ReactNode {
  const { warning: w, readOnly } = props;
  const name = principleById(w.principle)?.name ?? w.principle;
  const actions: ReactNode[] = [];
  if (!readOnly && (w.kind === 'no-story' || w.kind === 'no-strong-story' || w.kind === 'weak-because-taken'))
    actions.push(
      <button key="write" type="button" className="link-button" onClick={() => props.onStartStory(w.principle)}>
        Write a story for {name}
      </button>,
    );
  if (w.storyId !== null && (w.kind === 'no-strong-story' || w.kind === 'weak-because-taken'))
    actions.push(
      <button key="guide" type="button" className="link-button" onClick={() => props.onOpenGuide(w.storyId!)}>
        Open the {name} guide for “{props.title(w.storyId)}”
      </button>,
    );
  if (w.storyId !== null && (w.kind === 'no-probe-notes' || w.kind === 'pin-not-mapped'))
    actions.push(
      <button key="open" type="button" className="link-button" onClick={() => props.onOpenStory(w.storyId!)}>
        Open “{props.title(w.storyId)}”
      </button>,
    );
  return actions.length ? <span className="loop-fix-actions">{actions}</span> : null;
}

/** The loop sheet from the plan on screen, as the CLI makes it: the same pace and rule overrides as the editor. */
async function loopSheetHtml(saved: Body, plan: LoopPlan, records: readonly SheetStoryRecord[], paper: PaperSize): Promise<string> {
  const [pace, overrides] = await Promise.all([getSetting('lint.pace'), getSetting('lint.rules')]);
  return buildLoopSheet({ loop: saved.loop, plan, stories: records, framework: framework(), rubric: rubric(), options: { paper, generatedAt: new Date(), pace, overrides } });
}

/** Save as PDF and Print… for the chosen loop's sheet. */
function LoopSheetActions(props: { body: Body; plan: LoopPlan; records: readonly SheetStoryRecord[] }): ReactNode {
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SheetOutcome | null>(null);
  const make = async (action: 'pdf' | 'print'): Promise<void> => {
    setOutcome(null);
    const tab = action === 'print' ? openPrintTab() : null;
    try {
      setBusy(action === 'pdf' ? 'Making the PDF…' : 'Opening the print dialog…');
      const html = await loopSheetHtml(props.body, props.plan, props.records, paper);
      if (action === 'pdf') {
        const name = `loop-sheet-${fileSlug(props.body.loop.name)}-${today()}.pdf`;
        await saveSheetPdf(html, paper, name);
        setOutcome({ text: `Saved the loop sheet as ${name}.` });
      } else setOutcome(await printSheet(html, tab, 'The loop sheet'));
    } catch (error) {
      tab?.close();
      setOutcome({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="loop-sheet-actions" aria-label="Loop sheet">
      <h2>Loop sheet</h2>
      <p className="muted">The plan on one page, then a page per interviewer: the story card, backups and the follow-up probes with your notes.</p>
      <div className="loop-toolbar">
        <label className="field">
          Paper
          <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
            <option value="a4">A4</option>
            <option value="letter">US Letter</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void make('pdf')}>
          Save the loop sheet as PDF
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void make('print')}>
          Print the loop sheet…
        </button>
      </div>
      <div className="transfer-status" role="status" aria-live="polite" data-testid="loop-sheet-status">
        {busy ? <p className="muted">{busy}</p> : outcome && !outcome.error ? <p className="transfer-message">{outcome.text}</p> : null}
      </div>
      {outcome?.error ? (
        <p className="transfer-message error" role="alert">
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}

/** The Loop screen: loops kept side by side, each planned exactly over the bank (shared/loop). */
export function LoopView(props: {
  readOnly: boolean;
  onOpenStory(id: string): void;
  onOpenGuide(id: string): void;
  onStartStory(principleId: string): void;
}): ReactNode {
  const { readOnly } = props;
  const [loops, setLoops] = useState<SavedLoop[] | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [records, setRecords] = useState<SheetStoryRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [template, setTemplate] = useState(LOOP_TEMPLATES[0]!.id);

  useEffect(() => {
    call('loops.list', {}).then((list) => {
      setLoops(list);
      setChosenId((id) => id ?? list[0]?.id ?? null);
    }, (e: Error) => setError(e.message));
    bankRecords().then(setRecords, (e: Error) => setError(e.message));
  }, []);

  const chosen = loops?.find((l) => l.id === chosenId) ?? null;
  const level = chosen?.loop.level ?? null;
  // Each story's verdicts at the loop's level: read once per level, not per re-plan.
  const planned = useMemo<PlanStory[] | null>(
    () => (records && level ? readForPlan(records, level) : null),
    [records, level],
  );
  const plan = useMemo(
    () => (chosen && planned ? planLoop(chosen.loop, planned, { pins: chosen.pins, bans: chosen.bans }) : null),
    [chosen, planned],
  );

  const update = useCallback(
    (id: string, next: Body): void => {
      // Shown at once; stored in the background. A refusal (an empty name) is shown and the screen keeps the edit.
      const body = { loop: next.loop, pins: next.pins, bans: next.bans };
      setLoops((list) => (list ?? []).map((l) => (l.id === id ? { ...l, ...body } : l)));
      call('loops.save', { id, ...body }).then(() => setError(null), (e: Error) => setError(e.message));
    },
    [],
  );
  const create = (): void => {
    const shape = LOOP_TEMPLATES.find((t) => t.id === template) ?? LOOP_TEMPLATES[0]!;
    // At the level new stories start at (Settings), SDE2 when none is set.
    getSetting('stories.defaultLevel')
      .then((level) => call('loops.create', { loop: loopFromTemplate(shape, level ?? DEFAULT_VERDICT_LEVEL), pins: [], bans: [] }))
      .then((saved) => {
        setLoops((list) => [saved, ...(list ?? [])]);
        setChosenId(saved.id);
      }, (e: Error) => setError(e.message));
  };
  const titleOf = (id: string): string => records?.find((r) => r.story.id === id)?.story.title.trim() || 'Untitled story';
  const remove = (id: string): void => {
    call('loops.delete', { id }).then(() => {
      setLoops((list) => (list ?? []).filter((l) => l.id !== id));
      setChosenId(null);
    }, (e: Error) => setError(e.message));
  };

  return (
    <div className="loop-view">
      <header className="coverage-header">
        <h1>Interview loop</h1>
        <p className="muted">Who you meet, the principles each one holds, and the story to tell each: none told twice.</p>
      </header>
      <ErrorNote message={error} />
      <div className="loop-toolbar">
        {loops && loops.length > 0 ? (
          <label className="field">
            Loop
            <select value={chosen?.id ?? ''} onChange={(e) => setChosenId(e.target.value)}>
              {loops.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.loop.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {!readOnly ? (
          <>
            <label className="field">
              New loop from
              <select value={template} onChange={(e) => setTemplate(e.target.value)}>
                {LOOP_TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={create}>
              New loop
            </button>
            {chosen ? (
              <button type="button" className="danger" onClick={() => remove(chosen.id)}>
                Delete this loop
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {loops !== null && loops.length === 0 ? <p className="muted">No loop yet: start one from a template.</p> : null}
      {chosen ? <LoopEditor body={chosen} readOnly={readOnly} onChange={(body) => update(chosen.id, body)} /> : null}
      {chosen && !plan ? <p className="muted">Reading the bank…</p> : null}
      {chosen && plan ? (
        <>
          <table className="loop-grid" data-testid="loop-grid">
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Principle</th>
                <th scope="col">Story to tell</th>
                <th scope="col">Backups</th>
              </tr>
            </thead>
            <tbody>
              {plan.slots.map((slot) => {
                const person = chosen.loop.interviewers[slot.interviewer]!;
                const pinned = slot.story?.pinned ?? false;
                return (
                  <tr key={`${slot.interviewer}:${slot.principle}`} data-testid="loop-slot">
                    <th scope="row">
                      {person.name}
                      {person.barRaiser ? <span className="chip">bar raiser</span> : null}
                    </th>
                    <td>{principleById(slot.principle)?.name ?? slot.principle}</td>
                    <td>
                      {slot.story ? (
                        <>
                          <button type="button" className="link-button" onClick={() => props.onOpenStory(slot.story!.id)}>
                            {slot.story.title || 'Untitled story'}
                          </button>{' '}
                          {slot.story.rating ? <span className={`loop-rating rating-${slot.story.rating}`}>{RATING_LABELS[slot.story.rating]}</span> : null}
                          {!readOnly ? (
                            <span className="loop-actions">
                              <button
                                type="button"
                                aria-pressed={pinned}
                                onClick={() => {
                                  const others = chosen.pins.filter((p) => !(p.interviewer === slot.interviewer && p.principle === slot.principle));
                                  const pins = pinned ? others : [...others, { interviewer: slot.interviewer, principle: slot.principle, storyId: slot.story!.id }];
                                  update(chosen.id, { loop: chosen.loop, pins, bans: chosen.bans });
                                }}
                              >
                                {pinned ? 'Pinned' : 'Pin'}
                              </button>
                              <button
                                type="button"
                                onClick={() =>
                                  update(chosen.id, {
                                    loop: chosen.loop,
                                    pins: chosen.pins.filter((p) => p.storyId !== slot.story!.id),
                                    bans: [...chosen.bans, slot.story!.id],
                                  })
                                }
                              >
                                Leave out
                              </button>
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">No story yet</span>
                      )}
                    </td>
                    <td>{slot.backups.map((b) => b.title || 'Untitled story').join('; ') || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {chosen.bans.length > 0 ? (
            <p className="muted">
              {chosen.bans.length} {chosen.bans.length === 1 ? 'story' : 'stories'} left out of this loop.{' '}
              {!readOnly ? (
                <button type="button" className="link-button" onClick={() => update(chosen.id, { loop: chosen.loop, pins: chosen.pins, bans: [] })}>
                  Put them back
                </button>
              ) : null}
            </p>
          ) : null}
          {plan.warnings.length > 0 ? (
            <section aria-label="What to fix" className="loop-warnings">
              <h2>What to fix</h2>
              <ul>
                {plan.warnings.map((w, i) => (
                  <li key={i} data-testid="loop-warning" data-kind={w.kind}>
                    <strong>{chosen.loop.interviewers[w.interviewer]?.name}, {principleById(w.principle)?.name ?? w.principle}:</strong> {w.message}{' '}
                    {/* A missing story's fix is its button: the label would say the same words twice. */}
                    {w.kind === 'no-story' && !readOnly ? null : <span className="muted">{w.fix.label}.</span>}{' '}
                    <FixActions
                      warning={w}
                      readOnly={readOnly}
                      title={titleOf}
                      onOpenStory={props.onOpenStory}
                      onOpenGuide={props.onOpenGuide}
                      onStartStory={props.onStartStory}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {records ? <LoopSheetActions body={chosen} plan={plan} records={records} /> : null}
        </>
      ) : null}
    </div>
  );
}
