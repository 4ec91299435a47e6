import path from 'node:path';
import type { Handlers } from '../../shared/ipc/contract.ts';
import { DATABASE_FILE } from './data-dir.ts';
import { type Db, openStoryDatabase } from './database.ts';
import { createHandlers } from './handlers.ts';
import { createStoriesRepository } from './stories-repository.ts';

export interface BackendOptions {
  dataDir: string;
  appVersion: string;
}

export interface Backend {
  handlers: Handlers;
  db: Db;
  dataDir: string;
  close(): void;
}

/** Opens the story bank in dataDir and builds the handler object both hosts (Electron, browser shell) serve. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const databasePath = path.join(options.dataDir, DATABASE_FILE);
  const { db, readOnlyReason } = await openStoryDatabase(databasePath, {
    backupDir: path.join(options.dataDir, 'backups'),
  });
  const stories = createStoriesRepository(db);
  const handlers = createHandlers({
    stories,
    info: { version: options.appVersion, dataDir: options.dataDir, databasePath, readOnlyReason },
  });
  return {
    handlers,
    db,
    dataDir: options.dataDir,
    close() {
      if (db.open) db.close();
    },
  };
}
