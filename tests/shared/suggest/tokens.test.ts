import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../shared/suggest/stem.ts';
import { isStopword, phraseStems, tokenize } from '../../../shared/suggest/tokens.ts';

describe('porterStem', () => {
  // Examples from Porter's 1980 paper, one or more per step.
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['failing', 'fail'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['digitizer', 'digit'],
    ['operator', 'oper'],
    ['feudalism', 'feudal'],
    ['decisiveness', 'decis'],
    ['hopefulness', 'hope'],
    ['callousness', 'callous'],
    ['formaliti', 'formal'],
    ['sensitiviti', 'sensit'],
    ['triplicate', 'triplic'],
    ['formative', 'form'],
    ['electrical', 'electr'],
    ['goodness', 'good'],
    ['revival', 'reviv'],
    ['allowance', 'allow'],
    ['inference', 'infer'],
    ['airliner', 'airlin'],
    ['adjustable', 'adjust'],
    ['defensible', 'defens'],
    ['replacement', 'replac'],
    ['adjustment', 'adjust'],
    ['dependent', 'depend'],
    ['adoption', 'adopt'],
    ['communism', 'commun'],
    ['activate', 'activ'],
    ['effective', 'effect'],
    ['bowdlerize', 'bowdler'],
    ['probate', 'probat'],
    ['rate', 'rate'],
    ['cease', 'ceas'],
    ['controlling', 'control'],
    ['roll', 'roll'],
  ])('%s -> %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('gives inflected forms used in stories the same stem', () => {
    for (const group of [
      ['fix', 'fixed', 'fixes', 'fixing'],
      ['mentor', 'mentored', 'mentoring', 'mentors'],
      ['outage', 'outages'],
      ['decide', 'decided', 'decides', 'deciding'],
    ]) {
      expect(new Set(group.map(porterStem)).size, group.join(', ')).toBe(1);
    }
  });

  it('leaves short words, numbers and contractions alone', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('10x')).toBe('10x');
    expect(porterStem("didn't")).toBe("didn't");
  });
});

describe('tokenize', () => {
  it('keeps offsets into the original text and normalizes case, apostrophes and possessives', () => {
    const text = 'The customer’s Follow-up DIDN’T wait.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['the', 'customer', 'follow', 'up', "didn't", 'wait']);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase().replace('’', "'")).toMatch(new RegExp(`^${t.word}`));
    expect(text.slice(tokens[1]?.start, tokens[1]?.end)).toBe('customer’s');
  });

  it('handles letters outside ASCII and empty text', () => {
    expect(tokenize('Café für Zoë').map((t) => t.word)).toEqual(['café', 'für', 'zoë']);
    expect(tokenize('  ...  ')).toEqual([]);
  });

  it('stems phrases the same way as text', () => {
    expect(phraseStems('without being asked')).toEqual(['without', 'be', 'ask']);
    expect(phraseStems('on-call')).toEqual(phraseStems('on call'));
  });

  it('treats function words and the shared prompt opening as stopwords', () => {
    for (const w of ['the', 'tell', 'me', 'about', 'time', 'a']) expect(isStopword(w)).toBe(true);
    for (const w of ['outage', 'customer', 'mentor']) expect(isStopword(w)).toBe(false);
  });
});
