import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../../shared/lint/engine.ts';
import { firstSentenceOf, keyMetric } from '../../../shared/prep-sheet/index.ts';
import { rubric } from './fixture.ts';

describe('the key metric of a story', () => {
  it('is the first Result sentence that states a quantity, not simply the first sentence', () => {
    expect(keyMetric('The launch went fine. Errors fell by 40% in a week. Costs dropped by $2M.', rubric)).toBe('Errors fell by 40% in a week.');
  });

  it('counts what the rubric counts: numbers in words, but not dates or versions', () => {
    expect(keyMetric('We shipped it in 2021. Throughput doubled after the change.', rubric)).toBe('Throughput doubled after the change.');
    expect(keyMetric('It went live on March 3. We moved to Python 3.', rubric)).toBeNull();
  });

  it('puts the sentence on one line, and is null for an empty Result', () => {
    expect(keyMetric('Build time fell   from 40 minutes\tto 9.', rubric)).toBe('Build time fell from 40 minutes to 9.');
    expect(keyMetric('   ', rubric)).toBeNull();
  });

  it('falls back to "a sentence with a digit" with a rubric that has no metric rule', () => {
    const bare = compileRubric(rubric.rules.filter((r) => r.id !== 'missing-metric'));
    expect(keyMetric('We cut it by half. Then 3 teams adopted it.', bare)).toBe('Then 3 teams adopted it.');
  });
});

describe('the first sentence of a section', () => {
  it('ends at the first full stop, question or exclamation mark followed by a space', () => {
    expect(firstSentenceOf('It was 3.5 times faster. Then more.')).toBe('It was 3.5 times faster.');
    expect(firstSentenceOf('No stop at all')).toBe('No stop at all');
    expect(firstSentenceOf('')).toBe('');
  });
});
