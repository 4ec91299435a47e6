import path from 'node:path';
import type { AppInfo, Handlers } from '../../shared/ipc/contract.ts';
import { DATABASE_FILE } from './data-dir.ts';
import { type Db, openStoryDatabase } from './database.ts';
import { createHandlers } from './handlers.ts';
import { checkIntegrityInBackground, type IntegrityVerdict } from './integrity-check.ts';
import { createLoopsRepository } from './loops-repository.ts';
import { createMappingsRepository } from './mappings-repository.ts';
import { createPracticeRepository } from './practice-repository.ts';
import { createSamplesRepository } from './samples.ts';
import { createSettingsRepository } from './settings-repository.ts';
import { createStoriesRepository } from './stories-repository.ts';
import { createSuppressionsRepository } from './suppressions-repository.ts';
import { createTransferService } from './transfer/transfer-handlers.ts';

export interface BackendOptions {
  dataDir: string;
  appVersion: string;
}

export interface Backend {
  handlers: Handlers;
  db: Db;
  /** The background quick_check's verdict, once it is in. */
  integrity: Promise<IntegrityVerdict>;
  dataDir: string;
  /**
   * Stops the background integrity check (waiting for its thread to exit), checkpoints the write-ahead log into
   * the database file and closes the connection. Once it settles nothing of this backend touches dataDir.
   */
  close(): Promise<void>;
}

/** Opens the story bank in dataDir and builds the handler object both hosts (Electron, browser shell) serve. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const databasePath = path.join(options.dataDir, DATABASE_FILE);
  const { db, readOnlyReason } = await openStoryDatabase(databasePath, {
    backupDir: path.join(options.dataDir, 'backups'),
    integrityCheck: 'later',
  });
  const stories = createStoriesRepository(db);
  const info: AppInfo = {
    version: options.appVersion,
    dataDir: options.dataDir,
    databasePath,
    readOnlyReason,
    integrity: 'checking',
  };
  const check = checkIntegrityInBackground(databasePath);
  const integrity = check.verdict.then((verdict) => {
    info.integrity = verdict.ok ? 'ok' : 'damaged';
    if (!verdict.ok) info.integrityDetail = verdict.detail;
    return verdict;
  });
  const repositories = {
    stories,
    suppressions: createSuppressionsRepository(db),
    mappings: createMappingsRepository(db),
    settings: createSettingsRepository(db),
    practice: createPracticeRepository(db),
    loops: createLoopsRepository(db),
  };
  const handlers = createHandlers({
    ...repositories,
    samples: createSamplesRepository(db, stories),
    transfer: createTransferService(db, repositories),
    info,
  });
  let closing: Promise<void> | null = null;
  return {
    handlers,
    db,
    integrity,
    dataDir: options.dataDir,
    close() {
      closing ??= (async () => {
        await check.stop();
        if (!db.open) return;
        if (!db.readonly) {
          try {
            db.pragma('wal_checkpoint(TRUNCATE)');
          } catch {
            // Closing checkpoints again; a log left behind is replayed by the next open.
          }
        }
        db.close();
      })();
      return closing;
    },
  };
}
