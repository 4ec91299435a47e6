import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../electron/cli/content-files.ts';
import { loadCompiledRubricSync } from '../../../electron/cli/rubric-files.ts';
import type { Level } from '../../../shared/domain/levels.ts';
import type { SectionId } from '../../../shared/domain/sections.ts';
import { sectionTexts } from '../../../shared/domain/story.ts';
import { analyzeStory } from '../../../shared/lint/engine.ts';
import { judgeStory, ratingRank, type Verdict } from '../../../shared/lint/verdict.ts';
import { costOf } from '../../../shared/lint/weighing.ts';
import { parseStoryMarkdown } from '../../../shared/story-format/story-markdown.ts';

const rubric = loadCompiledRubricSync();
const framework = loadFramework();
const CORPUS = path.join(import.meta.dirname, '..', '..', 'fixtures', 'labeled-stories');

function corpusStory(file: string) {
  const parsed = parseStoryMarkdown(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  return { title: parsed.story.title, sections: sectionTexts(parsed.story.sections), principles: parsed.story.principles.map((p) => p.id) };
}

function judge(story: { title: string; sections: Record<SectionId, string>; principles: string[] }, level: Level, principles = story.principles): Verdict[] {
  const analysis = analyzeStory({ sections: story.sections, principles: principles as never, level }, rubric);
  return judgeStory({ ...story, principles, level, analysis, rubric, framework });
}

const base = corpusStory('05-safari-checkout-bug.md');
/** The same strong SDE1 story with a Reflection that stays with the technology. */
const technical = {
  ...base,
  sections: { ...base.sections, reflection: 'Safari fires the change event before autofill has finished, so a form has to validate on blur as well as on change.' },
};

describe('the verdict', () => {
  it('reads a technical-only Reflection as fine at SDE1 and thin at Senior, and says so in a reason on the Reflection', () => {
    const [junior] = judge(technical, 'SDE1');
    const [senior] = judge(technical, 'Senior');
    expect(junior!.reasons.some((r) => /lesson about the technology/.test(r.text))).toBe(false);
    const thin = senior!.reasons.find((r) => /At Senior a lesson about the technology alone is thin/.test(r.text));
    expect(thin?.section).toBe('reflection');
    expect(senior!.points).toBeLessThan(junior!.points);
    // A Reflection that names a change of practice is not thin at Senior.
    const [practice] = judge(base, 'Senior');
    expect(practice!.reasons.some((r) => /lesson about the technology/.test(r.text))).toBe(false);
  });

  it('weighs scope and reflection more as the level rises, and style least of all', () => {
    expect(costOf('scope', 'warning', 'SDE1')).toBeLessThan(costOf('scope', 'warning', 'Senior'));
    expect(costOf('scope', 'warning', 'Senior')).toBeLessThan(costOf('scope', 'warning', 'Principal'));
    expect(costOf('reflection', 'warning', 'SDE1')).toBeLessThan(costOf('reflection', 'warning', 'Senior'));
    expect(costOf('ownership', 'warning', 'SDE1')).toBe(costOf('ownership', 'warning', 'Senior'));
    expect(costOf('style', 'suggestion', 'Senior')).toBeLessThan(costOf('ownership', 'suggestion', 'Senior'));
  });

  it('rates a "we" Action below Hire, with the we-finding as a reason pointing at the words', () => {
    const we = { ...base, sections: { ...base.sections, action: 'We looked at the logs and we found the bug. We rolled back the release and we wrote to the support team. We added a Safari test.' } };
    const [verdict] = judge(we, 'SDE1');
    expect(ratingRank(verdict!.rating)).toBeGreaterThan(ratingRank('hire'));
    const reason = verdict!.reasons.find((r) => r.ruleId === 'we-overuse');
    expect(reason?.kind).toBe('concern');
    expect(we.sections.action.slice(reason!.start, reason!.end)).toMatch(/^we$/i);
  });

  it('counts a principle rule only for its own principle', () => {
    // No customer is named: Customer Obsession's rule fires, and only its verdict carries it.
    const story = corpusStory('06-faster-product-page.md');
    const verdicts = judge(story, 'SDE2', ['customer-obsession', 'deliver-results']);
    const byPrinciple = new Map(verdicts.map((v) => [v.principle, v]));
    expect(byPrinciple.get('customer-obsession')!.reasons.some((r) => r.ruleId === 'no-customer-impact')).toBe(true);
    expect(byPrinciple.get('deliver-results')!.reasons.some((r) => r.ruleId === 'no-customer-impact')).toBe(false);
  });

  it('says what the next level needs, up the ladder only', () => {
    const [sde1] = judge(base, 'SDE1');
    expect(sde1!.nextLevel?.level).toBe('SDE2');
    expect(sde1!.nextLevel?.needs).toMatch(/^SDE2: /);
    expect(sde1!.nextLevel?.needs).toContain(framework.principles.find((p) => p.id === 'earn-trust')!.levels['SDE2']!);
    expect(judge(technical, 'Senior')[0]!.nextLevel?.needs).toMatch(/^Principal: .*Reflection/);
    expect(judge(base, 'Principal')[0]!.nextLevel).toBeNull();
    expect(judge(base, 'Manager')[0]!.nextLevel).toBeNull();
  });

  it('gives an error at most Lean No Hire, and an empty story No Hire', () => {
    const noResult = { ...base, sections: { ...base.sections, result: '' } };
    expect(ratingRank(judge(noResult, 'SDE1')[0]!.rating)).toBeGreaterThanOrEqual(ratingRank('lean-no-hire'));
    const empty = { title: '', principles: ['ownership'], sections: { situation: '', task: '', action: '', result: '', reflection: '' } };
    expect(judge(empty, 'SDE2')[0]!.rating).toBe('no-hire');
  });
});
