import type { Framework } from '../content/principle-schema.ts';
import type { ProbeNoteRecord } from '../domain/mappings.ts';
import { sectionTexts, type Story } from '../domain/story.ts';
import { analyzeStory, type CompiledRubric } from '../lint/engine.ts';
import type { Suppression } from '../lint/diagnostics.ts';
import { judgeStory } from '../lint/verdict.ts';
import { suggestIndexFor } from '../suggest/suggest.ts';
import type { Level } from '../domain/levels.ts';
import type { Loop } from './loop.ts';
import { type LoopPlan, type LoopWarning, type PlanStory, type Rating } from './solve.ts';

/**
 * From the bank to the planner: each story's verdict for each principle it is mapped to, read at the loop's level
 * (shared/lint/verdict.ts), and how many of those principles' follow-up probes it has prepared notes for.
 */
export interface BankStory {
  story: Story;
  probeNotes: readonly ProbeNoteRecord[];
  suppressions: readonly Suppression[];
}

export function planStories(records: readonly BankStory[], framework: Framework, rubric: CompiledRubric, level: Level): PlanStory[] {
  const index = suggestIndexFor(framework);
  const probesOf = new Map(framework.principles.map((p) => [p.id, p.probes.map((probe) => probe.id)]));
  return records.map(({ story, probeNotes, suppressions }) => {
    const principles = story.principles.map((p) => p.id);
    const sections = sectionTexts(story.sections);
    const analysis = analyzeStory({ sections, principles, level }, rubric, { suppressions });
    const verdicts = judgeStory({ sections, title: story.title, principles, level, analysis, rubric, framework, index });
    const ratingOf = new Map(verdicts.map((v) => [v.principle, v.rating]));
    const probeIds = new Set(principles.flatMap((id) => probesOf.get(id) ?? []));
    const prepared = probeNotes.filter((n) => probeIds.has(n.probeId) && n.note.trim() !== '').length;
    return {
      id: story.id,
      title: story.title.trim() || 'Untitled story',
      fits: story.principles.map((p) => ({ principle: p.id, role: p.role, rating: ratingOf.get(p.id) ?? 'no-hire' })),
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
