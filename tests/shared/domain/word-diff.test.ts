import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDrafts } from '../../../shared/domain/revision.ts';
import { emptyDraft } from '../../../shared/domain/story.ts';
import { diffStats, diffWords, sidesOf, tokenize } from '../../../shared/domain/word-diff.ts';

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

  it('falls back to one removal and one addition when texts share nothing, still exact', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 2500 }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(a, b);
    expect(parts.map((p) => p.kind)).toEqual(['removed', 'added']);
    expect(sidesOf(parts)).toEqual({ before: a, after: b });
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
    expect(diff.title).toEqual([
      { kind: 'removed', text: 'Old' },
      { kind: 'added', text: 'New' },
      { kind: 'same', text: ' title' },
    ]);
    expect(diff.sections.situation).toEqual([]);
  });
});
