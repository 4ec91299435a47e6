import { latestVersion, MIGRATIONS } from '../../electron/backend/migrations/index.ts';
import type { Migration } from '../../electron/backend/migrations/types.ts';

/** A step long enough (a few hundred milliseconds) that a kill lands inside it most of the time. */
export const SLOW_STEP: Migration = {
  version: latestVersion() + 10,
  name: 'crash-probe',
  up(db) {
    db.exec(`
      CREATE TABLE crash_probe (n INTEGER PRIMARY KEY, label TEXT NOT NULL) STRICT;
      WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 300000)
      INSERT INTO crash_probe (n, label) SELECT n, printf('row %d of the crash probe', n) FROM k;
      CREATE INDEX crash_probe_label ON crash_probe (label);
      ALTER TABLE stories ADD COLUMN crash_probe INTEGER;
    `);
  },
};

export const CRASH_MIGRATIONS: readonly Migration[] = [...MIGRATIONS, SLOW_STEP];
