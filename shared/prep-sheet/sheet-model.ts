import { findPrompt } from '../content/load.ts';
import type { Framework } from '../content/principle-schema.ts';
import { computeCoverage, type CoverageReport, type CoverageTargets } from '../coverage/coverage.ts';
import { probesForStory, type ProbeNote, type ProbeReadiness } from '../coverage/probes.ts';
import type { ProbeNoteRecord } from '../domain/mappings.ts';
import { principleName as builtInPrincipleName, isPrincipleId } from '../domain/principles.ts';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../domain/sections.ts';
import type { Level } from '../domain/levels.ts';
import { sectionTexts, type PrincipleRole, type Story, UNTITLED } from '../domain/story.ts';
import { ANSWER_TARGET_SECONDS, clampPace } from '../domain/timing.ts';
import type { Suppression } from '../lint/diagnostics.ts';
import { analyzeStory, type CompiledRubric, type RuleOverride } from '../lint/engine.ts';
import { scoreBand, type ScoreBand } from '../lint/score.ts';
import { DEFAULT_VERDICT_LEVEL, judgeStory, type Rating } from '../lint/verdict.ts';
import type { Block } from '../story-format/blocks.ts';
import { editorStateToBlocks, LexicalJsonError } from '../story-format/lexical-json.ts';
import { keyMetric } from './key-metric.ts';

/**
 * What a prep sheet shows, computed from stories and the content: pure data, no HTML. sheet-html.ts lays it out.
 */

export const SHEET_LAYOUTS = ['compact', 'full'] as const;
export type SheetLayout = (typeof SHEET_LAYOUTS)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** One story as the sheet needs it: the story itself, its prepared probe notes and its ignored findings. */
export interface SheetStoryInput {
  story: Pick<Story, 'id' | 'title' | 'sections' | 'principles' | 'prompts' | 'level' | 'context' | 'tags'>;
  probeNotes: readonly ProbeNoteRecord[];
  suppressions: readonly Suppression[];
}

export interface PrepSheetOptions {
  layout: SheetLayout;
  paper: PaperSize;
  /** Add a last page: principles × stories, and the prompts no story on the sheet answers yet. */
  coverage: boolean;
  /** When the sheet was made (the function reads no clock). */
  generatedAt: Date;
  /** What the sheet holds, in words for its heading ("All stories", "Ownership", "3 chosen stories"). */
  scope?: string;
  /** Speaking pace in words a minute (default 150). */
  pace?: number;
  /** The user's rule overrides (settings 'lint.rules'), so scores match the editor's. */
  overrides?: Readonly<Record<string, RuleOverride>>;
  targets?: Partial<CoverageTargets>;
  /**
   * Read every story at this level instead of its own (a loop sheet reads them at the loop's level, as the planner
   * does). Without it each story is read at the level it names, SDE2 when it names none.
   */
  level?: Level;
}

export interface PrepSheetInput {
  stories: readonly SheetStoryInput[];
  framework: Framework;
  rubric: CompiledRubric;
  options: PrepSheetOptions;
}

export interface SheetSection {
  id: SectionId;
  label: string;
  /** Rich text for the full layout (paragraphs and lists with bold and italic). */
  blocks: Block[];
  /** Plain text, as lint reads it. */
  text: string;
  /** The first sentence (or the start) of the section on one line: the compact layout's line. */
  line: string;
}

export interface SheetProbe {
  question: string;
  readiness: ProbeReadiness | null;
  note: string;
}

export interface SheetProbeGroup {
  principleId: string;
  principleName: string;
  role: PrincipleRole;
  probes: SheetProbe[];
}

