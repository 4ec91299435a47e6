import { z } from 'zod';
import type { Match, TokenIds, WordSet } from '../phrases.ts';
import { HAS_DIGIT, JOIN_PREV, type SectionAnalysis, type Span } from '../text-analysis.ts';
import type { SectionId } from '../../domain/sections.ts';
import { wordListSchema, type ScriptCompileContext, type ScriptRunContext } from './script-api.ts';

/**
 * Finds quantities in text: numbers with or without units ("40%", "$2M", "3 teams", "800ms", "1,200"), numbers in
 * words ("three teams", "from twelve to two", "cut it by half", "doubled", "a third", "within an hour"), and ranges
 * and fractions. Dates and years ("in 2021", "March 3", "3/4/2021"), clock times, versions and labels ("Q3",
 * "SEV-2", "Python 3", "sprint 4", "p99") are not quantities. The vocabulary is data (rule params).
 */

const wordList = wordListSchema.min(1);

export const quantityLexiconSchema = z.strictObject({
  /** Number words that count on their own ("three", "twelve", "hundred", "dozen", "zero"). */
  numberWords: wordList,
  /** Words that count only before a unit or after "from/to/than" ("one"). */
  singularWords: wordList,
  /** Words that state a change by themselves ("half", "doubled", "twice"). */
  multiplierWords: wordList,
  /** Fractions, counted after a number word or "a" ("a third", "two thirds"). */
  fractionWords: wordList,
  /** Orders of magnitude ("thousands"). */
  magnitudeWords: wordList,
  /** Nouns and units after a number that make it a measure ("users", "ms", "percent"). */
  units: wordList,
  /** Time units: "a/an" + one of these after a duration word is a duration ("within an hour"). */
  timeUnits: wordList,
  /** Words before "a/an + time unit" that make it a duration ("in", "within", "from", "to"). */
  durationLeads: wordList,
  /** Letters glued to a number that make it a measure ("40ms", "3x", "10k"). */
  unitSuffixes: wordList,
  /** Words before or after a number that make it a date ("March 3"). */
  months: wordList,
  /** Words before a number that make it a name or label ("version 2", "sprint 4"). */
  labelWords: wordList,
  /** Symbols before a number that make it money. */
  currencySymbols: z.array(z.string().min(1)).min(1),
  /** Words right after a number that make it a time of day ("3 pm"). */
  clockWords: wordList,
  /** Phrases in which number words are not quantities ("one of", "one-on-one", "double-check"). */
  exceptions: z.array(z.string().min(1)),
});
export type QuantityLexicon = z.infer<typeof quantityLexiconSchema>;

export interface QuantityDetector {
  readonly numberWords: WordSet;
  readonly singularWords: WordSet;
  readonly multiplierWords: WordSet;
  readonly fractionWords: WordSet;
  readonly magnitudeWords: WordSet;
  readonly units: WordSet;
  readonly timeUnits: WordSet;
  readonly durationLeads: WordSet;
  readonly unitSuffixes: ReadonlySet<string>;
  readonly months: WordSet;
  readonly labelWords: WordSet;
  readonly currencySymbols: readonly string[];
  readonly clockWords: WordSet;
  readonly clockSuffixes: ReadonlySet<string>;
  readonly from: WordSet;
  readonly article: WordSet;
  readonly of: WordSet;
  readonly a: WordSet;
  readonly p: WordSet;
  readonly m: WordSet;
  /** Phrase set of the exceptions, or -1. */
  readonly exceptions: number;
}

function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => w.trim().toLowerCase()));
}

/** Compiles the lexicon; rules with the same lists share one detector (and its per-lint results). */
export function compileQuantityLexicon(lex: QuantityLexicon, ctx: ScriptCompileContext): QuantityDetector {
  // Registered by every rule (identical lists share one slot), so each rule's sections are matched.
  const exceptions = lex.exceptions.length ? ctx.phrases(lex.exceptions) : -1;
  return ctx.shared(JSON.stringify(['quantities', lex]), () => ({
    numberWords: ctx.words(lex.numberWords),
    singularWords: ctx.words(lex.singularWords),
    multiplierWords: ctx.words(lex.multiplierWords),
    fractionWords: ctx.words(lex.fractionWords),
    magnitudeWords: ctx.words(lex.magnitudeWords),
    units: ctx.words(lex.units),
    timeUnits: ctx.words(lex.timeUnits),
    durationLeads: ctx.words(lex.durationLeads),
    unitSuffixes: lowerSet(lex.unitSuffixes),
    months: ctx.words(lex.months),
    labelWords: ctx.words(lex.labelWords),
    currencySymbols: lex.currencySymbols,
    clockWords: ctx.words(lex.clockWords),
    clockSuffixes: lowerSet(lex.clockWords),
    from: ctx.words(['from', 'to', 'than']),
    article: ctx.words(['a', 'an']),
    of: ctx.words(['of']),
    a: ctx.words(['a']),
    p: ctx.words(['p']),
    m: ctx.words(['m']),
    exceptions,
  }));
}

