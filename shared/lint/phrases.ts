import { analyzeText, hashKey, hashKey2, JOIN_PREV, ACRONYM, type SectionAnalysis } from './text-analysis.ts';

/**
 * Phrase lists are data. A phrase is words separated by spaces, matched case-insensitively on word boundaries:
 *   - "kind of"             both words, in order, on one line, separated only by spaces (or a hyphen: "follow-up")
 *   - "escalat*"            a word starting with "escalat" (escalate, escalated, escalation); at least 3 letters first
 *                           ("de-risk*": the last word of a hyphenated word may be a prefix)
 *   - "(was|were) happy"    either alternative; alternatives may hold several words: "(tech lead|owner)"
 *   - "I (really|) owned"   an empty alternative makes a part optional
 *   - "US"                  a word written in capitals matches only capitals (so "US" is not "us")
 * Punctuation inside a phrase is ignored the way the text tokenizer ignores it ("on-call" is "on call").
 */

export interface PhraseToken {
  /** Lower-case token, or a prefix when `wildcard`; prefixed with "^" when it must be an acronym. */
  key: string;
  wildcard: boolean;
}

const MAX_VARIANTS = 4096;

export class PhraseSyntaxError extends Error {
  constructor(phrase: string, problem: string) {
    super(`phrase "${phrase}": ${problem}`);
    this.name = 'PhraseSyntaxError';
  }
}

/** One part of a phrase: its alternatives, each a token sequence (an empty one makes the part optional). */
type PhrasePart = PhraseToken[][];

/** Tokens of one phrase word, memoized: phrase lists repeat the same words many times. */
const wordTokenCache = new Map<string, PhraseToken[]>();

function wordTokens(phrase: string, word: string): PhraseToken[] {
  const cached = wordTokenCache.get(word);
  if (cached) return cached;
  const wildcard = word.endsWith('*');
  const body = wildcard ? word.slice(0, -1) : word;
  if (body.includes('*')) throw new PhraseSyntaxError(phrase, 'may use "*" only at the end of a word');
  const a = analyzeText(body);
  const tokens: PhraseToken[] = [];
  if (wildcard) {
    // "escalat*" or "de-risk*": every token literal except the last, which is a prefix.
    if (a.count === 0 || a.ends[a.count - 1] !== body.length) {
      throw new PhraseSyntaxError(phrase, `"${word}": "*" must follow a letter or digit`);
    }
    if (a.word(a.count - 1).length < 3) throw new PhraseSyntaxError(phrase, `"${word}": a wildcard needs at least 3 letters before "*"`);
    for (let t = 0; t < a.count - 1; t++) tokens.push({ key: a.key(t), wildcard: false });
    tokens.push({ key: a.word(a.count - 1), wildcard: true });
  } else {
    if (a.count === 0) throw new PhraseSyntaxError(phrase, `"${word}" holds no letters or digits`);
    for (let t = 0; t < a.count; t++) tokens.push({ key: a.key(t), wildcard: false });
  }
  if (wordTokenCache.size > 20_000) wordTokenCache.clear();
  wordTokenCache.set(word, tokens);
  return tokens;
}

function wordsToTokens(phrase: string, text: string): PhraseToken[] {
  const out: PhraseToken[] = [];
  for (const word of text.split(/\s+/)) if (word !== '') out.push(...wordTokens(phrase, word));
  return out;
}

/** A group may touch only spaces, a hyphen (which splits words anyway) or the phrase's ends. */
function isWordEdge(ch: string | undefined): boolean {
  return ch === undefined || ch === '-' || /\s/.test(ch);
}

/**
 * Parses a phrase into parts without expanding the alternatives (a phrase with several groups can stand for
 * thousands of word sequences). Groups must be whole words. Throws PhraseSyntaxError.
 */
