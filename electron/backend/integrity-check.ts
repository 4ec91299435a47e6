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

export interface BackgroundCheck {
  verdict: Promise<IntegrityVerdict>;
  /**
   * Stops the check if it is still running and settles once the worker thread has exited, so its read-only
   * connection (and the -shm file it may hold open) is gone. A stopped check never reports a verdict.
   */
  stop(): Promise<void>;
}

/** Runs SQLite's quick_check on `file` in a worker thread. */
export function checkIntegrityInBackground(file: string): BackgroundCheck {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const verdict = new Promise<IntegrityVerdict>((resolve) => {
    worker.once('message', (answer: string) => {
      resolve(answer === 'ok' ? { ok: true } : { ok: false, detail: answer });
      void worker.terminate();
    });
    worker.once('error', (error) => resolve({ ok: false, detail: error.message }));
  });
  return {
    verdict,
    async stop() {
      await worker.terminate();
      await exited;
    },
  };
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
    let answer: DatabaseInspection = { verdict: 'the check ended without an answer', userVersion: null, stories: null };
    worker.once('message', (message: DatabaseInspection) => {
      answer = message;
    });
    worker.once('error', (error) => {
      answer = { verdict: error.message, userVersion: null, stories: null };
    });
    // Answer only once the thread is gone, so its connection to `file` is closed when the caller moves on.
    worker.once('exit', () => resolve(answer));
  });
}
