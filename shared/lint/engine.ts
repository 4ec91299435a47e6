import type { Level } from '../domain/levels.ts';
import type { PrincipleId } from '../domain/principles.ts';
import { SECTION_IDS, type SectionId } from '../domain/sections.ts';
import {
  ANSWER_TARGET_SECONDS,
  clampPace,
  SECTION_TARGET_SECONDS,
  spokenSeconds,
  timingFromWordCounts,
  wordsForSeconds,
  type StoryTiming,
} from '../domain/timing.ts';
import { applySuppressions, compileTemplate, fingerprintOf, normalizeFindingText, renderTemplate, type CompiledTemplate, type Diagnostic, type Suppression } from './diagnostics.ts';
import { PhraseIndex, WordSet, type Match, type TokenClasses, type TokenIds } from './phrases.ts';
import type { DiagnosticSeverity, LengthRule, OccurrenceRule, RatioRule, Rule, Severity } from './rule-schema.ts';
import { scoreFromWeighing } from './score.ts';
import { DEFAULT_WEIGHED, weigh, type Weighed, type Weighing } from './weighing.ts';
import { SCRIPTS, type ScriptCheck, type ScriptRunContext } from './checks/index.ts';
import { analyzeText, firstSentence, offsetAfterWords, type SectionAnalysis, type Span } from './text-analysis.ts';

/** What lint reads: each section's plain text, and the principles the story is mapped to. */
export interface LintInput {
  sections: Readonly<Record<SectionId, string>>;
  principles: readonly PrincipleId[];
  /** The level the story is pitched at: it changes what findings weigh in the score (weighing.ts). */
  level?: Level | undefined;
}

/** Turn a rule off, or change its severity (positive signals can only be turned off). */
export type RuleOverride = 'off' | Severity;

export interface LintOptions {
  /** Words per minute for spoken-time rules (default 150). */
  pace?: number;
  overrides?: Readonly<Record<string, RuleOverride>>;
  suppressions?: readonly Suppression[];
  /** Run only these rule ids (tools and tests). */
  only?: readonly string[];
}

interface RawFinding {
  section: SectionId;
  start: number;
  end: number;
  basis: 'text' | 'section' | 'story';
  values?: Record<string, string | number> | undefined;
}

type Evaluate = (run: LintRun) => RawFinding[];

interface CompiledRule {
  readonly rule: Rule;
  readonly sections: readonly SectionId[];
  readonly principles: readonly PrincipleId[] | null;
  readonly evaluate: Evaluate;
  readonly message: CompiledTemplate;
  readonly suggestion: CompiledTemplate;
  /** Fingerprints of whole-section findings per section, and of whole-story findings: constant per rule. */
  readonly sectionFingerprints: Readonly<Record<SectionId, string>>;
  readonly storyFingerprint: string;
}

/** A rubric ready to lint many times: rules checked, phrase lists merged into one index, scripts compiled. */
export interface CompiledRubric {
  readonly rules: readonly Rule[];
  readonly byId: ReadonlyMap<string, Rule>;
  /** @internal */
  readonly compiled: readonly CompiledRule[];
  /** @internal */
  readonly index: PhraseIndex;
  /** @internal Per section: which phrase-set slots any rule reads there. */
  readonly activeSlots: Readonly<Record<SectionId, Uint8Array>>;
}

const SECTION_ORDER: Record<SectionId, number> = { situation: 0, task: 1, action: 2, result: 3, reflection: 4 };
const SEVERITY_ORDER: Record<DiagnosticSeverity, number> = { error: 0, warning: 1, suggestion: 2, positive: 3 };
const EMPTY_MATCHES: readonly Match[] = [];

/**
 * What lint works out from one section's text alone, on first use: its analysis, token classes, phrase matches and
 * the scripts' memos. None of it depends on the other sections, the principles or the options, so a StoryLinter
 * keeps it for as long as the section's text stays the same.
 */
class SectionWork {
  readonly text: string;
  analysis: SectionAnalysis | undefined = undefined;
  classes: TokenClasses | undefined = undefined;
  table: Array<Match[] | undefined> | undefined = undefined;
  memos: Map<object, unknown> | undefined = undefined;

