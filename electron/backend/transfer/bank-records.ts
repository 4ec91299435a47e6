import { isProbeReadiness } from '../../../shared/coverage/probes.ts';
import type { ProbeNoteRecord } from '../../../shared/domain/mappings.ts';
import { isPrincipleId } from '../../../shared/domain/principles.ts';
import { isSectionId, SECTION_IDS } from '../../../shared/domain/sections.ts';
import type { Story } from '../../../shared/domain/story.ts';
import type { SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import type { Suppression } from '../../../shared/lint/diagnostics.ts';
import { isSettingKey, SETTINGS } from '../../../shared/settings/settings.ts';
import { type Backup, BACKUP_FORMAT, BACKUP_VERSION, type BackupStory } from '../../../shared/transfer/backup.ts';
import type { Db } from '../database.ts';
import type { StoriesRepository } from '../stories-repository.ts';

/**
 * Reads the bank as whole records: every story with everything kept about it. What the JSON backup, the Markdown
 * export and the prep sheet are made from.
 */

interface NoteRow {
  probe_id: string;
  notes: string;
  readiness: string | null;
  updated_at: number;
}

interface SuppressionRow {
  rule_id: string;
  section: string;
  fingerprint: string;
  reason: string;
  created_at: number;
}

interface DismissalRow {
  kind: string;
  target_id: string;
  dismissed_at: number;
}

interface PracticeRow {
  prompt_id: string | null;
  practiced_at: number;
  sections: string;
  total_seconds: number;
  rating: number;
}

export interface BankRecords {
  /** Ids of every story, the trash included, oldest first. */
  allIds(): string[];
  /** Ids of the stories not in the trash, oldest first. */
  liveIds(): string[];
  /** Live stories: id and title (for matching imports by title). */
  liveTitles(): Array<{ id: string; title: string }>;
  exists(id: string): boolean;
  backupStory(id: string): BackupStory;
  sheetRecord(id: string): SheetStoryRecord;
  /** Stored settings that pass their schema, by key. */
  settings(): Record<string, unknown>;
  backup(appVersion: string, now: Date): Backup;
}

/** Probe notes, suppressions, dismissals and runs in a fixed order, so two records of the same data are equal. */
export function canonicalBackupStory(story: BackupStory): BackupStory {
  const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    ...story,
    probeNotes: [...story.probeNotes].sort(byKey((n) => n.probeId)),
    suppressions: [...story.suppressions].sort(byKey((s) => s.fingerprint)),
    dismissedSuggestions: [...story.dismissedSuggestions].sort(byKey((d) => `${d.kind}:${d.id}`)),
    practiceRuns: [...story.practiceRuns].sort(
      (a, b) => a.practicedAt - b.practicedAt || JSON.stringify(a).localeCompare(JSON.stringify(b)),
    ),
  };
}

/** JSON with object keys sorted: equal data gives equal text, whatever order its keys were written in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function createBankRecords(db: Db, stories: StoriesRepository): BankRecords {
  const selectAll = db.prepare('SELECT id FROM stories ORDER BY created_at, seq').pluck();
  const selectLive = db.prepare('SELECT id FROM stories WHERE deleted_at IS NULL ORDER BY created_at, seq').pluck();
  const selectTitles = db.prepare('SELECT id, title FROM stories WHERE deleted_at IS NULL ORDER BY created_at, seq');
  const selectExists = db.prepare('SELECT 1 FROM stories WHERE id = ?').pluck();
  const selectNotes = db.prepare('SELECT probe_id, notes, readiness, updated_at FROM probe_notes WHERE story_id = ? ORDER BY probe_id');
  const selectSuppressions = db.prepare(
    'SELECT rule_id, section, fingerprint, reason, created_at FROM lint_suppressions WHERE story_id = ? ORDER BY created_at, fingerprint',
  );
  const selectDismissals = db.prepare(
    'SELECT kind, target_id, dismissed_at FROM dismissed_suggestions WHERE story_id = ? ORDER BY dismissed_at, kind, target_id',
  );
  const selectRuns = db.prepare(
    'SELECT prompt_id, practiced_at, sections, total_seconds, rating FROM practice_runs WHERE story_id = ? ORDER BY practiced_at, id',
  );
  const selectSettings = db.prepare('SELECT key, value FROM settings ORDER BY key');

  function notes(id: string): ProbeNoteRecord[] {
    return (selectNotes.all(id) as NoteRow[]).map((r) => ({
      probeId: r.probe_id,
      note: r.notes,
      readiness: isProbeReadiness(r.readiness) ? r.readiness : null,
      updatedAt: r.updated_at,
    }));
  }

  function suppressionRows(id: string): SuppressionRow[] {
    return (selectSuppressions.all(id) as SuppressionRow[]).filter((r) => isSectionId(r.section));
  }

  function backupStory(id: string): BackupStory {
    const story: Story = stories.get(id);
    return {
      id: story.id,
      title: story.title,
      sections: story.sections,
      principles: story.principles,
      prompts: story.prompts,
      level: story.level,
      context: story.context,
      tags: story.tags,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      deletedAt: story.deletedAt,
      probeNotes: notes(id),
      suppressions: suppressionRows(id).map((r) => ({
        ruleId: r.rule_id,
        section: r.section as Suppression['section'],
        fingerprint: r.fingerprint,
        reason: r.reason,
        createdAt: r.created_at,
      })),
      dismissedSuggestions: (selectDismissals.all(id) as DismissalRow[]).flatMap((r): BackupStory['dismissedSuggestions'] => {
        if (r.kind === 'principle' && isPrincipleId(r.target_id)) return [{ kind: 'principle', id: r.target_id, dismissedAt: r.dismissed_at }];
        if (r.kind === 'prompt') return [{ kind: 'prompt', id: r.target_id, dismissedAt: r.dismissed_at }];
        return [];
      }),
      practiceRuns: (selectRuns.all(id) as PracticeRow[]).map((r) => {
        const seconds = JSON.parse(r.sections) as Record<string, number>;
        return {
          promptId: r.prompt_id,
          practicedAt: r.practiced_at,
          sections: Object.fromEntries(SECTION_IDS.map((s) => [s, Number(seconds[s] ?? 0)])) as BackupStory['practiceRuns'][number]['sections'],
          totalSeconds: r.total_seconds,
          rating: r.rating,
        };
      }),
    };
  }

  function settings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const row of selectSettings.all() as Array<{ key: string; value: string }>) {
      if (!isSettingKey(row.key)) continue;
      let value: unknown;
      try {
        value = JSON.parse(row.value) as unknown;
      } catch {
        continue;
      }
      if (SETTINGS[row.key].schema.safeParse(value).success) out[row.key] = value;
    }
    return out;
  }

  return {
    allIds: () => selectAll.all() as string[],
    liveIds: () => selectLive.all() as string[],
    liveTitles: () => selectTitles.all() as Array<{ id: string; title: string }>,
    exists: (id) => selectExists.get(id) !== undefined,
    backupStory,
    sheetRecord(id) {
      return {
        story: stories.get(id),
        probeNotes: notes(id),
        suppressions: suppressionRows(id).map((r) => ({
          ruleId: r.rule_id,
          section: r.section as Suppression['section'],
          fingerprint: r.fingerprint,
          ...(r.reason ? { reason: r.reason } : {}),
        })),
      };
    },
    settings,
    backup(appVersion, now) {
      // One read transaction: a save landing meanwhile cannot leave the backup half old, half new.
      return db.transaction((): Backup => ({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now.toISOString(),
        appVersion,
        stories: (selectAll.all() as string[]).map(backupStory),
        settings: settings(),
      }))();
    },
  };
}
