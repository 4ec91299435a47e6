import type { Framework } from '../content/principle-schema.ts';
import type { ProbeNoteRecord } from '../domain/mappings.ts';
import { sectionTexts, type Story } from '../domain/story.ts';
import { analyzeStory, type CompiledRubric } from '../lint/engine.ts';
import type { Suppression } from '../lint/diagnostics.ts';
import { scoreBand } from '../lint/score.ts';
import type { Loop } from './loop.ts';
import { type LoopPlan, type LoopWarning, type PlanStory, type Rating } from './solve.ts';

/**
 * From the bank to the planner: each story's rating for each principle it is mapped to, and how many of those
 * principles' follow-up probes it has prepared notes for.
 *
 * Until the coaching verdict (issue 14) rates a story per principle and level, the rating comes from the story's
 * rubric score, the same for each of its principles, through the score's own bands (shared/lint/score.ts): a
 * "strong" story is a Hire, and Strong Hire above 92; "promising" is Lean Hire; "needs work" Lean No Hire;
 * "incomplete" (an error left) No Hire. When the verdict lands it replaces ratingFromScore and nothing else changes.
 */
export function ratingFromScore(score: number): Rating {
  const band = scoreBand(score);
  if (band === 'strong') return score >= 92 ? 'strong-hire' : 'hire';
  if (band === 'promising') return 'lean-hire';
  return band === 'needs-work' ? 'lean-no-hire' : 'no-hire';
}

export interface BankStory {
  story: Story;
  probeNotes: readonly ProbeNoteRecord[];
  suppressions: readonly Suppression[];
}

export function planStories(records: readonly BankStory[], framework: Framework, rubric: CompiledRubric): PlanStory[] {
  const probesOf = new Map(framework.principles.map((p) => [p.id, p.probes.map((probe) => probe.id)]));
  return records.map(({ story, probeNotes, suppressions }) => {
    const principles = story.principles.map((p) => p.id);
    const { score } = analyzeStory({ sections: sectionTexts(story.sections), principles, level: story.level ?? undefined }, rubric, { suppressions });
    const rating = ratingFromScore(score);
    const probeIds = new Set(principles.flatMap((id) => probesOf.get(id) ?? []));
    const prepared = probeNotes.filter((n) => probeIds.has(n.probeId) && n.note.trim() !== '').length;
    return {
      id: story.id,
      title: story.title.trim() || 'Untitled story',
      fits: story.principles.map((p) => ({ principle: p.id, role: p.role, rating })),
      probes: { total: probeIds.size, prepared },
    };
  });
}

/** The plan as `story-bank plan --json` prints it: slots in the loop's order, interviewers by name. */
export interface PlanJson {
  loop: { name: string; level: Loop['level'] };
  slots: Array<{
    interviewer: string;
    principle: string;
    story: { id: string; title: string; rating: Rating | null; pinned: boolean } | null;
    backups: Array<{ id: string; title: string; rating: Rating | null }>;
  }>;
  warnings: Array<{ kind: LoopWarning['kind']; interviewer: string; principle: string; storyId: string | null; message: string; fix: string }>;
}

export function planJson(loop: Loop, plan: LoopPlan): PlanJson {
  const nameOf = (index: number): string => loop.interviewers[index]?.name ?? `interviewer ${index + 1}`;
  return {
    loop: { name: loop.name, level: loop.level },
    slots: plan.slots.map((slot) => ({
      interviewer: nameOf(slot.interviewer),
      principle: slot.principle,
      story: slot.story ? { id: slot.story.id, title: slot.story.title, rating: slot.story.rating, pinned: slot.story.pinned } : null,
      backups: slot.backups.map((b) => ({ id: b.id, title: b.title, rating: b.rating })),
    })),
    warnings: plan.warnings.map((w) => ({
      kind: w.kind,
      interviewer: nameOf(w.interviewer),
      principle: w.principle,
      storyId: w.storyId,
      message: w.message,
      fix: w.fix.label,
    })),
  };
}
