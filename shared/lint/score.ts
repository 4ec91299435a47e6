import type { Level } from '../domain/levels.ts';
import type { Diagnostic } from './diagnostics.ts';
import { DEFAULT_WEIGHED, weigh, type Weighed, type Weighing } from './weighing.ts';

/**
 * A 0..100 score from the findings, weighed as the verdict weighs them (weighing.ts): what each rule is about and
 * the story's level decide what a finding costs; a rule's second and third findings cost half, later ones nothing.
 * Positive signals add a little back. Guarantees:
 *   - no findings (or only positives) scores 100;
 *   - any error caps the score at ERROR_CAP (60), so a story with an error always scores below a clean one;
 *   - any other problem caps it at 99, and adding a problem never raises the score.
 */
export const ERROR_CAP = 60;
const POSITIVE_BONUS = 2;
const MAX_BONUS = 6;

export interface ScoreOptions {
  /** What each rule weighs (default: every rule as 'structure', i.e. by its severity alone). */
  partOf?: (ruleId: string) => Weighed;
  level?: Level | undefined;
}

export function scoreStory(diagnostics: readonly Diagnostic[], options: ScoreOptions = {}): number {
  return scoreFromWeighing(weigh(diagnostics, options.partOf ?? (() => DEFAULT_WEIGHED), options.level));
}

/** The score of a weighing already made (the verdict reuses the story's). */
export function scoreFromWeighing(weighing: Weighing): number {
  let score = 100 - weighing.cost + Math.min(MAX_BONUS, weighing.strengths.length * POSITIVE_BONUS);
  if (weighing.problems.length > 0) score = Math.min(score, 99);
  if (weighing.hasError) score = Math.min(score, ERROR_CAP);
  return Math.max(0, Math.min(100, Math.round(score)));
}

export type ScoreBand = 'strong' | 'promising' | 'needs-work' | 'incomplete';

/**
 * A word for the score, for badges. One warning about ownership or impact costs about 16 points, so "strong" is
 * kept for stories with at most a few style notes, where the verdict reads Hire or better.
 */
export function scoreBand(score: number): ScoreBand {
  if (score >= 95) return 'strong';
  if (score >= 75) return 'promising';
  if (score > ERROR_CAP - 20) return 'needs-work';
  return 'incomplete';
}