  constructor(text: string) {
    this.text = text;
  }
}

type SectionWorks = Record<SectionId, SectionWork>;

function sectionWorks(texts: Readonly<Record<SectionId, string>>, reuse?: SectionWorks): SectionWorks {
  const works = {} as SectionWorks;
  for (const id of SECTION_IDS) {
    const text = texts[id] ?? '';
    const previous = reuse?.[id];
    works[id] = previous !== undefined && previous.text === text ? previous : new SectionWork(text);
  }
  return works;
}

/** Per-lint state: analyses and phrase matches are computed once per section, on first use. */
/** @internal Exported for benchmarks. */
export class LintRun {
  readonly pace: number;
  readonly principles: ReadonlySet<PrincipleId>;
  readonly rubric: CompiledRubric;
  /** @internal */
  readonly works: SectionWorks;

  constructor(rubric: CompiledRubric, input: LintInput, pace: number, reuse?: SectionWorks) {
    this.rubric = rubric;
    this.works = sectionWorks(input.sections, reuse);
    this.principles = new Set(input.principles);
    this.pace = pace;
  }

  text(section: SectionId): string {
    return this.works[section].text;
  }

  analysis(section: SectionId): SectionAnalysis {
    const work = this.works[section];
    return (work.analysis ??= analyzeText(work.text));
  }

  /** Interned ids of a section's tokens (one hash lookup per token, no strings built). */
  ids(section: SectionId): TokenIds {
    return this.tokenClasses(section).ids;
  }

  private tokenClasses(section: SectionId): TokenClasses {
    const work = this.works[section];
    return (work.classes ??= this.rubric.index.classify(this.analysis(section)));
  }

  matches(section: SectionId, slot: number): readonly Match[] {
    const work = this.works[section];
    const table = (work.table ??= this.rubric.index.match(this.analysis(section), this.tokenClasses(section), this.rubric.activeSlots[section]));
    return table[slot] ?? EMPTY_MATCHES;
  }

  /** `compute` must depend only on the section's text (and the owner): its result is kept with that text. */
  memo<T>(owner: object, section: SectionId, compute: () => T): T {
    const memos = (this.works[section].memos ??= new Map());
    if (!memos.has(owner)) memos.set(owner, compute());
    return memos.get(owner) as T;
  }

  /** Spoken words (the tokenizer counts them exactly as countWords does). */
  words(section: SectionId): number {
    return this.analysis(section).words;
  }
}

function withoutExceptions(found: readonly Match[], exceptions: readonly Match[]): readonly Match[] {
  if (found.length === 0 || exceptions.length === 0) return found;
  return found.filter((m) => !exceptions.some((e) => e.start < m.end && m.start < e.end));
}

function emptySpan(): Span {
  return { start: 0, end: 0 };
}

/** From the first word past a budget to the end of the section's last word. */
function overBudgetSpan(a: SectionAnalysis, budgetWords: number): Span {
  const start = offsetAfterWords(a, Math.max(0, Math.floor(budgetWords)));
  const lastSentence = a.sentences[a.sentences.length - 1];
  const end = lastSentence ? Math.max(lastSentence.end, start) : start;
  return { start: Math.min(start, end), end };
}

function compileExistence(rule: Rule & { phrases: string[]; exceptions?: string[] | undefined }, register: (list: readonly string[]) => number): Evaluate {
  const slot = register(rule.phrases);
  const exSlot = rule.exceptions ? register(rule.exceptions) : -1;
  return (run) => {
    const out: RawFinding[] = [];
    for (const section of rule.sections) {
      const found = run.matches(section, slot);
      if (found.length === 0) continue;
      const kept = exSlot >= 0 ? withoutExceptions(found, run.matches(section, exSlot)) : found;
      for (const m of kept) out.push({ section, start: m.start, end: m.end, basis: 'text' });
    }
    return out;
  };
}

