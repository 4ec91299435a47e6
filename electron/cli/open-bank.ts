import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../shared/ipc/contract.ts';
import { openAppBackend } from '../backend/app-backend.ts';
import { createBackend } from '../backend/backend.ts';
import { DATABASE_FILE, defaultUserDataDir, resolveDataDir } from '../backend/data-dir.ts';
import { DatabaseDamagedError } from '../backend/database.ts';

/**
 * Opens the story bank the app uses (STORY_BANK_DATA_DIR chooses another) for a CLI command, through the same
 * backend the app runs: the same handlers, the same checks. A command that writes opens it as the app does, so a
 * backup of the bank is taken first; a command that only reads opens just the database.
 */

export class BankUnavailableError extends Error {}

export interface CliBank {
  dataDir: string;
  handlers: Handlers;
  close(): Promise<void>;
}

export function cliDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolveDataDir(env, defaultUserDataDir(process.platform, env, os.homedir()));
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function openBankForCli(options: { write?: boolean } = {}): Promise<CliBank> {
  const dataDir = cliDataDir();
  const databasePath = path.join(dataDir, DATABASE_FILE);
  if (!options.write) {
    if (!fs.existsSync(databasePath)) {
      throw new BankUnavailableError(`there is no story bank in ${dataDir} (set STORY_BANK_DATA_DIR to use another folder)`);
    }
    try {
      const backend = await createBackend({ dataDir, appVersion: appVersion() });
      return {
        dataDir,
        handlers: backend.handlers,
        async close() {
          await backend.integrity;
          await backend.close();
        },
      };
    } catch (error) {
      if (error instanceof DatabaseDamagedError) throw new BankUnavailableError(`${error.message} Open Story Bank to recover it.`);
      throw error;
    }
  }
  const app = await openAppBackend({ dataDir, appVersion: appVersion(), backupIntervalMs: 0 });
  if (app.current() === null) {
    const status = await app.handlers['recovery.status']({});
    await app.close();
    throw new BankUnavailableError(`the story bank in ${dataDir} cannot be used: ${status.detail ?? 'it could not be opened'} Open Story Bank to recover it.`);
  }
  // The backup of the bank as it was, taken as the app takes one at start-up, is written before anything changes.
  await app.startupBackup;
  return {
    dataDir,
    handlers: app.handlers,
    async close() {
      await app.current()?.integrity;
      await app.close();
    },
  };
}
