import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WINDOW_STATE_FILE } from '../../electron/backend/window-state.ts';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';
import { HOST_EVENTS } from '../../shared/ipc/host-events.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { COMMANDS } from '../../shared/keyboard/shortcuts.ts';
import { SHEET_HTML_PREFIX } from '../../shared/prep-sheet/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import type { FakeBrowserWindow, FakeElectron } from './harness/fake-electron.ts';
import { DIST_ELECTRON, ensureBuilt, type LoadedMain, loadMain, RENDERER_DIR } from './harness/load-main.ts';

// The built main process (dist/electron/main.cjs), driven through a fake electron module the way Electron drives
// it: ready, the window loads app://, the page calls the backend over IPC, the user closes the window or quits.

let current: LoadedMain | null = null;
beforeAll(() => ensureBuilt(), 300_000);
afterEach(() => {
  current?.dispose();
  current = null;
  vi.useRealTimers();
});

async function started(prepare?: (fake: FakeElectron, userData: string) => void): Promise<LoadedMain> {
  current = loadMain(prepare);
  await current.start();
  return current;
}

/** Runs `body` with process.platform reading as `platform` (main reads it at start and on window-all-closed). */
async function onPlatform<T>(platform: NodeJS.Platform, body: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...original, value: platform });
  try {
    return await body();
  } finally {
    Object.defineProperty(process, 'platform', original);
  }
}

