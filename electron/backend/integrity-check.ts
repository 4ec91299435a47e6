import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The check runs on its own read-only connection in a worker thread, so start-up never waits for a full scan of
// a large database (about 0.6 s for ten thousand stories) and the window shows the list at once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let verdict;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  verdict = db.pragma('quick_check', { simple: true });
  db.close();
} catch (error) {
  verdict = error && error.message ? error.message : String(error);
}
parentPort.postMessage(String(verdict));
`;

export type IntegrityVerdict = { ok: true } | { ok: false; detail: string };

/** Runs SQLite's quick_check on `file` in a worker thread. */
export function checkIntegrityInBackground(file: string): Promise<IntegrityVerdict> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    worker.once('message', (verdict: string) => {
      resolve(verdict === 'ok' ? { ok: true } : { ok: false, detail: verdict });
      void worker.terminate();
    });
    worker.once('error', (error) => resolve({ ok: false, detail: error.message }));
  });
}

// A fuller look at a database file (a backup, or one about to be restored): the full integrity_check, the schema
// version and how many stories it holds, on a read-only connection in a worker thread.
const INSPECT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const answer = { verdict: 'unknown', userVersion: null, stories: null };
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    answer.verdict = String(db.pragma('integrity_check', { simple: true }));
    answer.userVersion = Number(db.pragma('user_version', { simple: true }));
    const hasStories = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'stories'").pluck().get();
    if (hasStories) answer.stories = Number(db.prepare('SELECT count(*) FROM stories').pluck().get());
  } finally {
    db.close();
  }
} catch (error) {
  answer.verdict = error && error.message ? error.message : String(error);
}
parentPort.postMessage(answer);
`;

export interface DatabaseInspection {
  /** 'ok' when integrity_check passed, otherwise what it (or opening the file) said. */
  verdict: string;
  userVersion: number | null;
  /** Rows in the stories table (trash included); null when there is no such table. */
  stories: number | null;
}

/** Runs the full integrity_check on `file` in a worker thread, and reads its schema version and story count. */
export function inspectDatabaseInBackground(file: string): Promise<DatabaseInspection> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(INSPECT_SOURCE, { eval: true, workerData: { file, driver } });
    worker.once('message', (answer: DatabaseInspection) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error) => resolve({ verdict: error.message, userVersion: null, stories: null }));
  });
}
