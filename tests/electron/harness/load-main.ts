import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { buildElectron, buildRenderer } from '../../../scripts/build.ts';
import { FakeElectron, type FakeBrowserWindow, frameAt } from './fake-electron.ts';

/**
 * Loads the BUILT main process (dist/electron/main.cjs) the way Electron would, with `require('electron')` answered
 * by a FakeElectron, in a fresh temporary user-data folder. When a window with a preload loads the app's page, the
 * built preload runs in a vm sandbox (the way a sandboxed preload runs: a `require` that knows electron only) with
 * an ipcRenderer wired to the fake ipcMain, so `page.storyBank` is what the renderer would see.
 */

const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const DIST_ELECTRON = path.join(root, 'dist', 'electron');
export const MAIN_BUNDLE = path.join(DIST_ELECTRON, 'main.cjs');
export const RENDERER_DIR = path.join(root, 'dist', 'renderer');

let built: Promise<void> | null = null;

// The backend's start-up backup may still be writing into a user-data folder when a test ends; what cannot be
// removed at once is removed when the test process exits.
const leftOver = new Set<string>();
process.once('exit', () => {
  for (const dir of leftOver) fs.rmSync(dir, { recursive: true, force: true });
});
function removeLater(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    leftOver.add(dir);
  }
}

/**
 * Builds the Electron bundles (with inline source maps, so coverage maps back to electron/main and electron/preload)
 * once per test process, and the renderer when dist/renderer is missing (a clean clone).
 */
export function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    await buildElectron({ sourcemap: true });
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) await buildRenderer();
  })();
  return built;
}

export interface PageApis {
  storyBank: Record<string, (input: unknown) => Promise<unknown>>;
  storyBankHost: { onFlushRequest(handler: () => Promise<void>): void; onMenuCommand(handler: (command: string) => void): void };
}

export interface LoadedMain {
  fake: FakeElectron;
  userData: string;
  /** What the preload exposed in each window that loaded the app, by window. */
  pages: Map<FakeBrowserWindow, PageApis>;
  /** Emits 'ready' and waits for main's whenReady() work (backend open, window created and loaded). */
  start(): Promise<void>;
  mainWindow(): FakeBrowserWindow;
  page(): PageApis;
  /** Removes the temporary folder (after the backend has closed). */
  dispose(): void;
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

function runPreload(fake: FakeElectron, window: FakeBrowserWindow): PageApis {
  const preloadPath = window.options.webPreferences?.preload;
  if (typeof preloadPath !== 'string' || !fs.existsSync(preloadPath)) throw new Error(`Unable to load preload script: ${String(preloadPath)}`);
  const exposed: Record<string, unknown> = {};
  const frame = () => frameAt(window.webContents.getURL());
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (key in exposed) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => fake.driveInvoke(channel, frame(), ...args),
      on: (channel: string, listener: (...args: unknown[]) => void) => window.webContents.pageListeners.on(channel, listener),
      send: (channel: string, ...args: unknown[]) => fake.driveSend(channel, { frame: frame(), sender: window.webContents }, ...args),
    },
  };
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  const code = fs.readFileSync(preloadPath, 'utf8');
  const wrapper = vm.runInThisContext(`(function (exports, require, module, process, Buffer, global) {${code}\n})`, {
    filename: preloadPath,
  }) as (...args: unknown[]) => void;
  wrapper(module.exports, sandboxRequire, module, { platform: process.platform, env: {}, type: 'renderer', sandboxed: true }, Buffer, {});
  return exposed as unknown as PageApis;
}

/** Loads a fresh copy of main.cjs against a new FakeElectron. `prepare` may set up the fake before main runs. */
export function loadMain(prepare: (fake: FakeElectron, userData: string) => void = () => {}): LoadedMain {
  if (!fs.existsSync(MAIN_BUNDLE)) throw new Error('Call ensureBuilt() first: dist/electron/main.cjs is missing');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-main-'));
  const fake = new FakeElectron(userData);
  const pages = new Map<FakeBrowserWindow, PageApis>();
  fake.onPageLoad = (window) => pages.set(window, runPreload(fake, window));
  prepare(fake, userData);

  const moduleInternals = Module as unknown as { _load: Load };
  const original = moduleInternals._load;
  const requireFromHere = createRequire(import.meta.url);
  delete requireFromHere.cache[MAIN_BUNDLE];
  moduleInternals._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron') return fake.module;
    return original.call(this, request, parent, isMain);
  };
  const savedDataDir = process.env.STORY_BANK_DATA_DIR;
  delete process.env.STORY_BANK_DATA_DIR;
  try {
    requireFromHere(MAIN_BUNDLE);
  } finally {
    moduleInternals._load = original;
    if (savedDataDir !== undefined) process.env.STORY_BANK_DATA_DIR = savedDataDir;
  }

  const loaded: LoadedMain = {
    fake,
    userData,
    pages,
    async start() {
      fake.driveReady();
      // main's whenReady().then(...) awaits the backend and then loads the window; wait until a window has
      // loaded the app (or main gave up and quit).
      // Polled, not timed: nothing is asserted about how long it takes.
      while (!fake.shutDown && !fake.quitting && !fake.windows.some((w) => pages.has(w))) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    mainWindow() {
      const window = fake.windows.find((w) => w.options.webPreferences?.preload);
      if (!window) throw new Error('main has no window with a preload');
      return window;
    },
    page() {
      const page = pages.get(loaded.mainWindow());
      if (!page) throw new Error('the main window has not loaded the app');
      return page;
    },
    dispose() {
      if (!fake.shutDown) {
        // app.exit skips will-quit; send it anyway so main closes the backend before the folder goes.
        fake.app.exit(0);
        fake.app.emit('will-quit', { preventDefault() {} });
      }
      removeLater(userData);
    },
  };
  return loaded;
}
