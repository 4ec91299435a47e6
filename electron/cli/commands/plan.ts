import fs from 'node:fs';
import path from 'node:path';
import { principleName, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import { SHEET_BATCH, type SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import { parseLoop, type Loop } from '../../../shared/loop/loop.ts';
import { planJson, planStories } from '../../../shared/loop/plan-input.ts';
import { planLoop, RATING_LABELS, type Rating } from '../../../shared/loop/solve.ts';
import { BankCallError, call } from '../bank-call.ts';
import { loadFramework } from '../content-files.ts';
import { EXIT, inputError, parseArgs, type CliIO, type Command } from '../io.ts';
import { BankUnavailableError, openBankForCli } from '../open-bank.ts';
import { loadCompiledRubric } from '../rubric-files.ts';

const USAGE = `Usage: story-bank plan --loop FILE.json [--json]

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
  -h, --help    show this help

Ratings: strong-hire, hire, lean-hire, lean-no-hire, no-hire (from each story's rubric score for now).
Exit status: 0 planned, 2 bad input (the field is named; nothing is written).
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
    const parsed = parseArgs(args, { flags: ['--json'], values: ['--loop'] });
    const fail = (message: string): number => inputError(io, 'plan', message);
    if (parsed.errors.length) return fail(`${parsed.errors.join('; ')}\n\n${USAGE}`);
    if (parsed.positional.length) return fail(`unexpected argument "${parsed.positional[0]}"\n\n${USAGE}`);
    const loopArg = parsed.values.get('--loop');
    if (!loopArg) return fail(`--loop is required (the loop's JSON file)\n\n${USAGE}`);
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
      const stories = planStories(records, loadFramework(), await loadCompiledRubric(), loop.level);
      const json = planJson(loop, planLoop(loop, stories));
      io.stdout(parsed.flags.has('--json') ? `${JSON.stringify(json, null, 2)}\n` : planText(json));
      return EXIT.ok;
    } catch (error) {
      if (error instanceof BankCallError) return fail(error.message);
      throw error;
    } finally {
      await bank.close();
    }
  },
};
