import { z } from 'zod';
import { wordProblem } from '../phrases.ts';
import type { PrincipleId } from '../../domain/principles.ts';
import type { SectionId } from '../../domain/sections.ts';
import type { Match, TokenIds, WordSet } from '../phrases.ts';
import type { SectionAnalysis } from '../text-analysis.ts';

/**
 * A "script" rule: a named check in TypeScript for what phrase lists and counts cannot say. Its word lists still
 * come from the rule's params (data), validated by the script's own schema when the rubric loads.
 */

/** A phrase set registered in the rubric's shared index; its matches are found in the same pass as every rule's. */
export type PhraseSet = number;

export interface ScriptCompileContext {
  /** Registers a phrase list (matched in the rule's sections). */
  phrases(list: readonly string[]): PhraseSet;
  /** A set of single words, tested against token ids from `ScriptRunContext.ids`. */
  words(list: readonly string[]): WordSet;
  /**
   * One value per key for the whole rubric: rules whose params hold the same word lists share compiled lexicons
   * (and with them, `ScriptRunContext.memo` results).
   */
  shared<T>(key: string, make: () => T): T;
}

export interface ScriptRunContext {
  /** The rule's sections, in story order. */
  readonly sections: readonly SectionId[];
  readonly principles: ReadonlySet<PrincipleId>;
  /** Words per minute. */
  readonly pace: number;
  analysis(section: SectionId): SectionAnalysis;
  /** Interned id of each token of a section (-1 when the rubric never mentions the word). */
  ids(section: SectionId): TokenIds;
  /** Matches of a registered phrase set in a section (empty when none). */
  matches(section: SectionId, set: PhraseSet): readonly Match[];
  /**
   * Computes once per owner object and section text (owners are shared lexicons): the editor's linter keeps the
   * result while the section's text is unchanged, so `compute` may read only that section (its analysis, ids and
   * matches), never the principles, the pace or other sections.
   */
  memo<T>(owner: object, section: SectionId, compute: () => T): T;
}

export interface ScriptFinding {
  section: SectionId;
  start: number;
  end: number;
  /** See FingerprintBasis: 'text' for findings about particular words, 'section' / 'story' for judgments. */
  basis: 'text' | 'section' | 'story';
  /** Values for {placeholders} in the rule's message and suggestion. */
  values?: Record<string, string | number>;
}

export type ScriptCheck = (ctx: ScriptRunContext) => ScriptFinding[];

export interface ScriptDefinition<P> {
  name: string;
  /** What the script looks for, for rubric authors. */
  summary: string;
  params: z.ZodType<P>;
  compile(params: P, ctx: ScriptCompileContext): ScriptCheck;
}

/** Erases the params type so definitions can sit in one registry. */
export type AnyScriptDefinition = ScriptDefinition<never> & { params: z.ZodType<unknown> };

export function defineScript<P>(definition: ScriptDefinition<P>): AnyScriptDefinition {
  return definition as unknown as AnyScriptDefinition;
}

/** A word list param: single words only (checked when the rubric loads). */
export const wordListSchema = z.array(
  z.string().min(1).superRefine((value, ctx) => {
    const problem = wordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);
