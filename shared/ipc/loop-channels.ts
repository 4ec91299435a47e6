import { z } from 'zod';
import { LOOP_LIMITS, loopSchema, type Loop } from '../loop/loop.ts';
import type { LoopPin } from '../loop/solve.ts';
import { channel } from './channel.ts';
import { empty, principleIdSchema, storyIdSchema } from './schemas.ts';

/**
 * Channels for the interview loops a user keeps (the Loop screen): several side by side, each with the pins and
 * bans the plan is solved around. The plan itself is worked out in the renderer from the bank's stories
 * (shared/loop), so only the loop is stored.
 */

/** How many loops a bank keeps, and how many pins and bans one loop may carry. */
export const SAVED_LOOP_LIMITS = { loops: 200, bans: 500 } as const;

export const loopIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A loop id holds only letters, digits, "-" and "_".');

const pinSchema = z.strictObject({
  interviewer: z.number().int().min(0).max(LOOP_LIMITS.interviewers - 1),
  principle: principleIdSchema,
  storyId: storyIdSchema,
});

/**
 * A loop with its pins and bans. A pin must name a slot the loop has (an interviewer by position, and one of their
 * principles), at most one pin per slot; a ban names a story once.
 */
const bodyShape = {
  loop: loopSchema,
  pins: z.array(pinSchema).max(LOOP_LIMITS.interviewers * LOOP_LIMITS.principlesPerInterviewer).default([]),
  bans: z.array(storyIdSchema).max(SAVED_LOOP_LIMITS.bans, `A loop bans at most ${SAVED_LOOP_LIMITS.bans} stories.`).default([]),
};

function checkBody(body: { loop: Loop; pins: Array<z.infer<typeof pinSchema>>; bans: string[] }, ctx: z.RefinementCtx): void {
  const slots = new Set<string>();
  body.pins.forEach((pin, i) => {
    const interviewer = body.loop.interviewers[pin.interviewer];
    if (interviewer === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pins', i, 'interviewer'], message: `The loop has no interviewer ${pin.interviewer + 1}.` });
      return;
    }
    if (!interviewer.principles.includes(pin.principle)) {
      ctx.addIssue({ code: 'custom', path: ['pins', i, 'principle'], message: `${interviewer.name} does not hold "${pin.principle}".` });
      return;
    }
    const key = `${pin.interviewer}:${pin.principle}`;
    if (slots.has(key)) ctx.addIssue({ code: 'custom', path: ['pins', i], message: `Two pins are on ${interviewer.name}'s "${pin.principle}".` });
    slots.add(key);
  });
  if (new Set(body.bans).size !== body.bans.length) ctx.addIssue({ code: 'custom', path: ['bans'], message: 'A story is banned twice.' });
}

export const loopBodySchema = z.strictObject(bodyShape).superRefine(checkBody);
const timestamp = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A whole stored loop, as the JSON backup holds it. */
export const savedLoopSchema = z
  .strictObject({ id: loopIdSchema, ...bodyShape, createdAt: timestamp, updatedAt: timestamp })
  .superRefine(checkBody);
const savedLoopInputSchema = z.strictObject({ id: loopIdSchema, ...bodyShape }).superRefine(checkBody);

export interface SavedLoop {
  id: string;
  loop: Loop;
  pins: LoopPin[];
  bans: string[];
  createdAt: number;
  updatedAt: number;
}

export const loopChannels = {
  /** Every loop, the newest edit first. */
  'loops.list': channel<SavedLoop[]>()(empty),
  'loops.get': channel<SavedLoop>()(z.strictObject({ id: loopIdSchema })),
  'loops.create': channel<SavedLoop>()(loopBodySchema),
  /** Replaces a loop's definition, pins and bans. */
  'loops.save': channel<SavedLoop>()(savedLoopInputSchema),
  'loops.delete': channel<null>()(z.strictObject({ id: loopIdSchema })),
} as const;
