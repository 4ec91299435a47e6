import { isSectionId } from '../../shared/domain/sections.ts';
import type { Suppression } from '../../shared/lint/diagnostics.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { BackupStory } from '../../shared/transfer/backup.ts';
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
  /** Every suppression of a story with its reason and time, oldest first: what a whole-bank record keeps. */
  records(storyId: string): SuppressionRecord[];
  /** Replaces a story's suppressions with these (an import of a whole record). Call inside the caller's transaction. */
  replaceAll(storyId: string, records: readonly SuppressionRecord[]): void;
}

export type SuppressionRecord = BackupStory['suppressions'][number];

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
  const selectRecords = db.prepare(
    'SELECT rule_id, section, fingerprint, reason, created_at FROM lint_suppressions WHERE story_id = ? ORDER BY created_at, fingerprint',
  );
  const removeAll = db.prepare('DELETE FROM lint_suppressions WHERE story_id = ?');
  const insertRecord = db.prepare(
    `INSERT INTO lint_suppressions (story_id, rule_id, section, fingerprint, reason, created_at)
     VALUES (@storyId, @ruleId, @section, @fingerprint, @reason, @createdAt)`,
  );
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
    records(storyId) {
      return (selectRecords.all(storyId) as (SuppressionRow & { created_at: number })[]).flatMap((row) =>
        isSectionId(row.section)
          ? [{ ruleId: row.rule_id, section: row.section, fingerprint: row.fingerprint, reason: row.reason, createdAt: row.created_at }]
          : [],
      );
    },
    replaceAll(storyId, records) {
      removeAll.run(storyId);
      for (const record of records) insertRecord.run({ storyId, ...record });
    },
  };
}
