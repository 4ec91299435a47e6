import fc from 'fast-check';
import { canonicalInlines, type Block, type Inline, type ListBlock, type ListItem } from '../../../shared/story-format/blocks.ts';

/**
 * Arbitrary section bodies in canonical form: what the Markdown parser can give back exactly. Text runs avoid
 * newlines, leading and trailing spaces at line edges, and neighbouring lists of the same type (which Markdown,
 * like Lexical, merges into one list).
 */
const chars = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABC0123456789'.split(''),
  ' ', ' ', '*', '\\', '-', '#', '_', '.', ',', ':', '!', '?', '(', ')', '[', ']', '`', '>', '1.', 'é', '’', '"', '%', '$', '+', '—',
);
const word = fc.array(chars, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

const run = fc.record({
  text: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  bold: fc.boolean(),
  italic: fc.boolean(),
});

function toInlines(parts: Array<{ text: string; bold: boolean; italic: boolean } | null>): Inline[] {
  return canonicalInlines(parts.map((p): Inline => (p === null ? { kind: 'break' } : { kind: 'text', ...p })));
}

export const inlines = fc
  .array(fc.oneof({ weight: 6, arbitrary: run }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 1, maxLength: 6 })
  .map(toInlines)
  .filter((list) => list.some((i) => i.kind === 'text'));

const itemOf = (nested: fc.Arbitrary<ListBlock[]>): fc.Arbitrary<ListItem> => fc.record({ inlines, children: nested });

const list = (depth: number): fc.Arbitrary<ListBlock> =>
  fc.record({
    kind: fc.constant('list' as const),
    ordered: fc.boolean(),
    start: fc.integer({ min: 1, max: 12 }),
    items: fc.array(itemOf(depth < 2 ? fc.array(list(depth + 1), { maxLength: 1 }) : fc.constant([])), { minLength: 1, maxLength: 3 }),
  }).map((l) => (l.ordered ? l : { ...l, start: 1 }));

const paragraph: fc.Arbitrary<Block> = inlines.map((i) => ({ kind: 'paragraph' as const, inlines: i }));

/** Blocks with no two neighbouring lists of the same type. */
export const blocks: fc.Arbitrary<Block[]> = fc.array(fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 2, arbitrary: list(0) }), { maxLength: 5 }).map((bs) => {
  const out: Block[] = [];
  for (const b of bs) {
    const prev = out[out.length - 1];
    if (b.kind === 'list' && prev?.kind === 'list' && prev.ordered === b.ordered) continue;
    out.push(b);
  }
  return out;
});
