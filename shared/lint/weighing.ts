import type { Level } from '../domain/levels.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Severity } from './rule-schema.ts';

/**
 * What a finding weighs, the way a bar raiser weighs it. Each rule says which part of the answer it is about
 * (`weighs` in content/rubric); those parts cost differently, and some cost more as the level rises. The story's
 * 0–100 score and the verdict per principle (verdict.ts) both come from this one weighing, so they agree.
 *
 *  - ownership: first-person, concrete steps; an escalation told as ownership; blame. The interviewer is hiring you.
 *  - impact: a measured result.
 *  - principle: the evidence a principle asks for (a customer, a disagreement, a risk taken...).
 *  - scope: where your part ended. Matters more with seniority.
 *  - reflection: what you would change; at Senior and above a technical lesson alone is thin.
 *  - structure: length and shape (an over-long Situation, a missing section).
 *  - style: hedging, filler. Worth fixing; seldom what decides. (Passive voice in the Action weighs as ownership:
 *    it hides who acted.)
 */
export const WEIGHED = ['ownership', 'impact', 'principle', 'scope', 'reflection', 'structure', 'style'] as const;
export type Weighed = (typeof WEIGHED)[number];

/** Points one warning about each part costs, out of 100. */
const BASE_COST: Readonly<Record<Weighed, number>> = {
  ownership: 16,
  impact: 16,
  principle: 14,
  scope: 9,
  reflection: 9,
  structure: 9,
  style: 2.5,
};

const SEVERITY_FACTOR: Readonly<Record<Severity, number>> = { error: 1.5, warning: 1, suggestion: 0.4 };

/**
 * How much more (or less) each part weighs at a level; 1 where not listed. SDE2 is the baseline, so a story with
 * no level is weighed as an SDE2 story (the verdict's default level) everywhere its score is shown.
 */
const LEVEL_FACTOR: Readonly<Record<Level, Partial<Record<Weighed, number>>>> = {
  SDE1: { scope: 0.6, reflection: 0.6 },
  SDE2: {},
  Senior: { scope: 1.25, reflection: 1.25 },
  Principal: { scope: 1.5, reflection: 1.5, structure: 1.2 },
  Manager: { scope: 1.25, reflection: 1.25, ownership: 1.1 },
};

/** A rule without a `weighs` (a user's own rule): as much as its severity says, nothing more. */
export const DEFAULT_WEIGHED: Weighed = 'structure';

/** Findings of one rule past this many add nothing more: one noisy rule cannot sink a story alone. */
const COUNTED_PER_RULE = 3;

/** Points a problem about `part` costs at `level`, before repeats are discounted. */
export function costOf(part: Weighed, severity: Severity, level: Level | undefined): number {
  const factor = level ? (LEVEL_FACTOR[level][part] ?? 1) : 1;
  return BASE_COST[part] * SEVERITY_FACTOR[severity] * factor;
}

export interface WeighedFinding {
  diagnostic: Diagnostic;
  part: Weighed;
  /** What it costs here: full for a rule's first finding, half for its second and third, then nothing. */
  cost: number;
}

export interface Weighing {
  /** The problems, most costly first (ties in story order). */
  problems: WeighedFinding[];
  /** Positive findings (strengths the rubric recognises), in story order. */
  strengths: Diagnostic[];
  /** Total points lost. */
  cost: number;
  hasError: boolean;
}

/** Weighs findings at a level. `partOf` says what each rule weighs (from the rubric). */
export function weigh(diagnostics: readonly Diagnostic[], partOf: (ruleId: string) => Weighed, level: Level | undefined): Weighing {
  const perRule = new Map<string, number>();
  const problems: WeighedFinding[] = [];
  const strengths: Diagnostic[] = [];
  let cost = 0;
  let hasError = false;
  for (const d of diagnostics) {
    if (d.severity === 'positive') {
      strengths.push(d);
      continue;
    }
    if (d.severity === 'error') hasError = true;
    // A hedge or filler in the Result is not style: it makes the figure sound unsure, so it weighs as impact.
    const declared = partOf(d.ruleId);
    const part = declared === 'style' && d.section === 'result' ? 'impact' : declared;
    // Repeats are counted per rule and part, so hedges early on do not use up the count of those in the Result.
    const key = `${d.ruleId}\u0000${part}`;
    const seen = perRule.get(key) ?? 0;
    perRule.set(key, seen + 1);
    const full = costOf(part, d.severity, level);
    const here = seen === 0 ? full : seen < COUNTED_PER_RULE ? full / 2 : 0;
    cost += here;
    problems.push({ diagnostic: d, part, cost: here });
  }
  problems.sort((a, b) => b.cost - a.cost);
  return { problems, strengths, cost, hasError };
}
