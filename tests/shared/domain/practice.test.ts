import { describe, expect, it } from 'vitest';
import {
  answerVerdict,
  currentSection,
  nextSection,
  pickOne,
  type PracticeRun,
  previousSection,
  rehearsalDone,
  rehearsalSeconds,
  sectionVerdict,
  startRehearsal,
  summarizeRuns,
  totalSeconds,
} from '../../../shared/domain/practice.ts';

describe('a rehearsal', () => {
  it('times each section from one key press to the next', () => {
    let run = startRehearsal(1_000);
    expect(currentSection(run)).toBe('situation');
    run = nextSection(run, 31_000);
    expect(currentSection(run)).toBe('task');
    expect(rehearsalSeconds(run, 36_000)).toMatchObject({ situation: 30, task: 5, action: 0 });
    run = nextSection(run, 51_000);
    run = nextSection(run, 141_000);
    run = nextSection(run, 161_000);
    expect(rehearsalDone(run)).toBe(false);
    run = nextSection(run, 171_000);
    expect(rehearsalDone(run)).toBe(true);
    expect(currentSection(run)).toBeNull();
    // Once done the clock no longer runs.
    const seconds = rehearsalSeconds(run, 999_000);
    expect(seconds).toEqual({ situation: 30, task: 20, action: 90, result: 20, reflection: 10 });
    expect(totalSeconds(seconds)).toBe(170);
    expect(nextSection(run, 1_000_000)).toBe(run);
  });

  it('goes back to the previous section and keeps adding to its time', () => {
    let run = startRehearsal(0);
    run = nextSection(run, 10_000);
    run = previousSection(run, 14_000);
    expect(currentSection(run)).toBe('situation');
    expect(rehearsalSeconds(run, 20_000)).toMatchObject({ situation: 16, task: 4 });
    expect(previousSection(run, 21_000).index).toBe(0);
  });
});

describe('verdicts and summaries', () => {
  it('judges sections against their targets and answers against two to three minutes', () => {
    expect(sectionVerdict('action', 90)).toBe('ok');
    expect(sectionVerdict('action', 113)).toBe('long');
    expect(sectionVerdict('action', 40)).toBe('short');
    expect(answerVerdict(119)).toBe('short');
    expect(answerVerdict(150)).toBe('ok');
    expect(answerVerdict(181)).toBe('long');
  });

  it('summarizes the latest five runs', () => {
    const run = (id: number, totalSeconds: number, rating: number): PracticeRun => ({
      id,
      storyId: 'story-1234',
      promptId: null,
      practicedAt: 1_000 * (10 - id),
      sections: { situation: 0, task: 0, action: totalSeconds, result: 0, reflection: 0 },
      totalSeconds,
      rating,
    });
    const runs = [run(1, 150, 5), run(2, 200, 3), run(3, 130, 4), run(4, 100, 2), run(5, 160, 4), run(6, 90, 1)];
    const summary = summarizeRuns(runs);
    expect(summary).toEqual({ runs: 6, lastAt: 9_000, recentRating: 3.6, recentSeconds: 148, inWindow: 3 });
    expect(summarizeRuns([])).toEqual({ runs: 0, lastAt: null, recentRating: null, recentSeconds: null, inWindow: 0 });
  });

  it('picks one item, avoiding the last pick when there is another', () => {
    expect(pickOne(['a', 'b', 'c'], 0)).toBe('a');
    expect(pickOne(['a', 'b', 'c'], 0.99)).toBe('c');
    expect(pickOne(['a', 'b', 'c'], 0, 'a')).toBe('b');
    expect(pickOne(['a'], 0.5, 'a')).toBe('a');
    expect(pickOne([], 0.5)).toBeNull();
  });
});
