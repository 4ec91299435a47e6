import type { Database } from 'better-sqlite3';

/** One schema step. Versions go up in tens by custom; each new step takes the next one after the highest (see index.ts). */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
