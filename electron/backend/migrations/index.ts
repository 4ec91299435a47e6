import { migration0010 } from './0010-stories.ts';
import { migration0020 } from './0020-revisions.ts';
import { migration0030 } from './0030-settings.ts';
import { migration0040 } from './0040-lint-suppressions.ts';
import { migration0050 } from './0050-mappings.ts';
import { migration0060 } from './0060-practice-and-samples.ts';
import { migration0070 } from './0070-story-search-rows.ts';
import { migration0080 } from './0080-search-while-editing.ts';
import { migration0090 } from './0090-list-while-editing.ts';
import { migration0100 } from './0100-one-search-index.ts';
import { migration0110 } from './0110-loops.ts';
import type { Migration } from './types.ts';

/**
 * Every schema step, oldest first. A new step goes at the end with a version above every other: the runner runs
 * only the steps above a database's stored version, so a step slotted in below it would never run on a bank that
 * has already passed it. Never edit a step that has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070,
  migration0080, migration0090, migration0100, migration0110,
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Throws when the list is not strictly increasing: a mistake that must never reach a user's database. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(`Migration ${migration.name} (${migration.version}) is out of order after ${previous}.`);
    }
    previous = migration.version;
  }
}
