import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { formatImportProblem, type ImportFile, type ImportPreview, type ImportOutcome } from '../../../shared/transfer/import-files.ts';
import { utf8Decode } from '../../../shared/transfer/utf8.ts';
import { looksLikeZip, readZip, storyEntries, ZipError } from '../../../shared/transfer/zip.ts';
import { EXIT, inputError, parseArgs, type CliIO, type Command } from '../io.ts';
import { BankUnavailableError, openBankForCli } from '../open-bank.ts';

const USAGE = `Usage: story-bank import [--dry-run] FILE...

Imports Markdown story files, or one JSON backup, into the story bank (the one the app uses; STORY_BANK_DATA_DIR
chooses another). Each file is told apart by its content. A folder stands for the Markdown files in it; a .zip
(as the app exports) for the Markdown files inside.

Every file is checked first: if any is bad, nothing is imported. Then, in one step:
  - a Markdown story with the same title as one story in the bank replaces that story's text (the old text is kept
    in its history); other stories are added;
  - a backup's stories replace the stories with the same id, and the rest are added with their ids; its settings
    replace the stored ones.
A backup of the bank as it was is taken first, as the app does at start-up.

Options:
  --dry-run    only show what would be added, replaced or left as it is
  -h, --help   show this help

Exit status: 0 imported (or nothing to change), 2 a file is unreadable or invalid (each problem names the file).
`;

class InputError extends Error {}

function decode(bytes: Uint8Array, name: string): string {
  try {
    return utf8Decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The files an argument stands for; a zip's entries that are not stories go to `skipped`, with why. */
function readInput(arg: string, cwd: string, skipped: string[]): ImportFile[] {
  const file = path.resolve(cwd, arg);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(`cannot read ${arg}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (stat.isDirectory()) {
    const names = fs.readdirSync(file).filter((n) => /\.(md|markdown)$/i.test(n)).sort();
    if (names.length === 0) throw new InputError(`${arg} is a folder with no Markdown (.md) files in it`);
    return names.map((n) => ({ name: path.join(arg, n), content: decode(fs.readFileSync(path.join(file, n)), path.join(arg, n)) }));
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${arg}: ${(error as Error).message}`);
  }
  if (looksLikeZip(bytes) || /\.zip$/i.test(arg)) {
    let entries;
    try {
      entries = readZip(bytes);
    } catch (error) {
      throw new InputError(`${arg}: ${error instanceof ZipError ? error.message : String(error)}`);
    }
    const { stories, skipped: left } = storyEntries(entries);
    if (stories.length === 0) throw new InputError(`${arg} holds no Markdown (.md) files`);
    for (const s of left) skipped.push(`${arg}/${s.name} (${s.reason})`);
    return stories.map((e) => ({ name: `${arg}/${e.name}`, content: decode(e.data, `${arg}/${e.name}`) }));
  }
  return [{ name: arg, content: decode(bytes, arg) }];
}

const ACTION_LABEL = { add: 'add', replace: 'replace', unchanged: 'same' } as const;

function planText(preview: ImportPreview): string {
  const lines = preview.items.map((item) => {
    const what = item.action === 'replace' && item.existing ? `"${item.title}" (replaces "${item.existing.title}", same ${item.match})` : `"${item.title}"`;
    return `  ${ACTION_LABEL[item.action].padEnd(7)} ${what}  [${item.file}]${item.note ? `\n          ${item.note}` : ''}`;
  });
  for (const l of preview.loops) lines.push(`  ${ACTION_LABEL[l.action].padEnd(7)} loop ${l.name}`);
  for (const s of preview.settings) lines.push(`  ${ACTION_LABEL[s.action].padEnd(7)} setting ${s.key}`);
  for (const key of preview.skippedSettings) lines.push(`  skip    setting ${key} (not known to this version)`);
  return lines.join('\n') + '\n';
}

function summary(o: ImportOutcome): string {
  const parts = [`${o.added} added`, `${o.replaced} replaced`, `${o.unchanged} unchanged`];
  if (o.settingsChanged) parts.push(`${o.settingsChanged} setting${o.settingsChanged === 1 ? '' : 's'} changed`);
  if (o.loopsChanged) parts.push(`${o.loopsChanged} loop${o.loopsChanged === 1 ? '' : 's'} added or replaced`);
  return parts.join(', ');
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import Markdown story files or a JSON backup into the story bank',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['--dry-run'], values: [] });
    const fail = (message: string): number => inputError(io, 'import', message);
    if (parsed.errors.length) return fail(`${parsed.errors.join('; ')}\n\n${USAGE}`);
    if (parsed.positional.length === 0) return fail(`no files given\n\n${USAGE}`);

    const files: ImportFile[] = [];
    const unreadable: string[] = [];
    const skipped: string[] = [];
    for (const arg of parsed.positional) {
      try {
        files.push(...readInput(arg, io.cwd, skipped));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        unreadable.push(error.message);
      }
    }
    if (unreadable.length) {
      for (const message of unreadable) io.stderr(`story-bank import: ${message}\n`);
      io.stderr('Nothing was imported.\n');
      return EXIT.input;
    }

    let bank;
    try {
      bank = await openBankForCli({ write: !parsed.flags.has('--dry-run') });
    } catch (error) {
      if (error instanceof BankUnavailableError) return fail(error.message);
      throw error;
    }
    try {
      const preview = await dispatch(bank.handlers, 'transfer.previewImport', { files });
      if (!preview.ok) return fail(`${preview.error.message}\nNothing was imported.`);
      const plan = preview.value as ImportPreview;
      if (plan.problems.length) {
        for (const p of plan.problems) io.stderr(`${formatImportProblem(p)}\n`);
        io.stderr(`Nothing was imported: ${plan.problems.length === 1 ? 'a file has a problem' : `${plan.problems.length} problems`}.\n`);
        return EXIT.input;
      }
      io.stdout(planText(plan));
      for (const s of skipped) io.stdout(`  skip    ${s}\n`);
      if (parsed.flags.has('--dry-run')) {
        io.stdout(`Dry run, nothing written. Would import: ${plan.counts.add} to add, ${plan.counts.replace} to replace, ${plan.counts.unchanged} unchanged.\n`);
        return EXIT.ok;
      }
      const applied = await dispatch(bank.handlers, 'transfer.applyImport', { files });
      if (!applied.ok) return fail(applied.error.message);
      io.stdout(`Imported into ${bank.dataDir}: ${summary(applied.value as ImportOutcome)}.\n`);
      return EXIT.ok;
    } finally {
      await bank.close();
    }
  },
};
