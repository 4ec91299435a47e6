import type { Migration } from './types.ts';

/**
 * - `practice_runs`: the practice log. One row per finished run: the seconds spent on each section (a JSON object
 *   keyed by section id), their total, the prompt the run answered (if any) and the user's 1–5 rating.
 * - `sample_stories`: which stories were added as samples on first run, so "remove the samples" removes exactly
 *   those (a story the user tagged "sample" is theirs). `sample_key` names the sample file it came from.
 * Both go with their story when it is deleted for good.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'practice-and-samples',
  up(db) {
    db.exec(`
      CREATE TABLE practice_runs (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        prompt_id TEXT,
        practiced_at INTEGER NOT NULL,
        sections TEXT NOT NULL CHECK (json_valid(sections)),
        total_seconds REAL NOT NULL CHECK (total_seconds >= 0),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5)
      ) STRICT;
      CREATE INDEX practice_runs_by_story ON practice_runs (story_id, practiced_at DESC);
      CREATE INDEX practice_runs_by_time ON practice_runs (practiced_at DESC);

      CREATE TABLE sample_stories (
        story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        sample_key TEXT NOT NULL UNIQUE
      ) STRICT;
    `);
  },
};
