import type { Migration } from './types.ts';

/**
 * The full-text index gets one row per story instead of one per section, keyed so that FTS5's own row order is the
 * order a search shows: newest edit first.
 *
 * - One row per story: a search asks for stories that contain every typed word somewhere (title, context, tags or
 *   any section). With a row per section, "rollback plan" had to intersect two large sets of section rows in SQL;
 *   with a row per story, FTS5 answers the AND itself while walking the word lists.
 * - The row id is `story_search.key`: the story's last edit time (milliseconds) times 2^20, plus its seq. Reading
 *   the matches in descending row id is reading them newest edit first, so a search stops after the page it shows
 *   instead of collecting every match and sorting it. Times beyond the year 2109 are clamped (order among such
 *   imported stories is then by seq); a seq must stay below 2^20 (over a million stories).
 * - The price: an autosave re-indexes the whole story's text rather than one section's, about a tenth of a
 *   millisecond, paid once a second after typing stops, against searches that run on every keystroke.
 *
 * Triggers keep the index in step. The key changes with every edit, so the trigger on `stories` rebuilds the row
 * whenever an update writes `updated_at`, the title, context or tags, changed or not. Section text is only ever
 * changed in a transaction that then writes the story's `updated_at` (the repository writes sections first, then
 * the story row), so that one trigger sees the final text and an autosave tokenizes the story once. Sections
 * inserted for a new story rebuild the row themselves, since nothing writes the story row after them.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'story-search-rows',
  up(db) {
    db.exec(`
      DROP TRIGGER story_sections_fts_insert;
      DROP TRIGGER story_sections_fts_update;
      DROP TRIGGER story_sections_fts_delete;
      DROP TRIGGER stories_fts_insert;
      DROP TRIGGER stories_fts_update;
      DROP TRIGGER stories_fts_delete;
      DROP TABLE story_fts;

      CREATE VIEW story_search (seq, key, text) AS
        SELECT s.seq,
               min(s.updated_at, 4398046511103) * 1048576 + s.seq,
               s.title || char(10) || s.context || char(10) || s.tags || char(10) ||
               coalesce((SELECT group_concat(x.text, char(10) ORDER BY x.section)
                         FROM story_sections x WHERE x.story_seq = s.seq), '')
        FROM stories s;

      CREATE VIRTUAL TABLE story_fts USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER stories_seq_limit BEFORE INSERT ON stories WHEN new.seq >= 1048576 BEGIN
        SELECT RAISE(ABORT, 'The story bank is full: it holds at most 1,048,575 stories.');
      END;
      CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
        INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.seq;
      END;
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

      INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search;
    `);
  },
};
