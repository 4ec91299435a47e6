/**
 * One pass over a section's plain text: word tokens (with exact offsets), sentence spans, and per-token flags.
 * Every rule reads this; nothing else scans the text character by character.
 */

export interface Span {
  start: number;
  end: number;
}

/** The gap before this token is plain spacing on one line (or a single hyphen): phrases may continue across it. */
export const JOIN_PREV = 1;
/** Two or more letters, all capitals ("US", "SLA"): matched only by phrases written in capitals. */
export const ACRONYM = 2;
export const HAS_DIGIT = 4;
export const HAS_LETTER = 8;
/** First letter is a capital. */
export const CAPITALIZED = 16;
/** The gap before this token holds a comma, semicolon or colon. */
export const CLAUSE_BEFORE = 32;
/** First token of its sentence. */
export const SENTENCE_START = 64;
/** First token of a line (paragraph or list item). */
export const LINE_START = 128;
/** First token of a spoken word (whitespace before it): words are counted as timing.ts countWords counts them. */
export const WORD_START = 256;

export interface SectionAnalysis {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Int32Array;
  /** FNV-1a hash of each token's key (see `key`): what vocabularies intern without building strings. */
  readonly hashes: Int32Array;
  /** A second, independent hash of the key: with `hashes`, 64 bits, so equal pairs mean equal keys. */
  readonly hashes2: Int32Array;
  /** Index into `sentences` of each token. */
  readonly sentenceOf: Int32Array;
  readonly sentences: Span[];
  /** Spoken words, counted exactly as timing.ts countWords counts them. */
  readonly words: number;
  /** Lower-cased token text, curly apostrophes made straight (built on first use, then cached). */
  word(t: number): string;
  /** What vocabularies look up: `word(t)`, with a "^" in front for acronyms. */
  key(t: number): string;
  /** Whether token t's key equals `key` (no string is built). */
  keyEquals(t: number, key: string): boolean;
  /** Whether token t, lower-cased, starts with `prefix` (no string is built). */
  startsWithLower(t: number, prefix: string): boolean;
  /** Whether token t, lower-cased, ends with `suffix` (no string is built). */
  endsWithLower(t: number, suffix: string): boolean;
  /** Length of token t in UTF-16 units. */
  length(t: number): number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const CARET = 94;

const LANE2_SEED = 0x2545f491;

function mix2(g: number, c: number): number {
  g = Math.imul(g ^ c, 0x5bd1e995);
  return g ^ (g >>> 15);
}

/** The hash analyzeText gives a token whose key is `key`. */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** The second hash analyzeText gives a token whose key is `key`. */
export function hashKey2(key: string): number {
  let g = LANE2_SEED;
  for (let i = 0; i < key.length; i++) g = mix2(g, key.charCodeAt(i));
  return g | 0;
}

class Analysis implements SectionAnalysis {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Int32Array;
  readonly hashes: Int32Array;
  readonly hashes2: Int32Array;
  readonly sentenceOf: Int32Array;
  readonly sentences: Span[];
  readonly words: number;
  /** Lower-cased text when lower-casing kept every offset (almost always), else null. */
  private readonly lowerText: string | null;
  private readonly cache: Array<string | undefined>;

  constructor(
    text: string,
    lowerText: string | null,
    starts: Int32Array,
    ends: Int32Array,
    flags: Int32Array,
    hashes: Int32Array,
    hashes2: Int32Array,
    sentenceOf: Int32Array,
    sentences: Span[],
    words: number,
  ) {
    this.text = text;
    this.lowerText = lowerText;
    this.count = starts.length;
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
    this.hashes = hashes;
    this.hashes2 = hashes2;
    this.sentenceOf = sentenceOf;
    this.sentences = sentences;
    this.words = words;
    this.cache = new Array<string | undefined>(this.count);
  }

  word(t: number): string {
    let w = this.cache[t];
    if (w === undefined) {
      const s = this.starts[t]!;
      const e = this.ends[t]!;
      w = this.lowerText !== null ? this.lowerText.slice(s, e) : this.text.slice(s, e).toLowerCase();
      if (w.indexOf('\u2019') >= 0) w = w.replace(/\u2019/g, "'");
      this.cache[t] = w;
    }
    return w;
  }

  key(t: number): string {
    return (this.flags[t]! & ACRONYM) !== 0 ? '^' + this.word(t) : this.word(t);
  }

  keyEquals(t: number, key: string): boolean {
    const acronym = (this.flags[t]! & ACRONYM) !== 0;
    const s = this.starts[t]!;
    const len = this.ends[t]! - s;
    let k = 0;
    if (acronym) {
      if (key.charCodeAt(0) !== CARET) return false;
      k = 1;
    }
    if (key.length - k !== len) return false;
    if (this.lowerText === null) return this.key(t) === key;
    const lt = this.lowerText;
    for (let i = 0; i < len; i++) {
      let c = lt.charCodeAt(s + i);
      if (c === 0x2019) c = 39;
      if (c !== key.charCodeAt(k + i)) return false;
    }
    return true;
  }