function compileOccurrence(rule: OccurrenceRule, register: (list: readonly string[]) => number): Evaluate {
  const slot = register(rule.phrases);
  const exSlot = rule.exceptions ? register(rule.exceptions) : -1;
  const skipIfEmpty = rule.skipIfEmpty ?? true;
  const found = (run: LintRun, section: SectionId) => {
    const m = run.matches(section, slot);
    return exSlot >= 0 ? withoutExceptions(m, run.matches(section, exSlot)) : m;
  };
  const judge = (run: LintRun, list: readonly Match[], counted: readonly SectionId[], reportOn: SectionId, out: RawFinding[]) => {
    const count = list.length;
    if (rule.max !== undefined && count > rule.max) {
      const over = list[rule.max]!;
      // list is in section order; find the section of the first match past the limit
      let section = reportOn;
      if (counted.length > 1) {
        let seen = 0;
        for (const s of counted) {
          const n = found(run, s).length;
          if (rule.max < seen + n) {
            section = s;
            break;
          }
          seen += n;
        }
      }
      out.push({ section, start: over.start, end: over.end, basis: 'section', values: { count, max: rule.max } });
    }
    if (rule.min !== undefined && count < rule.min) {
      if (skipIfEmpty && counted.every((s) => run.analysis(s).count === 0)) return;
      const a = run.analysis(reportOn);
      out.push({ section: reportOn, ...(a.count > 0 ? firstSentence(a) : emptySpan()), basis: 'section', values: { count, min: rule.min } });
    }
  };
  return (run) => {
    const out: RawFinding[] = [];
    if (rule.aggregate) {
      const all: Match[] = [];
      for (const section of rule.sections) all.push(...found(run, section));
      judge(run, all, rule.sections, rule.reportOn ?? rule.sections[0]!, out);
    } else {
      for (const section of rule.sections) judge(run, found(run, section), [section], section, out);
    }
    return out;
  };
}

function compileRatio(rule: RatioRule, register: (list: readonly string[]) => number): Evaluate {
  const num = register(rule.numerator);
  const den = register(rule.denominator);
  return (run) => {
    const out: RawFinding[] = [];
    for (const section of rule.sections) {
      const n = run.matches(section, num);
      if (n.length < rule.minCount) continue;
      const d = run.matches(section, den).length;
      if (n.length > rule.maxRatio * d) {
        out.push({ section, start: n[0]!.start, end: n[0]!.end, basis: 'section', values: { numerator: n.length, denominator: d } });
      }
    }
    return out;
  };
}

