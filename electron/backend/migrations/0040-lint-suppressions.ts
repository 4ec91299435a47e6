import type { Migration } from './types.ts';

/** Lint findings a user chose to ignore on one story, with an optional reason. */
export const migration0040: Migration = {
  version: 40,
  name: 'lint-suppressions',
  up(db) {
    db.exec(`
      CREATE TABLE lint_suppressions (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        rule_id TEXT NOT NULL,
        section TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        PRIMARY KEY (story_id, fingerprint)
      ) STRICT;
    `);
  },
};
