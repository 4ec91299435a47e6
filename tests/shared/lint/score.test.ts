import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../../shared/domain/sections.ts';
import type { Diagnostic } from '../../../shared/lint/diagnostics.ts';
import { analyzeStory } from '../../../shared/lint/engine.ts';
import { ERROR_CAP, scoreBand, scoreStory } from '../../../shared/lint/score.ts';
import { rubric, STRONG_STORY } from './fixture.ts';

const finding = (ruleId: string, severity: Diagnostic['severity']): Diagnostic => ({
  ruleId,
  section: 'action',
  severity,
  message: 'm',
  suggestion: 's',
  start: 0,
  end: 0,
  fingerprint: ruleId,
});

const arbitraryFindings = fc.array(
  fc.record({
    ruleId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    severity: fc.constantFrom<Diagnostic['severity']>('error', 'warning', 'suggestion', 'positive'),
  }),
  { maxLength: 40 },
);

describe('scoreStory', () => {
  it('a story with no findings scores 100, and the shipped strong story too', () => {
    expect(scoreStory([])).toBe(100);
    const analysis = analyzeStory({ sections: STRONG_STORY, principles: ['customer-obsession'] }, rubric);
    expect(analysis.score).toBe(100);
  });

  it('any story with an error scores below any story without errors or warnings', () => {
    fc.assert(
      fc.property(arbitraryFindings, arbitraryFindings, (a, b) => {
        const withError = [...a.map((f) => finding(f.ruleId, f.severity)), finding('x', 'error')];
        const clean = b.filter((f) => f.severity === 'positive' || f.severity === 'suggestion').slice(0, 3).map((f) => finding(f.ruleId, f.severity));
        expect(scoreStory(withError)).toBeLessThanOrEqual(ERROR_CAP);
        expect(scoreStory(withError)).toBeLessThan(scoreStory(clean));
        expect(scoreStory(withError)).toBeLessThan(scoreStory([]));
      }),
    );
  });

  it('orders severities and stays within 0..100', () => {
    expect(scoreStory([finding('a', 'suggestion')])).toBeGreaterThan(scoreStory([finding('a', 'warning')]));
    expect(scoreStory([finding('a', 'warning')])).toBeGreaterThan(scoreStory([finding('a', 'error')]));
    expect(scoreStory([finding('a', 'warning')])).toBeLessThan(100);
    fc.assert(
      fc.property(arbitraryFindings, (list) => {
        const s = scoreStory(list.map((f) => finding(f.ruleId, f.severity)));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
        expect(Number.isInteger(s)).toBe(true);
      }),
    );
  });

  it('adding a problem never raises the score', () => {
    fc.assert(
      fc.property(arbitraryFindings, fc.constantFrom<Diagnostic['severity']>('error', 'warning', 'suggestion'), (list, severity) => {
        const before = list.map((f) => finding(f.ruleId, f.severity));
        expect(scoreStory([...before, finding('new-rule', severity)])).toBeLessThanOrEqual(scoreStory(before));
      }),
    );
  });

  it('a story missing its sections scores worst-band', () => {
    const empty = Object.fromEntries(SECTION_IDS.map((s) => [s, ''])) as Record<(typeof SECTION_IDS)[number], string>;
    const analysis = analyzeStory({ sections: { ...empty, situation: 'We had an outage.' }, principles: [] }, rubric);
    expect(analysis.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(analysis.score).toBeLessThanOrEqual(ERROR_CAP);
    expect(scoreBand(analysis.score)).not.toBe('strong');
  });
});