function compileLength(rule: LengthRule): Evaluate {
  const skipEmpty = rule.skipEmpty ?? true;
  const relative = rule.relative ?? false;
  const factor = (rule.above ?? rule.below)!;
  const isAbove = rule.above !== undefined;
  if (rule.scope === 'section') {
    return (run) => {
      const out: RawFinding[] = [];
      for (const section of rule.sections) {
        const words = run.words(section);
        if (skipEmpty && words === 0) continue;
        const targetSeconds = SECTION_TARGET_SECONDS[section];
        const seconds = spokenSeconds(words, run.pace);
        const value = rule.measure === 'seconds' ? seconds : words;
        const target = rule.measure === 'seconds' ? targetSeconds : wordsForSeconds(targetSeconds, run.pace);
        const threshold = relative ? factor * target : factor;
        const values = { seconds: Math.round(seconds), target: targetSeconds, words, limit: Math.round(threshold) };
        if (isAbove ? value > threshold : value < threshold) {
          let span: Span;
          if (isAbove) {
            const budgetWords = rule.measure === 'seconds' ? wordsForSeconds(threshold, run.pace) : threshold;
            span = overBudgetSpan(run.analysis(section), budgetWords);
          } else {
            const a = run.analysis(section);
            span = a.count > 0 ? firstSentence(a) : emptySpan();
          }
          out.push({ section, ...span, basis: 'section', values });
        }
      }
      return out;
    };
  }
  return (run) => {
    let words = 0;
    for (const section of rule.sections) words += run.words(section);
    if (skipEmpty && words === 0) return [];
    const seconds = spokenSeconds(words, run.pace);
    const value = rule.measure === 'seconds' ? seconds : words;
    const targetSeconds = isAbove ? ANSWER_TARGET_SECONDS.max : ANSWER_TARGET_SECONDS.min;
    const target = rule.measure === 'seconds' ? targetSeconds : wordsForSeconds(targetSeconds, run.pace);
    const threshold = relative ? factor * target : factor;
    if (!(isAbove ? value > threshold : value < threshold)) return [];
    // Show it on the section that is furthest off its own target, in the direction that matters.
    let pick = rule.sections[0]!;
    let best = -Infinity;
    for (const section of rule.sections) {
      const diff = spokenSeconds(run.words(section), run.pace) - SECTION_TARGET_SECONDS[section];
      const score = isAbove ? diff : -diff;
      if (score > best) {
        best = score;
        pick = section;
      }
    }
    const pickSeconds = spokenSeconds(run.words(pick), run.pace);
    let span: Span;
    if (isAbove && pickSeconds > SECTION_TARGET_SECONDS[pick]) {
      span = overBudgetSpan(run.analysis(pick), wordsForSeconds(SECTION_TARGET_SECONDS[pick], run.pace));
    } else {
      const a = run.analysis(pick);
      span = a.count > 0 ? firstSentence(a) : emptySpan();
    }
    const values = {
      seconds: Math.round(seconds),
      words,
      min: ANSWER_TARGET_SECONDS.min,
      max: ANSWER_TARGET_SECONDS.max,
      limit: Math.round(threshold),
      target: targetSeconds,
    };
    return [{ section: pick, ...span, basis: 'story', values }];
  };
}

interface CompileShared {
  words(list: readonly string[]): WordSet;
  shared<T>(key: string, make: () => T): T;
}

