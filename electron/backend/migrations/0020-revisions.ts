import type { Migration } from './types.ts';

/**
 * Revisions: one row per editing session of a story (a session's later autosaves update its row), holding a
 * snapshot of the whole draft. The history screen reads these.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        UNIQUE (story_id, session_id)
      ) STRICT;
      CREATE INDEX revisions_story ON revisions (story_id, updated_at DESC);
    `);
  },
};
