import { z } from 'zod';
import type { StoryRevision } from '../domain/revision.ts';
import type { Story } from '../domain/story.ts';
import { channel } from './channel.ts';
import { storyIdSchema } from './schemas.ts';

/** Channels for a story's history: its revisions, and restoring one. Spread into the contract (contract.ts). */
export const historyChannels = {
  /** The live state, then each earlier session's last state, newest first. */
  'stories.revisions': channel<StoryRevision[]>()(z.strictObject({ id: storyIdSchema })),
  /**
   * Makes an earlier revision the live state. The current state is kept as a revision first, so a restore can
   * itself be undone from the history.
   */
  'stories.restoreRevision': channel<Story>()(
    z.strictObject({ id: storyIdSchema, revisionId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
  ),
} as const;