  startsWithLower(t: number, prefix: string): boolean {
    const s = this.starts[t]!;
    if (this.ends[t]! - s < prefix.length) return false;
    if (this.lowerText === null) return this.word(t).startsWith(prefix);
    const lt = this.lowerText;
    for (let i = 0; i < prefix.length; i++) {
      let c = lt.charCodeAt(s + i);
      if (c === 0x2019) c = 39;
      if (c !== prefix.charCodeAt(i)) return false;
    }
    return true;
  }

  endsWithLower(t: number, suffix: string): boolean {
    const e = this.ends[t]!;
    if (e - this.starts[t]! < suffix.length) return false;
    if (this.lowerText === null) return this.word(t).endsWith(suffix);
    const lt = this.lowerText;
    const from = e - suffix.length;
    for (let i = 0; i < suffix.length; i++) {
      let c = lt.charCodeAt(from + i);
      if (c === 0x2019) c = 39;
      if (c !== suffix.charCodeAt(i)) return false;
    }
    return true;
  }

  length(t: number): number {
    return this.ends[t]! - this.starts[t]!;
  }
}

const ABBREVIATIONS = new Set(['etc', 'vs', 'mr', 'mrs', 'dr', 'prof', 'sr', 'jr', 'inc', 'ltd', 'corp', 'approx', 'dept']);

// Character classes. ASCII goes through a table; other code points through classifyWide.
const K_OTHER = 0;
const K_UPPER = 1;
const K_LOWER = 2;
const K_DIGIT = 3;
const K_LETTER = 4; // a letter of another script (case decided separately)
const K_SPACE = 5;
const K_NEWLINE = 6;
const K_HYPHEN = 7;
const K_APOS = 8;
const K_DOT = 9;
const K_COMMA = 10;
const K_TERM = 11; // ! ? …
const K_CLAUSE = 12; // ; : — –
const K_CLOSER = 13; // " ) ] and curly closing quotes

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let k = K_OTHER;
  if (c >= 65 && c <= 90) k = K_UPPER;
  else if (c >= 97 && c <= 122) k = K_LOWER;
  else if (c >= 48 && c <= 57) k = K_DIGIT;
  else if (c === 32 || c === 9 || c === 11 || c === 12) k = K_SPACE;
  else if (c === 10 || c === 13) k = K_NEWLINE;
  else if (c === 45) k = K_HYPHEN;
  else if (c === 39) k = K_APOS;
  else if (c === 46) k = K_DOT;
  else if (c === 44) k = K_COMMA;
  else if (c === 33 || c === 63) k = K_TERM;
  else if (c === 59 || c === 58) k = K_CLAUSE;
  else if (c === 34 || c === 41 || c === 93) k = K_CLOSER;
  ASCII[c] = k;
}

function classifyWide(c: number): number {
  if (c === 0xa0 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return K_SPACE;
  if (c === 0x2028 || c === 0x2029) return K_NEWLINE;
  if (c === 0x2010 || c === 0x2011) return K_HYPHEN;
  if (c === 0x2019) return K_APOS;
  if (c === 0x2026) return K_TERM;
  if (c === 0x2013 || c === 0x2014) return K_CLAUSE;
  if (c === 0x201d || c === 0xbb) return K_CLOSER;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return K_OTHER;
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff)) return K_OTHER;
  if ((c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f)) return K_OTHER;
  return K_LETTER;
}

function classOf(c: number): number {
  return c < 128 ? ASCII[c]! : classifyWide(c);
}


const scratch = {
  starts: new Int32Array(0),
  ends: new Int32Array(0),
  flags: new Int32Array(0),
  hashes: new Int32Array(0),
  hashes2: new Int32Array(0),
  sentenceOf: new Int32Array(0),
};

function growScratch(cap: number): void {
  let size = 1024;
  while (size < cap) size <<= 1;
  scratch.starts = new Int32Array(size);
  scratch.ends = new Int32Array(size);
  scratch.flags = new Int32Array(size);
  scratch.hashes = new Int32Array(size);
  scratch.hashes2 = new Int32Array(size);
  scratch.sentenceOf = new Int32Array(size);
}