/** Polls until `done` holds (a wait, not a timed assertion). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

const FOREIGN_FRAMES = [
  { url: 'https://evil.example/', origin: 'https://evil.example' },
  { url: 'file:///home/user/page.html', origin: 'file://' },
  { url: 'app://story-bank.evil/index.html', origin: 'app://story-bank.evil' },
  { url: 'about:blank', origin: 'null' },
];

describe('start-up', () => {
  it('registers app:// as privileged before ready, then opens one locked-down window on app://story-bank', async () => {
    const { fake, mainWindow } = await started();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.windows).toHaveLength(1);
    const window = mainWindow();
    const prefs = window.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(path.join(DIST_ELECTRON, 'preload.cjs'));
    expect(fs.existsSync(prefs.preload!)).toBe(true);
    expect(window.webContents.getURL()).toBe('app://story-bank/index.html');
    // Hidden until ready-to-show, then shown.
    expect(window.options.show).toBe(false);
    expect(window.isVisible()).toBe(true);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('opens the bank in the user-data folder and answers the page over the preload', async () => {
    const { page, userData } = await started();
    const created = (await page().storyBank['stories.create']!({ title: 'Shipped the migration' })) as Result<{ id: string }>;
    expect(created.ok).toBe(true);
    const listed = (await page().storyBank['stories.list']!({})) as Result<Array<{ title: string }>>;
    expect(listed.ok && listed.value.map((s) => s.title)).toContain('Shipped the migration');
    expect(fs.existsSync(path.join(userData, 'story-bank.sqlite'))).toBe(true);
  });

  it('shows an error box and quits when the bank cannot be opened at all', async () => {
    // A file where the data folder should be: nothing can be created inside it.
    const { fake } = await started((_fake, userData) => {
      fs.rmSync(userData, { recursive: true });
      fs.writeFileSync(userData, 'not a folder');
    });
    await settle();
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]![0]).toBe('Story Bank could not open your stories');
    expect(fake.shutDown).toBe(true);
    expect(fake.windows).toEqual([]);
    fs.rmSync(current!.userData, { force: true });
    fs.mkdirSync(current!.userData);
  });
});

describe('app:// serves the built renderer only', () => {
  it('serves index.html and its assets with the CSP and nosniff', async () => {
    const { fake } = await started();
    const index = await fake.driveRequest('app://story-bank/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toBe(fs.readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8'));
    const asset = fs.readdirSync(path.join(RENDERER_DIR, 'assets')).find((f) => f.endsWith('.js'))!;
    const script = await fake.driveRequest(`app://story-bank/assets/${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://story-bank/../package.json',
    'app://story-bank/%2e%2e/%2e%2e/package.json',
    'app://story-bank/..%2f..%2fpackage.json',
    'app://story-bank/assets/..%2F..%2F..%2Fpackage.json',
    'app://story-bank/%2Fetc%2Fpasswd',
    'app://story-bank//etc/passwd',
    'app://story-bank/assets',
    'app://story-bank/missing.js',
    'app://story-bank/%E0%A4%A',
    'app://elsewhere/index.html',
  ])('refuses %s', async (url) => {
    const { fake } = await started();
    const response = await fake.driveRequest(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toMatch(/story-bank|root:/);
  });
});

describe('IPC', () => {
  it('has one handler per contract channel and nothing else', async () => {
    const { fake } = await started();
    expect([...fake.invokeHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses every channel from a frame of another origin, or none, and answers it from app://', async () => {
    const { fake, page } = await started();
    for (const channel of CHANNEL_NAMES) {
      for (const frame of [...FOREIGN_FRAMES, null]) {
        const answer = (await fake.driveInvoke(channel, frame, {})) as Result<unknown>;
        expect(answer, `${channel} from ${frame?.url ?? 'no frame'}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      // From the app's own page the call reaches the backend: it is answered or refused for its input, never
      // as forbidden. (A deliberately unknown field, so nothing is changed.)
      const answer = (await page().storyBank[channel]!({ notAField: true })) as Result<unknown>;
      expect(answer.ok ? 'ok' : answer.error.code, channel).not.toBe('forbidden');
    }
  });
});

describe('navigation, windows and permissions', () => {
  it('keeps the window on app://story-bank and refuses new windows and webviews', async () => {
    const { fake, mainWindow } = await started();
    const contents = mainWindow().webContents;
    expect(contents.driveNavigation('https://evil.example/')).toBe(false);
    expect(contents.driveNavigation('file:///etc/passwd', 'redirect')).toBe(false);
    expect(contents.driveNavigation('https://evil.example/frame', 'sub-frame')).toBe(false);
    expect(contents.driveNavigation('app://story-bank/index.html')).toBe(true);
    expect(contents.driveNavigation('app://story-bank/index.html', 'sub-frame')).toBe(true);
    expect(contents.getURL()).toBe('app://story-bank/index.html');
    expect(contents.driveWindowOpen('app://story-bank/index.html')).toBe('deny');
    expect(contents.driveWindowOpen('https://example.com/star-method')).toBe('deny');
    expect(contents.driveAttachWebview()).toBe(false);
    // Only the https link went to the system browser.
    expect(fake.opened).toEqual(['https://example.com/star-method']);
  });

  it('hands the system only https and mailto links', async () => {
    const { fake, mainWindow } = await started();
    const contents = mainWindow().webContents;
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'smb://host/share', 'mailto:coach@example.com', 'https://example.com/']) {
      contents.driveWindowOpen(url);
    }
    await settle();
    expect(fake.opened).toEqual(['mailto:coach@example.com', 'https://example.com/']);
  });

  it('refuses every permission and cancels every request that would leave the machine', async () => {
    const { fake } = await started();
    const session = fake.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      expect(await session.drivePermissionRequest(permission)).toBe(false);
    }
    expect(session.permissionCheckHandler?.({}, 'media', 'app://story-bank', {})).toBe(false);
    for (const url of ['https://example.com/a.js', 'http://example.com/', 'wss://example.com/socket']) {
      expect(await session.driveOutgoingRequest(url)).toBe(true);
    }
  });

  it('applies the rules to every web contents, the print window too', async () => {
    const { fake, page } = await started();
    let navigated: boolean | null = null;
    fake.app.on('web-contents-created', (_event, contents: FakeBrowserWindow['webContents']) => {
      navigated = contents.driveNavigation('https://evil.example/');
    });
    await page().storyBank['prepSheet.pdf']!({ html: `${SHEET_HTML_PREFIX}<title>t</title></head><body></body></html>`, paper: 'a4' });
    expect(navigated).toBe(false);
  });
});

describe('menu', () => {
  it('carries every command with its shortcut, and a click reaches the page', async () => {
    const { fake, page } = await started();
    const menu = fake.applicationMenu!;
    const items = menu.commandItems();
    expect(items.map((i) => [i.label, i.accelerator])).toEqual(COMMANDS.map((c) => [c.label, c.accelerator]));
    const received: string[] = [];
    page().storyBankHost.onMenuCommand((command) => received.push(command));
    for (const item of items) item.click!();
    expect(received).toEqual(COMMANDS.map((c) => c.id));
    expect(menu.roles()).toContain('quit');
    expect(menu.roles()).not.toContain('appMenu');
  });

  it('has the macOS app menu and Close instead of Quit on a Mac', async () => {
    const menu = await onPlatform('darwin', async () => (await started()).fake.applicationMenu!);
    expect(menu.roles()).toEqual(expect.arrayContaining(['appMenu', 'close']));
    expect(menu.roles()).not.toContain('quit');
  });
});

describe('prep sheets', () => {
  const html = `${SHEET_HTML_PREFIX}<title>Prep sheet</title></head><body><h1>Shipped the migration</h1></body></html>`;

  it('prints to PDF through webContents.printToPDF in a hidden window without script, then closes it', async () => {
    const { fake, page } = await started();
    const answer = (await page().storyBank['prepSheet.pdf']!({ html, paper: 'letter' })) as Result<{ pdfBase64: string; bytes: number }>;
    expect(answer.ok).toBe(true);
    expect(answer.ok && Buffer.from(answer.value.pdfBase64, 'base64').toString()).toMatch(/^%PDF-/);
    expect(fake.pdfCalls).toHaveLength(1);
    const call = fake.pdfCalls[0]!;
    expect(call.options).toMatchObject({ pageSize: 'Letter', printBackground: true });
    expect(call.html).toContain('Shipped the migration');
    // The sheet window and its temporary file are gone; only the main window is left.
    expect(fake.windows).toHaveLength(1);
    expect(fs.existsSync(call.loadedFile!)).toBe(false);
  });

  it('opens the system print dialog, and says when it was cancelled', async () => {
    const { fake, page } = await started();
    expect(await page().storyBank['prepSheet.print']!({ html })).toEqual({ ok: true, value: { mode: 'dialog', printed: true } });
    fake.printSucceeds = false;
    expect(await page().storyBank['prepSheet.print']!({ html })).toEqual({ ok: true, value: { mode: 'dialog', printed: false } });
    expect(fake.log.filter((l) => l === 'print-dialog')).toHaveLength(2);
  });

  it('shows a finished download in its folder, and not a cancelled one', async () => {
    const { fake } = await started();
    fake.defaultSession.driveDownload('/home/user/Downloads/prep-sheet.pdf', 'completed');
    fake.defaultSession.driveDownload('/home/user/Downloads/other.pdf', 'cancelled');
    expect(fake.shownInFolder).toEqual(['/home/user/Downloads/prep-sheet.pdf']);
  });
});

describe('closing and quitting', () => {
  /** Registers the page's flush the way the renderer does, recording what happened when. */
  function flushingPage(loaded: LoadedMain): string[] {
    const events: string[] = [];
    loaded.page().storyBankHost.onFlushRequest(async () => {
      events.push('flush-start');
      const saved = (await loaded.page().storyBank['stories.create']!({ title: 'Written while closing' })) as Result<unknown>;
      events.push(saved.ok ? 'flush-saved' : 'flush-failed');
    });
    loaded.fake.app.on('will-quit', () => events.push('will-quit'));
    loaded.fake.app.on('quit', () => {
      // The backend closed before the process ends: SQLite removes the WAL file when the last connection closes.
      events.push(fs.existsSync(path.join(loaded.userData, 'story-bank.sqlite-wal')) ? 'quit-with-db-open' : 'quit-after-db-closed');
    });
    return events;
  }

  /**
   * The flush first; then will-quit is held (once per quit asked for: Linux and Windows ask on the last window's
   * close and again when the flush resumes the quit) until the backend has closed, and 'quit' comes once, after.
   */
  function expectFlushThenQuitAfterClose(events: string[]): void {
    expect(events.slice(0, 3)).toEqual(['flush-start', 'flush-saved', 'will-quit']);
    expect(events.filter((e) => e !== 'will-quit')).toEqual(['flush-start', 'flush-saved', 'quit-after-db-closed']);
    expect(events.at(-1)).toBe('quit-after-db-closed');
  }

  it('asks the page to flush, waits for it, then closes the window and quits after the backend closed', async () => {
    const loaded = await onPlatform('linux', () => started());
    const events = flushingPage(loaded);
    const window = loaded.mainWindow();
    await onPlatform('linux', async () => {
      window.close();
      expect(window.isDestroyed()).toBe(false);
      expect(window.webContents.sent.map(([channel]) => channel)).toContain(HOST_EVENTS.flushRequest);
      await until(() => loaded.fake.shutDown);
    });
    expectFlushThenQuitAfterClose(events);
    expect(window.isDestroyed()).toBe(true);
    expect(loaded.fake.shutDown).toBe(true);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('quits from the menu (app.quit) after the flush on %s', async (platform) => {
    await onPlatform(platform, async () => {
      const loaded = await started();
      const events = flushingPage(loaded);
      loaded.fake.quit();
      await until(() => loaded.fake.shutDown);
      expectFlushThenQuitAfterClose(events);
      expect(loaded.fake.shutDown).toBe(true);
    });
  });

  it('ends the flush only on the closing window\'s own answer, and a second close waits for the same flush', async () => {
    const loaded = await started();
    const window = loaded.mainWindow();
    let requests = 0;
    let finish: () => void = () => {};
    loaded.page().storyBankHost.onFlushRequest(() => {
      requests += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await onPlatform('linux', async () => {
      window.close();
      window.close();
      // "Done" from another origin's frame, or from another web contents, does not close the window.
      loaded.fake.driveSend(HOST_EVENTS.flushDone, { frame: FOREIGN_FRAMES[0]!, sender: window.webContents });
      loaded.fake.driveSend(HOST_EVENTS.flushDone, { frame: { url: 'app://story-bank/index.html', origin: 'app://story-bank' }, sender: {} as never });
      expect(window.isDestroyed()).toBe(false);
      expect(requests).toBe(1);
      finish();
      await settle();
    });
    expect(window.isDestroyed()).toBe(true);
  });

  it('closes anyway when the page never answers the flush', async () => {
    const loaded = await started();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const window = loaded.mainWindow();
    await onPlatform('linux', async () => {
      window.close();
      expect(window.isDestroyed()).toBe(false);
      vi.advanceTimersByTime(3000);
      vi.useRealTimers();
      await until(() => loaded.fake.shutDown);
    });
    expect(window.isDestroyed()).toBe(true);
  });

  it('on macOS keeps running with no window, and a click on the dock icon opens a new one', async () => {
    await onPlatform('darwin', async () => {
      const loaded = await started();
      flushingPage(loaded);
      loaded.mainWindow().close();
      await settle();
      expect(loaded.fake.windows).toHaveLength(0);
      expect(loaded.fake.shutDown).toBe(false);
      loaded.fake.app.emit('activate', { preventDefault() {} }, false);
      expect(loaded.fake.windows).toHaveLength(1);
      await until(() => loaded.pages.has(loaded.mainWindow()));
      expect(loaded.mainWindow().webContents.getURL()).toBe('app://story-bank/index.html');
    });
  });
});

describe('a renderer that dies', () => {
  it('is loaded again, a few times at most, and not after a clean exit', async () => {
    const loaded = await started();
    const window = loaded.mainWindow();
    const firstPage = loaded.page();
    window.webContents.driveRenderProcessGone('clean-exit');
    expect(window.loadCalls).toBe(1);
    expect(loaded.page()).toBe(firstPage);
    const pages = [firstPage];
    for (const reason of ['crashed', 'oom', 'killed']) {
      const before = window.webContents.loads;
      window.webContents.driveRenderProcessGone(reason);
      await until(() => window.webContents.loads === before + 1);
      pages.push(loaded.page());
    }
    // Three reloads, each a fresh page over the preload; a fourth death is left alone.
    expect(new Set(pages).size).toBe(4);
    window.webContents.driveRenderProcessGone('crashed');
    expect(window.loadCalls).toBe(4);
    expect(window.webContents.getURL()).toBe('app://story-bank/index.html');
    const listed = (await loaded.page().storyBank['stories.list']!({})) as Result<unknown>;
    expect(listed.ok).toBe(true);
  });
});

describe('one instance', () => {
  it('a second launch quits at once, opening nothing', async () => {
    const { fake } = await started((f) => {
      f.holdsLock = false;
    });
    expect(fake.log).toContain('app.quit');
    expect(fake.windows).toEqual([]);
    expect(fake.invokeHandlers.size).toBe(0);
  });

  it('the first instance brings its window forward when a second one starts', async () => {
    const { fake, mainWindow } = await started();
    mainWindow().minimize();
    fake.driveSecondInstance();
    expect(mainWindow().isMinimized()).toBe(false);
    expect(fake.log).toEqual(expect.arrayContaining(['window.restore', 'window.focus']));
  });

  it('a second launch opens a window when the first runs without one (macOS, window closed)', async () => {
    await onPlatform('darwin', async () => {
      const loaded = await started();
      flushingPage0(loaded);
      loaded.mainWindow().close();
      await settle();
      expect(loaded.fake.windows).toHaveLength(0);
      loaded.fake.driveSecondInstance();
      expect(loaded.fake.windows).toHaveLength(1);
      await until(() => loaded.pages.has(loaded.mainWindow()));
    });
  });
});

describe('window placement', () => {
  const writeState = (dir: string, state: unknown): void => fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify(state));

  it('opens where it was left, maximized again when it was', async () => {
    const { mainWindow } = await started((_f, dir) => writeState(dir, { bounds: { x: 200, y: 150, width: 1000, height: 700 }, maximized: true }));
    expect(mainWindow().getBounds()).toEqual({ x: 200, y: 150, width: 1000, height: 700 });
    expect(mainWindow().isMaximized()).toBe(true);
  });

  it('brings a window left on a screen that is gone back onto the one there is, fitted to it', async () => {
    const { mainWindow, fake } = await started((f, dir) => {
      f.displays = [{ id: 7, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 740 } }];
      writeState(dir, { bounds: { x: 3000, y: 200, width: 1600, height: 900 }, maximized: false });
    });
    const bounds = mainWindow().getBounds();
    const area = fake.displays[0]!.workArea;
    expect(bounds.x).toBeGreaterThanOrEqual(area.x);
    expect(bounds.y).toBeGreaterThanOrEqual(area.y);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(area.x + area.width);
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(area.y + area.height);
  });

  it('saves the place on close, for the next start', async () => {
    const loaded = await started();
    flushingPage0(loaded);
    loaded.mainWindow().setBounds({ x: 40, y: 30, width: 900, height: 650 });
    await onPlatform('linux', async () => {
      loaded.mainWindow().close();
      await settle();
    });
    const saved = JSON.parse(fs.readFileSync(path.join(loaded.userData, WINDOW_STATE_FILE), 'utf8')) as unknown;
    expect(saved).toEqual({ bounds: { x: 40, y: 30, width: 900, height: 650 }, maximized: false });
  });
});

/** A page that answers the flush at once. */
function flushingPage0(loaded: LoadedMain): void {
  loaded.page().storyBankHost.onFlushRequest(async () => {});
}
