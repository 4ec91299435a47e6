import { z } from 'zod';
import type { StoryDraft } from '../domain/story.ts';
import { draftSchema } from '../ipc/schemas.ts';
import { parseStoryMarkdown } from '../story-format/story-markdown.ts';
import { type Backup, parseBackup } from './backup.ts';

/**
 * Files to import, as the renderer reads them (<input type=file>) or the CLI reads them from disk: a name and the
 * text. Each file is a Markdown story or a JSON backup, told apart by its content. Nothing here touches a
 * database: this parses and checks; electron/backend/transfer matches against the bank and applies.
 */

export const IMPORT_LIMITS = {
  files: 500,
  fileNameLength: 255,
  /** One Markdown story: far more than any spoken answer. */
  markdownChars: 4_000_000,
  /** One JSON backup (the browser shell accepts 48 MB per call). */
  backupChars: 40_000_000,
  /** Everything in one import. */
  totalChars: 40_000_000,
} as const;

export const importFileSchema = z.strictObject({
  name: z.string().min(1).max(IMPORT_LIMITS.fileNameLength),
  content: z.string().max(IMPORT_LIMITS.backupChars, `A file to import is at most ${IMPORT_LIMITS.backupChars / 1_000_000} million characters.`),
});

export const importFilesSchema = z
  .array(importFileSchema)
  .min(1, 'Choose at least one file to import.')
  .max(IMPORT_LIMITS.files, `Import at most ${IMPORT_LIMITS.files} files at once.`)
  .refine((files) => files.reduce((n, f) => n + f.content.length, 0) <= IMPORT_LIMITS.totalChars, {
    message: `One import is at most ${IMPORT_LIMITS.totalChars / 1_000_000} million characters in all.`,
  });

export type ImportFile = z.infer<typeof importFileSchema>;

export interface ImportProblem {
  file: string;
  /** 1-based line (Markdown) when known. */
  line?: number;
  /** Where in a backup ("stories[2].title"), when known. */
  path?: string;
  message: string;
}

export type FileKind = 'markdown' | 'backup';

/** What a file's content says it is. */
export function fileKind(file: ImportFile): FileKind | null {
  const head = file.content.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'backup';
  if (head.startsWith('---')) return 'markdown';
  if (/\.json$/i.test(file.name)) return 'backup';
  if (/\.(md|markdown)$/i.test(file.name)) return 'markdown';
  return null;
}

export type ParsedImport =
  | { kind: 'markdown'; stories: Array<{ file: string; draft: StoryDraft }> }
  | { kind: 'backup'; file: string; backup: Backup; skippedSettings: string[] };

export type ParseImportResult = { ok: true; parsed: ParsedImport } | { ok: false; problems: ImportProblem[] };

/**
 * Parses every file; any problem in any file refuses the whole import (nothing is half-imported). A JSON backup
 * is imported on its own; Markdown files can come many at once.
 */
export function parseImportFiles(files: readonly ImportFile[]): ParseImportResult {
  const problems: ImportProblem[] = [];
  const stories: Array<{ file: string; draft: StoryDraft }> = [];
  const backups: ImportFile[] = [];
  for (const file of files) {
    const kind = fileKind(file);
    if (kind === null) {
      problems.push({ file: file.name, message: 'is neither a Markdown story (which starts with a "---" line) nor a Story Bank JSON backup' });
      continue;
    }
    if (kind === 'backup') {
      backups.push(file);
      continue;
    }
    if (file.content.length > IMPORT_LIMITS.markdownChars) {
      problems.push({ file: file.name, message: `is too large for a story (over ${IMPORT_LIMITS.markdownChars / 1_000_000} million characters)` });
      continue;
    }
    const result = parseStoryMarkdown(file.content);
    if (!result.ok) {
      for (const p of result.problems.slice(0, 8)) problems.push({ file: file.name, line: p.line, message: p.message });
      continue;
    }
    // The very schema a save uses: a story the editor could not save is never stored.
    const checked = draftSchema.safeParse(result.story);
    if (!checked.success) {
      for (const issue of checked.error.issues.slice(0, 8)) {
        problems.push({ file: file.name, message: storyIssueText(result.story.title, issue.path, issue.message) });
      }
      continue;
    }
    stories.push({ file: file.name, draft: checked.data });
  }
  if (backups.length > 0 && (backups.length > 1 || files.length > 1)) {
    problems.push({
      file: backups.map((b) => b.name).join(', '),
      message: 'a JSON backup is imported on its own: choose just the one backup file',
    });
  }
  if (problems.length) return { ok: false, problems };
  const backupFile = backups[0];
  if (backupFile) {
    const result = parseBackup(backupFile.content);
    if (!result.ok) {
      return { ok: false, problems: result.problems.map((p) => ({ file: backupFile.name, ...(p.path ? { path: p.path } : {}), message: p.message })) };
    }
    return { ok: true, parsed: { kind: 'backup', file: backupFile.name, backup: result.backup, skippedSettings: result.skippedSettings } };
  }
  return { ok: true, parsed: { kind: 'markdown', stories } };
}

/** A story's title as a problem names it: trimmed, cut to 60 characters. */
export function storyLabel(title: unknown): string {
  const t = typeof title === 'string' ? title.trim().replace(/\s+/g, ' ') : '';
  if (t === '') return 'story (untitled)';
  return `story "${t.length > 60 ? `${t.slice(0, 59)}…` : t}"`;
}

/** "story "X": title: A title is at most 300 characters." — the story and the field named. */
export function storyIssueText(title: unknown, path: readonly PropertyKey[], message: string): string {
  const field = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
  return `${storyLabel(title)}: ${field === '' ? '' : `${field}: `}${message}`;
}

/** One problem on one line, naming the file: "ownership.md, line 3: …". */
export function formatImportProblem(p: ImportProblem): string {
  const where = p.line !== undefined ? `, line ${p.line}` : p.path ? `, at ${p.path}` : '';
  return `${p.file}${where}: ${p.message}`;
}

// ------------------------------------------------------------------------------------- preview and outcome

/** What importing a story would do. */
export type ImportAction = 'add' | 'replace' | 'unchanged';

export interface ImportItem {
  file: string;
  title: string;
  action: ImportAction;
  /** The story in the bank it would replace (or already equals). */
  existing: { id: string; title: string } | null;
  /** How it was matched: the same id (backup) or the same title (Markdown). */
  match: 'id' | 'title' | null;
  /** Anything the user should know ("two stories already have this title: added as a new one"). */
  note: string | null;
}

export interface SettingChange {
  key: string;
  action: ImportAction;
}

export interface LoopChange {
  name: string;
  action: ImportAction;
}

export interface ImportPreview {
  kind: FileKind | null;
  items: ImportItem[];
  settings: SettingChange[];
  /** The interview loops in a backup: added, replacing the loop with the same id, or already the same. */
  loops: LoopChange[];
  /** Settings in a backup that this version does not know: they are left out. */
  skippedSettings: string[];
  /** Non-empty: the import cannot run. Each names its file. */
  problems: ImportProblem[];
  counts: Record<ImportAction, number>;
}

export interface ImportOutcome {
  added: number;
  replaced: number;
  unchanged: number;
  settingsChanged: number;
  loopsChanged: number;
  /** Ids of the stories added or replaced. */
  storyIds: string[];
}

export function countActions(items: readonly ImportItem[]): Record<ImportAction, number> {
  const counts: Record<ImportAction, number> = { add: 0, replace: 0, unchanged: 0 };
  for (const item of items) counts[item.action]++;
  return counts;
}
