import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SECTION_IDS, type SectionId } from '../../../shared/domain/sections.ts';
import type { PrincipleId } from '../../../shared/domain/principles.ts';
import { analyzeStory, createStoryLinter, type LintOptions } from '../../../shared/lint/engine.ts';
import { rubric, sections, STRONG_STORY, type SectionTexts } from './fixture.ts';

const WEAK_STORY: SectionTexts = sections({
  situation: 'Checkout was failing for some users during a sale.',
  task: 'The checkout needed to be fixed.',
  action: 'We looked at the logs and we escalated it to the platform team, who fixed it.',
  result: 'Things got better and the team was happy.',
  reflection: 'Communication is important.',
});

type Edit =
  | { kind: 'type'; section: SectionId; text: string }
  | { kind: 'delete'; section: SectionId; count: number }
  | { kind: 'replace'; section: SectionId; text: string }
  | { kind: 'principles'; principles: PrincipleId[] }
  | { kind: 'pace'; pace: number };

const phrase = fc.constantFrom(
  ' ',
  'I',
  ' we',
  ' escalated it',
  ' kind of',
  ' 40%',
  ' $20,000 a day',
  '.',
  '\n\n',
  ' the customer was happy',
  ' I learned to ask first.',
  ' and then we shipped it without asking anyone',
);
const section = fc.constantFrom(...SECTION_IDS);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), section, text: phrase }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), section, count: fc.integer({ min: 1, max: 30 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      section,
      text: fc.constantFrom('', WEAK_STORY.result, STRONG_STORY.action, STRONG_STORY.action.repeat(4)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('principles' as const),
      principles: fc.subarray<PrincipleId>(['customer-obsession', 'ownership', 'bias-for-action', 'dive-deep']),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pace' as const), pace: fc.constantFrom(110, 150, 190) }) },
);

function apply(texts: SectionTexts, e: Edit): SectionTexts {
  if (e.kind === 'type') return { ...texts, [e.section]: texts[e.section] + e.text };
  if (e.kind === 'delete') return { ...texts, [e.section]: texts[e.section].slice(0, Math.max(0, texts[e.section].length - e.count)) };
  if (e.kind === 'replace') return { ...texts, [e.section]: e.text };
  return texts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createStoryLinter', () => {
  it('gives what analyzeStory gives, edit after edit, in any section, with principles and options changing too', () => {
    fc.assert(
      fc.property(fc.constantFrom(WEAK_STORY, STRONG_STORY, sections({})), fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
        const linter = createStoryLinter(rubric);
        let texts = start;
        let principles: PrincipleId[] = [];
        let options: LintOptions = {};
        expect(linter.analyze({ sections: texts, principles }, options)).toEqual(analyzeStory({ sections: texts, principles }, rubric, options));
        for (const e of edits) {
          texts = apply(texts, e);
          if (e.kind === 'principles') principles = e.principles;
          if (e.kind === 'pace') options = { ...options, pace: e.pace };
          expect(linter.analyze({ sections: texts, principles }, options)).toEqual(analyzeStory({ sections: texts, principles }, rubric, options));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('re-reads only the sections whose text changed', () => {
    const linter = createStoryLinter(rubric);
    const match = vi.spyOn(rubric.index, 'match');
    linter.analyze({ sections: WEAK_STORY, principles: [] });
    // Every section with text is tokenized and matched once on the first call.
    expect(match).toHaveBeenCalledTimes(SECTION_IDS.length);

    match.mockClear();
    const typed = { ...WEAK_STORY, action: `${WEAK_STORY.action} Then I wrote the runbook.` };
    linter.analyze({ sections: typed, principles: [] });
    expect(match).toHaveBeenCalledTimes(1);
    expect(match.mock.calls[0]![0].text).toBe(typed.action);

    // A new object with the same texts is no change at all; changing the principles re-runs the rules only.
    match.mockClear();
    linter.analyze({ sections: { ...typed }, principles: [] });
    linter.analyze({ sections: { ...typed }, principles: ['ownership'] });
    expect(match).not.toHaveBeenCalled();
  });

  it('keeps findings that span sections up to date when only another section changed', () => {
    const linter = createStoryLinter(rubric);
    const before = linter.analyze({ sections: STRONG_STORY, principles: ['customer-obsession'] });
    expect(before.diagnostics.some((d) => d.ruleId === 'answer-too-long')).toBe(false);
    const padded = { ...STRONG_STORY, action: STRONG_STORY.action.repeat(5) };
    const after = linter.analyze({ sections: padded, principles: ['customer-obsession'] });
    // The whole-answer length is judged over all sections, though only the Action was read again.
    expect(after.diagnostics.some((d) => d.ruleId === 'answer-too-long')).toBe(true);
    expect(after.timing.sections.reflection).toEqual(before.timing.sections.reflection);
    expect(after).toEqual(analyzeStory({ sections: padded, principles: ['customer-obsession'] }, rubric));
  });

  it('answers the same analysis object while nothing changed, and a new one when anything did', () => {
    const linter = createStoryLinter(rubric);
    const suppressions = [{ ruleId: 'generic-reflection', section: 'reflection' as const, fingerprint: 'x' }];
    const options: LintOptions = { pace: 150, suppressions };
    const first = linter.analyze({ sections: WEAK_STORY, principles: ['ownership'] }, options);
    expect(linter.analyze({ sections: { ...WEAK_STORY }, principles: ['ownership'] }, { ...options })).toBe(first);
    expect(linter.analyze({ sections: { ...WEAK_STORY, task: `${WEAK_STORY.task} ` }, principles: ['ownership'] }, options)).not.toBe(first);
    const second = linter.analyze({ sections: WEAK_STORY, principles: ['ownership'] }, options);
    expect(second).toEqual(first);
    expect(linter.analyze({ sections: WEAK_STORY, principles: [] }, options)).not.toBe(second);
    const third = linter.analyze({ sections: WEAK_STORY, principles: [] }, options);
    expect(linter.analyze({ sections: WEAK_STORY, principles: [] }, { ...options, pace: 120 })).not.toBe(third);
    expect(linter.analyze({ sections: WEAK_STORY, principles: [] }, { ...options, suppressions: [] })).not.toBe(third);
  });
});
