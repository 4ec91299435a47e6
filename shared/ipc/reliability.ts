import { z } from 'zod';
import { channel } from './channel.ts';
import { empty } from './schemas.ts';

/**
 * Channels served by the host around the story database rather than by the database's own handlers: backups,
 * restore, and the recovery mode a host starts in when the database cannot be opened. They answer even when
 * there is no usable database (recovery mode), which is why the backend's handler object does not implement them.
 */

/** A backup file's name as the backend writes it: never a path. */
export const backupNameSchema = z
  .string()
  .max(120)
  .regex(/^story-bank-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]+\.sqlite$/, 'That is not the name of a backup.');

export type BackupReason = 'startup' | 'interval' | 'pre-migration' | 'before-restore' | 'manual';

export interface BackupInfo {
  name: string;
  /** Milliseconds since the epoch, from the file name. */
  createdAt: number;
  reason: BackupReason | 'other';
  sizeBytes: number;
  /** Stories in the backup (the trash included), or null when the file cannot be read. */
  stories: number | null;
  /** The schema version the backup was written at. */
  schemaVersion: number | null;
  /** False when the file failed its integrity check or cannot be opened as a story bank. */
  ok: boolean;
}

/**
 * - ok: the database is open and healthy (as far as anyone knows yet).
 * - damaged: the file exists but is not a readable database (or failed its integrity check).
 * - missing-data: the database is empty or gone although it held stories before (see the story-count marker).
 */
export type RecoveryState = 'ok' | 'damaged' | 'missing-data';

export interface RecoveryStatus {
  state: RecoveryState;
  /** What went wrong, in words for the user. */
  detail: string | null;
  databasePath: string;
  /** True while the damaged or emptied file is still at databasePath (recovery.moveAside has not run). */
  fileInPlace: boolean;
  /** Where recovery.moveAside put the file, once it ran. */
  movedAsideTo: string | null;
  /** How many stories the bank held the last time it was open, when known. */
  storiesBefore: number | null;
  /** Backups that passed their integrity check, newest first. */
  backups: BackupInfo[];
  /** True while the background check of the open database has not answered yet. */
  checking: boolean;
}

export interface RestoreOutcome {
  restored: string;
  /** The backup of the state just replaced (null when there was no readable database to back up). */
  safetyBackup: string | null;
  stories: number;
}

export const reliabilityChannels = {
  /** Every backup in the data directory, newest first, checked. */
  'backups.list': channel<BackupInfo[]>()(empty),
  /** A backup now (the online backup API, then integrity_check of the copy). */
  'backups.create': channel<BackupInfo>()(empty),
  /** Backs up the current state, then replaces the database with the chosen backup and reopens it. */
  'backups.restore': channel<RestoreOutcome>()(z.strictObject({ name: backupNameSchema })),
  'recovery.status': channel<RecoveryStatus>()(empty),
  /** Renames the damaged (or emptied) file with a timestamp next to where it was. Nothing is ever deleted. */
  'recovery.moveAside': channel<{ movedTo: string }>()(empty),
  /** Moves the damaged file aside if still in place, then opens the chosen backup as the story bank. */
  'recovery.restoreBackup': channel<RestoreOutcome>()(z.strictObject({ name: backupNameSchema })),
  /** Moves the damaged file aside if still in place, then opens a new, empty story bank. */
  'recovery.startFresh': channel<null>()(empty),
} as const;

export type ReliabilityChannelName = keyof typeof reliabilityChannels;
