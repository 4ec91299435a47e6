/**
 * The rich-text model a section body can hold, shared by the Markdown and Lexical converters: paragraphs and lists
 * (bulleted or numbered, possibly nested), with bold and italic text and hard line breaks.
 */

export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface LineBreak {
  kind: 'break';
}

export type Inline = TextRun | LineBreak;

export interface Paragraph {
  kind: 'paragraph';
  inlines: Inline[];
}

export interface ListItem {
  inlines: Inline[];
  /** Lists nested under this item (Lexical keeps them in a following list item). */
  children: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** First number of an ordered list (1 for bullets). */
  start: number;
  items: ListItem[];
}

export type Block = Paragraph | ListBlock;

export function text(value: string, bold = false, italic = false): TextRun {
  return { kind: 'text', text: value, bold, italic };
}

/** Merges neighbouring runs with the same format and drops empty ones. */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      if (inline.text === '') continue;
      const last = out[out.length - 1];
      if (last && last.kind === 'text' && last.bold === inline.bold && last.italic === inline.italic) {
        out[out.length - 1] = { ...last, text: last.text + inline.text };
        continue;
      }
      out.push({ ...inline });
    } else out.push({ kind: 'break' });
  }
  return out;
}


/**
 * Canonical inlines: no spaces at the start or end of a line (they do not survive Markdown), no empty runs,
 * neighbouring runs with the same format merged.
 */
export function canonicalInlines(inlines: readonly Inline[]): Inline[] {
  const list = normalizeInlines(inlines);
  const out: Inline[] = [];
  let line: TextRun[] = [];
  const flushLine = () => {
    // Trim the line's leading spaces across runs, then its trailing spaces.
    while (line.length && (line[0]!.text = line[0]!.text.replace(/^[ \t]+/, '')) === '') line.shift();
    while (line.length && (line[line.length - 1]!.text = line[line.length - 1]!.text.replace(/[ \t]+$/, '')) === '') line.pop();
    out.push(...line);
    line = [];
  };
  for (const inline of list) {
    if (inline.kind === 'break') {
      flushLine();
      out.push({ kind: 'break' });
    } else line.push({ ...inline });
  }
  flushLine();
  return normalizeInlines(out);
}
