import { porterStem } from './stem.ts';

/** A word in a text: its normalized form, its stem, and where it sits in the original string. */
export interface Token {
  /** Lower case, curly apostrophes made straight, a trailing possessive "'s" removed. */
  word: string;
  stem: string;
  /** Offsets into the original string, end exclusive (UTF-16 code units, as String.prototype.slice uses). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stem = porterStem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

function normalize(raw: string): string {
  let word = raw.toLowerCase().replace(/’/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  return word;
}

/** Splits text into words. Hyphens and punctuation separate words ("follow-up" is "follow", "up"). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const word = normalize(match[0]);
    if (word === '') continue;
    tokens.push({ word, stem: stemWord(word), start, end: start + match[0].length });
  }
  return tokens;
}

/** Stems of a short phrase, in order (for evidence phrases and keywords). */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.stem);
}

/**
 * Words that carry no meaning for matching stories to prompts: English function words, plus the words every
 * prompt shares ("tell me about a time"). Used for similarity only; evidence phrases match every word.
 */
const STOPWORD_LIST = `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll her here hers herself him himself his how
i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of
off on once only or other ought our ours ourselves out over own same shan't she she'd she'll should shouldn't so some
such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've
this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when
when's where where's which while who who's whom why why's will with won't would wouldn't you you'd you'll you're
you've your yours yourself yourselves
tell time times describe example give share walk did one two get got make made way thing things really much many
something someone anything everyone every even still well also like back know went go going able`;

export const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_LIST.split(/\s+/).filter((w) => w !== ''));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || word.length < 2;
}
