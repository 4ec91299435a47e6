import type { Migration } from './types.ts';

/**
 * `loops`: the interview loops a user plans (the Loop screen), several side by side. `body` holds the loop (name,
 * date, level, framework, interviewers), its pins and its bans as one JSON object, checked with
 * shared/ipc/loop-channels.ts's schema on the way in and on the way out. Pins and bans name stories by id without a
 * foreign key: a story deleted since is a stale pin, which the planner reports and ignores, not a broken loop.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'loops',
  up(db) {
    db.exec(`
      CREATE TABLE loops (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX loops_by_edit ON loops (updated_at DESC);
    `);
  },
};
