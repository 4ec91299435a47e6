import Database from 'better-sqlite3';

/**
 * Dumps of a story database for comparing two banks or one bank before and after.
 *
 * - `contentDump`: what a user owns, independent of internal row numbers: stories (metadata, timestamps, trash
 *   state), each section's Lexical JSON and text, probe notes, ignored findings, dismissed suggestions, practice
 *   runs, settings and interview loops. Two banks with equal content dumps hold the same stories, mappings, notes,
 *   suppressions, settings and loops.
 * - `fullDump`: every row of every table (revisions and row ids included, the full-text index's own tables
 *   excepted), for "nothing at all changed".
 */

type Db = Database.Database;

function withDb<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function contentDumpOf(db: Db): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    stories: all(
      `SELECT id, title, context, level, principles, prompts, tags, created_at, updated_at, deleted_at FROM stories ORDER BY id`,
    ),
    sections: all(
      `SELECT s.id AS story_id, x.section, x.json, x.text FROM story_sections x JOIN stories s ON s.seq = x.story_seq ORDER BY s.id, x.section`,
    ),
    probeNotes: all('SELECT * FROM probe_notes ORDER BY story_id, probe_id'),
    suppressions: all('SELECT * FROM lint_suppressions ORDER BY story_id, fingerprint'),
    dismissed: all('SELECT * FROM dismissed_suggestions ORDER BY story_id, kind, target_id'),
    practiceRuns: all(
      'SELECT story_id, prompt_id, practiced_at, sections, total_seconds, rating FROM practice_runs ORDER BY story_id, practiced_at, prompt_id',
    ),
    settings: all('SELECT key, value FROM settings ORDER BY key'),
    loops: all('SELECT id, body, created_at, updated_at FROM loops ORDER BY id'),
  };
}

export function fullDumpOf(db: Db): Record<string, unknown[]> {
  // Every table but the search index's own, which is derived from the rest.
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'story_fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
  out.user_version = [db.pragma('user_version', { simple: true })];
  return out;
}

export function contentDump(file: string): unknown {
  return withDb(file, contentDumpOf);
}

export function fullDump(file: string): Record<string, unknown[]> {
  return withDb(file, fullDumpOf);
}
