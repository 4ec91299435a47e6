import type { Migration } from './types.ts';

/**
 * The story being edited leaves the on-disk search index for the length of its editing session, so an autosave
 * writes its sections and edit time and nothing else.
 *
 * - Why: the index has one row per story keyed by edit time (migration 0070), so every autosave re-tokenized the
 *   whole story and rewrote its row, though a search between two autosaves of the same story is rare.
 * - `story_search_editing` lists the stories in that state (the repository keeps at most one). Adding a story drops
 *   its row from `story_fts`; removing it writes the row back from the story's current text. While a story is
 *   listed, the triggers that re-index on a write skip it.
 * - A search indexes a listed story in memory (a TEMP FTS5 table with the same tokenizer, filled from the same
 *   `story_search` text) the first time it runs after an edit, and merges it into the on-disk results by the same key.
 * - Sessions end in the repository: when another story is edited, a whole story is written by an import or a restore,
 *   the database is closed, and at every open (so after a crash, too).
 */
export const migration0080: Migration = {
  version: 80,
  name: 'search-while-editing',
  up(db) {
    db.exec(`
      CREATE TABLE story_search_editing (seq INTEGER PRIMARY KEY) STRICT;

      DROP TRIGGER stories_fts_update;
      DROP TRIGGER stories_fts_delete;
      DROP TRIGGER story_sections_fts_insert;

      CREATE TRIGGER stories_fts_update AFTER UPDATE OF updated_at, title, context, tags ON stories
        WHEN NOT EXISTS (SELECT 1 FROM story_search_editing e WHERE e.seq = new.seq) BEGIN
        DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq;
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.seq;
      END;
      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq
          AND NOT EXISTS (SELECT 1 FROM story_search_editing e WHERE e.seq = old.seq);
        DELETE FROM story_search_editing WHERE seq = old.seq;
      END;
      CREATE TRIGGER story_sections_fts_insert AFTER INSERT ON story_sections
        WHEN new.text <> '' AND NOT EXISTS (SELECT 1 FROM story_search_editing e WHERE e.seq = new.story_seq) BEGIN
        DELETE FROM story_fts WHERE rowid = (SELECT key FROM story_search WHERE seq = new.story_seq);
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.story_seq;
      END;

      CREATE TRIGGER story_search_editing_insert AFTER INSERT ON story_search_editing BEGIN
        DELETE FROM story_fts WHERE rowid = (SELECT key FROM story_search WHERE seq = new.seq);
      END;
      CREATE TRIGGER story_search_editing_delete AFTER DELETE ON story_search_editing BEGIN
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = old.seq;
      END;
    `);
  },
};
