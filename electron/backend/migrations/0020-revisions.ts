import type { Migration } from './types.ts';

/**
 * Revisions: a story's state at the end of each earlier editing session. The live row in `stories` is the newest
 * session's state; when a save arrives from a new session, the live state is first copied here. So every session
 * leaves exactly one revision, and an autosave within a session writes no copy.
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
        saved_at INTEGER NOT NULL,
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        UNIQUE (story_id, session_id)
      ) STRICT;
      CREATE INDEX revisions_by_story ON revisions (story_id, saved_at DESC);
    `);
  },
};