export interface SheetStory {
  id: string;
  title: string;
  context: string;
  level: string | null;
  tags: string[];
  principles: Array<{ id: string; name: string; role: PrincipleRole }>;
  sections: SheetSection[];
  keyMetric: string | null;
  words: number;
  spokenSeconds: number;
  score: number;
  band: ScoreBand;
  findings: { errors: number; warnings: number; suggestions: number };
  /** The verdict per principle at the story's level (SDE2 when it names none; options.level when set), as the editor shows it. */
  verdicts: Array<{ principleId: string; principleName: string; level: string; rating: Rating; reasons: Array<{ kind: 'strength' | 'concern'; text: string }>; next: string | null }>;
  prompts: Array<{ id: string; text: string; principleName: string | null }>;
  probes: SheetProbeGroup[];
  /** The principle heading the story is listed under (its first primary principle), or null. */
  groupPrincipleId: string | null;
}

export interface SheetGroup {
  principleId: string | null;
  heading: string;
  stories: SheetStory[];
}

export interface SheetModel {
  layout: SheetLayout;
  paper: PaperSize;
  generatedAt: Date;
  scope: string;
  frameworkName: string;
  /** Words a minute the spoken times are computed at. */
  pace: number;
  answerTarget: { minSeconds: number; maxSeconds: number };
  /** Stories in sheet order: grouped by first primary principle (framework order), then by title. */
  stories: SheetStory[];
  groups: SheetGroup[];
  coverage: CoverageReport | null;
  /** Principle names in framework order, with a short label for the matrix's narrow columns. */
  principleColumns: Array<{ id: string; name: string }>;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** First sentence of a text (a full stop, question or exclamation mark followed by a space, or a line end). */
export function firstSentenceOf(text: string): string {
  const flat = text.trim();
  if (flat === '') return '';
  const match = /^[\s\S]*?[.!?](?=\s|$)|^[^\n]*/.exec(flat);
  return oneLine(match?.[0] ?? flat);
}

function blocksOf(section: { json: string; text: string }): Block[] {
  if (section.json.trim() !== '') {
    try {
      return editorStateToBlocks(section.json);
    } catch (error) {
      if (!(error instanceof LexicalJsonError)) throw error;
      // A section whose editor data cannot be read still prints its plain text.
    }
  }
  return section.text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({
      kind: 'paragraph' as const,
      inlines: p.split('\n').flatMap((line, i) => [
        ...(i > 0 ? [{ kind: 'break' as const }] : []),
        { kind: 'text' as const, text: line, bold: false, italic: false },
      ]),
    }));
}

/** A principle's name in the framework (or the built-in list), else its id. */
export function principleNameIn(framework: Framework, id: string): string {
  const found = framework.principles.find((p) => p.id === id);
  if (found) return found.name;
  return isPrincipleId(id) ? builtInPrincipleName(id) : id;
}

