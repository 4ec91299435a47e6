import { z } from 'zod';
import { MAX_RATING, MAX_RUN_SECONDS, MIN_RATING, type PracticeRun } from '../domain/practice.ts';
import { channel } from './channel.ts';
import { promptIdSchema, storyIdSchema } from './schemas.ts';

/** Channels for practice runs: logging one, listing the log, removing one. Spread into the contract (contract.ts). */

const seconds = z
  .number()
  .min(0, 'A time cannot be negative.')
  .max(MAX_RUN_SECONDS, `A practice run is at most ${MAX_RUN_SECONDS / 60} minutes.`);

export const practiceRunInputSchema = z.strictObject({
  storyId: storyIdSchema,
  promptId: promptIdSchema.nullable(),
  sections: z.strictObject({ situation: seconds, task: seconds, action: seconds, result: seconds, reflection: seconds }),
  rating: z
    .number()
    .int('A rating is a whole number.')
    .min(MIN_RATING, `A rating is ${MIN_RATING} to ${MAX_RATING}.`)
    .max(MAX_RATING, `A rating is ${MIN_RATING} to ${MAX_RATING}.`),
});

export const practiceChannels = {
  /** Keeps a finished practice run in the story's log. */
  'practice.log': channel<PracticeRun>()(practiceRunInputSchema),
  /** Practice runs, newest first: one story's, or every story's. */
  'practice.list': channel<PracticeRun[]>()(
    z.strictObject({ storyId: storyIdSchema.optional(), limit: z.number().int().min(1).max(1000).optional() }),
  ),
  /** Removes one run from the log. */
  'practice.delete': channel<null>()(z.strictObject({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })),
} as const;
