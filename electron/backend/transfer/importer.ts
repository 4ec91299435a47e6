import { randomUUID } from 'node:crypto';
import { draftOf, normalizePrompts, normalizeTags, type StoryDraft, UNTITLED } from '../../../shared/domain/story.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { SettingKey } from '../../../shared/settings/settings.ts';
import type { BackupStory } from '../../../shared/transfer/backup.ts';
import {
  countActions,
  formatImportProblem,
  type ImportAction,
  type ImportFile,
  type ImportItem,
  type ImportOutcome,
  type ImportPreview,
  parseImportFiles,
  type ParsedImport,
} from '../../../shared/transfer/import-files.ts';
import { printStoryMarkdown } from '../../../shared/story-format/story-markdown.ts';
import type { Db } from '../database.ts';
import type { StoriesRepository } from '../stories-repository.ts';
import { type BankRecords, canonicalBackupStory, stableJson } from './bank-records.ts';

/**
 * Imports Markdown stories and JSON backups: a plan first (what would be added, replaced or left as it is), then the
 * plan applied in one transaction. Any bad file refuses the whole import before anything is written.
 *
 * - Markdown: a story whose title (ignoring case and surrounding spaces) is the title of exactly one story in the
 *   bank (outside the trash) replaces that story's text and mappings; its notes, practice log and history stay, and
 *   the replaced text becomes a revision. A story identical to the one it matches is left alone.
 * - Backup: stories are matched by id. A match is replaced by the backup's record (text, mappings, timestamps, trash
 *   state, probe notes, suppressions, dismissed suggestions, practice runs), keeping the replaced text as a
 *   revision; the rest are added with their ids. Settings in the backup replace the stored ones.
 */

type StoryStep =
  | { kind: 'markdown-add'; item: ImportItem; draft: StoryDraft }
  | { kind: 'markdown-replace'; item: ImportItem; draft: StoryDraft; id: string }
  | { kind: 'backup-add' | 'backup-replace'; item: ImportItem; story: BackupStory }
  | { kind: 'unchanged'; item: ImportItem };

interface Plan {
  preview: ImportPreview;
  steps: StoryStep[];
  settings: Array<{ key: string; value: unknown; action: ImportAction }>;
}

function titleKey(title: string): string {
  return title.trim().toLowerCase();
}

function shownTitle(title: string): string {
  return title.trim() === '' ? UNTITLED : title.trim();
}

function normalizeBackupStory(story: BackupStory): BackupStory {
  return canonicalBackupStory({ ...story, tags: normalizeTags(story.tags), prompts: normalizePrompts(story.prompts) });
}

export interface Importer {
  preview(files: readonly ImportFile[]): ImportPreview;
  apply(files: readonly ImportFile[]): ImportOutcome;
}

