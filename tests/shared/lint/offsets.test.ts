import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../../shared/domain/sections.ts';
import { lexicalJsonToPlainText, markdownToLexicalJson } from '../../../shared/story-format/lexical-json.ts';
import { lintStory, rubric, STRONG_STORY } from './fixture.ts';
import { lint } from '../../../shared/lint/engine.ts';

describe('offsets', () => {
  it('point exactly at the flagged words in Lexical plain text (paragraphs and list items joined by blank lines)', () => {
    const json = markdownToLexicalJson('I rewrote the **parser**.\n\n- It was *kind of* slow\n- We maybe fixed it\n\nThe bug was fixed later.');
    const action = lexicalJsonToPlainText(json);
    expect(action).toBe('I rewrote the parser.\n\nIt was kind of slow\n\nWe maybe fixed it\n\nThe bug was fixed later.');
    const found = lintStory({ action }, [], { only: ['hedging', 'passive-action'] });
    expect(found.map((d) => [d.ruleId, action.slice(d.start, d.end)])).toEqual([
      ['hedging', 'kind of'],
      ['hedging', 'maybe'],
      ['passive-action', 'was fixed'],
    ]);
  });

  it('count UTF-16 units, so emoji and accents before a finding do not shift it', () => {
    const action = 'Café 🚀 déjà vu — it was kind of slow.';
    const [d] = lintStory({ action }, [], { only: ['hedging'] });
    expect(action.slice(d!.start, d!.end)).toBe('kind of');
  });

  it('keep tracking the same words when text is inserted before them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => !/kind|of|\n/i.test(s)), (prefix) => {
        const action = `${prefix} It was kind of slow.`;
        const found = lintStory({ action }, [], { only: ['hedging'] });
        expect(found.map((d) => action.slice(d.start, d.end))).toContain('kind of');
      }),
      { numRuns: 200 },
    );
  });

  it('every finding of the full rubric lies inside its section, on arbitrary text', () => {
    const words = fc.constantFrom('I', 'we', 'kind', 'of', 'was', 'fixed', 'by', '40%', 'escalated', 'to', 'my', 'manager', 'they', 'the', 'customer', 'happy', '2021', 'half', ',', '.', '\n\n', '—', 'don’t', 'US', 'é');
    const text = fc.array(words, { maxLength: 60 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.record({ situation: text, task: text, action: text, result: text, reflection: text }), (sections) => {
        for (const d of lint({ sections, principles: ['customer-obsession', 'ownership'] }, rubric)) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeGreaterThanOrEqual(d.start);
          expect(d.end).toBeLessThanOrEqual(sections[d.section].length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('findings come sorted by section order, then position', () => {
    const found = lintStory({ ...STRONG_STORY, situation: STRONG_STORY.situation + ' It was kind of slow.', result: 'It went well. I think so.' });
    const keys = found.map((d) => [SECTION_IDS.indexOf(d.section), d.start] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });
});
