/**
 * A word-level diff of two plain texts, for comparing revisions of a story section side by side.
 *
 * Texts are split into tokens (runs of non-space characters, and runs of white space), common tokens at both ends
 * are set aside, and the middle is compared with Myers' O(ND) algorithm. Joining the `same` and `removed` parts
 * gives back the old text exactly; joining `same` and `added` gives back the new text.
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Beyond this many edits the middle of the texts is shown as one removal and one addition (still exact). */
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
 * The shortest edit script between token lists a and b (Myers), as a list of operations from the start.
 * Returns null when the texts differ by more than `max` edits.
 */
function myers(a: readonly string[], b: readonly string[], max: number): Array<'same' | 'added' | 'removed'> | null {
  const n = a.length;
  const m = b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) {
        x = v[offset + k + 1] as number;
      } else {
        x = (v[offset + k - 1] as number) + 1;
      }
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, offset);
    }
  }
  return null;
}

function backtrack(
  trace: readonly Int32Array[],
  n: number,
  m: number,
  offset: number,
): Array<'same' | 'added' | 'removed'> {
  const ops: Array<'same' | 'added' | 'removed'> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    // trace[d]: the furthest x reached on each diagonal after d - 1 edits.
    const v = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (v[offset + prevK] as number);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('same');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? 'added' : 'removed');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** The word-level difference between an older and a newer text. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
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
  const ops = myers(midA, midB, Math.min(MAX_EDIT_DISTANCE, midA.length + midB.length));
  if (ops === null) {
    push(out, 'removed', midA.join(''));
    push(out, 'added', midB.join(''));
  } else {
    let i = 0;
    let j = 0;
    for (const op of ops) {
      if (op === 'same') {
        push(out, 'same', midA[i] as string);
        i++;
        j++;
      } else if (op === 'removed') {
        push(out, 'removed', midA[i] as string);
        i++;
      } else {
        push(out, 'added', midB[j] as string);
        j++;
      }
    }
  }
  push(out, 'same', a.slice(endA).join(''));
  return out;
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
