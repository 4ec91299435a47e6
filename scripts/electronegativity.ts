import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Runs Electronegativity (Doyensec's checker for Electron misconfigurations) over the Electron sources and fails
// on any finding of medium or high severity that the allowlist does not name with a reason. The tool itself always
// exits 0, so its findings are read here. It would fetch translations and Electron's release list over the
// network; both go through the `got` module, which is replaced by one that fails at once: this check never leaves
// the machine.

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));

const blockedRequests: string[] = [];
for (const from of ['dist/locales/i18n.js', 'dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js']) {
  const gotPath = createRequire(path.join(toolDir, from)).resolve('got');
  const offline = (url: unknown): Promise<never> => {
    blockedRequests.push(String(url));
    return Promise.reject(new Error('Story Bank runs Electronegativity offline.'));
  };
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
}

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
}

interface AllowEntry {
  check: string;
  file: string;
  reason: string;
}

const run = require(path.join(toolDir, 'dist', 'runner.js')) as (options: Record<string, unknown>) => Promise<{
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}>;

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const allowlistFile = path.join(root, 'scripts', 'electronegativity-allowlist.json');
const allowlist = (JSON.parse(fs.readFileSync(allowlistFile, 'utf8')) as { entries: AllowEntry[] }).entries;

const input = path.join(root, 'electron');
const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: pkg.devDependencies.electron,
  // Needs Electron's release list from the network; the Electron version is pinned in package.json instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
});

const MEDIUM = 2;
const serious = result.issues.filter((issue) => issue.severity.value >= MEDIUM);
const key = (check: string, file: string): string => `${check.toUpperCase()} ${file}`;
const allowed = new Map(allowlist.map((entry) => [key(entry.check, entry.file), entry]));
const unlisted = serious.filter((issue) => !allowed.has(key(issue.id, issue.file)));
const used = new Set(serious.map((issue) => key(issue.id, issue.file)));
const stale = allowlist.filter((entry) => !used.has(key(entry.check, entry.file)));
const missingReason = allowlist.filter((entry) => entry.reason.trim().length < 20);
const parseErrors = result.errors.filter((error) => !error.tolerable);

console.log(
  `electronegativity: ${result.globalChecks + result.atomicChecks} checks over electron/, ${result.issues.length} findings ` +
    `(${serious.length} medium or high, ${serious.length - unlisted.length} allowlisted with a reason); ` +
    `${blockedRequests.length} network requests of the tool blocked`,
);
for (const issue of unlisted) {
  console.error(`  NOT ALLOWED ${issue.id} (${issue.severity.name}) ${issue.file}:${issue.location.line} ${issue.description}`);
}
for (const entry of stale) console.error(`  STALE allowlist entry: ${entry.check} in ${entry.file} no longer occurs; remove it.`);
for (const entry of missingReason) console.error(`  Allowlist entry ${entry.check} in ${entry.file} needs a real reason.`);
for (const error of parseErrors) console.error(`  Could not parse ${error.file}: ${error.message}`);

fs.mkdirSync(path.join(root, 'test-results', 'reliability'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'test-results', 'reliability', 'electronegativity.json'),
  `${JSON.stringify({ checks: result.globalChecks + result.atomicChecks, findings: result.issues.length, serious: serious.length, unlisted: unlisted.length }, null, 2)}\n`,
);
if (unlisted.length > 0 || stale.length > 0 || missingReason.length > 0 || parseErrors.length > 0) process.exit(1);
