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
  const lines = `${probe.stderr ?? ''}`.split('\n').map((line) => line.trim());
  const cause = lines.find((line) => /^\w*Error\b|^Error:/.test(line)) ?? 'no reason given';
  return { reason: `the Electron binary is not installed and could not be downloaded: ${cause.slice(0, 120)}` };
}