export function parsePhrase(phrase: string): PhrasePart[] {
  const trimmed = phrase.trim();
  if (trimmed === '') throw new PhraseSyntaxError(phrase, 'is empty');
  const parts: PhrasePart[] = [];
  let variants = 1;
  let minTokens = 0;
  let i = 0;
  while (i < trimmed.length) {
    const ch = trimmed[i];
    if (ch === '(') {
      const close = trimmed.indexOf(')', i + 1);
      if (close < 0) throw new PhraseSyntaxError(phrase, `has "(" at position ${i + 1} without a closing ")"`);
      const inner = trimmed.slice(i + 1, close);
      if (inner.includes('(')) throw new PhraseSyntaxError(phrase, 'nests parentheses; write the alternatives out instead');
      if (!isWordEdge(trimmed[i - 1]) || !isWordEdge(trimmed[close + 1])) {
        throw new PhraseSyntaxError(phrase, 'alternatives must be whole words: write "(redo|redone)", not "re(do|done)"');
      }
      const alternatives = [...new Set(inner.split('|').map((a) => a.trim().replace(/\s+/g, ' ')))].map((a) => wordsToTokens(phrase, a));
      variants *= alternatives.length;
      if (variants > MAX_VARIANTS) throw new PhraseSyntaxError(phrase, `expands to more than ${MAX_VARIANTS} variants`);
      minTokens += Math.min(...alternatives.map((a) => a.length));
      parts.push(alternatives);
      i = close + 1;
    } else if (ch === ')' || ch === '|') {
      throw new PhraseSyntaxError(phrase, `has a stray "${ch}" at position ${i + 1}`);
    } else {
      let j = i;
      while (j < trimmed.length && trimmed[j] !== '(' && trimmed[j] !== ')' && trimmed[j] !== '|') j++;
      const tokens = wordsToTokens(phrase, trimmed.slice(i, j));
      if (tokens.length) {
        parts.push([tokens]);
        minTokens += tokens.length;
      }
      i = j;
    }
  }
  if (minTokens === 0 && parts.every((p) => p.every((alt) => alt.length === 0))) {
    throw new PhraseSyntaxError(phrase, 'matches nothing (every alternative is empty)');
  }
  return parts;
}


