import type { Database } from 'better-sqlite3';

/** One schema step. Versions are numbered in tens so a step can be slotted in between later. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
