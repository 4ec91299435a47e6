-- Story Bank schema at version 110. Written by schema-snapshot.test.ts; do not edit.

-- index loops_by_edit
CREATE INDEX loops_by_edit ON loops (updated_at DESC);

-- index practice_runs_by_story
CREATE INDEX practice_runs_by_story ON practice_runs (story_id, practiced_at DESC);

-- index practice_runs_by_time
CREATE INDEX practice_runs_by_time ON practice_runs (practiced_at DESC);

-- index revisions_by_story
CREATE INDEX revisions_by_story ON revisions (story_id, saved_at DESC);

-- index stories_by_edit
CREATE INDEX stories_by_edit ON stories (deleted_at, updated_at DESC, seq DESC);

-- index story_sections_by_story
CREATE INDEX story_sections_by_story ON story_sections (story_seq);

-- table dismissed_suggestions
CREATE TABLE dismissed_suggestions ( story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE, kind TEXT NOT NULL CHECK (kind IN ('principle', 'prompt')), target_id TEXT NOT NULL, dismissed_at INTEGER NOT NULL, PRIMARY KEY (story_id, kind, target_id) ) STRICT, WITHOUT ROWID;

-- table lint_suppressions
CREATE TABLE lint_suppressions ( story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE, rule_id TEXT NOT NULL, section TEXT NOT NULL, fingerprint TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, PRIMARY KEY (story_id, fingerprint) ) STRICT;

-- table loops
CREATE TABLE loops ( id TEXT PRIMARY KEY, body TEXT NOT NULL CHECK (json_valid(body)), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL ) STRICT;

-- table practice_runs
CREATE TABLE practice_runs ( id INTEGER PRIMARY KEY, story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE, prompt_id TEXT, practiced_at INTEGER NOT NULL, sections TEXT NOT NULL CHECK (json_valid(sections)), total_seconds REAL NOT NULL CHECK (total_seconds >= 0), rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5) ) STRICT;

-- table probe_notes
CREATE TABLE probe_notes ( story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE, probe_id TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '', readiness TEXT CHECK (readiness IN ('ready', 'partial', 'gap')), updated_at INTEGER NOT NULL, PRIMARY KEY (story_id, probe_id) ) STRICT, WITHOUT ROWID;

-- table revisions
CREATE TABLE revisions ( id INTEGER PRIMARY KEY, story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE, session_id TEXT NOT NULL, saved_at INTEGER NOT NULL, snapshot TEXT NOT NULL CHECK (json_valid(snapshot)), UNIQUE (story_id, session_id) ) STRICT;

-- table sample_stories
CREATE TABLE sample_stories ( story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE, sample_key TEXT NOT NULL UNIQUE ) STRICT;

-- table settings
CREATE TABLE settings ( key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value)), updated_at INTEGER NOT NULL ) STRICT;

-- table stories
CREATE TABLE stories ( seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '', context TEXT NOT NULL DEFAULT '', level TEXT, principles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(principles)), tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER, session_id TEXT NOT NULL DEFAULT '' , prompts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prompts))) STRICT;

-- table story_fts
CREATE VIRTUAL TABLE story_fts USING fts5 ( text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2' );

-- table story_fts_config
CREATE TABLE 'story_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table story_fts_data
CREATE TABLE 'story_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table story_fts_docsize
CREATE TABLE 'story_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table story_fts_idx
CREATE TABLE 'story_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table story_sections
CREATE TABLE story_sections ( id INTEGER PRIMARY KEY, story_seq INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE, section INTEGER NOT NULL CHECK (section BETWEEN 0 AND 4), json TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '', CHECK (id = story_seq * 8 + section) ) STRICT;

-- trigger stories_fts_delete
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq; END;

-- trigger stories_fts_insert
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.seq; END;

-- trigger stories_fts_update
CREATE TRIGGER stories_fts_update AFTER UPDATE OF updated_at, title, context, tags ON stories BEGIN DELETE FROM story_fts WHERE rowid = min(old.updated_at, 4398046511103) * 1048576 + old.seq; INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.seq; END;

-- trigger stories_seq_limit
CREATE TRIGGER stories_seq_limit BEFORE INSERT ON stories WHEN new.seq >= 1048576 BEGIN SELECT RAISE(ABORT, 'The story bank is full: it holds at most 1,048,575 stories.'); END;

-- trigger story_sections_fts_insert
CREATE TRIGGER story_sections_fts_insert AFTER INSERT ON story_sections WHEN new.text <> '' BEGIN DELETE FROM story_fts WHERE rowid = (SELECT key FROM story_search WHERE seq = new.story_seq); INSERT INTO story_fts (rowid, text) SELECT key, text FROM story_search WHERE seq = new.story_seq; END;

-- view story_search
CREATE VIEW story_search (seq, key, text) AS SELECT s.seq, min(s.updated_at, 4398046511103) * 1048576 + s.seq, s.title || char(10) || s.context || char(10) || s.tags || char(10) || coalesce((SELECT group_concat(x.text, char(10) ORDER BY x.section) FROM story_sections x WHERE x.story_seq = s.seq), '') FROM stories s;
