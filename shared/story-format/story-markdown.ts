import { isDocument, isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node as YamlNode } from 'yaml';
import { isLevel, LEVELS, type Level } from '../domain/levels.ts';
import { isPrincipleId, PRINCIPLES, type PrincipleId } from '../domain/principles.ts';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../domain/sections.ts';
import { emptySections, type PrincipleMapping, type StoryDraft, type StorySections } from '../domain/story.ts';
import { lexicalJsonToMarkdown, lexicalJsonToPlainText, markdownToLexicalJson } from './lexical-json.ts';

/**
 * The Markdown story file:
 *
 *   ---
 *   title: Cut checkout timeouts during the holiday sale
 *   principles:
 *     - customer-obsession
 *   secondary_principles:
 *     - dive-deep
 *   prompts: [ownership-beyond-scope]      (optional: ids of the interview prompts it answers)
 *   level: Senior
 *   tags: [payments, performance]
 *   context: Acme Retail, payments team
 *   ---
 *
 *   ## Situation
 *   ...
 *   ## Task / ## Action / ## Result / ## Reflection
 *
 * Headings are matched case-insensitively; a missing section is empty. Section bodies use the Markdown described in
 * markdown-body.ts. Parsing reports problems with line numbers; printing gives the canonical form.
 */

export interface StoryFormatProblem {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export class StoryFormatError extends Error {
  readonly problems: readonly StoryFormatProblem[];
  constructor(problems: readonly StoryFormatProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join('\n'));
    this.name = 'StoryFormatError';
    this.problems = problems;
  }
}

export type StoryParseResult = { ok: true; story: StoryDraft; bodies: Record<SectionId, string> } | { ok: false; problems: StoryFormatProblem[] };

