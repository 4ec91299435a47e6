import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../shared/ipc/reliability.ts';
import { planRetention } from './backup-retention.ts';
import { type DatabaseInspection, inspectDatabaseInBackground } from './integrity-check.ts';

/** Backups live in this folder of the data directory. */
export const BACKUP_DIR = 'backups';

const NAME = /^story-bank-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.sqlite$/;
const REASONS: readonly BackupReason[] = ['startup', 'interval', 'pre-migration', 'before-restore', 'manual'];

export function backupFileName(at: Date, reason: BackupReason): string {
  return `story-bank-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

export function parseBackupName(name: string): { createdAt: number; reason: BackupInfo['reason'] } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  const createdAt = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  if (Number.isNaN(createdAt)) return null;
  return { createdAt, reason: REASONS.includes(reason as BackupReason) ? (reason as BackupReason) : 'other' };
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

// Verifying a backup reads every page: remember verdicts per (name, size, mtime) so listing stays cheap.
const inspected = new Map<string, DatabaseInspection>();

async function inspect(file: string): Promise<DatabaseInspection> {
  const stat = fs.statSync(file);
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  const known = inspected.get(key);
  if (known) return known;
  const answer = await inspectDatabaseInBackground(file);
  inspected.set(key, answer);
  return answer;
}

function toInfo(name: string, file: string, answer: DatabaseInspection): BackupInfo {
  const parsed = parseBackupName(name);
  return {
    name,
    createdAt: parsed?.createdAt ?? 0,
    reason: parsed?.reason ?? 'other',
    sizeBytes: fs.statSync(file).size,
    stories: answer.stories,
    schemaVersion: answer.userVersion,
    ok: answer.verdict === 'ok' && answer.stories !== null,
  };
}

/**
 * Writes a backup of `db` into `dir` with SQLite's online backup API (a consistent copy even while the app
 * writes), checks the copy with integrity_check, then applies the retention policy. A copy that fails its check
 * is removed and the call throws: a bad backup is never kept looking like a good one.
 */
export async function writeBackup(
  db: Database.Database,
  dir: string,
  reason: BackupReason,
  now: Date = new Date(),
  options: { prune?: boolean } = {},
): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let at = now.getTime();
  while (fs.existsSync(path.join(dir, backupFileName(new Date(at), reason)))) at += 1;
  const name = backupFileName(new Date(at), reason);
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    // The copy carries the live file's WAL mode; a backup is a single self-contained file, so switch it back to
    // a rollback journal (reading it later then never creates -wal or -shm files beside it).
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const answer = await inspectDatabaseInBackground(partial);
    if (answer.verdict !== 'ok') throw new BackupError(`The new backup failed its integrity check (${answer.verdict}).`);
    fs.renameSync(partial, file);
    const info = toInfo(name, file, answer);
    if (options.prune !== false) pruneBackups(dir, at);
    return info;
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

/** Deletes the backups the retention policy no longer keeps (and leftovers of interrupted backups). */
export function pruneBackups(dir: string, now: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir);
  for (const leftover of names.filter((n) => n.endsWith('.sqlite.partial'))) fs.rmSync(path.join(dir, leftover), { force: true });
  const dated = names.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed ? [{ name, createdAt: parsed.createdAt }] : [];
  });
  const { remove } = planRetention(dated, now);
  for (const backup of remove) fs.rmSync(path.join(dir, backup.name), { force: true });
  return remove.map((b) => b.name);
}

/** Every backup in `dir`, newest first, each checked (integrity_check, schema version, story count). */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir).filter((name) => parseBackupName(name) !== null);
  const infos = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return toInfo(name, file, await inspect(file));
    }),
  );
  return infos.sort((a, b) => b.createdAt - a.createdAt);
}

/** Checks a backup before it replaces anything: readable, intact, a story bank, not from a newer app. */
export async function checkRestorable(dir: string, name: string, knownVersion: number): Promise<BackupInfo> {
  const file = path.join(dir, name);
  if (path.basename(name) !== name || parseBackupName(name) === null || !fs.existsSync(file)) {
    throw new BackupError('That backup no longer exists.');
  }
  const answer = await inspectDatabaseInBackground(file);
  if (answer.verdict !== 'ok') throw new BackupError(`That backup is damaged (${answer.verdict}); choose another.`);
  if (answer.stories === null) throw new BackupError('That file is not a Story Bank backup.');
  if ((answer.userVersion ?? 0) > knownVersion) {
    throw new BackupError('That backup was written by a newer version of Story Bank: update Story Bank to restore it.');
  }
  return toInfo(name, file, answer);
}

/**
 * Replaces the database at `destination` with the content of `source` through the backup API (page by page,
 * inside SQLite's own locking and journal), never by copying files. The destination must not be open elsewhere.
 */
export async function copyDatabaseInto(source: string, destination: string): Promise<void> {
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(destination);
  } finally {
    from.close();
  }
}
