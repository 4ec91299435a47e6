import { describe, expect, it } from 'vitest';
import {
  answerVerdict,
  currentSection,
  nextSection,
  pickOne,
  type PracticeRun,
  previousSection,
  READY_SESSION,
  type RehearsalAction,
  rehearsalDone,
  rehearsalReducer,
  type RehearsalSession,
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

describe('a rehearsal on screen', () => {
  const play = (actions: RehearsalAction[], from: RehearsalSession = READY_SESSION): RehearsalSession => actions.reduce(rehearsalReducer, from);
  const fiveSections = (start: number, probes: number): RehearsalAction[] =>
    [1, 2, 3, 4, 5].map((k) => ({ type: 'next', at: start + k * 10_000, probes }));

  it('runs from ready through the five sections, the probes one by one, then the rating and the save', () => {
    let s = play([{ type: 'start', at: 0 }]);
    expect(s.phase).toBe('running');
    s = play(fiveSections(0, 2), s);
    expect(s.phase).toBe('probes');
    expect(s.stoppedAt).toBe(50_000);
    expect(rehearsalSeconds(s.run!, s.stoppedAt!)).toEqual({ situation: 10, task: 10, action: 10, result: 10, reflection: 10 });
    s = play([{ type: 'toggle-notes' }], s);
    expect(s.notesShown).toBe(true);
    // The next probe hides the notes again; after the last one comes the rating.
    s = play([{ type: 'next', at: 60_000, probes: 2 }], s);
    expect([s.probeIndex, s.notesShown, s.phase]).toEqual([1, false, 'probes']);
    s = play([{ type: 'next', at: 70_000, probes: 2 }], s);
    expect(s.phase).toBe('rate');
    expect(s.stoppedAt).toBe(50_000); // the clock stopped with the story, not with the probes
    // A rating out of the scale is not taken; then the save.
    s = play([{ type: 'rate', rating: 9 }], s);
    expect(s.rating).toBeNull();
    s = play([{ type: 'save-failed', message: 'The disk is full.' }, { type: 'rate', rating: 4 }], s);
    expect([s.rating, s.error, s.phase]).toEqual([4, 'The disk is full.', 'rate']);
    s = play([{ type: 'saved' }], s);
    expect([s.phase, s.error]).toEqual(['saved', null]);
  });

  it('goes straight to the rating when the story has no probes, or when the user skips them', () => {
    expect(play([{ type: 'start', at: 0 }, ...fiveSections(0, 0)]).phase).toBe('rate');
    const probing = play([{ type: 'start', at: 0 }, ...fiveSections(0, 3), { type: 'toggle-notes' }, { type: 'skip-to-rating' }]);
    expect([probing.phase, probing.notesShown]).toEqual(['rate', false]);
  });

  it('goes back a section while running, and ignores what does not apply to the phase', () => {
    let s = play([{ type: 'start', at: 0 }, { type: 'next', at: 5_000, probes: 1 }, { type: 'back', at: 8_000 }]);
    expect(s.run!.index).toBe(0);
    expect(rehearsalSeconds(s.run!, 8_000).situation).toBe(5);
    expect(rehearsalSeconds(s.run!, 8_000).task).toBe(3);
    // Before the start, the main key, back, notes, skip, rating and saved change nothing.
    for (const action of [
      { type: 'next', at: 1, probes: 1 },
      { type: 'back', at: 1 },
      { type: 'toggle-notes' },
      { type: 'skip-to-rating' },
      { type: 'rate', rating: 3 },
      { type: 'saved' },
    ] as RehearsalAction[])
      expect(rehearsalReducer(READY_SESSION, action)).toBe(READY_SESSION);
    // Stop drops the run but keeps the choice to hide the text, and a new start keeps it too.
    s = play([{ type: 'toggle-text' }, { type: 'stop' }], s);
    expect([s.phase, s.run, s.showText]).toEqual(['ready', null, false]);
    s = play([{ type: 'start', at: 100 }], s);
    expect([s.phase, s.showText, s.run!.since]).toEqual(['running', false, 100]);
  });
});
