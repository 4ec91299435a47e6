import { analyzeText, hashKey, JOIN_PREV, ACRONYM, type SectionAnalysis } from './text-analysis.ts';

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

/** Expands alternation groups into plain word sequences. */
export function expandPhrase(phrase: string): string[] {
  const trimmed = phrase.trim();
  if (trimmed === '') throw new PhraseSyntaxError(phrase, 'is empty');
  let variants: string[] = [''];
  let i = 0;
  while (i < trimmed.length) {
    const ch = trimmed[i];
    if (ch === '(') {
      const close = trimmed.indexOf(')', i + 1);
      if (close < 0) throw new PhraseSyntaxError(phrase, `has "(" at position ${i + 1} without a closing ")"`);
      const inner = trimmed.slice(i + 1, close);
      if (inner.includes('(')) throw new PhraseSyntaxError(phrase, 'nests parentheses; write the alternatives out instead');
      const alternatives = inner.split('|').map((a) => a.trim());
      if (alternatives.length < 2 && alternatives[0] !== '') {
        // "(word)" alone is allowed but pointless; treat it as the word.
      }
      const next: string[] = [];
      for (const v of variants) for (const alt of alternatives) next.push(v + alt);
      if (next.length > MAX_VARIANTS) throw new PhraseSyntaxError(phrase, `expands to more than ${MAX_VARIANTS} variants`);
      variants = next;
      i = close + 1;
    } else if (ch === ')' || ch === '|') {
      throw new PhraseSyntaxError(phrase, `has a stray "${ch}" at position ${i + 1}`);
    } else {
      let j = i;
      while (j < trimmed.length && trimmed[j] !== '(' && trimmed[j] !== ')' && trimmed[j] !== '|') j++;
      const chunk = trimmed.slice(i, j);
      variants = variants.map((v) => v + chunk);
      i = j;
    }
  }
  const out = new Set<string>();
  for (const v of variants) {
    const clean = v.replace(/\s+/g, ' ').trim();
    if (clean !== '') out.add(clean);
  }
  if (out.size === 0) throw new PhraseSyntaxError(phrase, 'matches nothing (every alternative is empty)');
  return [...out];
}

/** Turns a phrase into the token sequences it matches. Throws PhraseSyntaxError on bad syntax. */
export function compilePhrase(phrase: string): PhraseToken[][] {
  const result: PhraseToken[][] = [];
  for (const variant of expandPhrase(phrase)) {
    const tokens: PhraseToken[] = [];
    for (const word of variant.split(' ')) {
      const wildcard = word.endsWith('*');
      const body = wildcard ? word.slice(0, -1) : word;
      if (body.includes('*')) throw new PhraseSyntaxError(phrase, 'may use "*" only at the end of a word');
      const a = analyzeText(body);
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
    }
    result.push(tokens);
  }
  return result;
}

