import { loadFramework } from '../../electron/cli/content-files.ts';
import { loadCompiledRubric } from '../../electron/cli/rubric-files.ts';
import { PRINCIPLE_IDS, type PrincipleId } from '../../shared/domain/principles.ts';
import type { Story } from '../../shared/domain/story.ts';
import type { Loop } from '../../shared/loop/loop.ts';
import { createPlanStoryReader, planStories } from '../../shared/loop/plan-input.ts';
import { planLoop } from '../../shared/loop/solve.ts';
import { makeDraft, rng } from './corpus.ts';

/**
 * Loop planner benchmark: a loop of 6 interviewers with 3 principles each over a bank of 500 stories, each mapped to
 * one to three principles. Three figures: the plan itself (planLoop, the exact assignment with its pins-free solve);
 * reading the bank for it (planStories: every story's verdict for each of its principles at the loop's level), which
 * the Loop screen does on its first visit, not per re-plan; and a later visit after one story was edited, when the
 * screen's reader (createPlanStoryReader) reads only that story again.
 */
export interface LoopFigures {
  stories: number;
  slots: number;
  planMedianMs: number;
  planP95Ms: number;
  readBankMs: number;
  /** The Loop screen's visit after one story was edited: the kept readings, one story read again. */
  rereadOneMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function runLoopBench(storyCount = 500, rounds = 40): Promise<LoopFigures> {
  const random = rng(20261207);
  const stories: Story[] = Array.from({ length: storyCount }, (_, i) => {
    const draft = makeDraft(random, i, 300);
    const extra = Math.floor(random() * 3);
    const ids = new Set<PrincipleId>([draft.principles[0]!.id]);
    while (ids.size < 1 + extra) ids.add(PRINCIPLE_IDS[Math.floor(random() * PRINCIPLE_IDS.length)]!);
    const principles = [...ids].map((id, k) => ({ id, role: k === 0 ? ('primary' as const) : ('secondary' as const) }));
    return { ...draft, principles, id: `bench-story-${i}`, createdAt: i, updatedAt: i, deletedAt: null };
  });
  const shuffled = [...PRINCIPLE_IDS].sort(() => random() - 0.5);
  const loop: Loop = {
    name: 'Bench onsite',
    date: null,
    level: 'Senior',
    framework: 'amazon-lp',
    interviewers: Array.from({ length: 6 }, (_, i) => ({
      name: `Interviewer ${i + 1}`,
      principles: [0, 1, 2].map((k) => shuffled[(i * 3 + k) % shuffled.length]!),
      barRaiser: i === 5,
      shareStories: false,
    })),
  };
  const framework = loadFramework();
  const rubric = await loadCompiledRubric();
  const records = stories.map((story) => ({ story, probeNotes: [], suppressions: [] }));
  const t0 = performance.now();
  const planned = planStories(records, framework, rubric, loop.level);
  const readBankMs = performance.now() - t0;
  const reader = createPlanStoryReader(framework, rubric);
  reader(records, loop.level);
  const edited = records.map((r, i) => (i === 7 ? { ...r, story: { ...r.story, updatedAt: r.story.updatedAt + 1 } } : r));
  const t1 = performance.now();
  reader(edited, loop.level);
  const rereadOneMs = performance.now() - t1;

  planLoop(loop, planned); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    planLoop(loop, planned);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { stories: storyCount, slots: 18, planMedianMs: percentile(times, 0.5), planP95Ms: percentile(times, 0.95), readBankMs, rereadOneMs };
}
