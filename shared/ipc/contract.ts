import { z } from 'zod';
import type { Story, StorySummary } from '../domain/story.ts';
import type { Result } from './result.ts';
import { draftSchema, empty, LIMITS, principleIdSchema, storyIdSchema, tagSchema } from './schemas.ts';

/** A channel: the zod schema its input must pass, and (as a type only) what it answers. */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time: carries the result type. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

export interface SaveAck {
  id: string;
  updatedAt: number;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  /** Set when the database opened read-only (for example: written by a newer version of the app). */
  readOnlyReason: string | null;
  /** The background integrity check of the database file. */
  integrity: 'checking' | 'ok' | 'damaged';
  integrityDetail?: string;
}

const storyChannels = {
  'stories.list': channel<StorySummary[]>()(
    z.strictObject({
      query: z.string().max(LIMITS.queryLength).optional(),
      principle: principleIdSchema.optional(),
      tag: tagSchema.optional(),
      trash: z.boolean().optional(),
      /** Paging: the list shows the newest rows first and asks for more as the user scrolls. */
      limit: z.number().int().min(1).max(10_000).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
  'stories.get': channel<Story>()(z.strictObject({ id: storyIdSchema })),
  'stories.create': channel<Story>()(
    z.strictObject({
      title: z.string().max(LIMITS.titleLength).optional(),
      principles: z.array(principleIdSchema).max(16).optional(),
    }),
  ),
  /** Autosave: the whole draft. sessionId groups saves into one revision per editing session. */
  'stories.save': channel<SaveAck>()(
    z.strictObject({
      id: storyIdSchema,
      sessionId: z.string().min(8).max(64),
      draft: draftSchema,
    }),
  ),
  'stories.rename': channel<SaveAck>()(
    z.strictObject({ id: storyIdSchema, title: z.string().max(LIMITS.titleLength) }),
  ),
  'stories.duplicate': channel<Story>()(z.strictObject({ id: storyIdSchema })),
  'stories.trash': channel<null>()(z.strictObject({ id: storyIdSchema })),
  'stories.restore': channel<null>()(z.strictObject({ id: storyIdSchema })),
  'stories.deleteForever': channel<null>()(z.strictObject({ id: storyIdSchema })),
  'stories.emptyTrash': channel<{ removed: number }>()(empty),
  'tags.list': channel<string[]>()(empty),
} as const;

const appChannels = {
  'app.info': channel<AppInfo>()(empty),
} as const;

/** The one contract between renderer and backend: every channel, by name. */
export const contract = { ...storyChannels, ...appChannels } as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.infer<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the backend implements: one function per channel. A missing one is a compile error. */
export type Handlers = { [C in ChannelName]: (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

/** What the renderer sees as window.storyBank: one method per channel, answering a Result. */
export type StoryBankApi = { [C in ChannelName]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };
