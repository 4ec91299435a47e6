import type { Diagnostic } from './diagnostics.ts';
import { lint, type CompiledRubric } from './engine.ts';

/**
 * A prepared answer to a follow-up probe is spoken like an Action: an interviewer hears "we", a hedge, an
 * escalation told as ownership or blame in it just as they would in the story. So a note is linted as the Action
 * of a story, with the rules that make sense for a few sentences; the ones about a whole story (a missing metric,
 * lengths, sections, the principle's evidence) do not apply to an answer of two lines.
 */
export const PROBE_ANSWER_RULES = ['we-overuse', 'escalation-not-ownership', 'passive-action', 'hedging', 'filler-words', 'blame-others'] as const;

const EMPTY = { situation: '', task: '', result: '', reflection: '' } as const;

/** Findings on one prepared answer; offsets are into the note's text, and messages speak of "this answer". */
export function lintProbeAnswer(note: string, rubric: CompiledRubric): Diagnostic[] {
  if (note.trim() === '') return [];
  return lint({ sections: { ...EMPTY, action: note }, principles: [] }, rubric, { only: PROBE_ANSWER_RULES })
    .filter((d) => d.severity !== 'positive')
    .map((d) => ({ ...d, message: d.message.replace(/\bThe Action\b/g, 'This answer').replace(/\bthe Action\b/g, 'this answer') }));
}
