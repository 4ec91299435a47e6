import type { Story } from '../../../shared/domain/story.ts';
import type { SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import { type Backup, BACKUP_FORMAT, BACKUP_VERSION, type BackupStory } from '../../../shared/transfer/backup.ts';
import type { Db } from '../database.ts';
import type { MappingsRepository } from '../mappings-repository.ts';
import type { PracticeRepository } from '../practice-repository.ts';
import type { LoopsRepository } from '../loops-repository.ts';
import type { SettingsRepository } from '../settings-repository.ts';
import type { StoriesRepository } from '../stories-repository.ts';
import type { SuppressionsRepository } from '../suppressions-repository.ts';

/**
 * Reads the bank as whole records: every story with everything kept about it. What the JSON backup, the Markdown
 * export and the prep sheet are made from.
 */

/** The repositories whole records are read through; each owns its table's SQL. */
export interface BankRepositories {
  stories: StoriesRepository;
  mappings: MappingsRepository;
  suppressions: SuppressionsRepository;
  practice: PracticeRepository;
  settings: SettingsRepository;
  loops: LoopsRepository;
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

export function createBankRecords(db: Db, repos: BankRepositories): BankRecords {
  const { stories, mappings, suppressions, practice } = repos;

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
      probeNotes: mappings.probeNotes(id),
      suppressions: suppressions.records(id),
      dismissedSuggestions: mappings.dismissalRecords(id),
      practiceRuns: practice.records(id),
    };
  }

  const settings = (): Record<string, unknown> => repos.settings.storedValid();

  return {
    allIds: () => stories.ids({ trash: true }),
    liveIds: () => stories.ids({ trash: false }),
    liveTitles: () => stories.liveTitles(),
    exists: (id) => stories.exists(id),
    backupStory,
    sheetRecord(id) {
      return {
        story: stories.get(id),
        probeNotes: mappings.probeNotes(id),
        suppressions: suppressions.records(id).map((r) => ({
          ruleId: r.ruleId,
          section: r.section,
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
        stories: stories.ids({ trash: true }).map(backupStory),
        settings: settings(),
        loops: repos.loops.list().sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
      }))();
    },
  };
}
