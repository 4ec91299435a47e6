import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type Browser, type ElectronApplication, type Page, test as base, expect } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The app as a test sees it, on either host: its own data directory, the address that opens it, and a way to stop
 * and start it again on the same data.
 */
export interface AppHost {
  readonly dataDir: string;
  url: string;
  origin: string;
  start(): Promise<string>;
  stop(): Promise<void>;
}

/** Which host a Playwright project drives: the browser shell in Chromium, or the desktop app in Electron. */
export type HostName = 'browser-shell' | 'electron';

/**
 * The tag of a test that only the browser shell can run: it restarts the backend or starts one of its own, uses
 * the HTTP launch code, a second browser, an HTTP route, or a browser download or tab. The electron project skips
 * them (playwright.config.ts); the Electron-specific side of each is in tests/electron (the main-process harness).
 */
export const BROWSER_SHELL_ONLY = '@browser-shell';

/** A browser-shell process (the real backend) on a data directory of its own. */
export class ShellProcess implements AppHost {
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

/**
 * The desktop app under Playwright's Electron launcher: the built main process, the sandboxed preload and the
 * renderer in a real BrowserWindow, on a data directory of its own. Only where STORY_BANK_ELECTRON names a binary.
 */
export class ElectronHost implements AppHost {
  readonly dataDir: string;
  private app: ElectronApplication | null = null;
  /** The app's one window, once started. */
  window: Page | null = null;
  url = '';
  origin = '';

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  async start(): Promise<string> {
    const executablePath = process.env.STORY_BANK_ELECTRON;
    if (!executablePath) throw new Error('The electron project needs STORY_BANK_ELECTRON=/path/to/electron');
    this.app = await _electron.launch({
      executablePath,
      args: [repoRoot],
      env: { ...process.env, STORY_BANK_DATA_DIR: this.dataDir },
    });
    this.window = await this.app.firstWindow();
    await this.window.waitForLoadState();
    this.url = this.window.url();
    this.origin = 'app://story-bank/';
    return this.url;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
    this.window = null;
  }
}

/** Where a page may load from on each host: its own renderer, and data:/blob:/about: URLs; never the network. */
const OWN_ADDRESSES: Record<HostName, RegExp> = {
  'browser-shell': /^(http:\/\/(127\.0\.0\.1|localhost):\d+\/|data:|blob:|about:)/,
  electron: /^(app:\/\/story-bank\/|data:|blob:|about:|devtools:)/,
};

export const test = base.extend<{ shell: AppHost }, { hostName: HostName }>({
  hostName: ['browser-shell', { option: true, scope: 'worker' }],
  shell: async ({ hostName }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-e2e-'));
    const shell = hostName === 'electron' ? new ElectronHost(dataDir) : new ShellProcess(dataDir);
    await shell.start();
    await use(shell);
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // The electron project never launches Chromium: its pages are the app's window.
  browser: [
    async ({ hostName, playwright, launchOptions }, use) => {
      if (hostName === 'electron') {
        await use(null as unknown as Browser);
        return;
      }
      const browser = await playwright.chromium.launch(launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ hostName, shell, browser, viewport }, use) => {
    let page: Page;
    let close = async (): Promise<void> => {};
    if (hostName === 'electron') {
      if (!(shell instanceof ElectronHost) || !shell.window) throw new Error('The Electron app has no window');
      page = shell.window;
    } else {
      const context = await browser.newContext({ viewport });
      page = await context.newPage();
      close = () => context.close();
    }
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
      if (!OWN_ADDRESSES[hostName].test(url)) remote.push(url);
    });
    await use(page);
    await close();
    expect(violations, 'no CSP violation in the console during the test').toEqual([]);
    expect(reported, 'no securitypolicyviolation event during the test').toEqual([]);
    expect(remote, 'no request leaves the machine').toEqual([]);
  },
});

export { expect };
