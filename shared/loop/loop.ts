import { z } from 'zod';
import { LEVELS, type Level } from '../domain/levels.ts';
import { isPrincipleId, type PrincipleId } from '../domain/principles.ts';

/**
 * An interview loop: the interviewers a candidate will meet and the principles each one holds. The planner
 * (solve.ts) fills every (interviewer, principle) slot with a story; this file is the loop itself, its limits and
 * the shapes users start from.
 */

export const LOOP_LIMITS = {
  nameLength: 120,
  interviewers: 12,
  principlesPerInterviewer: 4,
} as const;

/** The frameworks a loop can be drawn from; content/frameworks holds one today. */
export const LOOP_FRAMEWORKS = ['amazon-lp'] as const;
export type LoopFramework = (typeof LOOP_FRAMEWORKS)[number];

export interface LoopInterviewer {
  /** A name or a role ("Hiring manager"): unique within the loop, since the sheets are headed by it. */
  name: string;
  principles: PrincipleId[];
  /** The bar raiser: shown on the grid and the sheets; the plan treats every interviewer alike. */
  barRaiser: boolean;
  /** Whether one story may answer two of this interviewer's principles (never two interviewers'). */
  shareStories: boolean;
}

export interface Loop {
  name: string;
  /** ISO date (YYYY-MM-DD) of the loop, when the user knows it. */
  date: string | null;
  level: Level;
  framework: LoopFramework;
  interviewers: LoopInterviewer[];
}

/** A slot of the plan: one principle one interviewer holds. */
export interface LoopSlot {
  interviewer: number;
  principle: PrincipleId;
}

/** Every slot in the loop's own order: interviewers as listed, each one's principles as listed. */
export function loopSlots(loop: Pick<Loop, 'interviewers'>): LoopSlot[] {
  return loop.interviewers.flatMap((interviewer, index) => interviewer.principles.map((principle) => ({ interviewer: index, principle })));
}

const nameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(LOOP_LIMITS.nameLength, `must be at most ${LOOP_LIMITS.nameLength} characters`);

const principleSchema = z.string({ error: 'must be a principle id' }).refine(isPrincipleId, {
  error: (issue) => `"${String(issue.input)}" is not a principle id (see content/principles)`,
});

const interviewerSchema = z.strictObject({
  name: nameSchema,
  principles: z
    .array(principleSchema, { error: 'must be a list of principle ids' })
    .min(1, 'an interviewer needs at least one principle')
    .max(LOOP_LIMITS.principlesPerInterviewer, `at most ${LOOP_LIMITS.principlesPerInterviewer} principles per interviewer`)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'lists a principle twice' }),
  barRaiser: z.boolean({ error: 'must be true or false' }).default(false),
  shareStories: z.boolean({ error: 'must be true or false' }).default(false),
});

/** What a loop file or an IPC call may hold; `parseLoop` turns its problems into sentences naming the field. */
export const loopSchema = z
  .strictObject({
    name: nameSchema,
    date: z
      .string({ error: 'must be a date' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), { error: 'is not a real date' })
      .nullable()
      .default(null),
    level: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }),
    framework: z.enum(LOOP_FRAMEWORKS, { error: `must be one of ${LOOP_FRAMEWORKS.join(', ')}` }).default('amazon-lp'),
    interviewers: z
      .array(interviewerSchema, { error: 'must be a list of interviewers' })
      .min(1, 'a loop needs at least one interviewer')
      .max(LOOP_LIMITS.interviewers, `a loop has at most ${LOOP_LIMITS.interviewers} interviewers`),
  })
  .superRefine((loop, context) => {
    const seen = new Map<string, number>();
    loop.interviewers.forEach((interviewer, index) => {
      const key = interviewer.name.toLocaleLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else context.addIssue({ code: 'custom', path: ['interviewers', index, 'name'], message: `"${interviewer.name}" is already interviewer ${first + 1}; names must differ` });
    });
  }) satisfies z.ZodType<Loop, unknown>;

export type LoopParse = { ok: true; loop: Loop } | { ok: false; problems: string[] };

/** A field path as a user reads it in a JSON file: interviewers[2].principles[0]. */
function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || 'the loop';
}

/** Check a loop read from a file or sent by the renderer; each problem names the field it is about. */
export function parseLoop(value: unknown): LoopParse {
  const result = loopSchema.safeParse(value);
  if (result.success) return { ok: true, loop: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${fieldName(issue.path)}: ${issue.message}`) };
}

/** Shapes people start from; each is a plain loop with placeholder names the user renames. */
export interface LoopTemplate {
  id: string;
  name: string;
  description: string;
  interviewers: LoopInterviewer[];
}

function interviewer(name: string, principles: PrincipleId[], barRaiser = false): LoopInterviewer {
  return { name, principles, barRaiser, shareStories: false };
}

export const LOOP_TEMPLATES: readonly LoopTemplate[] = [
  {
    id: 'onsite-4-plus-bar-raiser',
    name: 'Onsite: four interviewers and a bar raiser',
    description: 'Four interviewers with two principles each, and a bar raiser holding two more.',
    interviewers: [
      interviewer('Hiring manager', ['ownership', 'deliver-results']),
      interviewer('Peer engineer', ['dive-deep', 'invent-and-simplify']),
      interviewer('Senior engineer', ['are-right-a-lot', 'insist-on-the-highest-standards']),
      interviewer('Partner team', ['customer-obsession', 'earn-trust']),
      interviewer('Bar raiser', ['have-backbone-disagree-and-commit', 'learn-and-be-curious'], true),
    ],
  },
  {
    id: 'manager-onsite',
    name: 'Manager onsite: five interviewers',
    description: 'A people-manager loop: hiring and growing people weighs as much as delivery.',
    interviewers: [
      interviewer('Hiring manager', ['hire-and-develop-the-best', 'deliver-results']),
      interviewer('Skip-level', ['think-big', 'ownership']),
      interviewer('Peer manager', ['earn-trust', 'strive-to-be-earths-best-employer']),
      interviewer('Product partner', ['customer-obsession', 'bias-for-action']),
      interviewer('Bar raiser', ['have-backbone-disagree-and-commit', 'frugality', 'are-right-a-lot'], true),
    ],
  },
  {
    id: 'phone-screen',
    name: 'Phone screen: one interviewer',
    description: 'One interviewer probing two principles before the onsite.',
    interviewers: [interviewer('Recruiter screen', ['customer-obsession', 'ownership'])],
  },
];

/** A new loop from a template, at the given level. */
export function loopFromTemplate(template: LoopTemplate, level: Level, name = template.name): Loop {
  return {
    name,
    date: null,
    level,
    framework: 'amazon-lp',
    interviewers: template.interviewers.map((person) => ({ ...person, principles: [...person.principles] })),
  };
}
