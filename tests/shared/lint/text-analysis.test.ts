import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, spokenSeconds, storyTiming, wordBoundaryOffset, formatDuration, SECTION_TARGET_SECONDS } from '../../../shared/domain/timing.ts';
import { findPhrases } from '../../../shared/lint/phrases.ts';
import { analyzeText, hashKey } from '../../../shared/lint/text-analysis.ts';
import { analyzeStory } from '../../../shared/lint/engine.ts';
import { rubric, STRONG_STORY } from './fixture.ts';

describe('timing', () => {
  it('counts spoken words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  — – !! ')).toBe(0);
    expect(countWords('A follow-up cut costs by 40% ($1.2M).')).toBe(7);
    expect(countWords('one\n\ntwo\tthree')).toBe(3);
  });

  it('converts words to seconds at a pace', () => {
    expect(spokenSeconds(150)).toBe(60);
    expect(spokenSeconds(150, 100)).toBe(90);
    expect(SECTION_TARGET_SECONDS.action).toBe(90);
    const t = storyTiming({ situation: 'word '.repeat(75), task: '', action: 'word '.repeat(225), result: '', reflection: '' });
    expect(t.sections.situation.seconds).toBe(30);
    expect(t.sections.situation.ratio).toBe(1);
    expect(t.total.seconds).toBe(120);
    expect(t.total.status).toBe('ok');
    expect(formatDuration(65)).toBe('1:05');
  });

  it('finds where a word budget runs out', () => {
    expect(wordBoundaryOffset('one two three', 2)).toBe(8);
    expect(wordBoundaryOffset('one two', 5)).toBe(7);
  });

  it('the tokenizer counts words exactly as countWords does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '\n', '-', "'", '’', '.', ',', '!', 'é', '—', '\t', '\u00a0', '_') , maxLength: 80 }), (text) => {
        expect(analyzeText(text).words).toBe(countWords(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('analyzeText', () => {
  it('tokenizes words, numbers and contractions with exact offsets', () => {
    const text = "I didn’t cut 3.5% of 1,200 rows — follow-up.";
    const a = analyzeText(text);
    const tokens = Array.from({ length: a.count }, (_, t) => text.slice(a.starts[t], a.ends[t]));
    expect(tokens).toEqual(['I', 'didn’t', 'cut', '3.5', 'of', '1,200', 'rows', 'follow', 'up']);
    expect(a.word(1)).toBe("didn't");
    expect(a.hashes[1]).toBe(hashKey("didn't"));
  });

  it('marks acronyms, whose key starts with ^', () => {
    const a = analyzeText('The US team told us.');
    expect(a.key(1)).toBe('^us');
    expect(a.key(4)).toBe('us');
    expect(a.hashes[1]).toBe(hashKey('^us'));
  });

  it('splits sentences at stops, lines and paragraphs, not at abbreviations or decimals', () => {
    const text = 'We cut it by 3.5 points, e.g. on search. Then etc. stopped.\n\nNew paragraph! Next line\nhere';
    const a = analyzeText(text);
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'We cut it by 3.5 points, e.g. on search.',
      'Then etc. stopped.',
      'New paragraph!',
      'Next line',
      'here',
    ]);
  });
});

describe('phrases', () => {
  const found = (text: string, phrases: string[]) => findPhrases(text, phrases).map((m) => text.slice(m.start, m.end));

  it('matches case-insensitively on word boundaries', () => {
    expect(found('Kind of slow, kindof not, unkind of.', ['kind of'])).toEqual(['Kind of']);
  });

  it('supports alternatives, optional parts and wildcards', () => {
    expect(found('They were happy. She was really happy.', ['(was|were) (really|) happy'])).toEqual(['were happy', 'was really happy']);
    expect(found('I escalated; escalation; escalate; scale.', ['escalat*'])).toEqual(['escalated', 'escalation', 'escalate']);
    expect(found('We de-risked it.', ['de-risk*'])).toEqual(['de-risked']);
  });

  it('joins hyphenated words but not across punctuation or lines', () => {
    expect(found('a follow-up and a follow up', ['follow-up'])).toEqual(['follow-up', 'follow up']);
    expect(found('kind. of; kind\nof', ['kind of'])).toEqual([]);
  });

  it('phrases in capitals match only capitals', () => {
    expect(found('US and us', ['US'])).toEqual(['US']);
    expect(found('US and us', ['us'])).toEqual(['us']);
  });

  it('prefers the longest match and does not overlap within a set', () => {
    expect(found('it was not my fault', ['my fault', 'was not my fault'])).toEqual(['was not my fault']);
  });
});

describe('analyzeStory timing', () => {
  it('matches storyTiming on the same text', () => {
    const analysis = analyzeStory({ sections: STRONG_STORY, principles: [] }, rubric, { pace: 130 });
    expect(analysis.timing).toEqual(storyTiming(STRONG_STORY, 130));
    expect(analysis.timing.pace).toBe(130);
  });
});
