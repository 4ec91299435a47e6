import type { Diagnostic } from './diagnostics.ts';
import type { DiagnosticSeverity } from './rule-schema.ts';

/**
 * A 0..100 score from the findings. Each rule costs its severity's weight for its first finding and half as much
 * for each further one (at most three counted), so one noisy rule cannot sink a story on its own. Positive signals
 * add a little back. Guarantees:
 *   - no findings (or only positives) scores 100;
 *   - any error caps the score at ERROR_CAP (60), so a story with an error always scores below a clean one;
 *   - any other problem caps it at 99, and adding a problem never raises the score.
 */
export const SCORE_WEIGHTS: Readonly<Record<Exclude<DiagnosticSeverity, 'positive'>, number>> = {
  error: 20,
  warning: 8,
  suggestion: 3,
};
export const ERROR_CAP = 60;
const POSITIVE_BONUS = 2;
const MAX_BONUS = 6;
const COUNTED_PER_RULE = 3;

export function scoreStory(diagnostics: readonly Diagnostic[]): number {
  const perRule = new Map<string, number>();
  let penalty = 0;
  let positives = 0;
  let hasError = false;
  let hasProblem = false;
  for (const d of diagnostics) {
    if (d.severity === 'positive') {
      positives++;
      continue;
    }
    hasProblem = true;
    if (d.severity === 'error') hasError = true;
    const seen = perRule.get(d.ruleId) ?? 0;
    perRule.set(d.ruleId, seen + 1);
    if (seen >= COUNTED_PER_RULE) continue;
    penalty += seen === 0 ? SCORE_WEIGHTS[d.severity] : SCORE_WEIGHTS[d.severity] / 2;
  }
  let score = 100 - penalty + Math.min(MAX_BONUS, positives * POSITIVE_BONUS);
  if (hasProblem) score = Math.min(score, 99);
  if (hasError) score = Math.min(score, ERROR_CAP);
  return Math.max(0, Math.min(100, Math.round(score)));
}

export type ScoreBand = 'strong' | 'promising' | 'needs-work' | 'incomplete';

/** A word for the score, for badges. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 85) return 'strong';
  if (score >= 65) return 'promising';
  if (score > ERROR_CAP - 20) return 'needs-work';
  return 'incomplete';
}
