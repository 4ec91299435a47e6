import type { Nodes, Paragraph as MdParagraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toMarkdown } from 'mdast-util-to-markdown';
import { canonicalInlines, normalizeInlines, type Block, type Inline, type ListBlock, type ListItem } from './blocks.ts';

/**
 * The Markdown of one section body, read and written as CommonMark by mdast (mdast-util-from-markdown and
 * mdast-util-to-markdown): paragraphs, bullet lists ("- ", "* " or "+ ") and numbered lists ("1. " or "1) "),
 * nested by indenting under the item's text, *italic* or _italic_, **bold** or __bold__, a backslash (or two
 * spaces) at the end of a line for a hard line break, and backslash escapes for literal characters. A single
 * newline inside a paragraph is a soft break (a space).
 *
 * A section holds only that much, so the rest of CommonMark is kept as the text it was written as: a link, code,
 * HTML or a rule reads as its own source characters, a quote as its text after "> ", a heading as its text. Reading
 * never throws. Neighbouring lists of one type become one list, as they do in the editor. One rule is the story
 * format's own: a backslash ending a paragraph or list item is a hard break there too (Lexical lets a paragraph end
 * with one; CommonMark would read the backslash as text). The printer writes the canonical form, which reads back to
 * the same blocks.
 */

interface Format {
  bold: boolean;
  italic: boolean;
}

// ------------------------------------------------------------------------------------------------------- reading

/** What an mdast node was written as. */
function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** Text with its soft line breaks (and the spaces around them) as single spaces. */
function softText(value: string, format: Format): Inline {
  return { kind: 'text', text: value.replace(/[ \t]*\n[ \t]*/g, ' '), ...format };
}

function phrasing(nodes: readonly PhrasingContent[], format: Format, source: string, out: Inline[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(softText(node.value, format));
        break;
      case 'emphasis':
        phrasing(node.children, { ...format, italic: true }, source, out);
        break;
      case 'strong':
        phrasing(node.children, { ...format, bold: true }, source, out);
        break;
      case 'break':
        out.push({ kind: 'break' });
        break;
      default:
        // Links, images, code and inline HTML: the characters as written.
        out.push(softText(sourceOf(node, source), format));
    }
  }
}

/** The inlines of a paragraph, with the format's trailing-backslash hard break. */
function paragraphInlines(node: MdParagraph, source: string): Inline[] {
  const out: Inline[] = [];
  phrasing(node.children, { bold: false, italic: false }, source, out);
  const written = sourceOf(node, source);
  const backslashes = /\\*$/.exec(written)![0].length;
  const last = out[out.length - 1];
  if (backslashes % 2 === 1 && last?.kind === 'text' && last.text.endsWith('\\')) {
    last.text = last.text.slice(0, -1);
    out.push({ kind: 'break' });
  }
  return canonicalInlines(out);
}

/** Lines written as they are, joined by hard breaks (code, HTML, a rule, a definition). */
function literalLines(node: Nodes, source: string): Inline[] {
  const out: Inline[] = [];
  sourceOf(node, source)
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) out.push({ kind: 'break' });
      out.push({ kind: 'text', text: line, bold: false, italic: false });
    });
  return canonicalInlines(out);
}

function pushParagraph(out: Block[], inlines: Inline[]): void {
  if (inlines.some((i) => i.kind === 'text')) out.push({ kind: 'paragraph', inlines });
}

/** Appends a list, merging it into the list before it when both are of one type. */
function pushList(out: Array<Block | ListBlock>, list: ListBlock): void {
  const prev = out[out.length - 1];
  if (list.items.length === 0) return;
  if (prev?.kind === 'list' && prev.ordered === list.ordered) prev.items.push(...list.items);
  else out.push(list);
}

function listOf(node: Extract<RootContent, { type: 'list' }>, source: string): ListBlock {
  const ordered = node.ordered === true;
  const list: ListBlock = { kind: 'list', ordered, start: ordered ? (node.start ?? 1) : 1, items: [] };
  for (const child of node.children) {
    let item: ListItem = { inlines: [], children: [] };
    list.items.push(item);
    for (const block of flow(child.children, source)) {
      if (block.kind === 'list') {
        pushList(item.children, block);
      } else if (item.children.length === 0) {
        // A second paragraph of an item continues it after a line break.
        item.inlines = item.inlines.length ? canonicalInlines([...item.inlines, { kind: 'break' }, ...block.inlines]) : block.inlines;
      } else {
        // Text after an item's nested list: Lexical cannot hold it there, so it goes on as the next item.
        item = { inlines: block.inlines, children: [] };
        list.items.push(item);
      }
    }
  }
  return list;
}

