import fs from 'node:fs';
import path from 'node:path';
import type { SectionId } from '../../shared/domain/sections.ts';
import { sectionTexts } from '../../shared/domain/story.ts';
import type { Diagnostic } from '../../shared/lint/diagnostics.ts';
import type { Framework } from '../../shared/content/principle-schema.ts';
import { analyzeStory, type CompiledRubric } from '../../shared/lint/engine.ts';
import { DEFAULT_VERDICT_LEVEL, judgeStory, RATINGS, type Verdict } from '../../shared/lint/verdict.ts';
import { parseStoryMarkdown } from '../../shared/story-format/story-markdown.ts';

/**
 * How well the lint agrees with a labeled corpus (tests/fixtures/labeled-stories): each story is a Markdown file
 * and labels.json says whether a bar raiser calls it strong or weak, and which rule ids they would flag.
 *
 * Counted over story × rule pairs, for every rule of the rubric:
 *   TP  the rule is expected on the story and reports it at any severity but positive (a style rule such as
 *       hedging speaks as a suggestion: the user is told, at the weight interviewers give it)
 *   FN  expected, and the rule says nothing
 *   FP  not expected, and the rule gives a warning or an error (on a strong story every one is a false alarm;
 *       a suggestion is advice, not a fault)
 *   TN  not expected, and no warning or error from the rule
 * recall = TP / (TP + FN): of the flaws a bar raiser names, how many the lint names.
 * specificity = TN / (TN + FP): of the places it should stay quiet, how often it does.
 * The ordering check: every strong story scores above every weak one.
 * The verdicts (shared/lint/verdict.ts), per story and principle at the story's level: a strong story should read
 * Hire or Strong Hire for every principle it is mapped to, a weak one Lean Hire or below for at least one.
 */

export interface Label {
  label: 'strong' | 'weak';
  expect: string[];
  why: string;
  traps?: string[];
}

export interface StoryResult {
  file: string;
  label: Label;
  score: number;
  /** Rule ids giving a warning or an error. */
  fired: string[];
  /** Rule ids reporting anything but a positive signal. */
  flagged: string[];
  diagnostics: Diagnostic[];
  texts: Record<SectionId, string>;
  verdicts: Verdict[];
}

export interface RuleCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Miss {
  file: string;
  ruleId: string;
  kind: 'missed' | 'false-alarm';
  /** For a false alarm, the sentence it fired on and its message. */
  quote?: string;
  message?: string;
}

export interface Evaluation {
  stories: StoryResult[];
  rules: Map<string, RuleCounts>;
  recall: number;
  specificity: number;
  /** Strong stories carrying a warning or an error. */
  strongWithFindings: StoryResult[];
  minStrong: StoryResult | null;
  maxWeak: StoryResult | null;
  /** Weak stories scoring at or above some strong story. */
  outOfOrder: Array<{ weak: StoryResult; strong: StoryResult }>;
  misses: Miss[];
  /** Strong stories with a principle read below Hire, and weak stories read Hire or better on every principle. */
  verdictMisses: Array<{ story: StoryResult; why: string }>;
}

export const DEFAULT_CORPUS = path.join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'labeled-stories');

const FAULT = new Set(['warning', 'error']);

