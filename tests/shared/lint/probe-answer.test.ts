import { describe, expect, it } from 'vitest';
import { loadCompiledRubricSync } from '../../../electron/cli/rubric-files.ts';
import { lintProbeAnswer } from '../../../shared/lint/probe-answer.ts';

const rubric = loadCompiledRubricSync();
const ids = (note: string) => [...new Set(lintProbeAnswer(note, rubric).map((d) => d.ruleId))].sort();

describe('a prepared follow-up answer', () => {
  it('is flagged for "we", hedging, an escalation told as ownership and blame, pointing at the words', () => {
    const note = 'We kind of looked at the numbers and we decided to escalate it to my manager. We passed it to the platform team, who fixed it.';
    expect(ids(note)).toEqual(expect.arrayContaining(['hedging', 'we-overuse']));
    const hedge = lintProbeAnswer(note, rubric).find((d) => d.ruleId === 'hedging')!;
    expect(note.slice(hedge.start, hedge.end)).toBe('kind of');
    // It is an answer, not an Action, and says so.
    expect(lintProbeAnswer(note, rubric).find((d) => d.ruleId === 'we-overuse')!.message).toMatch(/^This answer says 'we'/);
    expect(ids('The other team messed up again, as usual, and I had to clean up after them.')).toContain('blame-others');
  });

  it('says nothing about a clear first-person answer, nor about what only a whole story needs', () => {
    expect(ids('I checked the refund logs for the week before and after. I found 212 duplicates and I wrote the fix myself.')).toEqual([]);
    // No metric, no Situation, two lines: fine for a follow-up answer.
    expect(ids('I told the director the same day. I offered two dates and I wrote the new plan.')).toEqual([]);
    expect(lintProbeAnswer('   ', rubric)).toEqual([]);
  });

  it('reads telling someone and then acting as keeping the problem, and a fix by others as handing it off', () => {
    expect(ids('I told the director the launch would slip a week and I offered two options with their costs.')).toEqual([]);
    expect(ids('I told my manager the launch would slip and I offered a plan to cut scope.')).toEqual([]);
    expect(ids('I told my manager and the platform team fixed it.')).toContain('escalation-not-ownership');
    expect(ids('I escalated it to my manager and she fixed it.')).toContain('escalation-not-ownership');
    expect(ids('I escalated it to my manager, and I waited for a fix.')).toContain('escalation-not-ownership');
  });
});
