import { isSectionId } from '../../shared/domain/sections.ts';
import type { Suppression } from '../../shared/lint/diagnostics.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { Db } from './database.ts';

interface SuppressionRow {
  rule_id: string;
  section: string;
  fingerprint: string;
  reason: string;
}

export interface SuppressionsRepository {
  list(storyId: string): Suppression[];
  add(storyId: string, suppression: Suppression): void;
  remove(storyId: string, fingerprint: string): void;
}

/** Ignored lint findings, kept per story (deleted with it). */
export function createSuppressionsRepository(db: Db): SuppressionsRepository {
  const select = db.prepare(
    'SELECT rule_id, section, fingerprint, reason FROM lint_suppressions WHERE story_id = ? ORDER BY created_at',
  );
  const insert = db.prepare(
    `INSERT INTO lint_suppressions (story_id, rule_id, section, fingerprint, reason, created_at)
     VALUES (@storyId, @ruleId, @section, @fingerprint, @reason, @now)
     ON CONFLICT (story_id, fingerprint) DO UPDATE SET reason = excluded.reason`,
  );
  const remove = db.prepare('DELETE FROM lint_suppressions WHERE story_id = ? AND fingerprint = ?');
  const exists = db.prepare('SELECT 1 FROM stories WHERE id = ?').pluck();
  return {
    list(storyId) {
      return (select.all(storyId) as SuppressionRow[]).flatMap((row) =>
        isSectionId(row.section)
          ? [{ ruleId: row.rule_id, section: row.section, fingerprint: row.fingerprint, ...(row.reason ? { reason: row.reason } : {}) }]
          : [],
      );
    },
    add(storyId, suppression) {
      if (!exists.get(storyId)) throw new AppError('not-found', 'That story no longer exists.');
      insert.run({ storyId, ...suppression, reason: suppression.reason ?? '', now: Date.now() });
    },
    remove(storyId, fingerprint) {
      remove.run(storyId, fingerprint);
    },
  };
}
