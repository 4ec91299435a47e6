import { z } from 'zod';

/**
 * Schemas for the coaching content in content/: one framework file (content/frameworks/<id>.json) that lists
 * its principles in order, and one file per principle (content/principles/<id>.json).
 *
 * Nothing here is specific to Amazon: another company's values are a new framework file plus its principle files.
 * Checks that need more than one file (ids unique across the framework, a level text for every level the
 * framework declares, file name = id) live in load.ts.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A prompt or probe id: the principle id, a dot, then one or more slugs separated by dots. */
const DOTTED_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
/** Evidence phrases are plain words: letters, digits, spaces, hyphens and apostrophes. */
const PHRASE = /^[\p{L}\p{N}]+(?:[\s'’-]+[\p{L}\p{N}]+)*$/u;

export const CONTENT_LIMITS = {
  lookFors: { min: 4, max: 6 },
  probes: { min: 3, max: 5 },
  prompts: { min: 6, max: 20 },
  pitfalls: { min: 2, max: 8 },
  evidence: { min: 5, max: 60 },
  evidenceWeight: { min: 0.5, max: 5 },
  /** Cue phrases per look-for (lookForCues[i] belongs to lookFors[i]). */
  lookForCues: { min: 3, max: 14 },
  phraseLength: 60,
} as const;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, `${what} is empty.`)
    .max(max, `${what} is longer than ${max} characters.`);

const slug = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .regex(SLUG, `${what} must be lower-case words joined by "-" (for example "deliver-results").`);

const dottedId = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .regex(DOTTED_ID, `${what} must look like "<principle-id>.<slug>" (for example "ownership.outside-your-scope").`);

const textList = (what: string, min: number, max: number) =>
  z
    .array(text(what, 400), { error: `${what}s must be a list.` })
    .min(min, `needs at least ${min} ${what.toLowerCase()}s (has fewer).`)
    .max(max, `allows at most ${max} ${what.toLowerCase()}s (has more).`);

export const promptSchema = z.strictObject({
  id: dottedId('A prompt id'),
  text: text('A prompt', 300),
  /** Extra words the suggestion engine should associate with this prompt (not shown to the user). */
  keywords: z.array(text('A keyword', 60)).max(20, 'allows at most 20 keywords per prompt.').default([]),
});

export const probeSchema = z.strictObject({
  id: dottedId('A probe id'),
  question: text('A probe question', 300),
  /** What a weak answer to the probe sounds like. */
  weak: text('A weak answer', 600),
  /** What a strong answer to the probe sounds like. */
  strong: text('A strong answer', 600),
});

export const evidencePhraseSchema = z.strictObject({
  phrase: z
    .string({ error: 'An evidence phrase must be text.' })
    .trim()
    .min(1, 'An evidence phrase is empty.')
    .max(60, 'An evidence phrase is longer than 60 characters.')
    .regex(PHRASE, 'An evidence phrase holds only letters, digits, spaces, hyphens and apostrophes.'),
  weight: z
    .number({ error: 'An evidence weight must be a number.' })
    .min(CONTENT_LIMITS.evidenceWeight.min, `An evidence weight must be at least ${CONTENT_LIMITS.evidenceWeight.min}.`)
    .max(CONTENT_LIMITS.evidenceWeight.max, `An evidence weight must be at most ${CONTENT_LIMITS.evidenceWeight.max}.`),
});

/**
 * lookForCues[i] lists the cues for lookFors[i]: short phrases a story showing that look-for would typically
 * contain. A cue has the shape of an evidence phrase and is matched case-insensitively on whole, stemmed words
 * (shared/lint/look-fors.ts). Messages count look-fors and cues from 1, as a reader of the file does; that there is
 * one list per look-for is checked in load.ts, which sees both fields.
 */
const lookForCuesSchema = z
  .array(z.array(z.string({ error: 'A cue must be text.' }), { error: 'Each entry of lookForCues must be a list of cues.' }), {
    error: 'lookForCues must be a list with one list of cues per look-for.',
  })
  .superRefine((lists, ctx) => {
    const { min, max } = CONTENT_LIMITS.lookForCues;
    const limit = CONTENT_LIMITS.phraseLength;
    lists.forEach((cues, i) => {
      if (cues.length < min || cues.length > max) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `look-for ${i + 1} has ${cues.length} cue${cues.length === 1 ? '' : 's'}; it needs ${min} to ${max}.`,
        });
      }
      cues.forEach((cue, j) => {
        const where = `look-for ${i + 1}, cue ${j + 1} ("${cue}")`;
        let problem: string | null = null;
        if (cue.length > limit) problem = `is longer than ${limit} characters.`;
        else if (!PHRASE.test(cue)) problem = 'must be plain words: letters, digits, spaces, hyphens and apostrophes.';
        if (problem !== null) ctx.addIssue({ code: 'custom', path: [i, j], message: `${where} ${problem}` });
      });
    });
  });

