import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDrafts } from '../../../shared/domain/revision.ts';
import { emptyDraft } from '../../../shared/domain/story.ts';
import { DEFAULT_LIMITS, type DiffPart, diffStats, diffWords as diffWordsWhole, sidesOf, tokenize } from '../../../shared/domain/word-diff.ts';

/**
 * The parts of a diff that stays within the edit bound (these tests compare texts close enough to diff word by
 * word). The time limit is lifted so a loaded machine cannot turn a small diff into a fallback.
 */
function diffWords(before: string, after: string): DiffPart[] {
  const diff = diffWordsWhole(before, after, { ...DEFAULT_LIMITS, timeoutMs: 60_000 });
  expect(diff.tooDifferent).toBe(false);
  return diff.parts;
}

describe('diffWords', () => {
  it('marks the words that changed, keeping spaces with the words around them', () => {
    expect(diffWords('I fixed the slow build', 'I fixed the flaky build quickly')).toEqual([
      { kind: 'same', text: 'I fixed the ' },
      { kind: 'removed', text: 'slow' },
      { kind: 'added', text: 'flaky' },
      { kind: 'same', text: ' build' },
      { kind: 'added', text: ' quickly' },
    ]);
  });

  it('finds a word moved into the middle without rewriting the rest', () => {
    const parts = diffWords('we cut costs by a third', 'we cut cloud costs by a third');
    expect(parts).toEqual([
      { kind: 'same', text: 'we cut ' },
      { kind: 'added', text: 'cloud ' },
      { kind: 'same', text: 'costs by a third' },
    ]);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 0 });
  });

  it('handles empty texts and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ kind: 'removed', text: 'old words' }]);
  });

  it('counts changed words, not spaces', () => {
    expect(diffStats(diffWords('a b c d', 'a x c y z'))).toEqual({ added: 3, removed: 2 });
  });

  it('always gives back both texts exactly, with no two neighbouring parts of one kind', () => {
    const word = fc.constantFrom('I', 'we', 'cut', 'the', 'build,', 'by', '40%', 'team.', 'é', '\u0301', '\n', ' ', '  ');
    const text = fc.array(word, { maxLength: 40 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(sidesOf(parts)).toEqual({ before, after });
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.kind).not.toBe(parts[i - 1]?.kind);
        for (const part of parts) expect(part.text).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the untouched words of long texts as they are', () => {
    const base = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const edited = base.replace('w1500', 'changed');
    const parts = diffWords(base, edited);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 1 });
    expect(sidesOf(parts)).toEqual({ before: base, after: edited });
  });

  it('falls back to one removal and one addition when texts share nothing, still exact, and says so', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(' ');
    const diff = diffWordsWhole(a, b);
    expect(diff.tooDifferent).toBe(true);
    expect(diff.parts.map((p) => p.kind)).toEqual(['removed', 'added']);
    expect(sidesOf(diff.parts)).toEqual({ before: a, after: b });
  });

  it('gives up at the edit bound it is given, keeping the common ends', () => {
    const limits = { maxEdits: 4, timeoutMs: 60_000 };
    // Three words replaced: six token edits, over the bound of four.
    const far = diffWordsWhole('keep one two three end', 'keep uno dos tres end', limits);
    expect(far.tooDifferent).toBe(true);
    expect(far.parts).toEqual([
      { kind: 'same', text: 'keep ' },
      { kind: 'removed', text: 'one two three' },
      { kind: 'added', text: 'uno dos tres' },
      { kind: 'same', text: ' end' },
    ]);
    // One word replaced: two edits, within the bound.
    const near = diffWordsWhole('keep one two three end', 'keep one deux three end', limits);
    expect(near.tooDifferent).toBe(false);
    expect(diffStats(near.parts)).toEqual({ added: 1, removed: 1 });
  });

  it('does not call a pure addition or removal too different, however long', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    expect(diffWordsWhole('', long, { maxEdits: 1, timeoutMs: 60_000 })).toEqual({ parts: [{ kind: 'added', text: long }], tooDifferent: false });
    expect(diffWordsWhole(long, 'x', { maxEdits: 1, timeoutMs: 60_000 }).tooDifferent).toBe(true);
  });

  it('tokenizes into words, punctuation and white space', () => {
    expect(tokenize(' two  words\n')).toEqual([' ', 'two', '  ', 'words', '\n']);
    expect(tokenize('The owner, on-call, cut 0.1% ($1.2M).')).toEqual([
      'The', ' ', 'owner', ',', ' ', 'on-call', ',', ' ', 'cut', ' ', '0.1', '%', ' ', '(', '$', '1.2M', ')', '.',
    ]);
  });

  it('keeps a word that only gained punctuation', () => {
    expect(diffWords('I paged the owner and waited.', 'I paged the owner, then waited.')).toEqual([
      { kind: 'same', text: 'I paged the owner' },
      { kind: 'added', text: ',' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'and' },
      { kind: 'added', text: 'then' },
      { kind: 'same', text: ' waited.' },
    ]);
  });
});

describe('diffDrafts', () => {
  it('lists the sections whose text changed, and diffs the title', () => {
    const before = emptyDraft('Old title');
    before.sections.action = { json: '', text: 'I paged the owner.' };
    const after = structuredClone(before);
    after.title = 'New title';
    after.sections.action = { json: '', text: 'I paged the owner and rolled back.' };
    after.sections.result = { json: '', text: 'Errors fell 90%.' };
    const diff = diffDrafts(before, after);
    expect(diff.changed).toEqual(['action', 'result']);
    expect(diff.title.parts).toEqual([
      { kind: 'removed', text: 'Old' },
      { kind: 'added', text: 'New' },
      { kind: 'same', text: ' title' },
    ]);
    expect(diff.sections.situation).toEqual({ parts: [], tooDifferent: false });
  });
});
