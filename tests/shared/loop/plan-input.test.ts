import { describe, expect, it } from 'vitest';
import type { ProbeNoteRecord } from '../../../shared/domain/mappings.ts';
import type { Suppression } from '../../../shared/lint/diagnostics.ts';
import { sectionTexts } from '../../../shared/domain/story.ts';
import { analyzeStory } from '../../../shared/lint/engine.ts';
import { judgeStory } from '../../../shared/lint/verdict.ts';
import { createPlanStoryReader, planStories } from '../../../shared/loop/plan-input.ts';
import { RATINGS } from '../../../shared/loop/solve.ts';
import { markdownToLexicalJson, lexicalJsonToPlainText } from '../../../shared/story-format/index.ts';
import { framework, rubric } from '../prep-sheet/fixture.ts';
import { sampleDraft } from '../../support/sample-stories.ts';

describe('stories as the planner sees them', () => {
  it('rates each principle by its verdict at the loop level, not one rating for the whole story', () => {
    const base = sampleDraft(0); // Customer Obsession, secondary Dive Deep
    const record = (draft: typeof base) => ({ story: { ...draft, id: 'story-1', createdAt: 0, updatedAt: 0, deletedAt: null }, probeNotes: [], suppressions: [] });
    const [story] = planStories([record(base)], framework, rubric, 'SDE2');
    const verdicts = judgeStory({
      sections: sectionTexts(base.sections),
      title: base.title,
      principles: ['customer-obsession', 'dive-deep'],
      level: 'SDE2',
      analysis: analyzeStory({ sections: sectionTexts(base.sections), principles: ['customer-obsession', 'dive-deep'], level: 'SDE2' }, rubric),
      rubric,
      framework,
    });
    expect(story!.fits.map((f) => f.rating)).toEqual(verdicts.map((v) => v.rating));
    // The same story, with its Action told as "we", reads worse for the loop.
    const we = { ...base, sections: { ...base.sections, action: { json: base.sections.action.json, text: 'We looked into it and we fixed it. We told the team and we shipped it.' } } };
    const weak = planStories([record(markdownRoundTrip(we))], framework, rubric, 'SDE2')[0]!;
    expect(RATINGS.indexOf(weak.fits[0]!.rating)).toBeLessThan(RATINGS.indexOf(story!.fits[0]!.rating));
  });

  it('keeps each mapping with its role and counts only prepared notes for its own principles’ probes', () => {
    const draft = sampleDraft(0); // Customer Obsession, secondary Dive Deep
    const probe = (principle: string) => framework.principles.find((p) => p.id === principle)!.probes;
    const notes = [
      { probeId: probe('customer-obsession')[0]!.id, note: 'The issuer numbers.', readiness: 'ready' as const, updatedAt: 1 },
      { probeId: probe('dive-deep')[1]!.id, note: '   ', readiness: null, updatedAt: 2 }, // blank: not prepared
      { probeId: probe('frugality')[0]!.id, note: 'Not this story’s principle.', readiness: null, updatedAt: 3 },
    ];
    const [story] = planStories([{ story: { ...draft, id: 'story-1', createdAt: 0, updatedAt: 0, deletedAt: null }, probeNotes: notes, suppressions: [] }], framework, rubric, 'SDE2');
    expect(story!.fits.map((f) => [f.principle, f.role])).toEqual([['customer-obsession', 'primary'], ['dive-deep', 'secondary']]);
    expect(story!.probes).toEqual({ total: probe('customer-obsession').length + probe('dive-deep').length, prepared: 1 });
  });
});

describe('the planner’s reading kept between visits', () => {
  const records = () =>
    [0, 1, 2].map((i) => ({ story: { ...sampleDraft(i), id: `story-${i}`, createdAt: 0, updatedAt: 10, deletedAt: null }, probeNotes: [] as ProbeNoteRecord[], suppressions: [] as Suppression[] }));

  it('reads as planStories does, and reads again only the stories whose text, notes or ignored findings changed', () => {
    const read = createPlanStoryReader(framework, rubric);
    const bank = records();
    const first = read(bank, 'Senior');
    expect(first).toEqual(planStories(bank, framework, rubric, 'Senior'));
    // Nothing changed: the very same readings come back.
    const again = read(bank, 'Senior');
    again.forEach((story, i) => expect(story).toBe(first[i]));

    // Story 1 is edited (a save bumps updatedAt), story 2 gets a prepared note: both are read again, story 0 is not.
    const we = { ...bank[1]!.story.sections.action, text: 'We looked into it and we fixed it. We told the team and we shipped it.' };
    const probeId = framework.principles.find((p) => p.id === bank[2]!.story.principles[0]!.id)!.probes[0]!.id;
    const edited = [
      bank[0]!,
      { ...bank[1]!, story: { ...bank[1]!.story, updatedAt: 11, sections: { ...bank[1]!.story.sections, action: markdownRoundTrip({ sections: { action: we } }).sections.action } } },
      { ...bank[2]!, probeNotes: [{ probeId, note: 'The numbers, by week.', readiness: 'ready' as const, updatedAt: 12 }] },
    ];
    const third = read(edited, 'Senior');
    expect(third[0]).toBe(first[0]);
    expect(third).toEqual(planStories(edited, framework, rubric, 'Senior'));
    expect(third[1]).not.toEqual(first[1]);
    expect(third[2]!.probes.prepared).toBe(1);

    // Ignoring a finding changes the reading too.
    const finding = analyzeStory({ sections: sectionTexts(edited[1]!.story.sections), principles: edited[1]!.story.principles.map((p) => p.id), level: 'Senior' }, rubric).diagnostics.find((d) => d.severity !== 'positive')!;
    const ignored = edited.map((r, i) => (i === 1 ? { ...r, suppressions: [{ ruleId: finding.ruleId, section: finding.section, fingerprint: finding.fingerprint }] } : r));
    const fourth = read(ignored, 'Senior');
    expect(fourth[1]).not.toBe(third[1]);
    expect(fourth).toEqual(planStories(ignored, framework, rubric, 'Senior'));

    // Another level is another reading of every story.
    const sde1 = read(ignored, 'SDE1');
    sde1.forEach((story, i) => expect(story).not.toBe(fourth[i]));
    expect(sde1).toEqual(planStories(ignored, framework, rubric, 'SDE1'));
  });
});

/** A draft whose Action JSON matches its text (the planner reads the JSON). */
function markdownRoundTrip<T extends { sections: Record<string, { json: unknown; text: string }> }>(draft: T): T {
  const json = markdownToLexicalJson(draft.sections['action']!.text);
  return { ...draft, sections: { ...draft.sections, action: { json, text: lexicalJsonToPlainText(json) } } };
}
