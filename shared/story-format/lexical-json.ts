import { editorShapeProblem } from './editor-shape.ts';
import { normalizeInlines, text, type Block, type Inline, type ListBlock, type ListItem } from './blocks.ts';
import { parseBody, printBody } from './markdown-body.ts';

/**
 * Pure converters between section bodies and Lexical's serialized editor state (what
 * `editor.getEditorState().toJSON()` gives and `editor.parseEditorState(json)` takes), for a Lexical 0.52 editor
 * with ParagraphNode, TextNode, LineBreakNode, ListNode and ListItemNode. No DOM, no Lexical import.
 * The shapes below follow the nodes' exportJSON, key for key.
 */

export const TEXT_FORMAT_BOLD = 1;
export const TEXT_FORMAT_ITALIC = 2;

export interface SerializedTextNode {
  detail: number;
  format: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
  text: string;
  type: 'text';
  version: 1;
}

export interface SerializedLineBreakNode {
  type: 'linebreak';
  version: 1;
}

export interface SerializedParagraphNode {
  children: Array<SerializedTextNode | SerializedLineBreakNode>;
  direction: 'ltr' | 'rtl' | null;
  format: string;
  indent: number;
  textFormat: number;
  textStyle: string;
  type: 'paragraph';
  version: 1;
}

export interface SerializedListItemNode {
  children: Array<SerializedTextNode | SerializedLineBreakNode | SerializedListNode>;
  indent: number;
  value: number;
  checked?: boolean;
  direction: 'ltr' | 'rtl' | null;
  format: string;
  type: 'listitem';
  version: 1;
}

export interface SerializedListNode {
  children: SerializedListItemNode[];
  listType: 'bullet' | 'number' | 'check';
  start: number;
  tag: 'ul' | 'ol';
  direction: 'ltr' | 'rtl' | null;
  format: string;
  indent: number;
  type: 'list';
  version: 1;
}

export interface SerializedEditorState {
  root: {
    children: Array<SerializedParagraphNode | SerializedListNode>;
    direction: 'ltr' | 'rtl' | null;
    format: string;
    indent: number;
    type: 'root';
    version: 1;
  };
}

export class LexicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LexicalJsonError';
  }
}

// ------------------------------------------------------------------------------------------------ blocks -> JSON

function inlineNodes(inlines: readonly Inline[]): Array<SerializedTextNode | SerializedLineBreakNode> {
  return inlines.map((inline) =>
    inline.kind === 'break'
      ? { type: 'linebreak', version: 1 }
      : {
          detail: 0,
          format: (inline.bold ? TEXT_FORMAT_BOLD : 0) | (inline.italic ? TEXT_FORMAT_ITALIC : 0),
          mode: 'normal',
          style: '',
          text: inline.text,
          type: 'text',
          version: 1,
        },
  );
}

function listNode(list: ListBlock, depth: number): SerializedListNode {
  const children: SerializedListItemNode[] = [];
  // Lexical numbers items from `start`; an item that only wraps a nested list takes the next number without
  // using it up (updateChildrenListItemValue in @lexical/list).
  let value = list.start;
  for (const item of list.items) {
    children.push({ children: inlineNodes(item.inlines), indent: depth, value, direction: null, format: '', type: 'listitem', version: 1 });
    value++;
    for (const nested of item.children) {
      children.push({ children: [listNode(nested, depth + 1)], indent: depth, value, direction: null, format: '', type: 'listitem', version: 1 });
    }
  }
  return {
    children,
    listType: list.ordered ? 'number' : 'bullet',
    start: list.start,
    tag: list.ordered ? 'ol' : 'ul',
    direction: null,
    format: '',
    indent: 0,
    type: 'list',
    version: 1,
  };
}

