import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeBackup } from './backups.ts';
import { checkMigrationOrder, latestVersion, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  /** Set when the file was opened read-only; says why, in words for the user. */
  readOnlyReason: string | null;
  /** The schema version found before any migration ran (0 for a new file). */
  foundVersion: number;
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * 'now' runs quick_check before returning; 'later' leaves it to the caller (the backend runs it in a worker
   * thread so start-up stays fast). Migrations always run only after a quick_check passed.
   */
  integrityCheck?: 'now' | 'later';
  /** Where a backup is written before migrating a database that already holds data. */
  backupDir?: string;
}

/** The file exists but is not a readable SQLite database (damaged, truncated, or something else entirely). */
export class DatabaseDamagedError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(`The story database at ${file} cannot be read (${detail}).`);
    this.name = 'DatabaseDamagedError';
    this.file = file;
  }
}

function applyPragmas(db: Db, readOnly: boolean): void {
  db.pragma('busy_timeout = 5000');
  if (!readOnly) {
    db.pragma('journal_mode = WAL');
    // better-sqlite3 builds SQLite with NORMAL as the WAL default; an acknowledged save must survive power loss.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
}

function quickCheck(db: Db, file: string): void {
  let verdict: unknown;
  try {
    verdict = db.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new DatabaseDamagedError(file, error instanceof Error ? error.message : String(error));
  }
  if (verdict !== 'ok') throw new DatabaseDamagedError(file, `integrity check said: ${String(verdict)}`);
}

function readUserVersion(db: Db, file: string): number {
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } catch (error) {
    throw new DatabaseDamagedError(file, error instanceof Error ? error.message : String(error));
  }
}

export function newerVersionMessage(found: number, known: number): string {
  return (
    `This story bank was last opened by a newer version of Story Bank (schema ${found}; this version knows up to ` +
    `${known}). It is open read-only so nothing in it can be damaged: update Story Bank to edit it.`
  );
}


/**
 * Opens (creating if needed) the story database and brings its schema up to date.
 * A database written by a newer app is opened read-only and left exactly as it is.
 */
export async function openStoryDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  checkMigrationOrder(migrations);
  const known = latestVersion(migrations);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  if (fs.existsSync(file)) {
    let probe: Db;
    try {
      probe = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new DatabaseDamagedError(file, error instanceof Error ? error.message : String(error));
    }
    const found = readUserVersion(probe, file);
    if (found > known) {
      quickCheck(probe, file);
      applyPragmas(probe, true);
      return { db: probe, readOnlyReason: newerVersionMessage(found, known), foundVersion: found };
    }
    probe.close();
  }

  let db: Db;
  try {
    db = new Database(file);
    applyPragmas(db, false);
  } catch (error) {
    throw new DatabaseDamagedError(file, error instanceof Error ? error.message : String(error));
  }
  try {
    const found = readUserVersion(db, file);
    const pending = migrations.filter((m) => m.version > found);
    if (options.integrityCheck !== 'later' || pending.length > 0) quickCheck(db, file);
    if (pending.length > 0 && found > 0 && options.backupDir) {
      // Through the same path as every other backup: online backup API, integrity_check, retention.
      await writeBackup(db, options.backupDir, 'pre-migration');
    }
    for (const migration of pending) {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    }
    return { db, readOnlyReason: null, foundVersion: found };
  } catch (error) {
    db.close();
    throw error;
  }
}
