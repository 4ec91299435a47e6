import { z } from 'zod';
import { PRINCIPLE_IDS, type PrincipleId } from '../domain/principles.ts';
import { SECTION_IDS } from '../domain/sections.ts';
import { phraseProblem } from './phrases.ts';
import { WEIGHED } from './weighing.ts';

/**
 * The shape of a rubric rule (content/rubric/*.json), after Vale's model: every rule has an id, a kind, the
 * sections it reads, a severity, a message, a suggestion, and examples that must and must not trigger it.
 * Kind-specific fields follow. See docs in content/rubric/README.md.
 */

export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a finding carries: a problem severity, or 'positive' for a strength worth keeping. */
export type DiagnosticSeverity = Severity | 'positive';

export const RULE_KINDS = ['existence', 'occurrence', 'ratio', 'length', 'script', 'signal'] as const;

export const sectionIdSchema = z.enum(SECTION_IDS);
export const principleIdSchema = z.enum(PRINCIPLE_IDS as [PrincipleId, ...PrincipleId[]]);
export const severitySchema = z.enum(SEVERITIES);

/** A phrase, or "@name" to splice in a lexicon (a shared word list) when the rubric is loaded. */
export const phraseSchema = z
  .string()
  .min(1, 'A phrase cannot be empty.')
  .superRefine((value, ctx) => {
    if (value.startsWith('@')) {
      if (!/^@[a-z][a-z0-9-]*$/.test(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid lexicon reference (write "@lexicon-name").` });
      return;
    }
    const problem = phraseProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const phraseListSchema = z.array(phraseSchema).min(1, 'A phrase list needs at least one phrase.');

export const exampleSchema = z.strictObject({
  /** Section texts; a section left out is empty. */
  sections: z.strictObject({
    situation: z.string().optional(),
    task: z.string().optional(),
    action: z.string().optional(),
    result: z.string().optional(),
    reflection: z.string().optional(),
  }),
  /** Principles the example story is mapped to. */
  principles: z.array(principleIdSchema).optional(),
  /** For trigger examples: the exact text one finding must cover. */
  flagged: z.string().min(1).optional(),
  /** Why this example is here. */
  note: z.string().optional(),
});

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'A rule id is lower-case words joined by "-", like "missing-metric".');

const base = {
  id: idSchema,
  /** Sections the rule reads. */
  sections: z
    .array(sectionIdSchema)
    .min(1, 'A rule applies to at least one section.')
    .refine((list) => new Set(list).size === list.length, 'A section is listed twice.'),
  /** Applies only when the story is mapped to one of these principles. */
  principles: z.array(principleIdSchema).min(1).optional(),
  /** Which part of the answer a finding is about, for the score and the verdict (see weighing.ts). */
  weighs: z.enum(WEIGHED).optional(),
  /** What is wrong and why an interviewer cares. May use {placeholders} a kind provides. */
  message: z.string().min(10, 'A message must say what is wrong and why it matters.'),
  /** A concrete next step. */
  suggestion: z.string().min(10, 'A suggestion must give a concrete next step.'),
  /** Notes for rubric authors; not shown to users. */
  description: z.string().optional(),
  examples: z.strictObject({
    trigger: z.array(exampleSchema).min(1, 'Give at least one example that triggers the rule.'),
    pass: z.array(exampleSchema).min(1, 'Give at least one example that must not trigger the rule.'),
  }),
};

/** Reports each phrase found. */
export const existenceRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('existence'),
  severity: severitySchema,
  phrases: phraseListSchema,
  /** A match inside one of these is ignored ("this kind of" is not hedging). */
  exceptions: phraseListSchema.optional(),
});

/** A strength: reported with severity 'positive'. */
export const signalRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('signal'),
  severity: z.literal('positive').optional(),
  phrases: phraseListSchema,
  exceptions: phraseListSchema.optional(),
});

/** Counts phrases: too few (min) or too many (max). */
export const occurrenceRuleSchema = z
  .strictObject({
    ...base,
    kind: z.literal('occurrence'),
    severity: severitySchema,
    phrases: phraseListSchema,
    exceptions: phraseListSchema.optional(),
    min: z.number().int().min(1).optional(),
    max: z.number().int().min(0).optional(),
    /** Count across all the rule's sections together instead of per section. */
    aggregate: z.boolean().optional(),
    /** With aggregate: the section a finding is attached to (default: the first listed). */
    reportOn: sectionIdSchema.optional(),
    /** Say nothing while every counted section is empty (default true). */
    skipIfEmpty: z.boolean().optional(),
  })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'An occurrence rule needs "min" or "max".' })
  .refine((r) => r.reportOn === undefined || r.sections.includes(r.reportOn), {
    message: '"reportOn" must be one of the rule\'s sections.',
    path: ['reportOn'],
  });

/** Compares two counts: fires when numerator >= minCount and numerator > maxRatio * denominator. */
export const ratioRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('ratio'),
  severity: severitySchema,
  numerator: phraseListSchema,
  denominator: phraseListSchema,
  maxRatio: z.number().positive(),
  minCount: z.number().int().min(1),
});

/**
 * Spoken length. scope 'section': each listed section on its own; 'answer': the listed sections together.
 * With relative, thresholds are multiples of the target (section target, or the answer's min for "below" and max
 * for "above"); otherwise they are absolute seconds or words.
 */
export const lengthRuleSchema = z
  .strictObject({
    ...base,
    kind: z.literal('length'),
    severity: severitySchema,
    scope: z.enum(['section', 'answer']),
    measure: z.enum(['seconds', 'words']),
    above: z.number().nonnegative().optional(),
    below: z.number().positive().optional(),
    relative: z.boolean().optional(),
    /** Say nothing about an empty section (or an empty answer). Default true. */
    skipEmpty: z.boolean().optional(),
  })
  .refine((r) => (r.above === undefined) !== (r.below === undefined), {
    message: 'A length rule needs exactly one of "above" or "below".',
  });

/** A named check written in TypeScript (shared/lint/checks/), configured by params (word lists are data). */
export const scriptRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('script'),
  severity: severitySchema,
  script: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  existenceRuleSchema,
  signalRuleSchema,
  occurrenceRuleSchema,
  ratioRuleSchema,
  lengthRuleSchema,
  scriptRuleSchema,
]);

export type OccurrenceRule = z.infer<typeof occurrenceRuleSchema>;
export type RatioRule = z.infer<typeof ratioRuleSchema>;
export type LengthRule = z.infer<typeof lengthRuleSchema>;
export type Rule = z.infer<typeof ruleSchema>;

/** Named word lists shared by rules ("@name" in any phrase list or script word list). */
export const lexiconsSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]*$/, 'A lexicon name is lower-case words joined by "-".'),
  z.array(z.string().min(1)).min(1, 'A lexicon needs at least one entry.'),
);

/** A rubric file: one rule, or a group of rules and/or lexicons. */
export const rubricGroupSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  rules: z.array(z.unknown()).optional(),
  lexicons: lexiconsSchema.optional(),
});
