import { z } from 'zod';
import { probeReadinessSchema } from '../coverage/probes.ts';
import { SECTION_IDS } from '../domain/sections.ts';
import { SAVED_LOOP_LIMITS, savedLoopSchema } from '../ipc/loop-channels.ts';
import { draftSchema, LIMITS, principleIdSchema, probeIdSchema, promptIdSchema, storyIdSchema } from '../ipc/schemas.ts';
import { isSettingKey, SETTINGS } from '../settings/settings.ts';

/**
 * The full JSON backup: every story (trash included) with each section's Lexical JSON and plain text, its
 * principles and prompts, prepared probe notes, ignored lint findings, dismissed suggestions and practice runs, plus
 * the settings and the interview loops.
 * Ids and timestamps are kept, so importing a backup into an empty bank gives back the same bank.
 *
 * The format carries its name and a version. A later version of the format gets a new number; this code reads
 * version 1 and refuses anything newer with a message saying so.
 */

export const BACKUP_FORMAT = 'story-bank-backup';
export const BACKUP_VERSION = 1;

const timestamp = z.number().int().min(0).max(8.64e15);

export const backupProbeNoteSchema = z.strictObject({
  probeId: probeIdSchema,
  note: z.string().max(LIMITS.probeNoteLength, `A probe note is at most ${LIMITS.probeNoteLength} characters.`),
  readiness: probeReadinessSchema.nullable(),
  updatedAt: timestamp,
});

export const backupSuppressionSchema = z.strictObject({
  ruleId: z.string().min(1).max(80).regex(/^[a-z0-9-]+$/, 'A rule id holds only lower-case letters, digits and "-".'),
  section: z.enum(SECTION_IDS),
  fingerprint: z.string().min(1).max(400),
  reason: z.string().max(500, 'A reason is at most 500 characters.'),
  createdAt: timestamp,
});

export const backupDismissalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('principle'), id: principleIdSchema, dismissedAt: timestamp }),
  z.strictObject({ kind: z.literal('prompt'), id: promptIdSchema, dismissedAt: timestamp }),
]);

const seconds = z.number().min(0).max(86_400);

/** A practice run (the practice log), kept with its story. */
export const backupPracticeRunSchema = z.strictObject({
  promptId: promptIdSchema.nullable(),
  practicedAt: timestamp,
  sections: z.strictObject({ situation: seconds, task: seconds, action: seconds, result: seconds, reflection: seconds }),
  totalSeconds: seconds,
  rating: z.number().int().min(1).max(5),
});

function unique<T>(key: (item: T) => string, message: string) {
  return (list: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message, path: [index] });
      seen.add(k);
    });
  };
}

export const backupStorySchema = z.strictObject({
  id: storyIdSchema,
  ...draftSchema.shape,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
  probeNotes: z
    .array(backupProbeNoteSchema)
    .max(LIMITS.probeNotesPerStory)
    .superRefine(unique((n) => n.probeId, 'This probe has two notes.')),
  suppressions: z
    .array(backupSuppressionSchema)
    .max(2000)
    .superRefine(unique((s) => s.fingerprint, 'This finding is ignored twice.')),
  dismissedSuggestions: z
    .array(backupDismissalSchema)
    .max(LIMITS.dismissedPerStory)
    .superRefine(unique((d) => `${d.kind}:${d.id}`, 'This suggestion is dismissed twice.')),
  /** The practice log of this story, oldest first (absent in hand-written backups: none). */
  practiceRuns: z.array(backupPracticeRunSchema).max(100_000).default([]),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** ISO 8601 time the backup was written. */
  exportedAt: z.string().max(40),
  /** The version of Story Bank that wrote it. */
  appVersion: z.string().max(40),
  stories: z
    .array(backupStorySchema)
    .max(100_000)
    .superRefine(unique((s) => s.id, 'Two stories have this id.')),
  /** Stored settings, by key; each value is checked with that setting's own schema. */
  settings: z.record(z.string().max(80), z.unknown()),
  /** The interview loops (absent in backups from before loops were kept: none). */
  loops: z
    .array(savedLoopSchema)
    .max(SAVED_LOOP_LIMITS.loops)
    .superRefine(unique((l) => l.id, 'Two loops have this id.'))
    .default([]),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupStory = z.infer<typeof backupStorySchema>;

export interface BackupProblem {
  /** Where in the file: "stories[2].title" ('' for the whole file). */
  path: string;
  message: string;
}

export type BackupParseResult =
  | { ok: true; backup: Backup; skippedSettings: string[] }
  | { ok: false; problems: BackupProblem[] };

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

/** 'story "Title": ' when the issue is inside stories[i], so the refused story is named, not only its index. */
function storyPrefix(data: Record<string, unknown>, path: ReadonlyArray<PropertyKey>): string {
  if (path[0] !== 'stories' || typeof path[1] !== 'number' || !Array.isArray(data.stories)) return '';
  const story: unknown = data.stories[path[1]];
  const raw = isRecord(story) && typeof story.title === 'string' ? story.title.trim().replace(/\s+/g, ' ') : '';
  if (raw === '') return 'story (untitled): ';
  return `story "${raw.length > 60 ? `${raw.slice(0, 59)}…` : raw}": `;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads and checks a backup file's text. Never throws: returns the problems (at most eight), each with where it is.
 * Settings this version does not know are skipped (listed in skippedSettings); a known setting with a value that
 * does not fit its schema is a problem.
 */
export function parseBackup(text: string): BackupParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: '', message: `not a Story Bank backup (it has no "format": "${BACKUP_FORMAT}")` }] };
  }
  if (typeof data.version === 'number' && data.version > BACKUP_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `written by a newer Story Bank (backup format ${data.version}; this version reads format ${BACKUP_VERSION}): update Story Bank to import it` }],
    };
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 8).map((issue) => ({
        path: pathText(issue.path),
        message: `${storyPrefix(data, issue.path)}${issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message}`,
      })),
    };
  }
  const problems: BackupProblem[] = [];
  const skippedSettings: string[] = [];
  for (const [key, value] of Object.entries(parsed.data.settings)) {
    if (!isSettingKey(key)) {
      skippedSettings.push(key);
      continue;
    }
    const check = SETTINGS[key].schema.safeParse(value);
    if (!check.success) problems.push({ path: `settings.${key}`, message: check.error.issues[0]?.message ?? 'does not fit this setting' });
  }
  if (problems.length) return { ok: false, problems };
  for (const key of skippedSettings) delete parsed.data.settings[key];
  return { ok: true, backup: parsed.data, skippedSettings };
}

/** The backup as text: two-space indented JSON, ending with a newline. */
export function printBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
