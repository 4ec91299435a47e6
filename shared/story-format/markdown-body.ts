import { canonicalInlines, normalizeInlines, type Block, type Inline, type ListBlock, type ListItem } from './blocks.ts';

/**
 * The Markdown of one section body: paragraphs separated by blank lines, "- " (or "* ", "+ ") bullet lists and
 * "1. " numbered lists (indent by two or more spaces to nest), **bold**, *italic* (***both***), a backslash at the end
 * of a line for a hard line break, and backslash escapes for literal characters. A single newline inside a
 * paragraph is a soft break (a space), as in CommonMark. The printer writes the canonical form the parser reads back
 * to the same blocks.
 */

const ITEM = /^( *)([-+*]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

/** Characters a backslash may escape. */
const ESCAPABLE = new Set('\\*_`#+-.!()[]{}<>|~'.split(''));

// ---------------------------------------------------------------------------------------------------------- inline

interface Delimiter {
  /** Index in `pieces` of this delimiter run. */
  piece: number;
  bold: boolean;
  italic: boolean;
}

/**
 * Parses inline Markdown: escapes and emphasis. A "\n" in the input is a hard line break. Emphasis toggles by
 * delimiter runs (one star italic, two bold, three both); a run that never closes is literal text.
 */
export function parseInline(source: string): Inline[] {
  // Pass 1: split into literal text pieces and star runs.
  const pieces: Array<{ text: string; stars: number }> = [];
  let buf = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < source.length && ESCAPABLE.has(source[i + 1]!)) {
      buf += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '*') {
      let j = i;
      while (j < source.length && source[j] === '*') j++;
      if (buf) pieces.push({ text: buf, stars: 0 });
      buf = '';
      let run = j - i;
      // Runs longer than three: the extra stars are literal.
      if (run > 3) {
        pieces.push({ text: '*'.repeat(run - 3), stars: 0 });
        run = 3;
      }
      pieces.push({ text: '', stars: run });
      i = j;
      continue;
    }
    buf += ch;
    i++;
  }
  if (buf) pieces.push({ text: buf, stars: 0 });

  // Pass 2: decide which runs toggle bold and italic; an unmatched toggle becomes literal stars.
  const toggles: Delimiter[] = [];
  pieces.forEach((p, index) => {
    if (p.stars > 0) toggles.push({ piece: index, bold: p.stars >= 2, italic: p.stars !== 2 });
  });
  for (const bit of ['bold', 'italic'] as const) {
    const uses = toggles.filter((t) => t[bit]);
    if (uses.length % 2 === 1) uses[uses.length - 1]![bit] = false;
  }
  const literalStars = new Map<number, number>();
  for (const t of toggles) {
    const used = (t.bold ? 2 : 0) + (t.italic ? 1 : 0);
    const stars = pieces[t.piece]!.stars;
    if (used < stars) literalStars.set(t.piece, stars - used);
  }
  const byPiece = new Map(toggles.map((t) => [t.piece, t]));

  // Pass 3: emit runs.
  const out: Inline[] = [];
  let bold = false;
  let italic = false;
  const emit = (value: string) => {
    const lines = value.split('\n');
    lines.forEach((line, k) => {
      if (k > 0) out.push({ kind: 'break' });
      if (line) out.push({ kind: 'text', text: line, bold, italic });
    });
  };
  pieces.forEach((p, index) => {
    if (p.stars === 0) {
      emit(p.text);
      return;
    }
    const t = byPiece.get(index)!;
    const literal = literalStars.get(index);
    if (literal) emit('*'.repeat(literal));
    if (t.bold) bold = !bold;
    if (t.italic) italic = !italic;
  });
  return normalizeInlines(out);
}

function escapeText(value: string): string {
  return value.replace(/[\\*]/g, (c) => '\\' + c);
}

/** Escapes what would start a list item or a heading at the start of a line. */
function escapeLineStart(value: string): string {
  if (/^[-+](?:[ \t]|$)/.test(value)) return '\\' + value;
  if (value.startsWith('#')) return '\\' + value;
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(value);
  if (ordered) return ordered[1] + '\\' + value.slice(ordered[1]!.length);
  return value;
}

/** Prints inlines; `continuation` is the indentation of lines after a hard break. */
export function printInline(source: readonly Inline[], continuation = ''): string {
  // Spaces at line edges do not survive Markdown: print the canonical form, which reads back exactly.
  const inlines = canonicalInlines(source);
  let out = '';
  let bold = false;
  let italic = false;
  let atLineStart = true;
  const close = () => {
    const n = (bold ? 2 : 0) + (italic ? 1 : 0);
    // Close in the order they nest: a run of 1, 2 or 3 stars toggles exactly what is open.
    out += '*'.repeat(n);
    bold = false;
    italic = false;
  };
  for (let index = 0; index < inlines.length; index++) {
    const inline = inlines[index]!;
    if (inline.kind === 'break') {
      // Close emphasis before a line break (and reopen after): a line that began with a closing "*" could read
      // as a list item.
      if (bold || italic) close();
      out += '\\\n' + continuation;
      atLineStart = true;
      continue;
    }
    const n = (inline.bold !== bold ? 2 : 0) + (inline.italic !== italic ? 1 : 0);
    const value = inline.text;
    if (n > 0) {
      out += '*'.repeat(n);
      bold = inline.bold;
      italic = inline.italic;
      atLineStart = false;
    }
    let escaped = escapeText(value);
    if (atLineStart) escaped = escapeLineStart(escaped);
    out += escaped;
    atLineStart = false;
  }
  if (bold || italic) close();
  return out;
}

