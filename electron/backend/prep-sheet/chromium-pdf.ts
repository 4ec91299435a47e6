import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Prints HTML to PDF with a Chromium or Chrome already on the machine, in headless mode (--print-to-pdf). Used
 * where there is no Electron: the browser shell and the command line. Paper size, margins and page numbers come
 * from the sheet's own @page CSS, which headless printing honours. The sheet has no script and its policy forbids
 * any (the backend prints nothing that does not start with that policy); the browser gets a throwaway profile and
 * no background network. (Chromium's "scriptEnabled=false" setting would be a second lock, but with it headless
 * printing writes no PDF at all.)
 */

export class NoChromiumError extends Error {
  constructor(tried: readonly string[]) {
    super(
      'No Chromium or Chrome was found to make the PDF. Install one (on Debian: "apt-get install chromium"), or set ' +
        `STORY_BANK_CHROMIUM to its path. Looked for: ${tried.join(', ')}.`,
    );
    this.name = 'NoChromiumError';
  }
}

export class PdfRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfRenderError';
  }
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where a browser that can print headless usually lives, most likely first. */
export function chromiumCandidates(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  const out: string[] = [];
  const fromEnv = env.STORY_BANK_CHROMIUM?.trim();
  if (fromEnv) out.push(fromEnv);
  if (platform === 'darwin') {
    out.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (!base) continue;
      out.push(path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      out.push(path.win32.join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  } else {
    for (const dir of ['/usr/bin', '/usr/local/bin', '/snap/bin']) for (const name of NAMES) out.push(`${dir}/${name}`);
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of NAMES) out.push(path.join(dir, platform === 'win32' ? `${name}.exe` : name));
  }
  return [...new Set(out)];
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium or Chrome found, or null. STORY_BANK_CHROMIUM, when set, is the only one tried. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const fromEnv = env.STORY_BANK_CHROMIUM?.trim();
  if (fromEnv) return isExecutableFile(fromEnv) ? fromEnv : null;
  return chromiumCandidates(process.platform, env).find(isExecutableFile) ?? null;
}

export interface ChromiumPdfOptions {
  /** The browser to use (default: findChromium()). */
  executable?: string;
  /** Give up after this long (default 120 s). */
  timeoutMs?: number;
}

/** PDF bytes of an HTML document. Throws NoChromiumError or PdfRenderError with a message for the user. */
export async function printPdfWithChromium(html: string, options: ChromiumPdfOptions = {}): Promise<Buffer> {
  const executable = options.executable ?? findChromium();
  if (!executable) throw new NoChromiumError(chromiumCandidates().slice(0, 6));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-sheet-'));
  try {
    const page = path.join(work, 'sheet.html');
    const pdf = path.join(work, 'sheet.pdf');
    fs.writeFileSync(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(work, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to start as root with its sandbox on (containers, CI); elsewhere the sandbox stays.
    if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.length < 20_000) err += chunk.toString();
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new PdfRenderError(`${executable} did not finish the PDF within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} seconds.`));
      }, options.timeoutMs ?? 120_000);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new PdfRenderError(`Could not start ${executable}: ${error.message}`));
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(err);
      });
    });
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(pdf);
    } catch {
      const last = stderr.trim().split('\n').filter((l) => !/dbus|bus\.cc/i.test(l)).slice(-2).join(' ');
      throw new PdfRenderError(`${executable} wrote no PDF.${last ? ` It said: ${last}` : ''}`);
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfRenderError(`${executable} wrote something that is not a PDF.`);
    return bytes;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
