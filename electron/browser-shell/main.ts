import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openAppBackend } from '../backend/app-backend.ts';
import { defaultUserDataDir, resolveDataDir } from '../backend/data-dir.ts';
import { startBrowserShell } from './server.ts';

/** Browsers to open the app in, most app-like first. */
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function openInBrowser(url: string, dataDir: string): boolean {
  const browser = BROWSERS.find((candidate) => fs.existsSync(candidate));
  if (!browser || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) return false;
  const profile = path.join(dataDir, 'browser-profile');
  const child = spawn(
    browser,
    [
      `--app=${url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1280,820',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return true;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      open: { type: 'boolean', default: false },
      'renderer-dir': { type: 'string', default: path.join(repoRoot, 'dist', 'renderer') },
    },
  });
  const dataDir = resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env, os.homedir()));
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  // Never throws for a damaged or emptied database: it starts in recovery mode and the page shows what to do.
  const backend = await openAppBackend({ dataDir, appVersion: pkg.version });
  const shell = await startBrowserShell({
    backend,
    rendererDir: values['renderer-dir'],
    port: Number(values.port),
  });
  // The first line is read by the end-to-end tests: keep its shape. The launch URL works once, and it is the only
  // secret this process ever prints: the session it starts lives in an HttpOnly cookie.
  console.log(`Story Bank browser shell: ${shell.launchUrl}`);
  console.log(`Stories are kept in ${dataDir}. Press Ctrl+C to stop.`);
  if (values.open && !openInBrowser(shell.launchUrl, dataDir)) {
    console.log(`Open that address (once) in Chromium or Chrome to use Story Bank.`);
  }
  const stop = (): void => {
    void shell.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Story Bank could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
