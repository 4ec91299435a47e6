import type { TokenIds, WordSet } from '../phrases.ts';
import { CAPITALIZED, CLAUSE_BEFORE, HAS_DIGIT, HAS_LETTER, LINE_START, type SectionAnalysis } from '../text-analysis.ts';
import type { SectionId } from '../../domain/sections.ts';
import { wordListSchema, type ScriptCompileContext, type ScriptRunContext } from './script-api.ts';

/**
 * Counts the concrete steps a speaker says they took: "I" + a verb that is not a weak one ("I rewrote", "I quickly
 * profiled"), verbs chained after "and/then/," in a sentence whose subject is "I" ("..., rewrote the query, and
 * added an index"), and bullet lines that open with a past-tense verb ("Profiled the service"). Weak verbs (was,
 * felt, helped, tried, could...) do not count. The word lists are data (rule params).
 */

export const firstPersonLexiconSchema = {
  /** After "I": not a concrete step (was, felt, helped, tried, could, escalated...). */
  weakVerbs: wordListSchema.min(1),
  /** Skipped between "I" and its verb (also, then, personally; words ending in -ly are skipped anyway). */
  skipWords: wordListSchema,
  /** Irregular past forms (wrote, built, ran...). Regular ones end in -ed. */
  pastForms: wordListSchema.min(1),
  /** Words after which a past-tense verb continues the "I" clause (and, then, also). */
  coordinators: wordListSchema.min(1),
  /** Words ending in -ed that are not verbs (hundred, sacred). */
  notVerbs: wordListSchema,
};

export interface FirstPersonLexicon {
  weakVerbs: readonly string[];
  skipWords: readonly string[];
  pastForms: readonly string[];
  coordinators: readonly string[];
  notVerbs: readonly string[];
}

export interface CompiledFirstPerson {
  subject: WordSet;
  weak: WordSet;
  skip: WordSet;
  past: WordSet;
  coordinators: WordSet;
  notVerbs: WordSet;
}

/** Compiles the lexicon; rules with the same lists get the same object (so per-lint results can be shared). */
export function compileFirstPerson(lex: FirstPersonLexicon, ctx: ScriptCompileContext): CompiledFirstPerson {
  const key = JSON.stringify(['first-person', lex.weakVerbs, lex.skipWords, lex.pastForms, lex.coordinators, lex.notVerbs]);
  return ctx.shared(key, () => ({
    subject: ctx.words(['I']),
    weak: ctx.words(lex.weakVerbs),
    skip: ctx.words(lex.skipWords),
    past: ctx.words(lex.pastForms),
    coordinators: ctx.words(lex.coordinators),
    notVerbs: ctx.words(lex.notVerbs),
  }));
}

/** ownActionVerbs for a whole section, computed once per lint and shared by every rule using this lexicon. */
export function ownActionVerbsOf(run: ScriptRunContext, section: SectionId, lex: CompiledFirstPerson): readonly number[] {
  return run.memo(lex, section, () => ownActionVerbs(run.analysis(section), run.ids(section), lex));
}

/** Regular past forms end in -ed ("speed", "proceed", "need" do not count; "agreed", "freed" do). */
export function isRegularPast(a: SectionAnalysis, t: number): boolean {
  if (a.length(t) < 5 || !a.endsWithLower(t, 'ed')) return false;
  if (a.endsWithLower(t, 'eed')) return a.endsWithLower(t, 'agreed') || a.endsWithLower(t, 'freed') || a.endsWithLower(t, 'guaranteed');
  return true;
}

export function isPastForm(a: SectionAnalysis, ids: TokenIds, t: number, lex: CompiledFirstPerson): boolean {
  const id = ids[t]!;
  if (lex.past.has(id)) return true;
  if (lex.notVerbs.has(id)) return false;
  return isRegularPast(a, t);
}

/** An adverb in -ly ("quickly") or a listed skip word. */
export function isSkippable(a: SectionAnalysis, ids: TokenIds, t: number, skip: WordSet): boolean {
  return skip.has(ids[t]!) || (a.length(t) > 4 && a.endsWithLower(t, 'ly'));
}

function isWordToken(a: SectionAnalysis, t: number): boolean {
  const f = a.flags[t]!;
  return (f & HAS_LETTER) !== 0 && (f & HAS_DIGIT) === 0;
}

/** Token indices of the verbs counted as the speaker's own concrete steps. */
export function ownActionVerbs(a: SectionAnalysis, ids: TokenIds, lex: CompiledFirstPerson, excluded?: Uint8Array): number[] {
  const out: number[] = [];
  const n = a.count;
  let sentence = -1;
  let hasI = false;
  let lastCounted = -1;
  for (let t = 0; t < n; t++) {
    const s = a.sentenceOf[t]!;
    if (s !== sentence) {
      sentence = s;
      hasI = false;
    }
    const id = ids[t]!;
    if (lex.subject.has(id)) {
      hasI = true;
      let v = t + 1;
      let hops = 0;
      while (v < n && a.sentenceOf[v] === s && hops < 3 && isSkippable(a, ids, v, lex.skip)) {
        v++;
        hops++;
      }
      if (v < n && a.sentenceOf[v] === s && (a.flags[v]! & CLAUSE_BEFORE) === 0 && isWordToken(a, v)) {
        const verb = ids[v]!;
        if (!lex.weak.has(verb) && !lex.subject.has(verb) && !(excluded && excluded[v] === 1)) {
          out.push(v);
          lastCounted = v;
        }
      }
      continue;
    }
    if (t === lastCounted || !isWordToken(a, t)) continue;
    const flags = a.flags[t]!;
    const chained = hasI && t > 0 && a.sentenceOf[t - 1] === s && ((flags & CLAUSE_BEFORE) !== 0 || lex.coordinators.has(ids[t - 1]!));
    const bullet = (flags & LINE_START) !== 0 && (flags & CAPITALIZED) !== 0;
    if ((chained || bullet) && !lex.weak.has(id) && !(excluded && excluded[t] === 1) && isPastForm(a, ids, t, lex)) {
      out.push(t);
      lastCounted = t;
    }
  }
  return out;
}