function compileScript(rule: Rule & { kind: 'script' }, register: (list: readonly string[]) => number, common: CompileShared): Evaluate {
  const definition = SCRIPTS.get(rule.script);
  if (!definition) throw new Error(`Rule "${rule.id}" names an unknown script "${rule.script}".`);
  const parsed = definition.params.safeParse(rule.params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Rule "${rule.id}": params${issue?.path.length ? '.' + issue.path.map(String).join('.') : ''}: ${issue?.message ?? 'invalid'}`);
  }
  const check: ScriptCheck = definition.compile(parsed.data as never, { phrases: register, words: common.words, shared: common.shared });
  const sections = rule.sections;
  return (run) => {
    const ctx: ScriptRunContext = {
      sections,
      principles: run.principles,
      pace: run.pace,
      analysis: (s) => run.analysis(s),
      ids: (s) => run.ids(s),
      memo: (owner, s, compute) => run.memo(owner, s, compute),
      matches: (s, set) => run.matches(s, set),
    };
    return check(ctx);
  };
}

/**
 * Compiles validated rules once (parseRubric gives them). Throws on duplicate ids or an unknown script.
 * Keep the result and pass it to `lint` on every keystroke.
 */
export function compileRubric(rules: readonly Rule[]): CompiledRubric {
  const index = new PhraseIndex();
  const slotSections: Array<Set<SectionId>> = [];
  const slotByContent = new Map<string, number>();
  const wordSets = new Map<string, WordSet>();
  const sharedValues = new Map<string, unknown>();
  const common: CompileShared = {
    words(list) {
      const key = JSON.stringify(list);
      let set = wordSets.get(key);
      if (!set) {
        set = new WordSet(index.vocabulary, list);
        wordSets.set(key, set);
      }
      return set;
    },
    shared<T>(key: string, make: () => T): T {
      if (!sharedValues.has(key)) sharedValues.set(key, make());
      return sharedValues.get(key) as T;
    },
  };
  const byId = new Map<string, Rule>();
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (byId.has(rule.id)) throw new Error(`Two rules share the id "${rule.id}".`);
    byId.set(rule.id, rule);
    // Identical phrase lists share one slot (matched once), read in the union of their rules' sections.
    const register = (list: readonly string[]) => {
      const key = JSON.stringify(list);
      let slot = slotByContent.get(key);
      if (slot === undefined) {
        slot = index.addSet(list);
        slotByContent.set(key, slot);
        slotSections[slot] = new Set();
      }
      for (const s of rule.sections) slotSections[slot]!.add(s);
      return slot;
    };
    let evaluate: Evaluate;
    switch (rule.kind) {
      case 'existence':
      case 'signal':
        evaluate = compileExistence(rule, register);
        break;
      case 'occurrence':
        evaluate = compileOccurrence(rule, register);
        break;
      case 'ratio':
        evaluate = compileRatio(rule, register);
        break;
      case 'length':
        evaluate = compileLength(rule);
        break;
      case 'script':
        evaluate = compileScript(rule, register, common);
        break;
    }
    const sectionFingerprints = {} as Record<SectionId, string>;
    for (const id of SECTION_IDS) sectionFingerprints[id] = fingerprintOf(rule.id, id, { kind: 'section' });
    compiled.push({
      rule,
      sections: rule.sections,
      principles: rule.principles ?? null,
      evaluate,
      message: compileTemplate(rule.message),
      suggestion: compileTemplate(rule.suggestion),
      sectionFingerprints,
      storyFingerprint: fingerprintOf(rule.id, 'situation', { kind: 'story' }),
    });
  }
  const activeSlots = {} as Record<SectionId, Uint8Array>;
  for (const section of SECTION_IDS) {
    const mask = new Uint8Array(index.slots);
    slotSections.forEach((sections, slot) => {
      if (sections.has(section)) mask[slot] = 1;
    });
    activeSlots[section] = mask;
  }
  return { rules: rules.slice(), byId, compiled, index, activeSlots };
}

const compiledCache = new WeakMap<readonly Rule[], CompiledRubric>();

function asCompiled(rubric: CompiledRubric | readonly Rule[]): CompiledRubric {
  if (!Array.isArray(rubric)) return rubric as CompiledRubric;
  const list = rubric as readonly Rule[];
  let compiled = compiledCache.get(list);
  if (!compiled) {
    compiled = compileRubric(list);
    compiledCache.set(list, compiled);
  }
  return compiled;
}

function appliesTo(entry: CompiledRule, principles: ReadonlySet<PrincipleId>): boolean {
  if (entry.principles === null) return true;
  for (const p of entry.principles) if (principles.has(p)) return true;
  return false;
}

/**
 * Lints one story. Pure: same input, same output. Offsets are into each section's plain text.
 * Pass a CompiledRubric (from compileRubric) for speed; a plain rule array is compiled once and cached.
 */
export function lint(input: LintInput, rubric: CompiledRubric | readonly Rule[], options: LintOptions = {}): Diagnostic[] {
  return lintRun(new LintRun(asCompiled(rubric), input, clampPace(options.pace)), options);
}

function lintRun(run: LintRun, options: LintOptions): Diagnostic[] {
  const compiled = run.rubric;
  const only = options.only ? new Set(options.only) : null;
  const overrides = options.overrides;
  const out: Diagnostic[] = [];
  for (const entry of compiled.compiled) {
    const rule = entry.rule;
    if (only && !only.has(rule.id)) continue;
    const override = overrides?.[rule.id];
    if (override === 'off') continue;
    if (!appliesTo(entry, run.principles)) continue;
    const raw = entry.evaluate(run);
    if (raw.length === 0) continue;
    const severity: DiagnosticSeverity = rule.kind === 'signal' ? 'positive' : (override ?? rule.severity);
    if (raw.length > 1) raw.sort((a, b) => SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.start - b.start);
    let seen: Map<string, number> | null = null;
    for (const f of raw) {
      let fingerprint: string;
      if (f.basis === 'text') {
        const text = normalizeFindingText(run.text(f.section).slice(f.start, f.end));
        const key = `${f.section}\u0000${text}`;
        seen ??= new Map();
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        fingerprint = fingerprintOf(rule.id, f.section, { kind: 'text', text, occurrence });
      } else {
        fingerprint = f.basis === 'section' ? entry.sectionFingerprints[f.section] : entry.storyFingerprint;
      }
      out.push({
        ruleId: rule.id,
        section: f.section,
        severity,
        message: renderTemplate(entry.message, f.values),
        suggestion: renderTemplate(entry.suggestion, f.values),
        start: f.start,
        end: f.end,
        fingerprint,
      });
    }
  }
  out.sort(
    (a, b) =>
      SECTION_ORDER[a.section] - SECTION_ORDER[b.section] ||
      a.start - b.start ||
      a.end - b.end ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return options.suppressions && options.suppressions.length ? applySuppressions(out, options.suppressions) : out;
}

export interface StoryAnalysis {
  diagnostics: Diagnostic[];
  score: number;
  timing: StoryTiming;
  /** The findings weighed at the story's level: what the score came from, and what the verdict starts from. */
  weighing: Weighing;
}

/** What a rubric's rule weighs (its `weighs`, or DEFAULT_WEIGHED for a rule that does not say). */
export function partOfRule(rubric: CompiledRubric): (ruleId: string) => Weighed {
  return (ruleId) => rubric.byId.get(ruleId)?.weighs ?? DEFAULT_WEIGHED;
}

/** Everything the editor shows at once: findings, score and spoken time per section. */
export function analyzeStory(input: LintInput, rubric: CompiledRubric | readonly Rule[], options: LintOptions = {}): StoryAnalysis {
  return analyzeRun(new LintRun(asCompiled(rubric), input, clampPace(options.pace)), input.level, options);
}

function analyzeRun(run: LintRun, level: Level | undefined, options: LintOptions): StoryAnalysis {
  const diagnostics = lintRun(run, options);
  // Timing from the words the tokenizer already counted (the same count as countWords).
  const words = {} as Record<SectionId, number>;
  for (const id of SECTION_IDS) words[id] = run.words(id);
  const weighing = weigh(diagnostics, partOfRule(run.rubric), level);
  return { diagnostics, score: scoreFromWeighing(weighing), timing: timingFromWordCounts(words, run.pace), weighing };
}

/** Lints one story again and again as it is edited: see createStoryLinter. */
export interface StoryLinter {
  /** The same as analyzeStory(input, rubric, options), reusing what the previous call worked out. */
  analyze(input: LintInput, options?: LintOptions): StoryAnalysis;
}

function samePrinciples(a: readonly PrincipleId[], b: readonly PrincipleId[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

function sameOptions(a: LintOptions, b: LintOptions): boolean {
  return a.pace === b.pace && a.overrides === b.overrides && a.suppressions === b.suppressions && a.only === b.only;
}

/**
 * An analyzeStory for the editor, where each keystroke changes one section: what lint works out from a section's
 * text alone (its tokens, phrase matches, the scripts' per-section results) is kept while that text is unchanged,
 * so a keystroke re-reads only the section typed in. The rules still run over the whole story, so findings that
 * depend on several sections (lengths, counts across sections) are always up to date. Called again with the same
 * texts, principles and options (compared by value for texts and principles, by identity for the option values),
 * it answers the very same StoryAnalysis object.
 */
export function createStoryLinter(rubric: CompiledRubric | readonly Rule[]): StoryLinter {
  const compiled = asCompiled(rubric);
  let last: { run: LintRun; principles: readonly PrincipleId[]; level: Level | undefined; options: LintOptions; result: StoryAnalysis } | null = null;
  return {
    analyze(input, options = {}) {
      if (
        last !== null &&
        SECTION_IDS.every((id) => last!.run.text(id) === (input.sections[id] ?? '')) &&
        samePrinciples(last.principles, input.principles) &&
        last.level === input.level &&
        sameOptions(last.options, options)
      ) {
        return last.result;
      }
      const run = new LintRun(compiled, input, clampPace(options.pace), last?.run.works);
      const result = analyzeRun(run, input.level, options);
      last = { run, principles: input.principles.slice(), level: input.level, options: { ...options }, result };
      return result;
    },
  };
}
