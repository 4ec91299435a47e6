import type { Migration } from './types.ts';

/** Stories, each section's Lexical JSON and plain text, and a full-text index kept in sync by triggers. */
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
        situation_json TEXT NOT NULL DEFAULT '',
        situation_text TEXT NOT NULL DEFAULT '',
        task_json TEXT NOT NULL DEFAULT '',
        task_text TEXT NOT NULL DEFAULT '',
        action_json TEXT NOT NULL DEFAULT '',
        action_text TEXT NOT NULL DEFAULT '',
        result_json TEXT NOT NULL DEFAULT '',
        result_text TEXT NOT NULL DEFAULT '',
        reflection_json TEXT NOT NULL DEFAULT '',
        reflection_text TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;

      CREATE INDEX stories_updated ON stories (deleted_at, updated_at DESC);

      CREATE VIRTUAL TABLE stories_fts USING fts5 (
        title, context, tags,
        situation_text, task_text, action_text, result_text, reflection_text,
        content = 'stories', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
        INSERT INTO stories_fts (rowid, title, context, tags,
          situation_text, task_text, action_text, result_text, reflection_text)
        VALUES (new.seq, new.title, new.context, new.tags,
          new.situation_text, new.task_text, new.action_text, new.result_text, new.reflection_text);
      END;

      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        INSERT INTO stories_fts (stories_fts, rowid, title, context, tags,
          situation_text, task_text, action_text, result_text, reflection_text)
        VALUES ('delete', old.seq, old.title, old.context, old.tags,
          old.situation_text, old.task_text, old.action_text, old.result_text, old.reflection_text);
      END;

      CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, context, tags,
        situation_text, task_text, action_text, result_text, reflection_text ON stories BEGIN
        INSERT INTO stories_fts (stories_fts, rowid, title, context, tags,
          situation_text, task_text, action_text, result_text, reflection_text)
        VALUES ('delete', old.seq, old.title, old.context, old.tags,
          old.situation_text, old.task_text, old.action_text, old.result_text, old.reflection_text);
        INSERT INTO stories_fts (rowid, title, context, tags,
          situation_text, task_text, action_text, result_text, reflection_text)
        VALUES (new.seq, new.title, new.context, new.tags,
          new.situation_text, new.task_text, new.action_text, new.result_text, new.reflection_text);
      END;
    `);
  },
};