const FRONT_MATTER_KEYS = ['title', 'principles', 'secondary_principles', 'prompts', 'level', 'tags', 'context'] as const;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function suggestPrinciple(value: string): string | undefined {
  const slug = value
    .toLowerCase()
    .replace(/[';,]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const exact = PRINCIPLES.find((p) => p.id === slug || p.name.toLowerCase() === value.toLowerCase());
  if (exact) return exact.id;
  const prefix = PRINCIPLES.find((p) => slug.length >= 4 && (p.id.startsWith(slug) || slug.startsWith(p.id)));
  if (prefix) return prefix.id;
  let best: { id: string; d: number } | undefined;
  for (const p of PRINCIPLES) {
    const d = editDistance(slug, p.id);
    if (d <= 3 && (!best || d < best.d)) best = { id: p.id, d };
  }
  return best?.id;
}

function sectionOfHeading(text: string): SectionId | undefined {
  const wanted = text.trim().toLowerCase();
  return SECTION_IDS.find((id) => SECTION_LABELS[id].toLowerCase() === wanted);
}

interface FrontMatter {
  title: string;
  principles: PrincipleMapping[];
  prompts: string[];
  level: Level | null;
  tags: string[];
  context: string;
}

function parseFrontMatter(source: string, firstLine: number, problems: StoryFormatProblem[]): FrontMatter {
  const result: FrontMatter = { title: '', principles: [], prompts: [], level: null, tags: [], context: '' };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? firstLine : firstLine + lineCounter.linePos(offset).line - 1);
  const nodeLine = (node: unknown) => lineOf(isScalar(node) || isSeq(node) || isMap(node) ? (node as YamlNode).range?.[0] : undefined);
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ line: lineOf(e.pos[0]), message: `front matter is not valid YAML: ${e.message.split('\n')[0]}` });
    return result;
  }
  if (!isDocument(doc) || doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    problems.push({ line: firstLine, message: 'front matter must be "key: value" lines (title, principles, level, tags...)' });
    return result;
  }
  const seenPrinciples = new Map<PrincipleId, number>();
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = nodeLine(keyNode);
    const value = pair.value;
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      problems.push({ line, message: `unknown front matter field "${key}"; expected one of ${FRONT_MATTER_KEYS.join(', ')}` });
      continue;
    }
    const scalarText = (node: unknown, field: string): string | undefined => {
      if (node === null || node === undefined) return '';
      if (isScalar(node)) {
        if (node.value === null) return '';
        if (typeof node.value === 'object') {
          problems.push({ line: nodeLine(node), message: `${field} must be text` });
          return undefined;
        }
        return String(node.value);
      }
      problems.push({ line: nodeLine(node), message: `${field} must be text, not a ${isSeq(node) ? 'list' : 'map'}` });
      return undefined;
    };
    const listOf = (node: unknown, field: string): Array<{ text: string; line: number }> | undefined => {
      if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
      if (isScalar(node)) {
        // One value written inline ("principles: ownership") is accepted as a list of one.
        return [{ text: String(node.value), line: nodeLine(node) }];
      }
      if (!isSeq(node)) {
        problems.push({ line: nodeLine(node), message: `${field} must be a list` });
        return undefined;
      }
      const out: Array<{ text: string; line: number }> = [];
      for (const item of node.items) {
        if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
          problems.push({ line: nodeLine(item), message: `each entry of ${field} must be text` });
          continue;
        }
        out.push({ text: String(item.value), line: nodeLine(item) });
      }
      return out;
    };
    switch (key) {
      case 'title':
      case 'context': {
        const text = scalarText(value, key);
        if (text !== undefined) result[key] = text.trim();
        break;
      }
      case 'level': {
        const text = scalarText(value, key)?.trim();
        if (text === undefined || text === '') break;
        const match = LEVELS.find((l) => l.toLowerCase() === text.toLowerCase());
        if (match && isLevel(match)) result.level = match;
        else problems.push({ line: nodeLine(value), message: `level "${text}" is not one of ${LEVELS.join(', ')}` });
        break;
      }
      case 'tags':
      case 'prompts': {
        const list = listOf(value, key);
        if (list) {
          const target = result[key];
          for (const t of list) {
            const entry = t.text.trim();
            if (entry && !target.includes(entry)) target.push(entry);
          }
        }
        break;
      }
      case 'principles':
      case 'secondary_principles': {
        const list = listOf(value, key);
        if (!list) break;
        const role = key === 'principles' ? 'primary' : 'secondary';
        for (const entry of list) {
          const id = entry.text.trim();
          if (!isPrincipleId(id)) {
            const suggestion = suggestPrinciple(id);
            problems.push({ line: entry.line, message: `"${id}" is not a principle id${suggestion ? `; did you mean "${suggestion}"?` : ' (see the list of sixteen ids, such as "customer-obsession")'}` });
            continue;
          }
          const earlier = seenPrinciples.get(id);
          if (earlier !== undefined) {
            problems.push({ line: entry.line, message: `principle "${id}" is already listed on line ${earlier}` });
            continue;
          }
          seenPrinciples.set(id, entry.line);
          result.principles.push({ id, role });
        }
        break;
      }
    }
  }
  // Primary principles first, in file order, then secondary ones.
  result.principles.sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));
  return result;
}

function sectionFromBody(body: string): { json: string; text: string } {
  if (body.trim() === '') return { json: '', text: '' };
  const json = markdownToLexicalJson(body);
  return { json, text: lexicalJsonToPlainText(json) };
}

