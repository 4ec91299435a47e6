import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LintBenchResult, runLintBench } from './bench-lint.ts';
import { buildRenderer } from './build.ts';
import { type DatabaseFigures, runDatabaseBench } from './bench/database.ts';
import { type KeystrokeFigures, runKeystrokeBench } from './bench/keystroke.ts';
import { type LoopFigures, runLoopBench } from './bench/loop.ts';

/**
 * `npm run bench`: every benchmark in one run. Prints the figures and writes them into the README between the
 * bench markers, so the README always shows the latest run.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const ms = (value: number): string => `${value.toFixed(2)} ms`;

function databaseLines(f: DatabaseFigures): string[] {
  return [
    `| open + first page of the list (${f.stories.toLocaleString('en')} stories) | ${ms(f.openAndListMs)} | < 20 ms | ${verdict(f.openAndListMs < 20)} |`,
    `| full-text search, p95 (median) | ${ms(f.searchP95Ms)} (${ms(f.searchMedianMs)}) | < 5 ms | ${verdict(f.searchP95Ms < 5)} |`,
    `| one autosave (changed sections, story row, its search row re-indexed), p95 (median) | ${ms(f.autosaveP95Ms)} (${ms(f.autosaveMedianMs)}) | < 5 ms | ${verdict(f.autosaveP95Ms < 5)} |`,
    `| full-text search right after an autosave of a story it finds, p95 | ${ms(f.searchAfterSaveP95Ms)} | < 5 ms | ${verdict(f.searchAfterSaveP95Ms < 5)} |`,
    `| background integrity check (${f.databaseMb.toFixed(0)} MB file, off the start-up path) | ${ms(f.integrityCheckMs)} | — | — |`,
  ];
}

function lintLines(f: LintBenchResult): string[] {
  return [
    `| full rubric (${f.rubricRules} rules) on a ${f.wordsPerStory.toLocaleString('en')}-word story, median (p95) | ${ms(f.medianMs)} (${ms(f.p95Ms)}) | < 0.5 ms | ${verdict(f.medianMs < 0.5)} |`,
    // The verdicts are worked out in the same frame as the keystroke that changed the text (the keystroke row below
    // is that whole frame); half of the 16 ms frame is their share, the rest is React's and the painting's.
    `| analysis + verdicts for the story's principles (Senior), same stories, median (p95) | ${ms(f.verdictMedianMs)} (${ms(f.verdictP95Ms)}) | p95 < 8 ms (half a frame) | ${verdict(f.verdictP95Ms < 8)} |`,
    `| principle guide for the story's principles (while the Guide tab is open), same stories, median (p95) | ${ms(f.guideMedianMs)} (${ms(f.guideP95Ms)}) | < 2 ms | ${verdict(f.guideP95Ms < 2)} |`,
    `| lint throughput vs write-good | ${f.rubricWordsPerMs.toFixed(0)} vs ${f.writeGoodWordsPerMs.toFixed(0)} words/ms: ${f.ratio.toFixed(1)}× | ≥ 10× | ${verdict(f.ratio >= 10)} |`,
  ];
}

function keystrokeLines(f: KeystrokeFigures): string[] {
  return [
    `| keystroke → updated highlights in Chromium, ${f.words.toLocaleString('en')}-word story, p95 (median) | ${ms(f.p95Ms)} (${ms(f.medianMs)}) | < 16 ms | ${verdict(f.p95Ms < 16)} |`,
  ];
}

function loopLines(f: LoopFigures): string[] {
  return [
    `| loop plan: 6 interviewers × 3 principles over ${f.stories} stories (exact assignment), median (p95) | ${ms(f.planMedianMs)} (${ms(f.planP95Ms)}) | median < 50 ms | ${verdict(f.planMedianMs < 50)} |`,
    `| the same bank read for the planner (each story's verdicts at the loop's level), on the first visit | ${ms(f.readBankMs)} | — | — |`,
    `| a later visit after one story was edited (the other readings kept) | ${ms(f.rereadOneMs)} | < 16 ms | ${verdict(f.rereadOneMs < 16)} |`,
  ];
}

const HEADER = ['| measure | figure | target | |', '| --- | --- | --- | --- |'];

console.log('Seeding 10,000 stories and measuring the database…');
const database = await runDatabaseBench();
if (process.argv.includes('--database')) {
  // `npm run bench -- --database`: the storage figures alone (seconds, no browser); the README is left as it is.
  console.log([...HEADER, ...databaseLines(database)].join('\n'));
  process.exit(0);
}
console.log('Linting the corpus with the rubric and with write-good…');
const lint = await runLintBench();
console.log('Planning a loop over 500 stories…');
const loop = await runLoopBench();
console.log('Building the renderer and typing into a 2,000-word story in Chromium…');
await buildRenderer();
const keystroke = await runKeystrokeBench();
const rows = [...HEADER, ...databaseLines(database), ...lintLines(lint), ...loopLines(loop), ...keystrokeLines(keystroke)];
console.log(rows.join('\n'));

const readme = path.join(root, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const block = `<!-- bench:start -->\n${rows.join('\n')}\n<!-- bench:end -->`;
fs.writeFileSync(readme, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
console.log('README figures updated.');