function emptyParagraph(): SerializedParagraphNode {
  return { children: [], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', type: 'paragraph', version: 1 };
}

/**
 * A paragraph. Lexical's reconciler gives an element the format and style of its first text node (textFormat,
 * textStyle), so the state is written that way: loading it into an editor and exporting gives the same JSON.
 */
function paragraphNode(inlines: readonly Inline[]): SerializedParagraphNode {
  const children = inlineNodes(inlines);
  const first = children.find((c): c is SerializedTextNode => c.type === 'text');
  return { ...emptyParagraph(), children, textFormat: first ? first.format : 0, textStyle: first ? first.style : '' };
}

/** Editor state for blocks. An empty body is one empty paragraph, as a fresh rich-text editor has. */
export function blocksToEditorState(blocks: readonly Block[]): SerializedEditorState {
  const children: Array<SerializedParagraphNode | SerializedListNode> = blocks.map((block) =>
    block.kind === 'paragraph' ? paragraphNode(block.inlines) : listNode(block, 0),
  );
  if (children.length === 0) children.push(emptyParagraph());
  return { root: { children, direction: null, format: '', indent: 0, type: 'root', version: 1 } };
}

// ------------------------------------------------------------------------------------------------ JSON -> blocks

type JsonNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function childrenOf(node: JsonNode): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

/** Parses editor-state JSON (a string or an already parsed object); '' is an empty editor. */
export function readEditorState(json: string | unknown): JsonNode {
  if (json === '' || json === undefined || json === null) return { type: 'root', children: [] };
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      throw new LexicalJsonError(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!isNode(value)) throw new LexicalJsonError('An editor state is a JSON object with a "root" node.');
  const root = 'root' in value ? value.root : value.type === 'root' ? value : undefined;
  if (!isNode(root) || root.type !== 'root') throw new LexicalJsonError('An editor state is a JSON object with a "root" node.');
  // Checked without recursion before any walk below recurses.
  const problem = editorShapeProblem(root);
  if (problem) throw new LexicalJsonError(problem);
  return root;
}

function inlinesOf(nodes: readonly unknown[]): Inline[] {
  const out: Inline[] = [];
  const walk = (list: readonly unknown[]) => {
    for (const node of list) {
      if (!isNode(node)) continue;
      if (node.type === 'linebreak') out.push({ kind: 'break' });
      else if (typeof node.text === 'string') {
        const format = typeof node.format === 'number' ? node.format : 0;
        const bold = (format & TEXT_FORMAT_BOLD) !== 0;
        const italic = (format & TEXT_FORMAT_ITALIC) !== 0;
        node.text.split('\n').forEach((part, i) => {
          if (i > 0) out.push({ kind: 'break' });
          out.push({ kind: 'text', text: part, bold, italic });
        });
      } else if (Array.isArray(node.children) && node.type !== 'list') walk(node.children); // links and other inline elements
    }
  };
  walk(nodes);
  return normalizeInlines(out);
}

function listOf(node: JsonNode): ListBlock {
  const ordered = node.listType === 'number';
  const start = ordered && typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
  const items: ListItem[] = [];
  for (const child of childrenOf(node)) {
    if (!isNode(child)) continue;
    const kids = childrenOf(child);
    const nested = kids.filter((k): k is JsonNode => isNode(k) && k.type === 'list').map(listOf);
    const inline = kids.filter((k) => !(isNode(k) && k.type === 'list'));
    const inlines = inlinesOf(inline);
    if (nested.length > 0 && inlines.length === 0 && items.length > 0) {
      // A wrapper item: its lists belong to the item before it.
      items[items.length - 1]!.children.push(...nested);
    } else {
      items.push({ inlines, children: nested });
    }
  }
  return { kind: 'list', ordered, start, items };
}

/** Blocks of an editor state. Unknown block nodes keep their text as paragraphs; empty paragraphs are dropped. */
export function editorStateToBlocks(json: string | unknown): Block[] {
  const root = readEditorState(json);
  const blocks: Block[] = [];
  for (const node of childrenOf(root)) {
    if (!isNode(node)) continue;
    if (node.type === 'list') {
      blocks.push(listOf(node));
      continue;
    }
    const inlines = typeof node.text === 'string' || node.type === 'linebreak' ? inlinesOf([node]) : inlinesOf(childrenOf(node));
    if (inlines.length) blocks.push({ kind: 'paragraph', inlines });
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------------- plain text

/** Element types Lexical treats as inline (no paragraph break around them). */
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark', 'hashtag']);

function nodeText(node: unknown): string {
  if (!isNode(node)) return '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.children)) return ''; // decorators and unknown leaves have no text
  // ElementNode.getTextContent: children joined, with "\n\n" after every block element child except the last.
  const kids = node.children;
  let out = '';
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i];
    out += nodeText(child);
    if (i !== kids.length - 1 && isNode(child) && Array.isArray(child.children) && !INLINE_ELEMENTS.has(String(child.type))) out += '\n\n';
  }
  return out;
}

/**
 * The plain text Lexical's `$getRoot().getTextContent()` returns for this state: block children separated by "\n\n"
 * (list items too), line breaks as "\n". This is the text lint offsets point into.
 */
export function lexicalJsonToPlainText(json: string | unknown): string {
  return nodeText(readEditorState(json));
}

// ------------------------------------------------------------------------------------------ Markdown <-> JSON

/** Serialized editor state (a JSON string) for a Markdown section body. */
export function markdownToLexicalJson(markdown: string): string {
  return JSON.stringify(blocksToEditorState(parseBody(markdown)));
}

/** Markdown section body for a serialized editor state ('' for an empty or never-edited section). */
export function lexicalJsonToMarkdown(json: string | unknown): string {
  return printBody(editorStateToBlocks(json));
}

/** Lexical editor state (as saved JSON) holding these plain paragraphs, no formatting. */
export function paragraphsToLexicalJson(paragraphs: readonly string[]): string {
  return JSON.stringify(blocksToEditorState(paragraphs.map((p) => ({ kind: 'paragraph', inlines: [text(p)] }))));
}