const ruleId = z
  .string({ error: 'A rule id must be text.' })
  .regex(SLUG, 'A rule id must be lower-case words joined by "-" (for example "missing-metric").');

export const principleFileSchema = z.strictObject({
  id: slug('The principle id'),
  name: text('The name', 80),
  summary: text('The summary', 600),
  lookFors: textList('Look-for', CONTENT_LIMITS.lookFors.min, CONTENT_LIMITS.lookFors.max),
  /** Cue phrases for each look-for, aligned by index with lookFors (the guide panel ticks a look-for on a cue). */
  lookForCues: lookForCuesSchema,
  pitfalls: textList('Pitfall', CONTENT_LIMITS.pitfalls.min, CONTENT_LIMITS.pitfalls.max),
  /**
   * pitfallRules[i] lists the rubric rules (content/rubric) whose finding on a story means it falls into pitfalls[i];
   * an empty list means no rule can tell, and the guide panel shows that pitfall as one to check yourself. That the
   * ids are rules of the rubric is checked where both are loaded (tests/shared/content/pitfall-rules.test.ts).
   */
  pitfallRules: z
    .array(z.array(ruleId).max(4, 'allows at most 4 rules per pitfall.'), {
      error: 'pitfallRules must be a list with one list of rule ids per pitfall.',
    }),
  prompts: z
    .array(promptSchema, { error: 'prompts must be a list.' })
    .min(CONTENT_LIMITS.prompts.min, `needs at least ${CONTENT_LIMITS.prompts.min} prompts.`)
    .max(CONTENT_LIMITS.prompts.max, `allows at most ${CONTENT_LIMITS.prompts.max} prompts.`),
  probes: z
    .array(probeSchema, { error: 'probes must be a list.' })
    .min(CONTENT_LIMITS.probes.min, `needs at least ${CONTENT_LIMITS.probes.min} probes.`)
    .max(CONTENT_LIMITS.probes.max, `allows at most ${CONTENT_LIMITS.probes.max} probes.`),
  emphasize: textList('Emphasize item', 2, 8),
  downplay: textList('Downplay item', 2, 8),
  /** What interviewers expect at each level the framework declares (keys are checked against the framework). */
  levels: z.record(z.string(), text('A level expectation', 600), { error: 'levels must be an object of level: text.' }),
  /** Words and phrases that suggest a story shows this principle, with a weight (higher = stronger signal). */
  evidence: z
    .array(evidencePhraseSchema, { error: 'evidence must be a list.' })
    .min(CONTENT_LIMITS.evidence.min, `needs at least ${CONTENT_LIMITS.evidence.min} evidence phrases.`)
    .max(CONTENT_LIMITS.evidence.max, `allows at most ${CONTENT_LIMITS.evidence.max} evidence phrases.`),
});

export const frameworkFileSchema = z.strictObject({
  id: slug('The framework id'),
  name: text('The framework name', 120),
  description: text('The description', 600).optional(),
  /** Levels a story can be pitched at, in order. Every principle must describe each one. */
  levels: z
    .array(text('A level', 40), { error: 'levels must be a list.' })
    .min(1, 'needs at least one level.')
    .refine((list) => new Set(list).size === list.length, 'lists a level twice.'),
  /** Principle ids in display order; each one is read from the principle file named "<id>.json". */
  principles: z
    .array(slug('A principle id'), { error: 'principles must be a list of principle ids.' })
    .min(1, 'needs at least one principle.'),
});

export type Prompt = z.output<typeof promptSchema>;
export type Probe = z.output<typeof probeSchema>;

/** A principle as the app uses it: the validated file plus the id of the framework it belongs to. */
export type Principle = z.output<typeof principleFileSchema> & { frameworkId: string };

/** A framework after loading: plain, serializable data, principles in display order. */
export interface Framework {
  id: string;
  name: string;
  description: string | null;
  levels: string[];
  principles: Principle[];
}
