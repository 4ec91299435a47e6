import type { Migration } from './types.ts';

/** Settings as key -> JSON value; the shape of each value is validated by shared/ when read. */
export const migration0030: Migration = {
  version: 30,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
