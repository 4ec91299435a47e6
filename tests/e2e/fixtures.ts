import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** A browser-shell process (the real backend) on a data directory of its own. */
export class ShellProcess {
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  /**
   * The one-time launch URL the shell printed: the first page that opens it gets the session cookie and lands on
   * the app. Opening it again in the same page just lands on the app; a fresh browser context would get the
   * start-again page, as a stranger would.
   */
  url = '';
  /** The app's clean address (no launch code). */
  origin = '';

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  async start(): Promise<string> {
    const child = spawn(process.execPath, [path.join(repoRoot, 'electron', 'browser-shell', 'main.ts')], {
      env: { ...process.env, STORY_BANK_DATA_DIR: this.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`The browser shell did not start: ${stderr}`)), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Story Bank browser shell: (http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+)\s/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The browser shell exited with ${String(code)}: ${stderr}`));
      });
    });
    this.origin = new URL(this.url).origin + '/';
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.child = null;
  }
}

export const test = base.extend<{ shell: ShellProcess }>({
  shell: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-e2e-'));
    const shell = new ShellProcess(dataDir);
    await shell.start();
    await use(shell);
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        violations.push(message.text());
      }
    });
    // Every CSP violation the page reports (including ones that never reach the console), on every page load.
    const reported: string[] = [];
    await page.exposeFunction('__reportCspViolation', (text: string) => reported.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
        report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    // No remote content: the page may load from its own loopback host (and data: URLs) and nothing else.
    const remote: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!/^(http:\/\/(127\.0\.0\.1|localhost):\d+\/|data:|blob:|about:)/.test(url)) remote.push(url);
    });
    await use(page);
    expect(violations, 'no CSP violation in the console during the test').toEqual([]);
    expect(reported, 'no securitypolicyviolation event during the test').toEqual([]);
    expect(remote, 'no request leaves the machine').toEqual([]);
  },
});

export { expect };
