import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { computeCoverage } from '../../../shared/coverage/coverage.ts';
import { type PracticeRun, pickOne } from '../../../shared/domain/practice.ts';
import { type Story, UNTITLED } from '../../../shared/domain/story.ts';
import type { CoverageStoryRow } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { framework, promptById, promptPrincipleId } from '../content/framework.ts';
import { RecentPractice, StoryPracticeLog } from './PracticeLog.tsx';
import { type PromptMode, PromptChooser } from './PromptChooser.tsx';
import { Rehearsal } from './Rehearsal.tsx';

export interface PracticeViewProps {
  /** The story open in the editor, practised first when the screen opens. */
  initialStoryId: string | null;
  readOnly: boolean;
  onStartStory(principleId: string, promptId: string): void;
  onReadAloud(story: Story): void;
}

function allPromptIds(): string[] {
  return framework().principles.flatMap((p) => p.prompts.map((q) => q.id));
}

/**
 * Practice: pick a question (random, from a principle, or from the bank's gaps), see which story answers it,
 * rehearse that story against the clock and its follow-up probes, and keep the run in the story's log.
 */
export function PracticeView({ initialStoryId, readOnly, onStartStory, onReadAloud }: PracticeViewProps): ReactNode {
  const [rows, setRows] = useState<CoverageStoryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<PromptMode>('random');
  const [principleId, setPrincipleId] = useState<string>(() => framework().principles[0]?.id ?? '');
  const [promptId, setPromptId] = useState<string | null>(null);
  const [storyId, setStoryId] = useState<string | null>(initialStoryId);
  const [story, setStory] = useState<Story | null>(null);
  const [runs, setRuns] = useState<PracticeRun[]>([]);
  const [recent, setRecent] = useState<PracticeRun[]>([]);
  const storySelect = useId();

  useEffect(() => {
    let live = true;
    Promise.all([call('coverage.stories', {}), call('practice.list', { limit: 8 })]).then(
      ([loaded, latest]) => {
        if (!live) return;
        setRows(loaded);
        setRecent(latest);
        // Opened from a story: start with one of the questions it answers.
        const start = loaded.find((row) => row.id === initialStoryId);
        if (start) setPromptId(pickOne(start.prompts, Math.random()));
      },
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
  }, [initialStoryId]);

  useEffect(() => {
    setStory(null);
    setRuns([]);
    if (!storyId) return;
    let live = true;
    Promise.all([call('stories.get', { id: storyId }), call('practice.list', { storyId })]).then(
      ([loaded, log]) => {
        if (!live) return;
        setStory(loaded);
        setRuns(log);
      },
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
  }, [storyId]);

  const report = useMemo(() => (rows ? computeCoverage(rows, framework()) : null), [rows]);
  const answered = useMemo(() => new Set((rows ?? []).flatMap((r) => r.prompts)), [rows]);
  const titles = useMemo(() => new Map((rows ?? []).map((r) => [r.id, r.title])), [rows]);

  /** Stories answering the prompt, then others serving its principle, then the rest. */
  const groups = useMemo(() => {
    const all = rows ?? [];
    if (!promptId) return { answering: [], serving: [], others: all };
    const owner = promptPrincipleId(promptId);
    const answering = all.filter((r) => r.prompts.includes(promptId));
    const serving = all.filter((r) => !answering.includes(r) && r.principles.some((p) => p.id === owner));
    const others = all.filter((r) => !answering.includes(r) && !serving.includes(r));
    return { answering, serving, others };
  }, [rows, promptId]);

  /** A new question: the story that answers it is chosen with it (the current one stays when it fits). */
  const choosePrompt = useCallback(
    (next: string | null) => {
      setPromptId(next);
      if (!next || !rows) return;
      const answering = rows.filter((r) => r.prompts.includes(next));
      if (answering.some((r) => r.id === storyId)) return;
      const owner = promptPrincipleId(next);
      const serving = rows.filter((r) => r.principles.some((p) => p.id === owner));
      setStoryId(answering[0]?.id ?? serving[0]?.id ?? null);
    },
    [rows, storyId],
  );

  const random = useCallback(() => {
    const pool =
      mode === 'gaps'
        ? (report?.uncoveredPrompts ?? []).map((g) => g.promptId)
        : mode === 'principle'
          ? (framework().principles.find((p) => p.id === principleId)?.prompts ?? []).map((q) => q.id)
          : allPromptIds();
    choosePrompt(pickOne(pool, Math.random(), promptId ?? undefined));
  }, [mode, principleId, promptId, report, choosePrompt]);

  if (error) {
    return (
      <div className="practice-view">
        <p className="panel-error" role="alert">
          Practice could not be loaded: {error}
        </p>
      </div>
    );
  }

  const prompt = promptId ? promptById(promptId) : undefined;
  const option = (row: CoverageStoryRow): ReactNode => (
    <option key={row.id} value={row.id}>
      {row.title.trim() || UNTITLED}
    </option>
  );

  return (
    <section className="practice-view" aria-labelledby="practice-heading">
      <header className="screen-header">
        <h1 id="practice-heading">Practice</h1>
        <p className="screen-subtitle">
          Pick a question, tell your story out loud against the clock, then face the follow-up questions.
        </p>
      </header>

      <div className="practice-setup">
        <section className="setup-card" aria-labelledby="question-heading">
          <h2 id="question-heading">The question</h2>
          <PromptChooser
            mode={mode}
            principleId={principleId}
            promptId={promptId}
            gaps={report?.uncoveredPrompts ?? []}
            answered={answered}
            onMode={(next) => {
              setMode(next);
              if (next === 'principle' && promptId) setPrincipleId(promptPrincipleId(promptId));
            }}
            onPrinciple={(id) => {
              setPrincipleId(id);
              choosePrompt(null);
            }}
            onPrompt={choosePrompt}
            onRandom={random}
          />
          {prompt ? (
            <blockquote className="prompt-quote" data-testid="practice-prompt">
              <p>{prompt.prompt.text}</p>
              <footer>{prompt.principle.name}</footer>
            </blockquote>
          ) : (
            <p className="field-note">No question chosen: you can still rehearse a story on its own.</p>
          )}
        </section>

        <section className="setup-card" aria-labelledby="story-heading">
          <h2 id="story-heading">The story</h2>
          {rows && rows.length === 0 ? (
            <p className="panel-empty">Your bank has no story yet. Write one, or add the samples from Settings.</p>
          ) : (
            <div className="field">
              <label htmlFor={storySelect}>Story to tell</label>
              <select id={storySelect} value={storyId ?? ''} onChange={(event) => setStoryId(event.target.value || null)}>
                <option value="">Choose a story…</option>
                {groups.answering.length > 0 ? <optgroup label="Answers this question">{groups.answering.map(option)}</optgroup> : null}
                {groups.serving.length > 0 ? (
                  <optgroup label={`Serves ${prompt?.principle.name ?? 'this principle'}`}>{groups.serving.map(option)}</optgroup>
                ) : null}
                {groups.others.length > 0 ? (
                  <optgroup label={promptId ? 'Other stories' : 'All stories'}>{groups.others.map(option)}</optgroup>
                ) : null}
              </select>
            </div>
          )}
          {promptId && groups.answering.length === 0 && rows ? (
            <div className="gap-note" data-testid="practice-gap">
              <p>No story answers this question yet. Try one that comes close, or write one for it.</p>
              <button
                type="button"
                disabled={readOnly}
                onClick={() => onStartStory(promptPrincipleId(promptId), promptId)}
              >
                Write a story for this question
              </button>
            </div>
          ) : null}
          {story && groups.answering.some((r) => r.id === story.id) ? (
            <p className="field-note">This story is mapped to the question.</p>
          ) : null}
        </section>
      </div>

      {story ? (
        <Rehearsal
          key={`${story.id}:${promptId ?? ''}`}
          story={story}
          promptId={promptId}
          readOnly={readOnly}
          onReadAloud={() => onReadAloud(story)}
          onLogged={(run) => {
            setRuns((list) => [run, ...list]);
            setRecent((list) => [run, ...list].slice(0, 8));
          }}
        />
      ) : null}

      {story ? (
        <StoryPracticeLog
          runs={runs}
          title={story.title}
          onRemove={
            readOnly
              ? undefined
              : (id) =>
                  void call('practice.delete', { id }).then(() => {
                    setRuns((list) => list.filter((r) => r.id !== id));
                    setRecent((list) => list.filter((r) => r.id !== id));
                  }, setErrorFrom(setError))
          }
        />
      ) : null}
      <RecentPractice runs={recent} titles={titles} onChoose={setStoryId} />
    </section>
  );
}

function setErrorFrom(set: (message: string) => void): (reason: unknown) => void {
  return (reason) => set(reason instanceof Error ? reason.message : String(reason));
}