/** Tokenizes a section. Offsets are UTF-16 indices into `text`, exactly as JavaScript strings count them. */
export function analyzeText(text: string): SectionAnalysis {
  const n = text.length;
  const sentences: Span[] = [];
  if (n === 0) return new Analysis(text, text, new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), sentences, 0);
  // Scratch buffers (at most one token per two characters), copied out at the end.
  const cap = (n >> 1) + 1;
  if (scratch.starts.length < cap) growScratch(cap);
  const starts = scratch.starts;
  const ends = scratch.ends;
  const flags = scratch.flags;
  const hashes = scratch.hashes;
  const hashes2 = scratch.hashes2;
  const sentenceOf = scratch.sentenceOf;
  // The main loop reads the lower-cased copy: it is a flat string (fast to index even when `text` was built by
  // concatenation) and classifies the same. Case is read from `text` once per token.
  const lowerText = text.toLowerCase();
  const sameLength = lowerText.length === n;
  const src = sameLength ? lowerText : text;

  let count = 0;
  let words = 0;
  let sentStart = -1;
  let lastNonSpace = -1;
  let gapFlags = 0;
  let gapJoinable = true; // gap holds only same-line spacing or one in-word hyphen
  let gapSpace = true; // gap holds whitespace (a new spoken word starts)
  let lineStart = true;
  let sentenceStart = true;

  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    const k = c < 128 ? ASCII[c]! : classifyWide(c);
    if (k >= K_UPPER && k <= K_LETTER) {
      const start = i;
      let letters = 0;
      let digit = false;
      let kk = k;
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let g = mix2(LANE2_SEED, c);
      for (;;) {
        if (kk === K_DIGIT) digit = true;
        else letters++;
        i++;
        if (i >= n) break;
        const d = src.charCodeAt(i);
        kk = d < 128 ? ASCII[d]! : classifyWide(d);
        if (kk >= K_UPPER && kk <= K_LETTER) {
          h = Math.imul(h ^ d, FNV_PRIME);
          g = mix2(g, d);
          continue;
        }
        if (kk !== K_APOS && kk !== K_DOT && kk !== K_COMMA) break;
        if (i + 1 < n) {
          const e = src.charCodeAt(i + 1);
          const ke = e < 128 ? ASCII[e]! : classifyWide(e);
          // Apostrophes inside words ("didn't", "team's"); points and commas inside numbers ("3.5", "1,200").
          if (kk === K_APOS && (ke === K_UPPER || ke === K_LOWER || ke === K_LETTER)) {
            h = Math.imul(Math.imul(h ^ 39, FNV_PRIME) ^ e, FNV_PRIME);
            g = mix2(mix2(g, 39), e);
            i++;
            kk = ke;
            continue;
          }
          if ((kk === K_DOT || kk === K_COMMA) && ke === K_DIGIT && ASCII[src.charCodeAt(i - 1)] === K_DIGIT) {
            h = Math.imul(Math.imul(h ^ d, FNV_PRIME) ^ e, FNV_PRIME);
            g = mix2(mix2(g, d), e);
            i++;
            kk = ke;
            continue;
          }
        }
        break;
      }
      let f = gapFlags;
      if (count > 0 && gapJoinable) f |= JOIN_PREV;
      if (digit) f |= HAS_DIGIT;
      if (letters > 0) {
        f |= HAS_LETTER;
        // Case: one read of the original for the first letter; the whole token only when that is a capital.
        const first = text.charCodeAt(start);
        const firstLower = sameLength ? c : text.charAt(start).toLowerCase().charCodeAt(0);
        if (first !== firstLower || (first >= 65 && first <= 90)) {
          f |= CAPITALIZED;
          if (letters >= 2) {
            const orig = text.slice(start, i);
            if (orig === orig.toUpperCase()) {
              f |= ACRONYM;
              // The key of an acronym is "^" + its lower-case text: hash it again.
              h = Math.imul(FNV_OFFSET ^ CARET, FNV_PRIME);
              g = mix2(LANE2_SEED, CARET);
              for (let q = start; q < i; q++) {
                const cq = src.charCodeAt(q);
                h = Math.imul(h ^ (cq === 0x2019 ? 39 : cq), FNV_PRIME);
                g = mix2(g, cq === 0x2019 ? 39 : cq);
              }
            }
          }
        }
      }
      if (lineStart) f |= LINE_START;
      if (sentenceStart) f |= SENTENCE_START;
      if (gapSpace || count === 0) {
        words++;
        f |= WORD_START;
      }
      if (sentStart < 0) sentStart = start;
      starts[count] = start;
      ends[count] = i;
      flags[count] = f;
      hashes[count] = h;
      hashes2[count] = g;
      sentenceOf[count] = sentences.length;
      count++;
      lastNonSpace = i;
      gapFlags = 0;
      gapJoinable = true;
      gapSpace = false;
      lineStart = false;
      sentenceStart = false;
      continue;
    }
    if (k === K_SPACE) {
      gapSpace = true;
      i++;
      continue;
    }
    if (k === K_NEWLINE) {
      if (sentStart >= 0) sentences.push({ start: sentStart, end: lastNonSpace });
      sentStart = -1;
      gapJoinable = false;
      gapSpace = true;
      lineStart = true;
      sentenceStart = true;
      i++;
      continue;
    }
    // Punctuation or symbol.
    if (sentStart < 0) sentStart = i;
    lastNonSpace = i + 1;
    if (k === K_HYPHEN) {
      // "follow-up" joins; "word - word" is a dash, and "a--b" is not a word hyphen.
      const prev = i > 0 ? classOf(src.charCodeAt(i - 1)) : K_SPACE;
      const next = i + 1 < n ? classOf(src.charCodeAt(i + 1)) : K_SPACE;
      if (!(prev >= K_UPPER && prev <= K_LETTER) || !(next >= K_UPPER && next <= K_LETTER)) gapJoinable = false;
      i++;
      continue;
    }
    gapJoinable = false;
    if (k === K_COMMA || k === K_CLAUSE) gapFlags |= CLAUSE_BEFORE;
    if (k === K_DOT || k === K_TERM) {
      // A sentence end? Take the run of terminal punctuation and closing quotes.
      let j = i + 1;
      while (j < n) {
        const kd = classOf(src.charCodeAt(j));
        if (kd === K_DOT || kd === K_TERM || kd === K_CLOSER || kd === K_APOS) j++;
        else break;
      }
      const kn = j < n ? classOf(src.charCodeAt(j)) : K_SPACE;
      let boundary = kn === K_SPACE || kn === K_NEWLINE;
      if (boundary && k === K_DOT && j === i + 1 && count > 0 && ends[count - 1] === i) {
        // A full stop right after a word: an abbreviation ("etc.", "e.g.") or an initial ("J.") is not an end.
        const ps = starts[count - 1]!;
        const prevWord = sameLength ? lowerText.slice(ps, i) : text.slice(ps, i).toLowerCase();
        const dottedBefore = ps > 0 && src.charCodeAt(ps - 1) === 46;
        if (ABBREVIATIONS.has(prevWord) || (prevWord.length === 1 && prevWord !== 'i' && (dottedBefore || (flags[count - 1]! & CAPITALIZED) !== 0))) {
          boundary = false;
        }
      }
      if (boundary && k === K_DOT) {
        // A lower-case word after the stop means it was not a sentence end ("approx. ten", "3 p.m. and").
        let m = j;
        while (m < n && classOf(src.charCodeAt(m)) === K_SPACE) m++;
        if (m < n && text.charCodeAt(m) >= 97 && text.charCodeAt(m) <= 122) boundary = false;
      }
      lastNonSpace = j;
      i = j;
      if (boundary) {
        sentences.push({ start: sentStart, end: j });
        sentStart = -1;
        sentenceStart = true;
      }
      continue;
    }
    i++;
  }
  if (sentStart >= 0) sentences.push({ start: sentStart, end: lastNonSpace });

  // One allocation for all per-token arrays (typed-array allocations are the expensive part), then views on it.
  const block = new Int32Array(count * 6);
  block.set(starts.subarray(0, count), 0);
  block.set(ends.subarray(0, count), count);
  block.set(flags.subarray(0, count), count * 2);
  block.set(hashes.subarray(0, count), count * 3);
  block.set(hashes2.subarray(0, count), count * 4);
  block.set(sentenceOf.subarray(0, count), count * 5);
  const analysis = new Analysis(
    text,
    sameLength ? lowerText : null,
    block.subarray(0, count),
    block.subarray(count, count * 2),
    block.subarray(count * 2, count * 3),
    block.subarray(count * 3, count * 4),
    block.subarray(count * 4, count * 5),
    block.subarray(count * 5, count * 6),
    sentences,
    words,
  );
  if (!sameLength) {
    // Rare: lower-casing changed the length (some non-Latin capitals). Hash from the per-token strings instead.
    for (let t = 0; t < count; t++) {
      analysis.hashes[t] = hashKey(analysis.key(t));
      analysis.hashes2[t] = hashKey2(analysis.key(t));
    }
  }
  return analysis;
}

/** The span of the sentence that holds `offset`, or of the first sentence. Empty text gives 0..0. */
export function sentenceAt(a: SectionAnalysis, offset: number): Span {
  for (const s of a.sentences) if (offset < s.end) return s;
  return a.sentences[a.sentences.length - 1] ?? { start: 0, end: 0 };
}

export function firstSentence(a: SectionAnalysis): Span {
  return a.sentences[0] ?? { start: 0, end: 0 };
}

/**
 * Offset of the first token of spoken word number `words + 1` (the point where a section runs past a word budget),
 * or text.length when the text has no more words.
 */
export function offsetAfterWords(a: SectionAnalysis, words: number): number {
  let seen = 0;
  for (let t = 0; t < a.count; t++) {
    if ((a.flags[t]! & WORD_START) === 0) continue;
    if (seen === words) return a.starts[t]!;
    seen++;
  }
  return a.text.length;
}


