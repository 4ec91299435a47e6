import { randomUUID } from 'node:crypto';
import { draftOf, normalizePrompts, normalizeTags, type StoryDraft, UNTITLED } from '../../../shared/domain/story.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { SavedLoop } from '../../../shared/ipc/loop-channels.ts';
import type { SettingKey, SettingValue } from '../../../shared/settings/settings.ts';
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
import { type BankRecords, type BankRepositories, canonicalBackupStory, stableJson } from './bank-records.ts';

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
  loops: Array<{ loop: SavedLoop; action: ImportAction }>;
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

export function createImporter(db: Db, repos: BankRepositories, records: BankRecords): Importer {
  const { stories } = repos;
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

  function planBackup(parsed: Extract<ParsedImport, { kind: 'backup' }>): Pick<Plan, 'steps' | 'settings' | 'loops'> {
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
      const stored = repos.settings.stored(key);
      const action: ImportAction = stored === undefined ? 'add' : stableJson(stored) === stableJson(value) ? 'unchanged' : 'replace';
      return { key, value, action };
    });
    const stored = new Map(repos.loops.list().map((l) => [l.id, l]));
    const loops = parsed.backup.loops.map((loop) => {
      const current = stored.get(loop.id);
      const action: ImportAction = current === undefined ? 'add' : stableJson(current) === stableJson(loop) ? 'unchanged' : 'replace';
      return { loop, action };
    });
    return { steps, settings, loops };
  }

  function plan(files: readonly ImportFile[]): Plan {
    const parsed = parseImportFiles(files);
    if (!parsed.ok) {
      return {
        preview: { kind: null, items: [], settings: [], loops: [], skippedSettings: [], problems: parsed.problems, counts: countActions([]) },
        steps: [],
        settings: [],
        loops: [],
      };
    }
    const p = parsed.parsed;
    const { steps, settings, loops } = p.kind === 'markdown' ? { ...planMarkdown(p), settings: [], loops: [] } : planBackup(p);
    const items = steps.map((s) => s.item);
    return {
      preview: {
        kind: p.kind,
        items,
        settings: settings.map((s) => ({ key: s.key, action: s.action })),
        loops: loops.map((l) => ({ name: l.loop.loop.name, action: l.action })),
        skippedSettings: p.kind === 'backup' ? p.skippedSettings : [],
        problems: [],
        counts: countActions(items),
      },
      steps,
      settings,
      loops,
    };
  }

  /** The story itself through the stories repository, then everything kept beside it through theirs. */
  function writeBackupStory(story: BackupStory, sessionId: string): void {
    stories.put(story, sessionId);
    repos.mappings.replaceRecords(story.id, story.probeNotes, story.dismissedSuggestions);
    repos.suppressions.replaceAll(story.id, story.suppressions);
    repos.practice.replaceAll(story.id, story.practiceRuns);
  }

  const applyTx = db.transaction((files: readonly ImportFile[]): ImportOutcome => {
    const { preview, steps, settings, loops } = plan(files);
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
    let settingsChanged = 0;
    for (const s of settings) {
      if (s.action === 'unchanged') continue;
      // The backup's schema checked the value already; the repository checks it again before writing.
      repos.settings.set(s.key as SettingKey, s.value as SettingValue<SettingKey>);
      settingsChanged++;
    }
    let loopsChanged = 0;
    for (const l of loops) {
      if (l.action === 'unchanged') continue;
      // Checked by the backup's schema already; the repository checks the body again before writing.
      repos.loops.restore(l.loop);
      loopsChanged++;
    }
    return { added: preview.counts.add, replaced: preview.counts.replace, unchanged: preview.counts.unchanged, settingsChanged, loopsChanged, storyIds };
  });

  return {
    preview: (files) => plan(files).preview,
    apply: (files) => applyTx.immediate(files),
  };
}