/** Checks phrase syntax without keeping the result: undefined when fine, otherwise the problem. */
export function phraseProblem(phrase: string): string | undefined {
  try {
    compilePhrase(phrase);
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
 * Interned token keys. Tokens are looked up by the hash analyzeText computed while reading them, and checked
 * character by character, so no string is built for a token that is not in the vocabulary.
 */
export class Vocabulary {
  private readonly words: string[] = [];
  private readonly byKey = new Map<string, number>();
  private tableHash = new Int32Array(0);
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
    this.tableId = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.words.forEach((w, id) => {
      const h = hashKey(w);
      let slot = (h ^ (h >>> 15)) & this.mask;
      while (this.tableId[slot] !== -1) slot = (slot + 1) & this.mask;
      this.tableHash[slot] = h;
      this.tableId[slot] = id;
    });
  }

  /** Ids of a section's tokens (-1 for tokens not in the vocabulary), written into `out`. */
  lookup(a: SectionAnalysis, out: Int32Array): Int32Array {
    if (this.mask < 0) this.build();
    const mask = this.mask;
    const tableHash = this.tableHash;
    const tableId = this.tableId;
    const words = this.words;
    const hashes = a.hashes;
    for (let t = 0; t < a.count; t++) {
      const h = hashes[t]!;
      let slot = (h ^ (h >>> 15)) & mask;
      let found = -1;
      for (;;) {
        const id = tableId[slot]!;
        if (id === -1) break;
        if (tableHash[slot] === h && a.keyEquals(t, words[id]!)) {
          found = id;
          break;
        }
        slot = (slot + 1) & mask;
      }
      out[t] = found;
    }
    return out;
  }
}

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
  /** The same buckets for two ASCII lower-case letters, indexed (c0 - 97) * 26 + (c1 - 97). */
  private asciiBuckets: Array<number[] | undefined> = [];
  /** Build-time edges (node -> sym -> child) and terminal slots per node. */
  private readonly buildEdges: Array<Map<number, number>> = [new Map()];
  private readonly buildEnds: Array<number[] | null> = [null];
  private frozen: FrozenTrie | null = null;
  // Scratch buffers for match(), reused across calls (match never re-enters itself).
  private scratchWild = new Int32Array(0);
  private scratchLastEnd = new Int32Array(0);
  private scratchFrontier: Int32Array<ArrayBuffer> = new Int32Array(32);
  private scratchNext: Int32Array<ArrayBuffer> = new Int32Array(32);
  private readonly scratchHitSlot = new Int32Array(64);
  private readonly scratchHitEnd = new Int32Array(64);

  get slots(): number {
    return this.slotCount;
  }

  /** Registers a phrase set and returns its slot. */
  addSet(phrases: readonly string[]): number {
    const slot = this.slotCount++;
    for (const phrase of phrases) {
      for (const seq of compilePhrase(phrase)) this.insert(seq, slot);
    }
    this.frozen = null;
    return slot;
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
        const c0 = tok.key.charCodeAt(0) - 97;
        const c1 = tok.key.charCodeAt(1) - 97;
        if (c0 >= 0 && c0 < 26 && c1 >= 0 && c1 < 26) this.asciiBuckets[c0 * 26 + c1] = bucket;
      }
      return wildSymbol(id);
    }
    return this.vocabulary.intern(tok.key);
  }

  private insert(seq: PhraseToken[], slot: number): void {
    let node = 0;
    for (const tok of seq) {
      const sym = this.symbolFor(tok);
      const edges = this.buildEdges[node]!;
      let child = edges.get(sym);
      if (child === undefined) {
        child = this.buildEdges.length;
        this.buildEdges.push(new Map());
        this.buildEnds.push(null);
        edges.set(sym, child);
      }
      node = child;
    }
    const ends = this.buildEnds[node] ?? (this.buildEnds[node] = []);
    if (!ends.includes(slot)) ends.push(slot);
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
  match(a: SectionAnalysis, ids: Int32Array, active: Uint8Array): Array<Match[] | undefined> {
    const out: Array<Match[] | undefined> = new Array(this.slotCount);
    const n = a.count;
    if (n === 0) return out;
    const trie = this.freeze();
    const { keyNode, keySym, child, mask, rootChild, endsStart, ends } = trie;
    const flags = a.flags;
    const starts = a.starts;
    const tokEnds = a.ends;

    // Wildcard prefixes each token matches (scratch buffer reused across calls).
    if (this.scratchWild.length < n + 1) this.scratchWild = new Int32Array(nextPow2(n + 1));
    let wildStart: Int32Array | null = null;
    let wildIds: number[] | null = null;
    if (trie.hasWild) {
      wildStart = this.scratchWild;
      wildIds = [];
      const buckets = this.prefixBuckets;
      const ascii = this.asciiBuckets;
      const prefixes = this.prefixes;
      const text = a.text;
      for (let t = 0; t < n; t++) {
        wildStart[t] = wildIds.length;
        if ((flags[t]! & ACRONYM) !== 0) continue;
        const s0 = starts[t]!;
        if (tokEnds[t]! - s0 < 3) continue;
        // Bucket by the first two characters, lower-cased without building the word.
        let c0 = text.charCodeAt(s0);
        let c1 = text.charCodeAt(s0 + 1);
        if (c0 >= 65 && c0 <= 90) c0 += 32;
        if (c1 >= 65 && c1 <= 90) c1 += 32;
        let bucket: number[] | undefined;
        if (c0 >= 97 && c0 <= 122 && c1 >= 97 && c1 <= 122) bucket = ascii[(c0 - 97) * 26 + (c1 - 97)];
        else if (c0 >= 128 || c1 >= 128) bucket = buckets.get((a.word(t).charCodeAt(0) << 16) | a.word(t).charCodeAt(1));
        else bucket = buckets.get((c0 << 16) | c1);
        if (bucket === undefined) continue;
        for (const pid of bucket) if (a.startsWithLower(t, prefixes[pid]!)) wildIds.push(pid);
      }
      wildStart[n] = wildIds.length;
    }

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
    const hitSlot = this.scratchHitSlot;
    const hitEnd = this.scratchHitEnd;

    for (let i = 0; i < n; i++) {
      let fCount = 0;
      const id0 = ids[i]!;
      if (id0 >= 0) {
        const c = rootChild[id0]!;
        if (c !== NO_NODE) frontier[fCount++] = c;
      }
      if (wildStart !== null) {
        for (let w = wildStart[i]!, we = wildStart[i + 1]!; w < we; w++) {
          const c = edge(0, wildSymbol(wildIds![w]!));
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
              if (hCount === hitSlot.length) continue;
              hitSlot[hCount++] = slot;
            }
            hitEnd[h] = j;
          }
        }
        j++;
        if (j >= n || (flags[j]! & JOIN_PREV) === 0) break;
        let nCount = 0;
        const idj = ids[j]!;
        const ws = wildStart === null ? 0 : wildStart[j]!;
        const we = wildStart === null ? 0 : wildStart[j + 1]!;
        for (let f = 0; f < fCount; f++) {
          const node = frontier[f]!;
          if (idj >= 0) {
            const c = edge(node, idj);
            if (c !== NO_NODE) {
              if (nCount === next.length) next = growInt32(next);
              next[nCount++] = c;
            }
          }
          for (let w = ws; w < we; w++) {
            const c = edge(node, wildSymbol(wildIds![w]!));
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
  return index.match(a, index.vocabulary.lookup(a, new Int32Array(a.count)), active)[slot] ?? [];
}