/** Checks phrase syntax without keeping the result: undefined when fine, otherwise the problem. */
export function phraseProblem(phrase: string): string | undefined {
  try {
    parsePhrase(phrase);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface Match {
  start: number;
  end: number;
  /** First token index. */
  tok: number;
  /** One past the last token index. */
  tokEnd: number;
}

const NO_NODE = -1;

/**
 * Interned token keys. Tokens are looked up by the two independent 32-bit hashes analyzeText computed while reading
 * them (an open-addressing table keyed on both); equal hash pairs are taken as equal keys without comparing
 * characters, so no string is built for a token.
 */
export class Vocabulary {
  private readonly words: string[] = [];
  private readonly byKey = new Map<string, number>();
  private tableHash = new Int32Array(0);
  private tableHash2 = new Int32Array(0);
  private tableId = new Int32Array(0);
  private mask = -1;

  get size(): number {
    return this.words.length;
  }

  /** The id of a key, adding it when new. */
  intern(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(key);
      this.byKey.set(key, id);
      this.mask = -1; // rebuild the table on next lookup
    }
    return id;
  }

  /** The id of a key, or -1. */
  idOf(key: string): number {
    return this.byKey.get(key) ?? -1;
  }

  private build(): void {
    const capacity = nextPow2(this.words.length * 2 + 1);
    this.tableHash = new Int32Array(capacity);
    this.tableHash2 = new Int32Array(capacity);
    this.tableId = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.words.forEach((w, id) => {
      const h = hashKey(w);
      let slot = (h ^ (h >>> 15)) & this.mask;
      while (this.tableId[slot] !== -1) slot = (slot + 1) & this.mask;
      this.tableHash[slot] = h;
      this.tableHash2[slot] = hashKey2(w);
      this.tableId[slot] = id;
    });
  }

  /** The id of the key with these two hashes (see analyzeText), or -1. 64 bits of hash stand for the key. */
  idOfHashes(h: number, h2: number): number {
    if (this.mask < 0) this.build();
    let slot = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const id = this.tableId[slot]!;
      if (id === -1) return -1;
      if (this.tableHash[slot] === h && this.tableHash2[slot] === h2) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Ids of a section's tokens (-1 for tokens not in the vocabulary), written into `out`. */
  lookup(a: SectionAnalysis, out: Int32Array): Int32Array {
    for (let t = 0; t < a.count; t++) out[t] = this.idOfHashes(a.hashes[t]!, a.hashes2[t]!);
    return out;
  }
}

/** What the index knows about one distinct word: its id and the wildcard prefixes it matches. */
interface WordInfo {
  h2: number;
  id: number;
  /** Prefix ids of the wildcards this word matches, or null. */
  wild: Int32Array | null;
  /** Another word with the same first hash. */
  next: WordInfo | null;
}

/** Vocabulary id of each token of a section (-1 when the rubric never mentions the word). */
export type TokenIds = readonly number[];

/** Per-section result of classifying tokens against the index. */
export interface TokenClasses {
  ids: TokenIds;
  /** Wildcard prefix ids per token (null when none). */
  wild: Array<Int32Array | null>;
}

const WORD_CACHE_LIMIT = 50_000;

/** A set of single words, matched by interned id (case-insensitive, acronyms included). */
export class WordSet {
  /** Membership by id. Ids added to the vocabulary later are never members, so the size is fixed here. */
  private readonly bits: Uint8Array;
  readonly words: readonly string[];
  constructor(vocabulary: Vocabulary, words: readonly string[]) {
    const ids: number[] = [];
    const clean: string[] = [];
    for (const w of words) {
      const a = analyzeText(w.trim());
      if (a.count !== 1 || a.starts[0] !== 0 || a.ends[0] !== w.trim().length) {
        throw new Error(`"${w}" is not a single word`);
      }
      const lw = a.word(0);
      clean.push(lw);
      ids.push(vocabulary.intern(lw), vocabulary.intern('^' + lw));
    }
    this.bits = new Uint8Array(vocabulary.size);
    for (const id of ids) this.bits[id] = 1;
    this.words = clean;
  }
  has(id: number): boolean {
    return id >= 0 && id < this.bits.length && this.bits[id] === 1;
  }
}

/** Why a word list entry cannot be used in a WordSet, or undefined. */
export function wordProblem(word: string): string | undefined {
  const w = word.trim();
  const a = analyzeText(w);
  if (a.count !== 1 || a.starts[0] !== 0 || a.ends[0] !== w.length) return `"${word}" must be a single word (letters, digits, inner apostrophes)`;
  return undefined;
}

/** Wildcard symbols are stored as ~prefixId (negative), literal tokens as their vocabulary id (>= 0). */
function wildSymbol(prefixId: number): number {
  return ~prefixId;
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p <<= 1;
  return p;
}

function edgeHash(node: number, sym: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(sym, 0x85ebca77)) >>> 0;
}

/**
 * All phrase sets of a rubric in one trie over interned tokens. Each set gets a slot number; one pass over a
 * section's tokens finds the matches of every set at once (longest match per set at each position, no overlaps
 * within a set). Edges live in an open-addressing table of typed arrays, so matching allocates almost nothing.
 */
export class PhraseIndex {
  private slotCount = 0;
  /** Literal tokens (and words of word sets) -> ids. */
  readonly vocabulary = new Vocabulary();
  /** Wildcard prefixes, and their ids bucketed by the first two characters. */
  private readonly prefixes: string[] = [];
  private readonly prefixIds = new Map<string, number>();
  private readonly prefixBuckets = new Map<number, number[]>();

  /** Build-time edges (node -> sym -> child) and terminal slots per node. */
  private readonly buildEdges: Array<Map<number, number>> = [new Map()];
  private readonly buildEnds: Array<number[] | null> = [null];
  private frozen: FrozenTrie | null = null;
  /** Words seen in linted text, by first hash: their ids and wildcard matches (memoized across lints, bounded). */
  private wordCache = new Map<number, WordInfo>();
  // Scratch buffers for match(), reused across calls (match never re-enters itself).
  private scratchLastEnd = new Int32Array(0);
  private scratchFrontier: Int32Array<ArrayBuffer> = new Int32Array(32);
  private scratchNext: Int32Array<ArrayBuffer> = new Int32Array(32);
  // Sets matched from one start position; they grow when more sets match there, so no match is dropped.
  private scratchHitSlot: Int32Array<ArrayBuffer> = new Int32Array(64);
  private scratchHitEnd: Int32Array<ArrayBuffer> = new Int32Array(64);

  get slots(): number {
    return this.slotCount;
  }

  /** Registers a phrase set and returns its slot. */
  addSet(phrases: readonly string[]): number {
    const slot = this.slotCount++;
    for (const phrase of phrases) this.insertParts(parsePhrase(phrase), 0, 0, slot, false);
    this.frozen = null;
    this.wordCache = new Map();
    return slot;
  }

  private wordInfo(a: SectionAnalysis, t: number): WordInfo {
    const h = a.hashes[t]!;
    const h2 = a.hashes2[t]!;
    const head = this.wordCache.get(h);
    for (let i: WordInfo | null | undefined = head; i; i = i.next) if (i.h2 === h2) return i;
    let wild: Int32Array | null = null;
    if (this.prefixes.length > 0 && (a.flags[t]! & ACRONYM) === 0 && a.length(t) >= 3) {
      const w = a.word(t);
      const bucket = this.prefixBuckets.get((w.charCodeAt(0) << 16) | w.charCodeAt(1));
      if (bucket !== undefined) {
        const found: number[] = [];
        for (const pid of bucket) if (w.startsWith(this.prefixes[pid]!)) found.push(pid);
        if (found.length) wild = Int32Array.from(found);
      }
    }
    if (this.wordCache.size >= WORD_CACHE_LIMIT) this.wordCache = new Map();
    const entry: WordInfo = { h2, id: this.vocabulary.idOfHashes(h, h2), wild, next: head ?? null };
    this.wordCache.set(h, entry);
    return entry;
  }

  /** Vocabulary ids and wildcard matches of a section's tokens. */
  classify(a: SectionAnalysis): TokenClasses {
    const n = a.count;
    // Plain arrays: small typed arrays cost a native allocation each, which dominates at this size.
    const ids = new Array<number>(n);
    const wild = new Array<Int32Array | null>(n);
    for (let t = 0; t < n; t++) {
      const info = this.wordInfo(a, t);
      ids[t] = info.id;
      wild[t] = info.wild;
    }
    return { ids, wild };
  }

  private symbolFor(tok: PhraseToken): number {
    if (tok.wildcard) {
      let id = this.prefixIds.get(tok.key);
      if (id === undefined) {
        id = this.prefixes.length;
        this.prefixes.push(tok.key);
        this.prefixIds.set(tok.key, id);
        const bucketKey = (tok.key.charCodeAt(0) << 16) | tok.key.charCodeAt(1);
        let bucket = this.prefixBuckets.get(bucketKey);
        if (!bucket) {
          bucket = [];
          this.prefixBuckets.set(bucketKey, bucket);
        }
        bucket.push(id);
      }
      return wildSymbol(id);
    }
    return this.vocabulary.intern(tok.key);
  }

  /** Inserts every variant of parts[i..] below `node`, walking shared prefixes once. */
  private insertParts(parts: readonly PhrasePart[], i: number, node: number, slot: number, consumed: boolean): void {
    if (i === parts.length) {
      if (!consumed) return; // an all-empty variant matches nothing
      const ends = this.buildEnds[node] ?? (this.buildEnds[node] = []);
      if (!ends.includes(slot)) ends.push(slot);
      return;
    }
    for (const alt of parts[i]!) {
      let at = node;
      for (const tok of alt) {
        const sym = this.symbolFor(tok);
        const edges = this.buildEdges[at]!;
        let child = edges.get(sym);
        if (child === undefined) {
          child = this.buildEdges.length;
          this.buildEdges.push(new Map());
          this.buildEnds.push(null);
          edges.set(sym, child);
        }
        at = child;
      }
      this.insertParts(parts, i + 1, at, slot, consumed || alt.length > 0);
    }
  }

  private freeze(): FrozenTrie {
    if (this.frozen) return this.frozen;
    const nodeCount = this.buildEdges.length;
    let edgeCount = 0;
    for (const e of this.buildEdges) edgeCount += e.size;
    const capacity = nextPow2(edgeCount * 2 + 1);
    const keyNode = new Int32Array(capacity).fill(NO_NODE);
    const keySym = new Int32Array(capacity);
    const child = new Int32Array(capacity);
    const mask = capacity - 1;
    const rootChild = new Int32Array(this.vocabulary.size).fill(NO_NODE);
    this.buildEdges.forEach((edges, node) => {
      for (const [sym, to] of edges) {
        if (node === 0 && sym >= 0) rootChild[sym] = to;
        let h = edgeHash(node, sym) & mask;
        while (keyNode[h] !== NO_NODE) h = (h + 1) & mask;
        keyNode[h] = node;
        keySym[h] = sym;
        child[h] = to;
      }
    });
    const endsStart = new Int32Array(nodeCount + 1);
    const flat: number[] = [];
    for (let node = 0; node < nodeCount; node++) {
      endsStart[node] = flat.length;
      const e = this.buildEnds[node];
      if (e) flat.push(...e);
    }
    endsStart[nodeCount] = flat.length;
    this.frozen = {
      keyNode,
      keySym,
      child,
      mask,
      rootChild,
      endsStart,
      ends: Int32Array.from(flat),
      hasWild: this.prefixes.length > 0,
    };
    return this.frozen;
  }

  /**
   * Finds matches in one section for the slots where `active[slot]` is 1.
   * Returns an array indexed by slot (undefined where a slot has no match).
   */
  match(a: SectionAnalysis, classes: TokenClasses, active: Uint8Array): Array<Match[] | undefined> {
    const out: Array<Match[] | undefined> = new Array(this.slotCount);
    const n = a.count;
    if (n === 0) return out;
    const trie = this.freeze();
    const { keyNode, keySym, child, mask, rootChild, endsStart, ends } = trie;
    const flags = a.flags;
    const starts = a.starts;
    const tokEnds = a.ends;

    const ids = classes.ids;
    const wild = classes.wild;

    const edge = (node: number, sym: number): number => {
      let h = edgeHash(node, sym) & mask;
      for (;;) {
        const k = keyNode[h]!;
        if (k === NO_NODE) return NO_NODE;
        if (k === node && keySym[h] === sym) return child[h]!;
        h = (h + 1) & mask;
      }
    };

    const lastEnd = this.scratchLastEnd.length >= this.slotCount ? this.scratchLastEnd.fill(0, 0, this.slotCount) : (this.scratchLastEnd = new Int32Array(this.slotCount));
    let frontier = this.scratchFrontier;
    let next = this.scratchNext;
    let hitSlot = this.scratchHitSlot;
    let hitEnd = this.scratchHitEnd;

    for (let i = 0; i < n; i++) {
      let fCount = 0;
      const id0 = ids[i]!;
      if (id0 >= 0) {
        const c = rootChild[id0]!;
        if (c !== NO_NODE) frontier[fCount++] = c;
      }
      const w0 = wild[i];
      if (w0 !== null && w0 !== undefined) {
        for (let w = 0; w < w0.length; w++) {
          const c = edge(0, wildSymbol(w0[w]!));
          if (c !== NO_NODE) {
            if (fCount === frontier.length) frontier = growInt32(frontier);
            frontier[fCount++] = c;
          }
        }
      }
      if (fCount === 0) continue;
      let hCount = 0;
      let j = i;
      for (;;) {
        for (let f = 0; f < fCount; f++) {
          const node = frontier[f]!;
          for (let e = endsStart[node]!, ee = endsStart[node + 1]!; e < ee; e++) {
            const slot = ends[e]!;
            if (active[slot] === 0) continue;
            let h = 0;
            while (h < hCount && hitSlot[h] !== slot) h++;
            if (h === hCount) {
              if (hCount === hitSlot.length) {
                hitSlot = growInt32(hitSlot);
                hitEnd = growInt32(hitEnd);
              }
              hitSlot[hCount++] = slot;
            }
            hitEnd[h] = j;
          }
        }
        j++;
        if (j >= n || (flags[j]! & JOIN_PREV) === 0) break;
        let nCount = 0;
        const idj = ids[j]!;
        const wj = wild[j];
        for (let f = 0; f < fCount; f++) {
          const node = frontier[f]!;
          if (idj >= 0) {
            const c = edge(node, idj);
            if (c !== NO_NODE) {
              if (nCount === next.length) next = growInt32(next);
              next[nCount++] = c;
            }
          }
          if (wj !== null && wj !== undefined) for (let w = 0; w < wj.length; w++) {
            const c = edge(node, wildSymbol(wj[w]!));
            if (c !== NO_NODE) {
              if (nCount === next.length) next = growInt32(next);
              next[nCount++] = c;
            }
          }
        }
        if (nCount === 0) break;
        const swap = frontier;
        frontier = next;
        next = swap;
        fCount = nCount;
      }
      for (let h = 0; h < hCount; h++) {
        const slot = hitSlot[h]!;
        if (i < lastEnd[slot]!) continue;
        const last = hitEnd[h]!;
        lastEnd[slot] = last + 1;
        const list = out[slot] ?? (out[slot] = []);
        list.push({ start: starts[i]!, end: tokEnds[last]!, tok: i, tokEnd: last + 1 });
      }
    }
    if (frontier.length > this.scratchFrontier.length) this.scratchFrontier = frontier;
    if (next.length > this.scratchNext.length) this.scratchNext = next;
    if (hitSlot.length > this.scratchHitSlot.length) {
      this.scratchHitSlot = hitSlot;
      this.scratchHitEnd = hitEnd;
    }
    return out;
  }
}

interface FrozenTrie {
  keyNode: Int32Array;
  keySym: Int32Array;
  child: Int32Array;
  mask: number;
  rootChild: Int32Array;
  endsStart: Int32Array;
  ends: Int32Array;
  hasWild: boolean;
}

function growInt32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A standalone matcher for one phrase set (tests and tools; the engine shares one index across rules). */
export function findPhrases(text: string, phrases: readonly string[]): Match[] {
  const index = new PhraseIndex();
  const slot = index.addSet(phrases);
  const active = new Uint8Array(index.slots).fill(1);
  const a = analyzeText(text);
  return index.match(a, index.classify(a), active)[slot] ?? [];
}