/** Parses a story file. Never throws; problems carry line numbers. */
export function parseStoryMarkdown(source: string): StoryParseResult {
  const problems: StoryFormatProblem[] = [];
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') {
    return {
      ok: false,
      problems: [{ line: 1, message: 'a story file starts with front matter: a line "---", fields such as "title:" and "principles:", then a closing "---"' }],
    };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '---') {
      close = i;
      break;
    }
  }
  if (close < 0) return { ok: false, problems: [{ line: 1, message: 'the front matter opened on line 1 is never closed with a line "---"' }] };
  const front = parseFrontMatter(lines.slice(1, close).join('\n'), 2, problems);

  const bodies = {} as Record<SectionId, string>;
  const headingLine = {} as Partial<Record<SectionId, number>>;
  let current: SectionId | null = null;
  let skipping = false; // after a heading already reported as wrong: its text is not reported again
  let buffer: string[] = [];
  const flush = () => {
    if (current) bodies[current] = trimBlankLines(buffer).join('\n');
    buffer = [];
  };
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const heading = HEADING.exec(line);
    if (heading) {
      const section = heading[1] === '##' ? sectionOfHeading(heading[2]!) : undefined;
      if (section) {
        const earlier = headingLine[section];
        if (earlier !== undefined) {
          problems.push({ line: lineNo, message: `the ${SECTION_LABELS[section]} section appears twice (first on line ${earlier})` });
          continue;
        }
        flush();
        current = section;
        skipping = false;
        headingLine[section] = lineNo;
        continue;
      }
      flush();
      current = null;
      skipping = true;
      const known = SECTION_IDS.map((id) => SECTION_LABELS[id]).join(', ');
      problems.push({
        line: lineNo,
        message:
          heading[1] === '##'
            ? `unknown section "${heading[2]}"; the sections are ${known}`
            : `"${heading[1]} ${heading[2]}" is not a section heading; use "## " and one of ${known} (write "\\#" for a literal "#")`,
      });
      continue;
    }
    if (current === null) {
      if (line.trim() !== '' && !skipping) problems.push({ line: lineNo, message: 'text before the first section heading; start with "## Situation"' });
      continue;
    }
    buffer.push(line);
  }
  flush();
  if (problems.length) return { ok: false, problems };

  const sections: StorySections = emptySections();
  for (const id of SECTION_IDS) {
    bodies[id] ??= '';
    sections[id] = sectionFromBody(bodies[id]);
  }
  const story: StoryDraft = {
    title: front.title,
    sections,
    principles: front.principles,
    prompts: front.prompts,
    level: front.level,
    context: front.context,
    tags: front.tags,
  };
  return { ok: true, story, bodies };
}

/** parseStoryMarkdown, throwing a StoryFormatError listing every problem. */
export function parseStoryMarkdownOrThrow(source: string): StoryDraft {
  const result = parseStoryMarkdown(source);
  if (!result.ok) throw new StoryFormatError(result.problems);
  return result.story;
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

/** Markdown body of a section: from its Lexical JSON, or from its plain text when it has no JSON. */
export function sectionMarkdown(section: { json: string; text: string }): string {
  if (section.json.trim() !== '') return lexicalJsonToMarkdown(section.json);
  if (section.text.trim() === '') return '';
  // Plain text only: paragraphs as they are, escaped so they read back as the same text.
  const paragraphs = section.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return lexicalJsonToMarkdown(
    JSON.stringify({
      root: {
        type: 'root',
        children: paragraphs.map((p) => ({
          type: 'paragraph',
          children: p.split('\n').flatMap((line, i) => [...(i ? [{ type: 'linebreak' }] : []), { type: 'text', text: line, format: 0 }]),
        })),
      },
    }),
  );
}

/** The canonical story file for a draft. */
export function printStoryMarkdown(story: StoryDraft): string {
  const front: Record<string, unknown> = { title: story.title };
  const primary = story.principles.filter((p) => p.role === 'primary').map((p) => p.id);
  const secondary = story.principles.filter((p) => p.role === 'secondary').map((p) => p.id);
  front.principles = primary;
  if (secondary.length) front.secondary_principles = secondary;
  if (story.prompts.length) front.prompts = [...story.prompts];
  if (story.level) front.level = story.level;
  if (story.tags.length) front.tags = [...story.tags];
  if (story.context) front.context = story.context;
  const yaml = stringify(front, { lineWidth: 0, indentSeq: true }).trimEnd();
  const parts = [`---\n${yaml}\n---`];
  for (const id of SECTION_IDS) {
    const body = sectionMarkdown(story.sections[id]);
    parts.push(body ? `## ${SECTION_LABELS[id]}\n\n${body}` : `## ${SECTION_LABELS[id]}`);
  }
  return parts.join('\n\n') + '\n';
}