/** The sentence around a finding, for the report. */
function sentenceAt(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = ['.', '\n'].map((c) => text.indexOf(c, Math.max(end, start + 1))).filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + 1 : text.length;
  const flat = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

const HIRE = new Set(['hire', 'strong-hire']);

export function evaluateCorpus(dir: string, rubric: CompiledRubric, framework: Framework): Evaluation {
  const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<string, Label>;
  const ruleIds = rubric.rules.map((r) => r.id);
  const stories: StoryResult[] = [];
  for (const [file, label] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseStoryMarkdown(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    const texts = sectionTexts(parsed.story.sections);
    const principles = parsed.story.principles.map((p) => p.id);
    const level = parsed.story.level ?? DEFAULT_VERDICT_LEVEL;
    const analysis = analyzeStory({ sections: texts, principles, level }, rubric);
    const verdicts = judgeStory({ sections: texts, title: parsed.story.title, principles, level, analysis, rubric, framework });
    const fired = [...new Set(analysis.diagnostics.filter((d) => FAULT.has(d.severity)).map((d) => d.ruleId))].sort();
    const flagged = [...new Set(analysis.diagnostics.filter((d) => d.severity !== 'positive').map((d) => d.ruleId))].sort();
    stories.push({ file, label, score: analysis.score, fired, flagged, diagnostics: analysis.diagnostics, texts, verdicts });
  }

  const rules = new Map<string, RuleCounts>(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  const misses: Miss[] = [];
  for (const story of stories) {
    for (const id of ruleIds) {
      const expected = story.label.expect.includes(id);
      const fires = story.fired.includes(id);
      const counts = rules.get(id)!;
      if (expected && story.flagged.includes(id)) counts.tp++;
      else if (expected) {
        counts.fn++;
        misses.push({ file: story.file, ruleId: id, kind: 'missed' });
      } else if (fires) {
        counts.fp++;
        const d = story.diagnostics.find((x) => x.ruleId === id && FAULT.has(x.severity))!;
        misses.push({ file: story.file, ruleId: id, kind: 'false-alarm', quote: sentenceAt(story.texts[d.section], d.start, d.end), message: d.message });
      } else counts.tn++;
    }
    for (const id of story.label.expect) {
      if (!rules.has(id)) throw new Error(`${story.file}: labels.json expects "${id}", which is not a rule of the rubric`);
    }
  }
  const total = [...rules.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  const strong = stories.filter((s) => s.label.label === 'strong');
  const weak = stories.filter((s) => s.label.label === 'weak');
  const minStrong = strong.reduce<StoryResult | null>((m, s) => (m === null || s.score < m.score ? s : m), null);
  const maxWeak = weak.reduce<StoryResult | null>((m, s) => (m === null || s.score > m.score ? s : m), null);
  const outOfOrder = weak.flatMap((w) => strong.filter((s) => w.score >= s.score).map((s) => ({ weak: w, strong: s })));
  const readAs = (s: StoryResult) => s.verdicts.map((v) => `${v.principle} ${v.rating}`).join(', ');
  const verdictMisses = [
    ...strong.filter((s) => s.verdicts.some((v) => !HIRE.has(v.rating))).map((story) => ({ story, why: `strong, read ${readAs(story)}` })),
    ...weak.filter((s) => s.verdicts.every((v) => HIRE.has(v.rating))).map((story) => ({ story, why: `weak, read ${readAs(story)}` })),
  ];
  return {
    verdictMisses,
    stories,
    rules,
    recall: total.tp + total.fn === 0 ? 1 : total.tp / (total.tp + total.fn),
    specificity: total.tn + total.fp === 0 ? 1 : total.tn / (total.tn + total.fp),
    strongWithFindings: strong.filter((s) => s.fired.length > 0),
    minStrong,
    maxWeak,
    outOfOrder,
    misses,
  };
}

/** The report `npm run eval:lint` prints. */
export function formatEvaluation(e: Evaluation): string {
  const lines: string[] = [];
  const strong = e.stories.filter((s) => s.label.label === 'strong').length;
  lines.push(`Labeled stories: ${e.stories.length} (${strong} strong, ${e.stories.length - strong} weak)`, '');
  lines.push('rule                                  TP   FP   FN   TN');
  for (const [id, c] of [...e.rules].sort(([a], [b]) => a.localeCompare(b))) {
    if (c.tp + c.fp + c.fn === 0) continue;
    lines.push(`${id.padEnd(36)} ${String(c.tp).padStart(3)}  ${String(c.fp).padStart(3)}  ${String(c.fn).padStart(3)}  ${String(c.tn).padStart(3)}`);
  }
  lines.push('');
  lines.push(`recall       ${e.recall.toFixed(3)}   (target ≥ 0.95)`);
  lines.push(`specificity  ${e.specificity.toFixed(3)}   (target ≥ 0.97)`);
  lines.push(`strong stories with a warning or error: ${e.strongWithFindings.length}   (target 0)`);
  lines.push(`lowest strong score ${e.minStrong?.score ?? '-'} (${e.minStrong?.file ?? '-'}), highest weak score ${e.maxWeak?.score ?? '-'} (${e.maxWeak?.file ?? '-'}); weak at or above a strong: ${new Set(e.outOfOrder.map((o) => o.weak.file)).size}`);
  const ratings = new Map<string, number>();
  for (const s of e.stories) for (const v of s.verdicts) ratings.set(`${s.label.label} ${v.rating}`, (ratings.get(`${s.label.label} ${v.rating}`) ?? 0) + 1);
  lines.push(`verdicts     strong: ${RATINGS.map((r) => `${r} ${ratings.get(`strong ${r}`) ?? 0}`).join(', ')}`);
  lines.push(`             weak:   ${RATINGS.map((r) => `${r} ${ratings.get(`weak ${r}`) ?? 0}`).join(', ')}`);
  lines.push(`             stories the verdict reads against their label: ${e.verdictMisses.length}   (target 0)`);
  for (const m of e.verdictMisses) lines.push(`  ${m.story.file}  ${m.why}`);
  const missed = e.misses.filter((m) => m.kind === 'missed');
  const alarms = e.misses.filter((m) => m.kind === 'false-alarm');
  if (missed.length) {
    lines.push('', `Missed (${missed.length}):`);
    for (const m of missed) lines.push(`  ${m.file}  ${m.ruleId}`);
  }
  if (alarms.length) {
    lines.push('', `False alarms (${alarms.length}):`);
    for (const m of alarms) lines.push(`  ${m.file}  ${m.ruleId}`, `      "${m.quote ?? ''}"`, `      ${m.message ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

