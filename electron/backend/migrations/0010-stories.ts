import type { Migration } from './types.ts';

/**
 * Stories. Metadata lives in `stories` (small rows: the list reads only these). Each section's Lexical JSON and
 * plain text lives in `story_sections`, one row per section, so an autosave rewrites only the sections that
 * changed. A contentless full-text index holds one row per section plus one for title, context and tags; triggers
 * keep it in sync, re-indexing only text that actually changed.
 *
 * Row ids: a section's id is story seq * 8 + section index (0 Situation … 4 Reflection); 5 is the metadata row.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'stories',
  up(db) {
    db.exec(`
      CREATE TABLE stories (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        context TEXT NOT NULL DEFAULT '',
        level TEXT,
        principles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(principles)),
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        session_id TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX stories_by_edit ON stories (deleted_at, updated_at DESC);

      CREATE TABLE story_sections (
        id INTEGER PRIMARY KEY,
        story_seq INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
        section INTEGER NOT NULL CHECK (section BETWEEN 0 AND 4),
        json TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        CHECK (id = story_seq * 8 + section)
      ) STRICT;
      CREATE INDEX story_sections_by_story ON story_sections (story_seq);

      CREATE VIRTUAL TABLE story_fts USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER story_sections_fts_insert AFTER INSERT ON story_sections BEGIN
        INSERT INTO story_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER story_sections_fts_update AFTER UPDATE OF text ON story_sections
        WHEN old.text IS NOT new.text BEGIN
        DELETE FROM story_fts WHERE rowid = old.id;
        INSERT INTO story_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER story_sections_fts_delete AFTER DELETE ON story_sections BEGIN
        DELETE FROM story_fts WHERE rowid = old.id;
      END;

      CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
        INSERT INTO story_fts (rowid, text)
        VALUES (new.seq * 8 + 5, new.title || ' ' || new.context || ' ' || new.tags);
      END;
      CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, context, tags ON stories
        WHEN old.title IS NOT new.title OR old.context IS NOT new.context OR old.tags IS NOT new.tags BEGIN
        DELETE FROM story_fts WHERE rowid = old.seq * 8 + 5;
        INSERT INTO story_fts (rowid, text)
        VALUES (new.seq * 8 + 5, new.title || ' ' || new.context || ' ' || new.tags);
      END;
      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        DELETE FROM story_fts WHERE rowid = old.seq * 8 + 5;
      END;
    `);
  },
};
