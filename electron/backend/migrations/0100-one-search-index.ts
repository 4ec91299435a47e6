import type { Migration } from './types.ts';

/**
 * Back to one search index kept by triggers, as migration 0070 left it: the story being edited no longer leaves
 * `story_fts` and the list's index (migrations 0080 and 0090 are undone).
 *
 * - Why: keeping the edited story out of the indexes saved a fraction of a millisecond per autosave, which happens
 *   once per typing pause, at the price of a second save path, an in-memory index and a merged list. An autosave
 *   that re-indexes the story stays well inside its budget (README, "Speed").
 * - Every open session ends first: deleting its listing runs the 0090 trigger, which writes the live edit time
 *   back into `stories` and the story back into `story_fts` under the key made from it. Nothing typed is lost.
 * - Then the listing, its triggers and the `stories.editing` flag go; `stories_by_edit` covers every story again,
 *   with `seq` after the edit time so stories edited in the same millisecond keep the search key's order; and the
 *   re-index triggers are the ones migration 0070 made.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'one-search-index',
  up(db) {
    db.exec(`
      DELETE FROM story_search_editing;
      DROP TRIGGER story_search_editing_insert;
      DROP TRIGGER story_search_editing_delete;
      DROP TABLE story_search_editing;

      DROP TRIGGER stories_fts_update;
      DROP TRIGGER stories_fts_delete;
      DROP TRIGGER story_sections_fts_insert;
      DROP INDEX stories_by_edit;
      ALTER TABLE stories DROP COLUMN editing;
      CREATE INDEX stories_by_edit ON stories (deleted_at, updated_at DESC, seq DESC);

      CREATE TRIGGER stories_fts_update AFTER UPDATE OF updated_at, title, context, tags ON stories BEGIN
        DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq;
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.seq;
      END;
      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq;
      END;
      CREATE TRIGGER story_sections_fts_insert AFTER INSERT ON story_sections WHEN new.text <> '' BEGIN
        DELETE FROM story_fts WHERE rowid = (SELECT key FROM story_search WHERE seq = new.story_seq);
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.story_seq;
      END;
    `);
  },
};
