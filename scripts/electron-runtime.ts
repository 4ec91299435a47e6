import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The path of a usable Electron binary, or the reason there is none. The electron package fetches its binary on
 * first use; on a machine that cannot reach the download that fails fast and we say so.
 */
export function findElectron(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = require.resolve('electron');
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(packageDir)}))`], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const binary = probe.stdout.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { path: binary };
  const last = (probe.stderr || '').trim().split('\n').filter(Boolean).at(-1) ?? 'unknown error';
  return { reason: `the Electron binary is missing and could not be downloaded (${last.slice(0, 160)})` };
}
