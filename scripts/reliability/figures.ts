import fs from 'node:fs';
import path from 'node:path';

// Writes the reliability figures into README.md between <!-- reliability:start --> and <!-- reliability:end -->,
// from the JSON files the harnesses and tests leave in test-results/reliability/ (run `npm test` or the single
// harnesses first). A figure whose file is missing says so instead of showing an old number.

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = path.join(root, 'test-results', 'reliability');

function read<T>(name: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;
  } catch {
    return null;
  }
}

const crash = read<{ cycles: number; acknowledgedSaves: number; lost: number; migrationKills: number; mixedSchemas: number }>('crash.json');
const fuzz = read<{ cases: number; failures: number; channels: number }>('fuzz.json');
const checklist = read<{ items: number; passed: number }>('security-checklist.json');
const xss = read<{ payloads: number; tried: number; executed: number }>('xss.json');
const electronegativity = read<{ checks: number; findings: number; serious: number; unlisted: number }>('electronegativity.json');
const paste = read<{ refused: { characters: number; longestFrameGapMs: number }; accepted: { characters: number; longestFrameGapMs: number } }>('huge-paste.json');

const missing = '(not run yet)';
const rows: [string, string][] = [
  [
    'Crash harness (SIGKILL while saving)',
    crash ? `${crash.cycles} kill cycles, ${crash.acknowledgedSaves} acknowledged saves, **${crash.lost} lost**` : missing,
  ],
  ['Kills during a migration', crash ? `${crash.migrationKills} kills, **${crash.mixedSchemas} mixed schemas**` : missing],
  ['IPC fuzzing (fast-check)', fuzz ? `${fuzz.cases} cases over ${fuzz.channels} channels, **${fuzz.failures} failures**` : missing],
  ['Electron security checklist', checklist ? `**${checklist.passed} of ${checklist.items} items pass** their tests` : missing],
  [
    'Electronegativity',
    electronegativity
      ? `${electronegativity.checks} checks, ${electronegativity.serious} medium/high findings, all reviewed in the allowlist; **${electronegativity.unlisted} unreviewed**`
      : missing,
  ],
  ['XSS corpus', xss ? `${xss.payloads} payloads, ${xss.tried} placements in every field, **${xss.executed} executed**` : missing],
  [
    'Huge paste',
    paste
      ? `${(paste.refused.characters / 1e6).toFixed(1)} M characters refused with a message (longest frame gap ${paste.refused.longestFrameGapMs} ms); ` +
        `${(paste.accepted.characters / 1e3).toFixed(0)} k characters accepted and saved (longest frame gap ${paste.accepted.longestFrameGapMs} ms)`
      : missing,
  ],
];

const stamp = new Date().toISOString().slice(0, 10);
const block = [
  '<!-- reliability:start -->',
  `Figures from the last full run (${stamp}; \`npm test\` runs the crash harness at 15 cycles, \`npm run test:crash\` at 50):`,
  '',
  '| Check | Result |',
  '| --- | --- |',
  ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  '<!-- reliability:end -->',
].join('\n');

const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const pattern = /<!-- reliability:start -->[\s\S]*?<!-- reliability:end -->/;
if (!pattern.test(readme)) throw new Error('README.md has no <!-- reliability:start --> … <!-- reliability:end --> markers.');
fs.writeFileSync(readmePath, readme.replace(pattern, block));
console.log(block);
