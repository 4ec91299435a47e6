#!/usr/bin/env node
// The story-bank command line. Plain JavaScript so any Node can start it; the commands are TypeScript, which needs
// Node 22.18 or later (native type stripping). On an older Node this re-runs itself with the Node 22 binary that
// the project installs (node_modules/node/bin/node).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const stripsTypes = major > 22 || (major === 22 && minor >= 18);

if (!stripsTypes) {
  const candidates = ['../node_modules/node/bin/node', '../node_modules/node/bin/node.exe'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const node22 = candidates.find((p) => existsSync(p));
  if (!node22) {
    process.stderr.write(`story-bank: needs Node 22.18 or later (this is ${process.versions.node}), and no Node 22 was found at ${candidates[0]}. Run "npm install" first.\n`);
    process.exit(2);
  }
  const child = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) {
    process.stderr.write(`story-bank: could not start ${node22}: ${child.error.message}\n`);
    process.exit(2);
  }
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 2);
}

const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
