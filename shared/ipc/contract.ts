import { z } from 'zod';
import { SECTION_IDS, type SectionId } from '../domain/sections.ts';
import type { Story, StorySummary } from '../domain/story.ts';
import type { Level } from '../domain/levels.ts';
import type { Suppression } from '../lint/diagnostics.ts';
import type { CoverageStory } from '../coverage/coverage.ts';
import { probeReadinessSchema } from '../coverage/probes.ts';
import type { DismissedSuggestions, ProbeNoteRecord } from '../domain/mappings.ts';
import { type SettingKey, settingKeySchema, type SettingValues, settingWriteSchema } from '../settings/settings.ts';
import { channel } from './channel.ts';
import type { ListedChannelName } from './channel-names.ts';
import type { Result } from './result.ts';
import { type ReliabilityChannelName, reliabilityChannels } from './reliability.ts';
import { loopChannels } from './loop-channels.ts';
import { historyChannels } from './history-channels.ts';
import { practiceChannels } from './practice-channels.ts';
import { samplesChannels } from './samples-channels.ts';
import { transferChannels } from './transfer-channels.ts';
import {
  draftSchema,
  empty,
  LIMITS,
  principleIdSchema,
  probeIdSchema,
  promptIdSchema,
  promptListSchema,
  storyIdSchema,
  tagSchema,
} from './schemas.ts';

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
      /** Principles the new story starts mapped to: the first as primary, the rest as secondary. */
      principles: z.array(principleIdSchema).max(16).optional(),
      /** Prompts the new story starts out answering (e.g. when started from an uncovered prompt). */
      prompts: promptListSchema.optional(),
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

const suppressionSchema = z.strictObject({
  ruleId: z.string().min(1).max(80).regex(/^[a-z0-9-]+$/, 'A rule id holds only lower-case letters, digits and "-".'),
  section: z.enum(SECTION_IDS),
  fingerprint: z.string().min(1).max(400),
  reason: z.string().max(500, 'A reason is at most 500 characters.').optional(),
});

const lintChannels = {
  /** Findings the user chose to ignore on one story. */
  'lint.suppressions': channel<Suppression[]>()(z.strictObject({ storyId: storyIdSchema })),
  'lint.suppress': channel<null>()(z.strictObject({ storyId: storyIdSchema, suppression: suppressionSchema })),
  'lint.unsuppress': channel<null>()(
    z.strictObject({ storyId: storyIdSchema, fingerprint: z.string().min(1).max(400) }),
  ),
} as const;

/**
 * A coverage matrix column: a live story's mappings, plus its section texts and ignored findings so the renderer
 * can score it with the same rubric as the editor (score is filled in there).
 */
export type CoverageStoryRow = CoverageStory & {
  score: null;
  /** The story's level, which the score is weighed at. */
  level: Level | null;
  texts: Record<SectionId, string>;
  suppressions: Suppression[];
};

/** A suggestion for one story, named by what it proposes. */
const suggestionTarget = z.discriminatedUnion('kind', [
  z.strictObject({ storyId: storyIdSchema, kind: z.literal('principle'), id: principleIdSchema }),
  z.strictObject({ storyId: storyIdSchema, kind: z.literal('prompt'), id: promptIdSchema }),
]);

const mappingChannels = {
  /** Every prepared probe note of a story. */
  'probes.get': channel<ProbeNoteRecord[]>()(z.strictObject({ storyId: storyIdSchema })),
  /** Writes one probe's note and readiness; an empty note without a mark removes the record. */
  'probes.save': channel<ProbeNoteRecord | null>()(
    z.strictObject({
      storyId: storyIdSchema,
      probeId: probeIdSchema,
      note: z.string().max(LIMITS.probeNoteLength, `A probe note is at most ${LIMITS.probeNoteLength} characters.`),
      readiness: probeReadinessSchema.nullable(),
    }),
  ),
  'suggestions.dismissed': channel<DismissedSuggestions>()(z.strictObject({ storyId: storyIdSchema })),
  /** The suggestion is no longer proposed for this story. */
  'suggestions.dismiss': channel<null>()(suggestionTarget),
  /** Undoes a dismissal. */
  'suggestions.restore': channel<null>()(suggestionTarget),
  /** Every live story's title, principles and prompts, oldest first: the renderer computes coverage from them. */
  'coverage.stories': channel<CoverageStoryRow[]>()(empty),
} as const;

const settingsChannels = {
  'settings.get': channel<SettingValues[SettingKey]>()(z.strictObject({ key: settingKeySchema })),
  'settings.set': channel<null>()(settingWriteSchema),
} as const;

const appChannels = {
  'app.info': channel<AppInfo>()(empty),
} as const;

/** The one contract between renderer and backend: every channel, by name. */
export const contract = {
  ...storyChannels,
  ...lintChannels,
  ...mappingChannels,
  ...settingsChannels,
  ...appChannels,
  ...historyChannels,
  ...practiceChannels,
  ...samplesChannels,
  ...loopChannels,
  ...transferChannels,
  ...reliabilityChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.infer<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>;

export { CHANNEL_NAMES } from './channel-names.ts';

// The preload's list of names and the contract hold the same channels: each line fails to compile if one of them
// has a channel the other lacks.
type Missing<A, B> = Exclude<A, B> extends never ? true : { missing: Exclude<A, B> };
const channelListComplete: [Missing<ChannelName, ListedChannelName>, Missing<ListedChannelName, ChannelName>] = [true, true];
void channelListComplete;

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type HandlerOf<C extends ChannelName> = (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** Channels the database's own handler object implements: all but the host's backup and recovery channels. */
export type CoreChannelName = Exclude<ChannelName, ReliabilityChannelName>;

/**
 * What the backend implements: one function per channel. A missing one is a compile error. The backup and
 * recovery channels (shared/ipc/reliability.ts) are served by the host layer around the database
 * (electron/backend/app-backend.ts), which answers even when no database could be opened.
 */
export type Handlers = { [C in CoreChannelName]: HandlerOf<C> } & { [C in ReliabilityChannelName]?: HandlerOf<C> };

/** Every channel, the backup and recovery ones included: what a host serves. */
export type HostHandlers = { [C in ChannelName]: HandlerOf<C> };

/** What the renderer sees as window.storyBank: one method per channel, answering a Result. */
export type StoryBankApi = { [C in ChannelName]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };
