import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build.ts';
import { findElectron } from './electron-runtime.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await buildRenderer();
const electron = process.env.STORY_BANK_BROWSER_SHELL ? { reason: 'STORY_BANK_BROWSER_SHELL is set' } : findElectron();

if ('path' in electron) {
  await buildElectron();
  const child = spawn(electron.path, [path.join(root, 'dist/electron/main.cjs')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`No Electron runtime could be had (${electron.reason}); opening Story Bank in the browser shell instead.`);
  const child = spawn(process.execPath, [path.join(root, 'electron/browser-shell/main.ts'), '--open'], {
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}