export function createImporter(db: Db, stories: StoriesRepository, records: BankRecords): Importer {
  const selectSetting = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const deleteNotes = db.prepare('DELETE FROM probe_notes WHERE story_id = ?');
  const insertNote = db.prepare(
    'INSERT INTO probe_notes (story_id, probe_id, notes, readiness, updated_at) VALUES (@storyId, @probeId, @note, @readiness, @updatedAt)',
  );
  const deleteSuppressions = db.prepare('DELETE FROM lint_suppressions WHERE story_id = ?');
  const insertSuppression = db.prepare(
    `INSERT INTO lint_suppressions (story_id, rule_id, section, fingerprint, reason, created_at)
     VALUES (@storyId, @ruleId, @section, @fingerprint, @reason, @createdAt)`,
  );
  const deleteDismissals = db.prepare('DELETE FROM dismissed_suggestions WHERE story_id = ?');
  const insertDismissal = db.prepare(
    'INSERT INTO dismissed_suggestions (story_id, kind, target_id, dismissed_at) VALUES (@storyId, @kind, @id, @dismissedAt)',
  );
  const deleteRuns = db.prepare('DELETE FROM practice_runs WHERE story_id = ?');
  const insertRun = db.prepare(
    `INSERT INTO practice_runs (story_id, prompt_id, practiced_at, sections, total_seconds, rating)
     VALUES (@storyId, @promptId, @practicedAt, @sections, @totalSeconds, @rating)`,
  );
  const upsertSetting = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  function planMarkdown(parsed: Extract<ParsedImport, { kind: 'markdown' }>): Pick<Plan, 'steps'> {
    const byTitle = new Map<string, Array<{ id: string; title: string }>>();
    for (const s of records.liveTitles()) {
      const key = titleKey(s.title);
      if (key === '') continue;
      const list = byTitle.get(key);
      if (list) list.push(s);
      else byTitle.set(key, [s]);
    }
    const claimed = new Map<string, string>();
    const steps: StoryStep[] = parsed.stories.map(({ file, draft }) => {
      const title = shownTitle(draft.title);
      const matches = byTitle.get(titleKey(draft.title)) ?? [];
      const base = { file, title, existing: null, match: null, note: null };
      if (matches.length > 1) {
        return {
          kind: 'markdown-add',
          draft,
          item: { ...base, action: 'add', note: `${matches.length} stories in the bank already have this title, so it is added as a new story.` },
        };
      }
      const match = matches[0];
      if (!match) return { kind: 'markdown-add', draft, item: { ...base, action: 'add' } };
      const earlier = claimed.get(match.id);
      if (earlier !== undefined) {
        return {
          kind: 'markdown-add',
          draft,
          item: { ...base, action: 'add', note: `${earlier} already replaces the story with this title, so this one is added as a new story.` },
        };
      }
      claimed.set(match.id, file);
      const existing = { id: match.id, title: shownTitle(match.title) };
      const current = stories.get(match.id);
      if (printStoryMarkdown(draftOf(current)) === printStoryMarkdown(draft)) {
        return { kind: 'unchanged', item: { ...base, action: 'unchanged', existing, match: 'title' } };
      }
      return { kind: 'markdown-replace', draft, id: match.id, item: { ...base, action: 'replace', existing, match: 'title' } };
    });
    return { steps };
  }

  function planBackup(parsed: Extract<ParsedImport, { kind: 'backup' }>): Pick<Plan, 'steps' | 'settings'> {
    const liveTitles = new Set(records.liveTitles().map((s) => titleKey(s.title)).filter(Boolean));
    const steps: StoryStep[] = parsed.backup.stories.map((raw) => {
      const story = normalizeBackupStory(raw);
      const title = shownTitle(story.title);
      const base = { file: parsed.file, title, existing: null, match: null, note: null };
      if (!records.exists(story.id)) {
        const note = liveTitles.has(titleKey(story.title))
          ? 'A different story in the bank has the same title; both are kept.'
          : story.deletedAt !== null
            ? 'It goes to the trash, where it was when the backup was made.'
            : null;
        return { kind: 'backup-add', story, item: { ...base, action: 'add', note } };
      }
      const current = canonicalBackupStory(records.backupStory(story.id));
      const existing = { id: story.id, title: shownTitle(current.title) };
      if (stableJson(current) === stableJson(story)) return { kind: 'unchanged', item: { ...base, action: 'unchanged', existing, match: 'id' } };
      return { kind: 'backup-replace', story, item: { ...base, action: 'replace', existing, match: 'id' } };
    });
    const settings = Object.entries(parsed.backup.settings).map(([key, value]) => {
      const stored = selectSetting.get(key) as string | undefined;
      const action: ImportAction = stored === undefined ? 'add' : stableJson(JSON.parse(stored)) === stableJson(value) ? 'unchanged' : 'replace';
      return { key, value, action };
    });
    return { steps, settings };
  }

  function plan(files: readonly ImportFile[]): Plan {
    const parsed = parseImportFiles(files);
    if (!parsed.ok) {
      return {
        preview: { kind: null, items: [], settings: [], skippedSettings: [], problems: parsed.problems, counts: countActions([]) },
        steps: [],
        settings: [],
      };
    }
    const p = parsed.parsed;
    const { steps, settings = [] } = p.kind === 'markdown' ? { ...planMarkdown(p), settings: [] } : planBackup(p);
    const items = steps.map((s) => s.item);
    return {
      preview: {
        kind: p.kind,
        items,
        settings: settings.map((s) => ({ key: s.key, action: s.action })),
        skippedSettings: p.kind === 'backup' ? p.skippedSettings : [],
        problems: [],
        counts: countActions(items),
      },
      steps,
      settings,
    };
  }

  /** The story itself through the stories repository, then everything kept beside it. */
  function writeBackupStory(story: BackupStory, sessionId: string): void {
    stories.put(story, sessionId);
    deleteNotes.run(story.id);
    for (const n of story.probeNotes) insertNote.run({ storyId: story.id, probeId: n.probeId, note: n.note, readiness: n.readiness, updatedAt: n.updatedAt });
    deleteSuppressions.run(story.id);
    for (const s of story.suppressions) insertSuppression.run({ storyId: story.id, ...s });
    deleteDismissals.run(story.id);
    for (const d of story.dismissedSuggestions) insertDismissal.run({ storyId: story.id, kind: d.kind, id: d.id, dismissedAt: d.dismissedAt });
    deleteRuns.run(story.id);
    for (const r of story.practiceRuns) {
      insertRun.run({ storyId: story.id, promptId: r.promptId, practicedAt: r.practicedAt, sections: JSON.stringify(r.sections), totalSeconds: r.totalSeconds, rating: r.rating });
    }
  }

  const applyTx = db.transaction((files: readonly ImportFile[]): ImportOutcome => {
    const { preview, steps, settings } = plan(files);
    if (preview.problems.length) {
      const shown = preview.problems.slice(0, 5).map(formatImportProblem);
      const more = preview.problems.length > 5 ? ` (and ${preview.problems.length - 5} more)` : '';
      throw new AppError('invalid-input', `Nothing was imported. ${shown.join('; ')}${more}`);
    }
    const storyIds: string[] = [];
    for (const step of steps) {
      const sessionId = `import-${randomUUID()}`;
      switch (step.kind) {
        case 'unchanged':
          break;
        case 'markdown-add':
          storyIds.push(stories.create(step.draft).id);
          break;
        case 'markdown-replace':
          // A new session: the repository keeps the replaced state as a revision.
          stories.save(step.id, sessionId, step.draft);
          storyIds.push(step.id);
          break;
        case 'backup-add':
        case 'backup-replace':
          writeBackupStory(step.story, sessionId);
          storyIds.push(step.story.id);
          break;
      }
    }
    const now = Date.now();
    let settingsChanged = 0;
    for (const s of settings) {
      if (s.action === 'unchanged') continue;
      upsertSetting.run({ key: s.key as SettingKey, value: JSON.stringify(s.value), now });
      settingsChanged++;
    }
    return { added: preview.counts.add, replaced: preview.counts.replace, unchanged: preview.counts.unchanged, settingsChanged, storyIds };
  });

  return {
    preview: (files) => plan(files).preview,
    apply: (files) => applyTx.immediate(files),
  };
}
