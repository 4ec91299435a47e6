import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/lint/text-analysis.ts';
import { PhraseIndex } from '../../../shared/lint/phrases.ts';

function matchAll(index: PhraseIndex, text: string) {
  const a = analyzeText(text);
  return index.match(a, index.classify(a), new Uint8Array(index.slots).fill(1));
}

describe('PhraseIndex.match', () => {
  it('reports every set that matches at one word, even past 64 sets', () => {
    const index = new PhraseIndex();
    const slots = Array.from({ length: 100 }, (_, k) => index.addSet(k % 2 === 0 ? ['ship'] : ['ship it']));
    const words = Array.from({ length: 80 }, () => 'we ship it').join('. ');
    const found = matchAll(index, words);
    for (const slot of slots) expect(found[slot]?.length, `slot ${slot}`).toBe(80);
    const total = slots.reduce((sum, s) => sum + (found[s]?.length ?? 0), 0);
    expect(total).toBe(100 * 80);
  });

  it('keeps the longest match per set and no overlaps within a set in a long text', () => {
    const index = new PhraseIndex();
    const slot = index.addSet(['ship', 'ship it']);
    const found = matchAll(index, Array.from({ length: 200 }, () => 'we ship it').join(' '))[slot] ?? [];
    expect(found).toHaveLength(200);
    expect(found.every((m) => m.tokEnd - m.tok === 2)).toBe(true);
  });
});
