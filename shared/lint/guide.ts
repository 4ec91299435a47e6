import { findPrinciple } from '../content/load.ts';
import type { Framework, Principle } from '../content/principle-schema.ts';
import type { Level } from '../domain/levels.ts';
import type { SectionId } from '../domain/sections.ts';
import type { Diagnostic } from './diagnostics.ts';
import { compileLookFors, type LookForMatcher, type LookForResult } from './look-fors.ts';

/**
 * The principle guide beside the editor: for one principle a story is mapped to, what content/principles/<id>.json
 * says interviewers want, read against this story.
 *
 * - Look-fors are ticked by their cues (look-fors.ts), with the words that ticked them. A tick means the story
 *   touches the topic, not that it shows it well; the verdict is the judgement, the guide is the checklist.
 * - Pitfalls are marked as fallen into only through the rubric: pitfallRules[i] names the rules whose finding
 *   means pitfalls[i], so the guide claims no more than the calibrated rules do. A pitfall no rule can tell is
 *   listed for the writer to check.
 * - Emphasize and downplay are shown for a principle the story is angled to as a secondary one: the same story told
 *   for that principle needs different weight.
 * - The expectation is the principle's text for the chosen level.
 */

export interface GuidePitfall {
  text: string;
  /** The first finding (in the order the linter gives) of one of the pitfall's rules, or null. */
  finding: Pick<Diagnostic, 'ruleId' | 'section' | 'start' | 'end'> | null;
  /** False when no rule can tell this pitfall: the writer has to judge it. */
  detectable: boolean;
}

export interface PrincipleGuide {
  principle: string;
  principleName: string;
  summary: string;
  level: Level;
  /** What interviewers expect of this principle at `level`; null when the content has no text for it. */
  expectation: string | null;
  lookFors: LookForResult[];
  pitfalls: GuidePitfall[];
  /** For a secondary principle: what to bring forward and what to cut when telling the story for it. */
  angle: { emphasize: string[]; downplay: string[] } | null;
}

export interface GuideInput {
  sections: Readonly<Record<SectionId, string>>;
  /** The story's principles in its order, with their role. */
  principles: readonly { id: string; role: 'primary' | 'secondary' }[];
  level: Level;
  /** The story's findings (after suppressions): an ignored finding does not mark its pitfall. */
  diagnostics: readonly Diagnostic[];
  framework: Framework;
}

const matchers = new WeakMap<Principle, LookForMatcher>();

/** A principle's look-for matcher, compiled once per loaded principle. */
function matcherFor(principle: Principle): LookForMatcher {
  let matcher = matchers.get(principle);
  if (matcher === undefined) {
    matcher = compileLookFors(principle);
    matchers.set(principle, matcher);
  }
  return matcher;
}

/** One guide per mapped principle the content knows, in the story's order. */
export function storyGuide(input: GuideInput): PrincipleGuide[] {
  const guides: PrincipleGuide[] = [];
  for (const mapping of input.principles) {
    const principle = findPrinciple(input.framework, mapping.id);
    if (principle === undefined) continue;
    guides.push(principleGuide(principle, mapping.role === 'secondary', input));
  }
  return guides;
}

export function principleGuide(
  principle: Principle,
  secondary: boolean,
  input: Pick<GuideInput, 'sections' | 'level' | 'diagnostics'>,
): PrincipleGuide {
  const firstByRule = new Map<string, Diagnostic>();
  for (const d of input.diagnostics) {
    if (d.severity === 'positive' || firstByRule.has(d.ruleId)) continue;
    firstByRule.set(d.ruleId, d);
  }
  const pitfalls = principle.pitfalls.map((text, i): GuidePitfall => {
    const rules = principle.pitfallRules[i] ?? [];
    let finding: Diagnostic | undefined;
    for (const rule of rules) {
      finding = firstByRule.get(rule);
      if (finding !== undefined) break;
    }
    return {
      text,
      finding: finding === undefined ? null : { ruleId: finding.ruleId, section: finding.section, start: finding.start, end: finding.end },
      detectable: rules.length > 0,
    };
  });
  return {
    principle: principle.id,
    principleName: principle.name,
    summary: principle.summary,
    level: input.level,
    expectation: principle.levels[input.level] ?? null,
    lookFors: matcherFor(principle)(input.sections),
    pitfalls,
    angle: secondary ? { emphasize: [...principle.emphasize], downplay: [...principle.downplay] } : null,
  };
}
