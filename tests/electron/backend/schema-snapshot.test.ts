import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStoryDatabase } from '../../../electron/backend/database.ts';
import { latestVersion, MIGRATIONS } from '../../../electron/backend/migrations/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The schema a new bank has after every migration, as SQLite stores it (sqlite_schema), checked in as
 * schema.sql so it can be read without replaying the migrations. Objects are sorted by type and name, and each
 * statement's whitespace is collapsed, so only a real change to the schema changes the file. FTS5's shadow tables
 * are listed too: they are part of what a bank holds.
 */
const SNAPSHOT = path.join(import.meta.dirname, '__snapshots__', 'schema.sql');
const UPDATE = 'UPDATE_SCHEMA_SNAPSHOT';

async function liveSchema(file = path.join(tempDir(), 'bank.sqlite')): Promise<string> {
  const { db } = await openStoryDatabase(file);
  try {
    const rows = db
      .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name`)
      .all() as { type: string; name: string; sql: string }[];
    const statements = rows.map((row) => `-- ${row.type} ${row.name}\n${row.sql.replace(/\s+/g, ' ').trim()};`);
    return `-- Story Bank schema at version ${latestVersion()}. Written by schema-snapshot.test.ts; do not edit.\n\n${statements.join('\n\n')}\n`;
  } finally {
    db.close();
  }
}

describe('the schema snapshot', () => {
  it('matches the schema every migration leaves', async () => {
    const live = await liveSchema();
    if (process.env[UPDATE] === '1') {
      fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
      fs.writeFileSync(SNAPSHOT, live);
    }
    const stored = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, 'utf8') : '';
    expect(
      live,
      `The live schema differs from ${path.relative(process.cwd(), SNAPSHOT)}. If the change is meant (a new ` +
        `migration), rewrite the snapshot with \`${UPDATE}=1 npx vitest run tests/electron/backend/schema-snapshot.test.ts\` ` +
        'and commit it with the migration.',
    ).toBe(stored);
  });

  it('is also what a bank upgraded from version 90 (the editing-session schema) ends with', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    (await openStoryDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) })).db.close();
    expect(await liveSchema(file)).toBe(await liveSchema());
  });
});