/** Quantities of a section, computed once per lint per detector. */
export function quantitiesOf(run: ScriptRunContext, section: SectionId, q: QuantityDetector): readonly Span[] {
  return run.memo(q, section, () =>
    findQuantities(run.analysis(section), run.ids(section), q, q.exceptions >= 0 ? run.matches(section, q.exceptions) : []),
  );
}

const NUMBER_TOKEN = /^(\d[\d,]*(?:\.\d+)?)([a-z]*)$/;
const YEAR = /^(?:19|20)\d\d$/;
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);

function sameSentence(a: SectionAnalysis, t: number, u: number): boolean {
  return u >= 0 && u < a.count && a.sentenceOf[t] === a.sentenceOf[u];
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Only spaces between `from` and `to` (and at least one when `nonEmpty`). */
function blank(text: string, from: number, to: number, nonEmpty: boolean): boolean {
  if (nonEmpty && to <= from) return false;
  for (let i = from; i < to; i++) if (!isBlankChar(text.charCodeAt(i))) return false;
  return true;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function numericValue(token: string): number {
  return Number(token.replace(/,/g, ''));
}

/** Whether the number token at t is a quantity (true), or a date, year, time, version or label (false). */
function digitTokenIsQuantity(a: SectionAnalysis, ids: TokenIds, t: number, q: QuantityDetector): boolean {
  const lw = a.word(t);
  const m = NUMBER_TOKEN.exec(lw);
  if (!m) return false; // "q3", "p99", "ec2", "sev2", "1.2.3"
  const digits = m[1]!;
  const suffix = m[2]!;
  const text = a.text;
  const beforeFrom = t > 0 ? a.ends[t - 1]! : 0;
  const before = text.slice(beforeFrom, a.starts[t]);
  const after = text.slice(a.ends[t], t + 1 < a.count ? a.starts[t + 1]! : text.length);
  const beforeBlank = blank(text, beforeFrom, a.starts[t]!, false);
  const afterBlank = t + 1 < a.count && blank(text, a.ends[t]!, a.starts[t + 1]!, true);
  const money = q.currencySymbols.some((sym) => before.endsWith(sym) || before.endsWith(sym + ' '));
  if (money) return true;
  if (before.endsWith('#')) return false; // "#3", "issue #1204"
  if (t > 0 && (a.flags[t]! & JOIN_PREV) !== 0 && before === '-' && (a.flags[t - 1]! & HAS_DIGIT) === 0) return false; // "SEV-2", "COVID-19"
  if (t > 0 && beforeBlank && q.labelWords.has(ids[t - 1]!)) return false; // "version 2", "sprint 4"
  const e = a.ends[t]!;
  if (text.charCodeAt(e) === 46 && text.charCodeAt(e + 1) >= 48 && text.charCodeAt(e + 1) <= 57) return false; // "1.2.3"-like leftovers

  if (suffix !== '') {
    if (ORDINAL.has(suffix)) return false; // "3rd", "the 21st"
    if (q.clockSuffixes.has(suffix)) return false; // "3pm"
    if (suffix === 's' && numericValue(digits) >= 1000) return false; // "the 1990s"
    return q.unitSuffixes.has(suffix);
  }
  // Dates next to a month name: "March 3", "3 March", "March 3, 2021".
  if (t > 0 && sameSentence(a, t, t - 1) && q.months.has(ids[t - 1]!) && beforeBlank) return false;
  if (t > 1 && sameSentence(a, t, t - 2) && q.months.has(ids[t - 2]!) && before.startsWith(',') && blank(before, 1, before.length, false) && (a.flags[t - 1]! & HAS_DIGIT) !== 0) return false;
  if (t + 1 < a.count && sameSentence(a, t, t + 1) && q.months.has(ids[t + 1]!) && afterBlank) return false;
  if (t + 2 < a.count && q.of.has(ids[t + 1]!) && q.months.has(ids[t + 2]!)) return false;
  // Clock times: "3:45", "3 pm", "3 p.m.".
  if (after.startsWith(':') && t + 1 < a.count && isDigits(a.word(t + 1))) return false;
  if (afterBlank && q.clockWords.has(ids[t + 1]!)) return false;
  if (t + 2 < a.count && afterBlank && (q.a.has(ids[t + 1]!) || q.p.has(ids[t + 1]!)) && text.slice(a.ends[t + 1], a.starts[t + 2]) === '.' && q.m.has(ids[t + 2]!)) return false;
  if (before === '/' || (before === '-' && t > 0 && (a.flags[t - 1]! & HAS_DIGIT) !== 0)) {
    // Later part of a fraction, range or date: judged with the first part.
    return false;
  }
  // Numeric dates, fractions and ranges: "3/4/2021", "2021-03-04", "1/3", "10-15".
  if ((after === '/' || after === '-') && t + 1 < a.count && isDigits(a.word(t + 1))) {
    const second = a.word(t + 1);
    const third = t + 2 < a.count && text.slice(a.ends[t + 1], a.starts[t + 2]) === after && isDigits(a.word(t + 2));
    if (third) return false; // three-part date
    if (after === '/') return numericValue(digits) < numericValue(second); // "1/3" yes, "24/7" no
    if (YEAR.test(digits) && (YEAR.test(second) || second.length <= 2)) return false; // "2019-2021", "2021-03"
    return true; // a range: "10-15 minutes"
  }
  if (YEAR.test(digits) && !digits.includes(',')) {
    // A year unless a unit follows: "2021 users" is a count, "in 2021" is a date.
    if (after.startsWith('%')) return true;
    if (afterBlank && (q.units.has(ids[t + 1]!) || q.timeUnits.has(ids[t + 1]!))) return true;
    return false;
  }
  return true;
}

/** Spans of the quantities in a section. `exceptionMatches`: matches of the lexicon's exception phrases. */
export function findQuantities(a: SectionAnalysis, ids: TokenIds, q: QuantityDetector, exceptionMatches: readonly Match[]): Span[] {
  const out: Span[] = [];
  const n = a.count;
  let exceptionIndex = 0;
  for (let t = 0; t < n; t++) {
    if ((a.flags[t]! & HAS_DIGIT) !== 0) {
      if (digitTokenIsQuantity(a, ids, t, q)) out.push({ start: a.starts[t]!, end: a.ends[t]! });
      continue;
    }
    const id = ids[t]!;
    if (id < 0) continue; // a word the lexicon never mentions
    while (exceptionIndex < exceptionMatches.length && exceptionMatches[exceptionIndex]!.tokEnd <= t) exceptionIndex++;
    const ex = exceptionMatches[exceptionIndex];
    if (ex !== undefined && ex.tok <= t && t < ex.tokEnd) continue;
    const joinedNext = t + 1 < n && (a.flags[t + 1]! & JOIN_PREV) !== 0;
    const next = joinedNext ? ids[t + 1]! : -1;
    const prev = t > 0 && (a.flags[t]! & JOIN_PREV) !== 0 ? ids[t - 1]! : -1;
    if (q.numberWords.has(id) || q.multiplierWords.has(id) || q.magnitudeWords.has(id)) {
      out.push({ start: a.starts[t]!, end: a.ends[t]! });
    } else if (q.singularWords.has(id)) {
      if (q.units.has(next) || q.timeUnits.has(next)) out.push({ start: a.starts[t]!, end: a.ends[t + 1]! });
      else if (q.from.has(prev) && sameSentence(a, t, t - 1)) out.push({ start: a.starts[t]!, end: a.ends[t]! });
    } else if (q.fractionWords.has(id)) {
      if (q.numberWords.has(prev) || q.singularWords.has(prev) || q.a.has(prev)) out.push({ start: a.starts[t - 1]!, end: a.ends[t]! });
    } else if (q.article.has(id) && q.timeUnits.has(next) && !q.fractionWords.has(next) && q.durationLeads.has(prev)) {
      out.push({ start: a.starts[t]!, end: a.ends[t + 1]! });
    }
  }
  return out;
}

/** Indices of the sentences that hold a quantity. */
export function sentencesWithQuantities(a: SectionAnalysis, spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  let s = 0;
  for (const span of spans) {
    while (s < a.sentences.length && a.sentences[s]!.end <= span.start) s++;
    if (s < a.sentences.length) out.add(s);
  }
  return out;
}
