import type { Migration } from './types.ts';

/**
 * While a story is being edited, its live edit time is kept in its `story_search_editing` row, and the story is
 * out of the list's edit-time index, so an autosave writes the changed sections and that one small row: not the
 * story's row, not its index entries.
 *
 * - Why: every autosave moved the story's edit time, which rewrote the story's row and moved its entry in
 *   `stories_by_edit`. Those two writes cost about a third of the raw single-row write the bench compares an
 *   autosave with; a one-row table costs far less.
 * - `story_search_editing` (migration 0080) now holds, per listed story, its live edit time and the session that
 *   is editing it. `stories.updated_at` is the edit time when the session began; readers take the listing's time
 *   while there is one, and the end of the session writes it back into `stories` before the story returns to
 *   `story_fts` (whose key is made from it).
 * - `stories.editing` is 1 exactly while the story is listed: the listing's triggers set and clear it.
 *   `stories_by_edit` is a partial index over the stories not being edited; the list reads it and the listed story
 *   (at most one) and merges them by edit time. The index gains `seq` after the edit time, so stories edited in the
 *   same millisecond keep one order: the order of the search key (migration 0070).
 * - The trigger that re-indexes a story on a write reads the flag instead of looking the story up in the listing.
 * - Sessions open at the upgrade end first (as at every open), so the table can be made anew.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'list-while-editing',
  up(db) {
    db.exec(`
      DELETE FROM story_search_editing;
      DROP TABLE story_search_editing;
      CREATE TABLE story_search_editing (
        seq INTEGER PRIMARY KEY,
        updated_at INTEGER NOT NULL,
        session_id TEXT NOT NULL
      ) STRICT;

      ALTER TABLE stories ADD COLUMN editing INTEGER NOT NULL DEFAULT 0 CHECK (editing IN (0, 1));
      DROP INDEX stories_by_edit;
      CREATE INDEX stories_by_edit ON stories (deleted_at, updated_at DESC, seq DESC) WHERE editing = 0;

      DROP TRIGGER stories_fts_update;
      CREATE TRIGGER stories_fts_update AFTER UPDATE OF updated_at, title, context, tags ON stories
        WHEN new.editing = 0 BEGIN
        DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq;
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.seq;
      END;

      CREATE TRIGGER story_search_editing_insert AFTER INSERT ON story_search_editing BEGIN
        DELETE FROM story_fts WHERE rowid = (SELECT key FROM story_search WHERE seq = new.seq);
        UPDATE stories SET editing = 1 WHERE seq = new.seq;
      END;
      -- The live edit time goes back first, while the flag still keeps the re-index trigger off; then the story
      -- returns to the index under the key made from it.
      CREATE TRIGGER story_search_editing_delete AFTER DELETE ON story_search_editing BEGIN
        UPDATE stories SET updated_at = max(updated_at, old.updated_at) WHERE seq = old.seq;
        UPDATE stories SET editing = 0 WHERE seq = old.seq;
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = old.seq;
      END;
    `);
  },
};
