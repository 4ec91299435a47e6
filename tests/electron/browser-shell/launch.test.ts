import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The browser shell as `npm start` runs it (electron/browser-shell/main.ts --open), with a stand-in browser that
 * records how it was started: the launch code must reach the browser through a private file, never its command line
 * (which every user on the machine can read), and nothing secret but the launch URL may be printed.
 */
const MAIN = path.resolve(import.meta.dirname, '../../../electron/browser-shell/main.ts');

let child: ChildProcess | null = null;

afterEach(async () => {
  const running = child;
  child = null;
  if (!running || running.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.once('exit', () => resolve());
    running.kill('SIGTERM');
  });
});

interface Started {
  launchUrl: string;
  output: () => string;
}

function startShell(env: Record<string, string>): Promise<Started> {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  const proc = spawn(process.execPath, [MAIN, '--open', '--renderer-dir', rendererDir], {
    env: { ...process.env, STORY_BANK_DATA_DIR: tempDir(), DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', () => {
      const launchUrl = /Story Bank browser shell: (\S+)\n/.exec(out)?.[1];
      // Without a browser, wait for the line that says where to open it too.
      const done = env.STORY_BANK_BROWSER ? /Stories are kept in/.test(out) : /Open that address/.test(out);
      if (launchUrl && done) resolve({ launchUrl, output: () => out });
    });
    proc.once('exit', (code) => reject(new Error(`The shell exited with ${String(code)}: ${out}`)));
  });
}

function get(url: string, cookie?: string): Promise<{ status: number; setCookie: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie']?.[0] ?? '', body }));
    });
    req.on('error', reject);
  });
}

describe('the browser shell as npm start runs it', () => {
  it('hands the browser a private file that leads to the launch URL, never the code itself, and deletes it once used', async () => {
    const work = tempDir();
    const record = path.join(work, 'argv.json');
    const browser = path.join(work, 'fake-browser.mjs');
    // A stand-in browser: writes its arguments down and exits (node runs it through the shebang's env lookup).
    fs.writeFileSync(
      browser,
      `#!/usr/bin/env node\nimport fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`,
      { mode: 0o755 },
    );
    const shell = await startShell({
      STORY_BANK_BROWSER: browser,
      DISPLAY: ':99',
      PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    });
    const code = new URL(shell.launchUrl).searchParams.get('launch') ?? '';
    expect(code).toMatch(/^[\w-]{43}$/);

    await expect.poll(() => fs.existsSync(record), { timeout: 15_000 }).toBe(true);
    const argv = JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
    expect(argv.join(' ')).not.toContain(code);
    const app = argv.find((arg) => arg.startsWith('--app='))?.slice('--app='.length) ?? '';
    expect(app.startsWith('file://')).toBe(true);
    const file = fileURLToPath(app);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(file, 'utf8')).toContain(`<meta http-equiv="refresh" content="0; url=${shell.launchUrl}">`);

    const launched = await get(shell.launchUrl);
    expect(launched.status).toBe(200);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    const cookie = launched.setCookie.split(';')[0] ?? '';
    const session = cookie.split('=')[1] ?? '';
    expect(session).toMatch(/^[\w-]{43}$/);
    expect((await get(shell.launchUrl)).status).toBe(403);
    expect((await get(new URL('/', shell.launchUrl).href, cookie)).status).toBe(200);
    // The only secret the shell printed is the launch URL; the session never reaches its output.
    expect(shell.output()).not.toContain(session);
  });

  it('without a browser or a display, says where to open the launch URL and leaves no launch file behind', async () => {
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('story-bank-launch-')));
    const shell = await startShell({ STORY_BANK_BROWSER: '' });
    expect(shell.output()).toContain('Open that address (once) in Chromium or Chrome');
    expect(shell.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]{43}$/);
    const after = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('story-bank-launch-') && !before.has(name));
    expect(after).toEqual([]);
  });
});
