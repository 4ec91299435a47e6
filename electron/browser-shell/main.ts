import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openAppBackend } from '../backend/app-backend.ts';
import { defaultUserDataDir, resolveDataDir } from '../backend/data-dir.ts';
import { startBrowserShell } from './server.ts';

/** Browsers to open the app in, most app-like first (STORY_BANK_BROWSER, a Chromium-like one's path, goes first). */
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A page, readable by this user only, that sends the browser on to the launch URL. The browser is started with the
 * file's path rather than the URL: a process's command line can be read by every user on the machine
 * (/proc/PID/cmdline), and the launch code must not be. Returns the folder holding it, to delete once used.
 */
function writeLaunchFile(launchUrl: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-launch-')); // mode 0700
  const file = path.join(dir, 'open-story-bank.html');
  const target = launchUrl.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  fs.writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${target}"><title>Story Bank</title>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return { dir, file };
}

function openInBrowser(launchFile: string, dataDir: string): boolean {
  const browser = [process.env.STORY_BANK_BROWSER, ...BROWSERS].find((candidate) => candidate && fs.existsSync(candidate));
  if (!browser || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) return false;
  const profile = path.join(dataDir, 'browser-profile');
  const child = spawn(
    browser,
    [
      `--app=${pathToFileURL(launchFile).href}`,
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
  let launchFile: { dir: string; file: string } | null = null;
  const removeLaunchFile = (): void => {
    if (launchFile) fs.rmSync(launchFile.dir, { recursive: true, force: true });
    launchFile = null;
  };
  const shell = await startBrowserShell({
    backend,
    rendererDir: values['renderer-dir'],
    port: Number(values.port),
    onLaunch: removeLaunchFile,
  });
  // The first line is read by the end-to-end tests: keep its shape. The launch URL works once, and it is the only
  // secret this process ever prints (to this user's terminal): the session it starts lives in an HttpOnly cookie.
  console.log(`Story Bank browser shell: ${shell.launchUrl}`);
  console.log(`Stories are kept in ${dataDir}. Press Ctrl+C to stop.`);
  if (values.open) {
    launchFile = writeLaunchFile(shell.launchUrl);
    if (!openInBrowser(launchFile.file, dataDir)) {
      removeLaunchFile();
      console.log('Open that address (once) in Chromium or Chrome to use Story Bank.');
    }
  }
  const stop = (): void => {
    void shell.close().finally(() => {
      removeLaunchFile();
      void backend.close().finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Story Bank could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
