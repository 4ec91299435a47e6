import { describe, expect, it } from 'vitest';
import { applySuppressions, fingerprintOf, staleSuppressions, suppressionFor } from '../../../shared/lint/diagnostics.ts';
import { lintStory, STRONG_STORY, type SectionTexts } from './fixture.ts';

const base: Partial<SectionTexts> = {
  ...STRONG_STORY,
  action: STRONG_STORY.action.replace('I pulled a week', 'It was kind of slow. I pulled a week'),
  result: 'Checkout got better. Everyone was pleased.',
};

function only(ruleId: string, texts: Partial<SectionTexts>) {
  return lintStory(texts, ['customer-obsession'], { only: [ruleId] });
}

describe('suppressions', () => {
  it('a suppressed text finding stays suppressed after edits elsewhere in the story', () => {
    const [hedge] = only('hedging', base);
    expect(hedge).toBeDefined();
    const suppression = suppressionFor(hedge!, 'It really was only slightly slow');
    expect(suppression.reason).toBe('It really was only slightly slow');

    const edited: Partial<SectionTexts> = {
      ...base,
      situation: 'Some new opening words. ' + base.situation,
      action: 'I began on Monday. ' + base.action!.replace('grouped the slow calls', 'sorted the slow calls'),
      reflection: 'A different reflection now. Since then I group slow calls first.',
    };
    const after = lintStory(edited, ['customer-obsession'], { only: ['hedging'], suppressions: [suppression] });
    expect(after).toEqual([]);
    // The same finding is still there without the suppression, at a new offset.
    const unsuppressed = only('hedging', edited);
    expect(unsuppressed).toHaveLength(1);
    expect(unsuppressed[0]!.fingerprint).toBe(hedge!.fingerprint);
    expect(unsuppressed[0]!.start).not.toBe(hedge!.start);
  });

  it('a whole-section finding survives any edit, even inside its own section', () => {
    const [missing] = only('missing-metric', base);
    expect(missing).toBeDefined();
    const rewritten = { ...base, result: 'Customers were calmer after the change. The launch went smoothly.' };
    expect(lintStory(rewritten, [], { only: ['missing-metric'], suppressions: [suppressionFor(missing!)] })).toEqual([]);
  });

  it('suppresses only the one occurrence it names', () => {
    const action = 'It was kind of slow. I rewrote it. It was kind of risky, so I added a flag and tested it.';
    const both = only('hedging', { action });
    expect(both).toHaveLength(2);
    expect(both[0]!.fingerprint).not.toBe(both[1]!.fingerprint);
    const left = lintStory({ action }, [], { only: ['hedging'], suppressions: [suppressionFor(both[1]!)] });
    expect(left.map((d) => d.start)).toEqual([both[0]!.start]);
  });

  it('does not suppress the same words in another section or for another rule', () => {
    const [hedge] = only('hedging', { action: 'It was kind of slow.' });
    const elsewhere = lintStory({ result: 'It was kind of slow.' }, [], { only: ['hedging'], suppressions: [suppressionFor(hedge!)] });
    expect(elsewhere).toHaveLength(1);
    const otherRule = { ...suppressionFor(hedge!), ruleId: 'filler-words' };
    expect(applySuppressions([hedge!], [otherRule])).toEqual([hedge]);
  });

  it('reports suppressions whose finding is gone', () => {
    const [hedge] = only('hedging', { action: 'It was kind of slow.' });
    const suppression = suppressionFor(hedge!);
    const fixed = only('hedging', { action: 'It took nine seconds.' });
    expect(staleSuppressions(fixed, [suppression])).toEqual([suppression]);
    expect(staleSuppressions([hedge!], [suppression])).toEqual([]);
  });

  it('fingerprints ignore case, spacing and surrounding punctuation, and differ by occurrence', () => {
    const a = fingerprintOf('hedging', 'action', { kind: 'text', text: 'Kind  of', occurrence: 0 });
    const b = fingerprintOf('hedging', 'action', { kind: 'text', text: '"kind of",', occurrence: 0 });
    const c = fingerprintOf('hedging', 'action', { kind: 'text', text: 'kind of', occurrence: 1 });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf('x', 'action', { kind: 'section' })).not.toBe(fingerprintOf('x', 'result', { kind: 'section' }));
  });
});
