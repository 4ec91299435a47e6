import Database from 'better-sqlite3';

/**
 * Dumps of a story database for comparing two banks or one bank before and after.
 *
 * - `contentDump`: what a user owns, independent of internal row numbers: stories (metadata, timestamps, trash
 *   state), each section's Lexical JSON and text, probe notes, ignored findings, dismissed suggestions, practice
 *   runs and settings. Two banks with equal content dumps hold the same stories, mappings, notes, suppressions and
 *   settings.
 * - `fullDump`: every row of every table (revisions and row ids included, the full-text index's own tables
 *   excepted), for "nothing at all changed".
 */

type Db = Database.Database;

/** A story's edit time: while it is being edited, the live one is in its listing (migration 0090). */
const LIVE_EDIT_TIME =
  'coalesce((SELECT e.updated_at FROM story_search_editing e WHERE e.seq = stories.seq), stories.updated_at) AS updated_at';

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
      `SELECT id, title, context, level, principles, prompts, tags, created_at, ${LIVE_EDIT_TIME}, deleted_at FROM stories ORDER BY id`,
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
  };
}

export function fullDumpOf(db: Db): Record<string, unknown[]> {
  // Every table but the search index and the list of stories out of it while edited, and every column but the
  // flag that mirrors that list (migration 0090): all derived from the rest. A story's edit time is its live one.
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'story_fts%' AND name <> 'story_search_editing' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const listed = db.prepare('SELECT seq, updated_at FROM story_search_editing').raw().all() as [number, number][];
  const live = new Map(listed);
  const liveTime = (row: Record<string, unknown>): unknown => live.get(row.seq as number) ?? row.updated_at;
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all() as Record<string, unknown>[];
    out[table] = table === 'stories' ? rows.map(({ editing: _editing, ...row }) => ({ ...row, updated_at: liveTime(row) })) : rows;
  }
  out.user_version = [db.pragma('user_version', { simple: true })];
  return out;
}

export function contentDump(file: string): unknown {
  return withDb(file, contentDumpOf);
}

export function fullDump(file: string): Record<string, unknown[]> {
  return withDb(file, fullDumpOf);
}