function flow(nodes: readonly Nodes[], source: string): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        pushParagraph(out, paragraphInlines(node, source));
        break;
      case 'list':
        pushList(out, listOf(node, source));
        break;
      case 'heading': {
        // Section headings never reach a body (story-markdown.ts takes them); other headings keep their marks.
        const written = sourceOf(node, source);
        const inlines: Inline[] = [];
        const atx = written.trimStart().startsWith('#');
        if (atx) inlines.push({ kind: 'text', text: '#'.repeat(node.depth) + ' ', bold: false, italic: false });
        phrasing(node.children, { bold: false, italic: false }, source, inlines);
        if (!atx) inlines.push({ kind: 'text', text: ' ' + written.slice(written.lastIndexOf('\n') + 1).trim(), bold: false, italic: false });
        pushParagraph(out, canonicalInlines(inlines));
        break;
      }
      case 'blockquote': {
        const inner = flow(node.children, source);
        const first = inner[0];
        if (first?.kind === 'paragraph') first.inlines = canonicalInlines([{ kind: 'text', text: '> ', bold: false, italic: false }, ...first.inlines]);
        for (const block of inner) {
          if (block.kind === 'list') pushList(out, block);
          else out.push(block);
        }
        break;
      }
      default:
        pushParagraph(out, literalLines(node, source));
    }
  }
  return out;
}

/** Parses a section body into blocks. Never throws: anything the format has no place for is paragraph text. */
export function parseBody(markdown: string): Block[] {
  const source = markdown.replace(/\r\n?/g, '\n');
  return flow(fromMarkdown(source).children, source);
}

// ------------------------------------------------------------------------------------------------------ printing

/**
 * One line of runs as mdast phrasing: the format that lasts longest from each point opens first, so "*a **b** c*"
 * nests instead of closing and reopening.
 */
function nest(runs: ReadonlyArray<Extract<Inline, { kind: 'text' }>>, open: Format): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    const extent = (flag: keyof Format): number => {
      if (open[flag] || !run[flag]) return 0;
      let j = i;
      while (j < runs.length && runs[j]![flag]) j++;
      return j - i;
    };
    const bold = extent('bold');
    const italic = extent('italic');
    if (bold === 0 && italic === 0) {
      out.push({ type: 'text', value: run.text });
      i++;
      continue;
    }
    const flag: keyof Format = bold >= italic ? 'bold' : 'italic';
    const length = Math.max(bold, italic);
    const children = nest(runs.slice(i, i + length), { ...open, [flag]: true });
    out.push(flag === 'bold' ? { type: 'strong', children } : { type: 'emphasis', children });
    i += length;
  }
  return out;
}

function paragraphNode(source: readonly Inline[]): MdParagraph {
  const inlines = canonicalInlines(source);
  const children: PhrasingContent[] = [];
  let line: Array<Extract<Inline, { kind: 'text' }>> = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      children.push(...nest(line, { bold: false, italic: false }), { type: 'break' });
      line = [];
    } else line.push(inline);
  }
  children.push(...nest(line, { bold: false, italic: false }));
  return { type: 'paragraph', children };
}

function listNode(list: ListBlock): RootContent {
  return {
    type: 'list',
    ordered: list.ordered,
    start: list.ordered ? list.start : null,
    spread: false,
    children: list.items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: [...(normalizeInlines(item.inlines).length ? [paragraphNode(item.inlines)] : []), ...item.children.map(listNode)] as Extract<RootContent, { type: 'list' }>['children'][number]['children'],
    })),
  };
}

/** Prints blocks as canonical Markdown (blocks separated by one blank line, no trailing newline). */
export function printBody(blocks: readonly Block[]): string {
  const root: Root = {
    type: 'root',
    children: blocks
      .filter((b) => b.kind === 'list' || canonicalInlines(b.inlines).length > 0)
      .map((b) => (b.kind === 'paragraph' ? paragraphNode(b.inlines) : listNode(b))),
  };
  const markdown = toMarkdown(root, {
    bullet: '-',
    bulletOther: '*',
    bulletOrdered: '.',
    emphasis: '*',
    strong: '*',
    incrementListMarker: true,
    listItemIndent: 'one',
  });
  return markdown.replace(/\n+$/, '');
}
