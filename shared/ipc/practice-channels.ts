import { z } from 'zod';
import { MAX_RATING, MAX_RUN_SECONDS, MIN_RATING, type PracticeRun } from '../domain/practice.ts';
import type { StoryRevision } from '../domain/revision.ts';
import type { Story } from '../domain/story.ts';
import { channel } from './channel.ts';
import { empty, promptIdSchema, storyIdSchema } from './schemas.ts';

/**
 * Channels for a story's history (revisions and restore), practice runs, and the sample stories offered on first
 * run. Spread into the contract (contract.ts) like every other group.
 */

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

export interface SamplesState {
  /** Ids of the sample stories in the bank (trash included). */
  ids: string[];
  /** How many samples the app ships. */
  available: number;
}

export const practiceChannels = {
  /** The live state, then each earlier session's last state, newest first. */
  'stories.revisions': channel<StoryRevision[]>()(z.strictObject({ id: storyIdSchema })),
  /**
   * Makes an earlier revision the live state. The current state is kept as a revision first, so a restore can
   * itself be undone from the history.
   */
  'stories.restoreRevision': channel<Story>()(
    z.strictObject({ id: storyIdSchema, revisionId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
  ),
  /** Keeps a finished practice run in the story's log. */
  'practice.log': channel<PracticeRun>()(practiceRunInputSchema),
  /** Practice runs, newest first: one story's, or every story's. */
  'practice.list': channel<PracticeRun[]>()(
    z.strictObject({ storyId: storyIdSchema.optional(), limit: z.number().int().min(1).max(1000).optional() }),
  ),
  /** Removes one run from the log. */
  'practice.delete': channel<null>()(z.strictObject({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })),
  'samples.list': channel<SamplesState>()(empty),
  /** Adds the sample stories that are not in the bank yet. */
  'samples.add': channel<SamplesState & { added: number }>()(empty),
  /** Deletes every sample story for good, edited or not. */
  'samples.remove': channel<{ removed: number }>()(empty),
} as const;
