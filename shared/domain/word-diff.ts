import { diffArrays } from 'diff';

/**
 * A word-level diff of two plain texts, for comparing revisions of a story section side by side.
 *
 * Texts are split into tokens (words, punctuation marks and runs of white space), common tokens at both ends are
 * set aside, and the middle is compared by jsdiff (Myers' O(ND) algorithm) with a bound on its work. Joining the
 * `same` and `removed` parts gives back the old text exactly; joining `same` and `added` gives back the new text.
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Beyond this many token edits the middle of the texts is shown as one removal and one addition (still exact). */
const MAX_EDIT_DISTANCE = 2000;

/**
 * Words, punctuation marks and the white space between them, in order; joined they give back the text. A word
 * keeps its inner apostrophes, hyphens and decimal points ("don't", "on-call", "0.1"); other punctuation stands
 * alone, so "owner," and "owner" share the word.
 */
const TOKEN = /\s+|[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function push(out: DiffPart[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/**
 * Limits on the comparison, so a huge pair of revisions cannot hold up the screen: past `maxEdits` token edits or
 * `timeoutMs` milliseconds, jsdiff gives up and the pair is reported as too different to compare word by word.
 */
export interface WordDiffLimits {
  maxEdits: number;
  timeoutMs: number;
}

export const DEFAULT_LIMITS: WordDiffLimits = { maxEdits: MAX_EDIT_DISTANCE, timeoutMs: 250 };

export interface WordDiff {
  parts: DiffPart[];
  /**
   * True when the texts differ by more than the limits allow: `parts` then holds the differing middle as one
   * removal and one addition (still exact), and the screen says so instead of marking words.
   */
  tooDifferent: boolean;
}

/**
 * The word-level difference between an older and a newer text. jsdiff's own diffWords is not used: it ignores
 * changes in white space, so its parts would not give back the old text exactly. Its Myers engine (diffArrays)
 * runs on this module's tokens instead.
 */
export function diffWords(before: string, after: string, limits: WordDiffLimits = DEFAULT_LIMITS): WordDiff {
  const a = tokenize(before);
  const b = tokenize(after);
  // Common tokens at both ends are set aside first: a long text with one edit costs no more than a short one.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffPart[] = [];
  push(out, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  let tooDifferent = false;
  if (midA.length === 0 || midB.length === 0) {
    push(out, 'removed', midA.join(''));
    push(out, 'added', midB.join(''));
  } else {
    const changes = diffArrays(midA, midB, { maxEditLength: limits.maxEdits, timeout: limits.timeoutMs });
    if (changes === undefined) {
      tooDifferent = true;
      push(out, 'removed', midA.join(''));
      push(out, 'added', midB.join(''));
    } else {
      for (const change of changes) push(out, change.added ? 'added' : change.removed ? 'removed' : 'same', change.value.join(''));
    }
  }
  push(out, 'same', a.slice(endA).join(''));
  return { parts: out, tooDifferent };
}

/** The old text (kind 'same' and 'removed') and the new text ('same' and 'added') of a diff. */
export function sidesOf(parts: readonly DiffPart[]): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const part of parts) {
    if (part.kind !== 'added') before += part.text;
    if (part.kind !== 'removed') after += part.text;
  }
  return { before, after };
}

/** How many words were added and removed (white space and punctuation not counted). */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.kind === 'same') continue;
    const words = part.text.match(WORD)?.length ?? 0;
    if (part.kind === 'added') added += words;
    else removed += words;
  }
  return { added, removed };
}