function prepareStory(input: SheetStoryInput, framework: Framework, rubric: CompiledRubric, options: PrepSheetOptions): SheetStory {
  const { story } = input;
  const texts = sectionTexts(story.sections);
  const level = options.level ?? story.level ?? undefined;
  const analysis = analyzeStory(
    { sections: texts, principles: story.principles.map((p) => p.id), level },
    rubric,
    {
      ...(options.pace === undefined ? {} : { pace: options.pace }),
      ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
      suppressions: input.suppressions,
    },
  );
  const findings = { errors: 0, warnings: 0, suggestions: 0 };
  for (const d of analysis.diagnostics) {
    if (d.severity === 'error') findings.errors++;
    else if (d.severity === 'warning') findings.warnings++;
    else if (d.severity === 'suggestion') findings.suggestions++;
  }
  const notes: Record<string, ProbeNote> = {};
  const readinessByProbe = new Map<string, ProbeReadiness | null>();
  for (const n of input.probeNotes) {
    readinessByProbe.set(n.probeId, n.readiness);
    notes[n.probeId] = { readiness: n.readiness ?? 'gap', note: n.note };
  }
  const probes: SheetProbeGroup[] = probesForStory(story, framework, notes).map((group) => ({
    principleId: group.principleId,
    principleName: group.name,
    role: group.role,
    probes: group.probes.map((p) => ({
      question: p.probe.question,
      // A note saved without a mark stays unmarked on the sheet.
      readiness: readinessByProbe.get(p.probe.id) ?? null,
      note: p.note,
    })),
  }));
  const primary = story.principles.find((p) => p.role === 'primary') ?? story.principles[0];
  return {
    id: story.id,
    title: story.title.trim() === '' ? UNTITLED : story.title.trim(),
    context: story.context.trim(),
    level: story.level,
    tags: [...story.tags],
    principles: story.principles.map((p) => ({ id: p.id, name: principleNameIn(framework, p.id), role: p.role })),
    sections: SECTION_IDS.map((id) => ({
      id,
      label: SECTION_LABELS[id],
      blocks: blocksOf(story.sections[id]),
      text: texts[id],
      line: firstSentenceOf(texts[id]),
    })),
    keyMetric: keyMetric(texts.result, rubric),
    words: analysis.timing.total.words,
    spokenSeconds: analysis.timing.total.seconds,
    score: analysis.score,
    band: scoreBand(analysis.score),
    findings,
    verdicts: judgeStory({
      sections: texts,
      title: story.title,
      principles: story.principles.map((p) => p.id),
      level: level ?? DEFAULT_VERDICT_LEVEL,
      analysis,
      rubric,
      framework,
    }).map((v) => ({
      principleId: v.principle,
      principleName: v.principleName,
      level: v.level,
      rating: v.rating,
      reasons: v.reasons.map((r) => ({ kind: r.kind, text: r.text })),
      next: v.nextLevel?.needs ?? null,
    })),
    prompts: story.prompts.map((id) => {
      const found = findPrompt(framework, id);
      return found ? { id, text: found.prompt.text, principleName: found.principle.name } : { id, text: id, principleName: null };
    }),
    probes,
    groupPrincipleId: primary?.id ?? null,
  };
}

/** How a sheet names what it holds: "All stories", a principle's name, or the chosen stories. */
export function sheetScope(selection: { kind: 'all' } | { kind: 'principle'; name: string } | { kind: 'chosen'; count: number }): string {
  if (selection.kind === 'all') return 'All stories';
  if (selection.kind === 'principle') return selection.name;
  return selection.count === 1 ? 'One chosen story' : `${selection.count} chosen stories`;
}

/** Computes everything a sheet shows. Pure: same input, same model. */
export function prepareSheet(input: PrepSheetInput): SheetModel {
  const { framework, rubric, options } = input;
  const order = new Map(framework.principles.map((p, i) => [p.id, i]));
  const stories = input.stories.map((s) => prepareStory(s, framework, rubric, options));
  const rank = (s: SheetStory): number => (s.groupPrincipleId === null ? Number.MAX_SAFE_INTEGER : (order.get(s.groupPrincipleId) ?? order.size));
  stories.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const groups: SheetGroup[] = [];
  for (const story of stories) {
    const last = groups[groups.length - 1];
    if (last && last.principleId === story.groupPrincipleId) last.stories.push(story);
    else
      groups.push({
        principleId: story.groupPrincipleId,
        heading: story.groupPrincipleId === null ? 'Not mapped to a principle yet' : principleNameIn(framework, story.groupPrincipleId),
        stories: [story],
      });
  }

  const coverage = options.coverage
    ? computeCoverage(
        stories.map((s) => ({ id: s.id, title: s.title, principles: s.principles, prompts: s.prompts.map((p) => p.id), score: s.score })),
        framework,
        options.targets,
      )
    : null;

  return {
    layout: options.layout,
    paper: options.paper,
    generatedAt: options.generatedAt,
    scope: options.scope ?? 'All stories',
    frameworkName: framework.name,
    pace: clampPace(options.pace),
    answerTarget: { minSeconds: ANSWER_TARGET_SECONDS.min, maxSeconds: ANSWER_TARGET_SECONDS.max },
    stories,
    groups,
    coverage,
    principleColumns: framework.principles.map((p) => ({ id: p.id, name: p.name })),
  };
}
