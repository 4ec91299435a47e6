import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Line coverage of electron/main and electron/preload from the tests that run the BUILT bundles: the main-process
 * harness (tests/electron/main-process.test.ts) and the sandboxed-preload test. The bundles carry inline source
 * maps (tests/electron/harness/load-main.ts builds them so), so V8's coverage of dist/electron/*.cjs is mapped back
 * to the TypeScript files; this script keeps the two folders' rows, prints them with the total, and fails when the
 * total is under the floor.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = path.join(root, 'test-results', 'coverage-electron');
const FLOOR = 90;
const FOLDERS = ['electron/main/', 'electron/preload/'];

const vitest = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    'tests/electron/main-process.test.ts',
    'tests/electron/preload',
    '--coverage.enabled',
    '--coverage.provider=v8',
    '--coverage.include=dist/electron/**',
    '--coverage.reporter=json-summary',
    `--coverage.reportsDirectory=${reportsDir}`,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (vitest.status !== 0) process.exit(vitest.status ?? 1);

interface Lines {
  total: number;
  covered: number;
}
const summary = JSON.parse(fs.readFileSync(path.join(reportsDir, 'coverage-summary.json'), 'utf8')) as Record<string, { lines: Lines }>;
const rows = Object.entries(summary)
  .map(([file, { lines }]) => ({ file: path.relative(root, file).split(path.sep).join('/'), lines }))
  .filter(({ file }) => FOLDERS.some((folder) => file.startsWith(folder)))
  .sort((a, b) => a.file.localeCompare(b.file));
if (rows.length === 0) {
  console.error('No coverage mapped to electron/main or electron/preload: are the bundles built with source maps?');
  process.exit(1);
}

const pct = ({ total, covered }: Lines): string => (total === 0 ? '100.0' : ((covered / total) * 100).toFixed(1));
const total = rows.reduce<Lines>((sum, { lines }) => ({ total: sum.total + lines.total, covered: sum.covered + lines.covered }), { total: 0, covered: 0 });
console.log('\nLine coverage of electron/main and electron/preload (from the built bundles):');
for (const { file, lines } of rows) console.log(`  ${file.padEnd(42)} ${pct(lines).padStart(6)}%  ${lines.covered}/${lines.total}`);
console.log(`  ${'total'.padEnd(42)} ${pct(total).padStart(6)}%  ${total.covered}/${total.total}`);
fs.writeFileSync(path.join(reportsDir, 'electron-lines.json'), `${JSON.stringify({ files: rows, total, pct: Number(pct(total)) }, null, 2)}\n`);
if (Number(pct(total)) < FLOOR) {
  console.error(`Line coverage ${pct(total)}% is under the ${FLOOR}% floor.`);
  process.exit(1);
}
