import fs from 'node:fs';
import path from 'node:path';
import { principleName, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import { SHEET_BATCH, type SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import { parseLoop, type Loop } from '../../../shared/loop/loop.ts';
import { planJson, planStories } from '../../../shared/loop/plan-input.ts';
import { planLoop, RATING_LABELS, type Rating } from '../../../shared/loop/solve.ts';
import { buildLoopSheet, PAPER_SIZES, type PaperSize } from '../../../shared/prep-sheet/index.ts';
import { BankCallError, call } from '../bank-call.ts';
import { loadFramework } from '../content-files.ts';
import { EXIT, inputError, parseArgs, type CliIO, type Command } from '../io.ts';
import { BankUnavailableError, openBankForCli } from '../open-bank.ts';
import { kb, sheetPdf, writeOutputFile, writeProblem } from '../output-file.ts';
import { loadCompiledRubric } from '../rubric-files.ts';

const USAGE = `Usage: story-bank plan --loop FILE.json [--json]
       story-bank plan --loop FILE.json --format pdf --out FILE.pdf [--paper a4|letter]

Plans an interview loop from the story bank (the one the app uses; STORY_BANK_DATA_DIR chooses another): the
story to tell each interviewer for each principle they hold, no story told to two interviewers, the weakest slot as
strong as it can be, with backups and what to fix. Reads the bank, writes nothing.

The loop file:
  { "name": "Onsite", "level": "Senior",
    "interviewers": [ { "name": "Hiring manager", "principles": ["ownership", "deliver-results"] },
                      { "name": "Bar raiser", "principles": ["dive-deep"], "barRaiser": true } ] }
  Optional: "date" (YYYY-MM-DD); per interviewer "shareStories": true lets one story answer two of their principles.

Options:
  --loop FILE   the loop to plan (JSON as above)
  --json        print { "slots": [{ "interviewer", "principle", "story": { "id", "title", "rating" } | null,
                "backups": [...] }], "warnings": [...] }, slots in the file's order
  --format pdf  write the loop sheet instead (the one the app prints): the whole plan and what to fix, then a page
                per interviewer with the story card, backups and the follow-up probes with your notes. Made with
                a Chromium or Chrome found on this machine (STORY_BANK_CHROMIUM chooses one)
  --out FILE    the PDF file to write (with --format pdf)
  --paper SIZE  a4 (default) or letter
  -h, --help    show this help

Ratings: strong-hire, hire, lean-hire, lean-no-hire, no-hire (from each story's rubric score for now).
Exit status: 0 planned, 2 bad input (the field is named; nothing is written) or the PDF could not be made or written.
`;

class PlanError extends Error {}


/** Every live story with its probe notes and ignored findings. */
async function bankStories(handlers: Handlers): Promise<SheetStoryRecord[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await call(handlers, 'stories.list', { limit: 10_000, offset });
    ids.push(...page.map((s) => s.id));
    if (page.length < 10_000) break;
  }
  const records: SheetStoryRecord[] = [];
  for (let i = 0; i < ids.length; i += SHEET_BATCH) records.push(...(await call(handlers, 'prepSheet.stories', { ids: ids.slice(i, i + SHEET_BATCH) })));
  return records;
}

/** Reads and checks the loop file; the message names the file and the field. */
function readLoop(file: string, shown: string): Loop {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new PlanError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PlanError(`${shown} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseLoop(value);
  if (!parsed.ok) throw new PlanError(parsed.problems.map((p) => `${shown}: ${p}`).join('\n'));
  return parsed.loop;
}

const label = (rating: Rating | null): string => (rating ? RATING_LABELS[rating] : 'not mapped');

function planText(json: ReturnType<typeof planJson>): string {
  const lines = [`Plan for ${json.loop.name} (${json.loop.level})`, ''];
  let last = '';
  for (const slot of json.slots) {
    if (slot.interviewer !== last) lines.push(slot.interviewer);
    last = slot.interviewer;
    const name = principleName(slot.principle as PrincipleId);
    const story = slot.story ? `"${slot.story.title}"  ${label(slot.story.rating)}${slot.story.pinned ? ' (pinned)' : ''}` : 'no story';
    lines.push(`  ${name}: ${story}`);
    for (const b of slot.backups) lines.push(`      backup: "${b.title}"  ${label(b.rating)}`);
  }
  if (json.warnings.length) {
    lines.push('', 'To fix:');
    for (const w of json.warnings) lines.push(`  ${w.interviewer}, ${principleName(w.principle as PrincipleId)}: ${w.message}`, `    ${w.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'plan an interview loop: a story for each interviewer and principle, none told twice',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['--json'], values: ['--loop', '--format', '--out', '--paper'] });
    const fail = (message: string): number => inputError(io, 'plan', message);
    if (parsed.errors.length) return fail(`${parsed.errors.join('; ')}\n\n${USAGE}`);
    if (parsed.positional.length) return fail(`unexpected argument "${parsed.positional[0]}"\n\n${USAGE}`);
    const loopArg = parsed.values.get('--loop');
    if (!loopArg) return fail(`--loop is required (the loop's JSON file)\n\n${USAGE}`);
    const format = parsed.values.get('--format');
    const outArg = parsed.values.get('--out');
    const paperArg = parsed.values.get('--paper');
    if (format !== undefined && format !== 'pdf') return fail(`--format must be pdf (the plan itself prints as text, or JSON with --json)`);
    if (format === 'pdf' && parsed.flags.has('--json')) return fail('--json and --format pdf are two outputs: choose one');
    if (format === 'pdf' && !outArg) return fail('--out is required with --format pdf (the PDF file to write)');
    if (format !== 'pdf' && (outArg !== undefined || paperArg !== undefined)) return fail(`${outArg !== undefined ? '--out' : '--paper'} goes with --format pdf`);
    const paper = (paperArg ?? 'a4').toLowerCase() as PaperSize;
    if (!PAPER_SIZES.includes(paper)) return fail('--paper must be a4 or letter');
    const out = outArg === undefined ? null : path.resolve(io.cwd, outArg);
    if (out && fs.existsSync(out) && fs.statSync(out).isDirectory()) return fail(`${outArg} is a folder; --out is the PDF file to write`);
    let loop: Loop;
    try {
      loop = readLoop(path.resolve(io.cwd, loopArg), loopArg);
    } catch (error) {
      if (error instanceof PlanError) return fail(error.message);
      throw error;
    }

    let bank;
    try {
      bank = await openBankForCli({ write: false });
    } catch (error) {
      if (error instanceof BankUnavailableError) return fail(error.message);
      throw error;
    }
    try {
      const records = await bankStories(bank.handlers);
      const framework = loadFramework();
      const rubric = await loadCompiledRubric();
      const plan = planLoop(loop, planStories(records, framework, rubric, loop.level));
      if (out === null) {
        const json = planJson(loop, plan);
        io.stdout(parsed.flags.has('--json') ? `${JSON.stringify(json, null, 2)}\n` : planText(json));
        return EXIT.ok;
      }
      const [pace, overrides] = await Promise.all([call(bank.handlers, 'settings.get', { key: 'lint.pace' }), call(bank.handlers, 'settings.get', { key: 'lint.rules' })]);
      const html = buildLoopSheet({
        loop,
        plan,
        stories: records,
        framework,
        rubric,
        options: { paper, generatedAt: new Date(), pace: pace as number, overrides: overrides as Record<string, never> },
      });
      io.stderr(`Making the loop sheet (${paper === 'a4' ? 'A4' : 'US Letter'})…\n`);
      const printed = await sheetPdf(html);
      if ('problem' in printed) return fail(printed.problem);
      writeOutputFile(out, printed.pdf);
      const people = `${loop.interviewers.length} ${loop.interviewers.length === 1 ? 'interviewer' : 'interviewers'}`;
      io.stdout(`Wrote the loop sheet for ${loop.name} (${people}) to ${outArg} (${kb(printed.pdf.length)}).\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof BankCallError) return fail(error.message);
      const problem = writeProblem(error, outArg ?? '');
      if (problem) return fail(problem);
      throw error;
    } finally {
      await bank.close();
    }
  },
};
