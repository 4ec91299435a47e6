import type { Migration } from './types.ts';

/**
 * Mappings beyond principles:
 * - `stories.prompts`: the ids of the prompts a story answers, a JSON array (part of the draft, like principles).
 * - `probe_notes`: the user's prepared notes for each follow-up probe of a story, with a readiness mark (null until
 *   the user sets one). Probe ids are content ids; a probe the content no longer has is simply not shown.
 * - `dismissed_suggestions`: principles and prompts the user turned down for a story, so they stay turned down.
 * Both tables go with their story when it is deleted for good; moving a story to the trash keeps them.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'mappings',
  up(db) {
    db.exec(`
      ALTER TABLE stories ADD COLUMN prompts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prompts));

      CREATE TABLE probe_notes (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        probe_id TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        readiness TEXT CHECK (readiness IN ('ready', 'partial', 'gap')),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (story_id, probe_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dismissed_suggestions (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('principle', 'prompt')),
        target_id TEXT NOT NULL,
        dismissed_at INTEGER NOT NULL,
        PRIMARY KEY (story_id, kind, target_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
