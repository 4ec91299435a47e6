import { describe, expect, it } from 'vitest';
import { findingsOf, flagged, lintStory } from './fixture.ts';

/** missing-metric: which Results count as quantified. */
const hasMetric = (result: string) => findingsOf('missing-metric', { result }).length === 0;

describe('metric detection', () => {
  it.each([
    ['Errors fell by 40% in a week.', 'percentage'],
    ['Errors fell by 40 percent.', 'percent in words'],
    ['We saved $120k a year.', 'money'],
    ['It saved £40,000 in licences.', 'money with a comma'],
    ['p99 latency dropped from 800ms to 120ms.', 'units glued to numbers'],
    ['Throughput grew 3x.', 'multiplier'],
    ['It took 3 days instead of a month.', 'duration'],
    ['We closed 2,300 tickets.', 'count with a comma'],
    ['Timeouts went from 6% to 0.5%.', 'before and after'],
    ['Latency went 900 → 250.', 'arrow before and after'],
    ['Uptime reached 99.95%.', 'decimal'],
    ['The queue shrank by 10-15 minutes a day.', 'range'],
    ['Errors dropped by 1/3.', 'fraction with digits'],
  ])('counts digits: %s (%s)', (result) => {
    expect(hasMetric(result)).toBe(true);
  });

  it.each([
    ['We cut it by half.', 'half'],
    ['Three teams adopted the library.', 'count in words'],
    ['The queue went from twelve days to two.', 'before and after in words'],
    ['Throughput doubled.', 'doubled'],
    ['Refunds fell by a third.', 'a fraction'],
    ['Onboarding went from a week to a day.', 'durations with an article'],
    ['We restored service within an hour.', 'within an hour'],
    ['Zero incidents followed.', 'zero'],
    ['Thousands of sellers moved to the new flow.', 'order of magnitude'],
    ['It took one week.', '"one" before a unit'],
    ['Two thirds of the fleet moved.', 'two thirds'],
  ])('counts numbers in words: %s (%s)', (result) => {
    expect(hasMetric(result)).toBe(true);
  });

  it.each([
    ['We shipped it in 2021.', 'a bare year'],
    ['It went live on March 3.', 'month and day'],
    ['It went live on 3 March 2023.', 'day, month, year'],
    ['It launched on 3/14/2023.', 'numeric date'],
    ['It launched on 2023-03-14.', 'ISO date'],
    ['The SEV-2 closed in Q3.', 'labels'],
    ['Version 2 replaced the scripts in FY23.', 'version and fiscal year'],
    ['We moved to Python 3.', 'product version'],
    ['The pager went off at 3 pm and again at 5 a.m.', 'clock times'],
    ['The third release went out in the 1990s style.', 'ordinals and decades'],
    ['One of the engineers was happy.', '"one of"'],
    ['We now run it 24/7.', '24/7'],
    ['It was a two-way door, so we moved fast.', 'two-way door'],
    ['The team was proud of it.', 'no number at all'],
  ])('does not count dates, labels or non-numbers: %s (%s)', (result) => {
    expect(hasMetric(result)).toBe(false);
  });

  it('a year next to a real count is still a metric', () => {
    expect(hasMetric('In 2021 the migration moved 1,200 accounts.')).toBe(true);
  });

  it('points at the first sentence of the Result', () => {
    const result = 'It went well. Everyone was pleased.';
    const found = findingsOf('missing-metric', { result });
    expect(flagged(found, { result })).toEqual(['It went well.']);
    expect(found[0]!.severity).toBe('error');
  });

  it('says nothing about an empty Result (missing-section does)', () => {
    expect(findingsOf('missing-metric', { result: '' })).toEqual([]);
    expect(lintStory({ result: '' }, [], { only: ['missing-section'] }).map((d) => d.section)).toContain('result');
  });
});

describe('vague-result', () => {
  it('flags a feeling in a sentence without a number, not one beside a number', () => {
    const result = 'The team was happy. Errors fell by 40%, and the team was happy with that.';
    const found = findingsOf('vague-result', { result });
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(result.indexOf('was happy'));
  });
});