// ------------------------------------------------------------------------------------------------------- block

interface OpenList {
  list: ListBlock;
  indent: number;
}

function itemKind(marker: string): { ordered: boolean; start: number } {
  if (/^\d/.test(marker)) return { ordered: true, start: Number.parseInt(marker, 10) };
  return { ordered: false, start: 1 };
}

/** Removes a trailing hard-break backslash (an odd number of trailing backslashes). */
function splitHardBreak(line: string): { content: string; hard: boolean } {
  let n = 0;
  while (n < line.length && line[line.length - 1 - n] === '\\') n++;
  if (n % 2 === 1) return { content: line.slice(0, -1), hard: true };
  return { content: line, hard: false };
}

/** Joins the lines of one paragraph or item: soft breaks become spaces, hard breaks "\n". */
class LineJoiner {
  private source = '';
  private pendingHard = false;
  private started = false;

  add(rawLine: string): void {
    const { content, hard } = splitHardBreak(rawLine.trim());
    const piece = hard ? content.replace(/[ \t]+$/, '') : content;
    if (this.started) this.source += this.pendingHard ? '\n' : ' ';
    this.source += piece;
    this.started = true;
    this.pendingHard = hard;
  }

  inlines(): Inline[] {
    // A hard break at the very end of a paragraph has nothing to break: keep it (Lexical allows it).
    return canonicalInlines(parseInline(this.pendingHard ? this.source + '\n' : this.source));
  }
}

/** Parses a section body into blocks. Never throws: anything unrecognized is paragraph text. */
export function parseBody(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: LineJoiner | null = null;
  let stack: OpenList[] = [];
  let item: { target: ListItem; joiner: LineJoiner } | null = null;
  let afterBlank = false;

  const flushParagraph = () => {
    if (paragraph) {
      const inlines = paragraph.inlines();
      if (inlines.length) blocks.push({ kind: 'paragraph', inlines });
      paragraph = null;
    }
  };
  const flushItem = () => {
    if (item) {
      item.target.inlines = item.joiner.inlines();
      item = null;
    }
  };
  const closeLists = () => {
    flushItem();
    stack = [];
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushItem();
      afterBlank = true;
      continue;
    }
    const m = ITEM.exec(line);
    if (m) {
      flushParagraph();
      flushItem();
      const indent = m[1]!.length;
      const { ordered, start } = itemKind(m[2]!);
      const newItem: ListItem = { inlines: [], children: [] };
      let top = stack[stack.length - 1];
      if (top && indent >= top.indent + 2 && top.list.items.length > 0) {
        // Nested under the last item of the current list.
        const parent = top.list.items[top.list.items.length - 1]!;
        let nested = parent.children[parent.children.length - 1];
        if (!nested || nested.ordered !== ordered) {
          nested = { kind: 'list', ordered, start, items: [] };
          parent.children.push(nested);
        }
        stack.push({ list: nested, indent });
      } else {
        while (stack.length > 1 && indent < stack[stack.length - 1]!.indent - 1) stack.pop();
        top = stack[stack.length - 1];
        if (!top || (stack.length === 1 && top.list.ordered !== ordered)) {
          const list: ListBlock = { kind: 'list', ordered, start, items: [] };
          blocks.push(list);
          stack = [{ list, indent }];
        } else if (top.list.ordered !== ordered) {
          // A nested list changing type continues under the same parent as a new list.
          stack.pop();
          const holder = stack[stack.length - 1]!;
          const parent = holder.list.items[holder.list.items.length - 1]!;
          const list: ListBlock = { kind: 'list', ordered, start, items: [] };
          parent.children.push(list);
          stack.push({ list, indent });
        }
      }
      const current = stack[stack.length - 1]!;
      current.list.items.push(newItem);
      const joiner = new LineJoiner();
      joiner.add(m[3] ?? '');
      item = { target: newItem, joiner };
      afterBlank = false;
      continue;
    }
    // Plain text line.
    if (item && !afterBlank) {
      item.joiner.add(line);
      continue;
    }
    if (stack.length) closeLists();
    if (!paragraph) paragraph = new LineJoiner();
    paragraph.add(line);
    afterBlank = false;
  }
  flushParagraph();
  flushItem();
  return blocks;
}

function printList(list: ListBlock, indent: string, out: string[]): void {
  let n = list.start;
  for (const item of list.items) {
    const marker = list.ordered ? `${n}.` : '-';
    n++;
    const continuation = indent + ' '.repeat(marker.length + 1);
    const body = printInline(item.inlines, continuation);
    out.push(body ? `${indent}${marker} ${body}` : `${indent}${marker}`);
    for (const child of item.children) printList(child, continuation, out);
  }
}

/** Prints blocks as canonical Markdown (blocks separated by one blank line, no trailing newline). */
export function printBody(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const body = printInline(block.inlines);
      if (body) parts.push(body);
    } else {
      const lines: string[] = [];
      printList(block, '', lines);
      if (lines.length) parts.push(lines.join('\n'));
    }
  }
  return parts.join('\n\n');
}
