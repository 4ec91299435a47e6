import fs from 'node:fs';
import path from 'node:path';
import { isPrincipleId, principleName } from '../../../shared/domain/principles.ts';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import { SHEET_BATCH, type SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import { buildPrepSheet, PAPER_SIZES, type PaperSize, SHEET_LAYOUTS, type SheetLayout, sheetScope } from '../../../shared/prep-sheet/index.ts';
import { BankCallError, call } from '../bank-call.ts';
import { loadFramework } from '../content-files.ts';
import { EXIT, inputError, parseArgs, type CliIO, type Command } from '../io.ts';
import { kb, sheetPdf, writeOutputFile as writeFile, writeProblem } from '../output-file.ts';
import { loadCompiledRubric } from '../rubric-files.ts';
import { openBankForCli, BankUnavailableError } from '../open-bank.ts';

const USAGE = `Usage: story-bank export --format pdf|md|json --out PATH [options]

Exports the story bank (the one the app uses; STORY_BANK_DATA_DIR chooses another).

Formats:
  pdf    a printable prep sheet (the same sheet the app prints), made with a Chromium or Chrome found on this
         machine (STORY_BANK_CHROMIUM chooses one); --out is the PDF file
  md     one Markdown story file per story (outside the trash); --out is a folder, created if needed
  json   a full JSON backup: every story (trash included), mappings, probe notes, ignored findings, dismissed
         suggestions, practice runs and settings; --out is the JSON file

Options for pdf:
  --layout compact|full   compact: one card per story (default); full: each story on its own page
  --paper a4|letter       paper size (default a4)
  --principle ID          only stories mapped to this principle (e.g. ownership)
  --stories ID,ID         only these stories
  --no-coverage           leave out the coverage page
The --principle and --stories options also choose the stories for md.

  -h, --help              show this help

Exit status: 0 done, 2 bad options, nothing to export, or the file could not be written.
`;


/** Ids of the chosen live stories, oldest first. */
async function chosenIds(handlers: Handlers, principle: string | undefined, stories: string[] | undefined): Promise<string[]> {
  if (stories) return stories;
  const ids: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await call(handlers, 'stories.list', {
      limit: 10_000,
      offset,
      ...(principle && isPrincipleId(principle) ? { principle } : {}),
    });
    ids.push(...page.map((s) => s.id));
    if (page.length < 10_000) break;
  }
  return ids.reverse();
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a prep sheet (PDF), Markdown story files or a JSON backup',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, {
      flags: ['--no-coverage'],
      values: ['--format', '--out', '--layout', '--paper', '--principle', '--stories'],
    });
    const fail = (message: string): number => inputError(io, 'export', message);
    if (parsed.errors.length) return fail(`${parsed.errors.join('; ')}\n\n${USAGE}`);
    if (parsed.positional.length) return fail(`unexpected argument "${parsed.positional[0]}"\n\n${USAGE}`);
    const format = parsed.values.get('--format');
    const outArg = parsed.values.get('--out');
    if (format !== 'pdf' && format !== 'md' && format !== 'json') return fail(`--format must be pdf, md or json\n\n${USAGE}`);
    if (!outArg) return fail(`--out is required (the ${format === 'md' ? 'folder' : 'file'} to write)\n\n${USAGE}`);
    const out = path.resolve(io.cwd, outArg);
    const layout = (parsed.values.get('--layout') ?? 'compact') as SheetLayout;
    if (!SHEET_LAYOUTS.includes(layout)) return fail('--layout must be compact or full');
    const paper = (parsed.values.get('--paper') ?? 'a4').toLowerCase() as PaperSize;
    if (!PAPER_SIZES.includes(paper)) return fail('--paper must be a4 or letter');
    const principle = parsed.values.get('--principle');
    if (principle !== undefined && !isPrincipleId(principle)) return fail(`"${principle}" is not a principle id (for example "ownership" or "dive-deep")`);
    const storiesArg = parsed.values.get('--stories');
    const stories = storiesArg === undefined ? undefined : storiesArg.split(',').map((s) => s.trim()).filter(Boolean);
    if (stories !== undefined && stories.length === 0) return fail('--stories needs at least one story id');
    if (format === 'md' && fs.existsSync(out) && !fs.statSync(out).isDirectory()) return fail(`${outArg} is a file; for md, --out is a folder`);
    if (format !== 'md' && fs.existsSync(out) && fs.statSync(out).isDirectory()) return fail(`${outArg} is a folder; for ${format}, --out is a file`);

    let bank;
    try {
      bank = await openBankForCli({ write: false });
    } catch (error) {
      if (error instanceof BankUnavailableError) return fail(error.message);
      throw error;
    }
    try {
      const { handlers } = bank;
      if (format === 'json') {
        const backup = await call(handlers, 'transfer.exportBackup', {});
        writeFile(out, backup.content);
        io.stdout(`Wrote a backup of ${backup.stories} ${backup.stories === 1 ? 'story' : 'stories'} to ${out} (${kb(Buffer.byteLength(backup.content))}).\n`);
        return EXIT.ok;
      }
      const ids = await chosenIds(handlers, principle, stories);
      if (ids.length === 0) return fail(principle ? `no story is mapped to ${principleName(principle as never)}` : 'the story bank has no story to export');
      if (format === 'md') {
        const { files } = await call(handlers, 'transfer.exportMarkdown', { ids });
        fs.mkdirSync(out, { recursive: true });
        for (const file of files) writeFile(path.join(out, file.name), file.content);
        io.stdout(`Wrote ${files.length} Markdown ${files.length === 1 ? 'story' : 'stories'} to ${out}.\n`);
        return EXIT.ok;
      }

      // pdf: the records in batches (with progress), the sheet as the app builds it, then Chromium.
      const records: SheetStoryRecord[] = [];
      for (let i = 0; i < ids.length; i += SHEET_BATCH) {
        records.push(...(await call(handlers, 'prepSheet.stories', { ids: ids.slice(i, i + SHEET_BATCH) })));
        io.stderr(`Reading stories: ${records.length} of ${ids.length}\n`);
      }
      const [pace, overrides, targets] = await Promise.all([
        call(handlers, 'settings.get', { key: 'lint.pace' }),
        call(handlers, 'settings.get', { key: 'lint.rules' }),
        call(handlers, 'settings.get', { key: 'coverage.targets' }),
      ]);
      const framework = loadFramework();
      const html = buildPrepSheet({
        stories: records,
        framework,
        rubric: await loadCompiledRubric(),
        options: {
          layout,
          paper,
          coverage: !parsed.flags.has('--no-coverage'),
          generatedAt: new Date(),
          scope: stories
            ? sheetScope({ kind: 'chosen', count: records.length })
            : principle
              ? sheetScope({ kind: 'principle', name: principleName(principle as never) })
              : sheetScope({ kind: 'all' }),
          pace: pace as number,
          overrides: overrides as Record<string, never>,
          targets: targets as never,
        },
      });
      io.stderr(`Making the PDF (${layout}, ${paper === 'a4' ? 'A4' : 'US Letter'})…\n`);
      const printed = await sheetPdf(html);
      if ('problem' in printed) return fail(printed.problem);
      const { pdf } = printed;
      writeFile(out, pdf);
      io.stdout(`Wrote a ${layout} prep sheet of ${records.length} ${records.length === 1 ? 'story' : 'stories'} to ${out} (${kb(pdf.length)}).\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof BankCallError) return fail(error.message);
      const problem = writeProblem(error, outArg);
      if (problem) return fail(problem);
      throw error;
    } finally {
      await bank.close();
    }
  },
};
