import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../../shared/domain/sections.ts';
import { lint } from '../../../shared/lint/engine.ts';
import { rubric, rules, sections } from './fixture.ts';

/**
 * Every rule carries examples that must trigger it and examples that must not. This runs them all, each against
 * its own rule only, and checks the `flagged` text where an example names it.
 */
describe('embedded rule examples', () => {
  it('the rubric ships every required rule id', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const id of [
      'missing-section',
      'missing-metric',
      'we-overuse',
      'no-scope-boundary',
      'escalation-not-ownership',
      'vague-result',
      'situation-too-long',
      'generic-reflection',
      'no-customer-impact',
      'section-over-target',
      'answer-too-long',
      'hedging',
      'passive-action',
      'thin-action',
      'ownership-signal',
      'disagree-commit-no-disagreement',
      'disagree-commit-no-commitment',
      'bias-for-action-no-risk',
      'dive-deep-no-investigation',
      'ownership-no-boundary',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      rule.examples.trigger.forEach((example, i) => {
        it(`triggers on example ${i + 1}${example.note ? ` (${example.note})` : ''}`, () => {
          const texts = sections(example.sections);
          const found = lint({ sections: texts, principles: example.principles ?? [] }, rubric, { only: [rule.id] });
          expect(found.length, JSON.stringify(example.sections)).toBeGreaterThan(0);
          for (const d of found) {
            expect(d.ruleId).toBe(rule.id);
            expect(SECTION_IDS).toContain(d.section);
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeGreaterThanOrEqual(d.start);
            expect(d.end).toBeLessThanOrEqual(texts[d.section].length);
            expect(d.severity).toBe(rule.kind === 'signal' ? 'positive' : rule.severity);
          }
          if (example.flagged) {
            expect(found.map((d) => texts[d.section].slice(d.start, d.end))).toContain(example.flagged);
          }
        });
      });
      rule.examples.pass.forEach((example, i) => {
        it(`stays quiet on example ${i + 1}${example.note ? ` (${example.note})` : ''}`, () => {
          const found = lint({ sections: sections(example.sections), principles: example.principles ?? [] }, rubric, { only: [rule.id] });
          expect(found, JSON.stringify(example.sections)).toEqual([]);
        });
      });
    });
  }

  it('principle-aware rules carry a trigger example mapped to their principle', () => {
    for (const rule of rules.filter((r) => r.principles)) {
      for (const example of rule.examples.trigger) {
        expect(example.principles?.some((p) => rule.principles!.includes(p)), rule.id).toBe(true);
      }
    }
  });
});
