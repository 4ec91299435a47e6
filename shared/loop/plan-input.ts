import type { Framework } from '../content/principle-schema.ts';
import type { ProbeNoteRecord } from '../domain/mappings.ts';
import { sectionTexts, type Story } from '../domain/story.ts';
import { analyzeStory, type CompiledRubric } from '../lint/engine.ts';
import type { Suppression } from '../lint/diagnostics.ts';
import { judgeStory } from '../lint/verdict.ts';
import { suggestIndexFor } from '../suggest/suggest.ts';
import type { SuggestIndex } from '../suggest/suggest-index.ts';
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

/** One story as the planner sees it: its verdict per mapped principle at `level`, and its prepared probe notes. */
function planStory(record: BankStory, framework: Framework, rubric: CompiledRubric, level: Level, index: SuggestIndex, probesOf: ReadonlyMap<string, readonly string[]>): PlanStory {
  const { story, probeNotes, suppressions } = record;
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
}

function probesByPrinciple(framework: Framework): Map<string, string[]> {
  return new Map(framework.principles.map((p) => [p.id, p.probes.map((probe) => probe.id)]));
}

export function planStories(records: readonly BankStory[], framework: Framework, rubric: CompiledRubric, level: Level): PlanStory[] {
  const index = suggestIndexFor(framework);
  const probesOf = probesByPrinciple(framework);
  return records.map((record) => planStory(record, framework, rubric, level, index, probesOf));
}

/**
 * What a story's reading depends on besides the framework and rubric: its saved version (every save bumps
 * updatedAt), the level, and its probe notes and ignored findings, which are saved apart from the story.
 */
function readingKey({ story, probeNotes, suppressions }: BankStory, level: Level): string {
  const notes = probeNotes.map((n) => `${n.probeId}@${n.updatedAt}:${n.note.trim() === '' ? 0 : 1}`).join(',');
  const ignored = suppressions.map((s) => `${s.ruleId}/${s.section}/${s.fingerprint}`).join(',');
  return `${story.updatedAt}|${level}|${notes}|${ignored}`;
}

/**
 * planStories that remembers each story's reading and reads again only the stories that changed since the last
 * call (or all of them when the level changes). The Loop screen keeps one for the session: reading a 500-story bank
 * takes a few hundred milliseconds, reading the one story just edited takes about one. Framework and rubric are
 * the same on every call (the content the app was built with).
 */
export function createPlanStoryReader(framework: Framework, rubric: CompiledRubric): (records: readonly BankStory[], level: Level) => PlanStory[] {
  const index = suggestIndexFor(framework);
  const probesOf = probesByPrinciple(framework);
  let remembered = new Map<string, { key: string; value: PlanStory }>();
  return (records, level) => {
    const next = new Map<string, { key: string; value: PlanStory }>();
    const out = records.map((record) => {
      const key = readingKey(record, level);
      const hit = remembered.get(record.story.id);
      const value = hit && hit.key === key ? hit.value : planStory(record, framework, rubric, level, index, probesOf);
      next.set(record.story.id, { key, value });
      return value;
    });
    // Only what this call read is kept: deleted stories and other levels are let go.
    remembered = next;
    return out;
  };
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
