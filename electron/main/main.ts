import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/contract.ts';
import { HOST_EVENTS } from '../../shared/ipc/host-events.ts';
import { type AppBackend, openAppBackend } from '../backend/app-backend.ts';
import { resolveDataDir } from '../backend/data-dir.ts';
import { installSheetPrinter } from '../backend/prep-sheet/sheet-printer.ts';
import { hardenSession } from './hardening.ts';
import { guardedIpcHandler, type IpcEventLike, isTrustedSender } from './ipc-guard.ts';
import { buildMenu } from './menu.ts';
import { electronSheetPrinter, revealFinishedDownloads } from './prep-sheet-printer.ts';
import { serveRendererRequest } from './renderer-protocol.ts';
import { reloadWhenRendererGone } from './renderer-recovery.ts';
import { hardenApp } from './security.ts';
import { claimSingleInstance } from './single-instance.ts';
import { MAIN_WINDOW_URL, mainWindowOptions } from './window-options.ts';
import { placedWindowOptions, rememberWindowPlacement } from './window-placement.ts';

// Thin glue only: every behaviour lives in electron/backend, shared/ and renderer/. The security-relevant pieces
// (window options, navigation and permission rules, the IPC sender check, single instance, the app:// handler)
// are plain functions in this folder, each unit-tested; docs/SECURITY.md lists them.
const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let backend: AppBackend | null = null;
/** The backend's close under way at quit; will-quit is held until it settles. */
let backendClosing: Promise<void> | null = null;
/** Set by before-quit: a quit that the window's flush interrupted is resumed once the window has closed. */
let quitting = false;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function wireIpc(active: AppBackend): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, guardedIpcHandler(channel, () => active.handlers));
  }
}

function createWindow(): BrowserWindow {
  const dataDir = backend?.dataDir ?? app.getPath('userData');
  const placed = placedWindowOptions(mainWindowOptions(path.join(__dirname, 'preload.cjs')), dataDir);
  const window = new BrowserWindow(placed.options);
  if (placed.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Ask the page to save before the window goes; close anyway if it does not answer within 3 seconds. Only this
  // window's own page (app://) can say it is done; a second close while it saves waits for the same flush.
  let flushed = false;
  let flushing = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    rememberWindowPlacement(window, dataDir);
    const done = (): void => {
      if (flushed) return;
      flushed = true;
      clearTimeout(timer);
      ipcMain.removeListener(HOST_EVENTS.flushDone, onFlushDone);
      window.close();
      // Preventing 'close' cancelled a quit in progress (Electron's Browser::OnWindowCloseCancelled); ask again, or
      // on macOS, where closing the last window does not quit, Cmd+Q would only close the window.
      if (quitting) app.quit();
    };
    const onFlushDone = (flushEvent: IpcEventLike & { sender: unknown }): void => {
      if (flushEvent.sender === window.webContents && isTrustedSender(flushEvent)) done();
    };
    ipcMain.on(HOST_EVENTS.flushDone, onFlushDone);
    const timer = setTimeout(done, 3000);
    window.webContents.send(HOST_EVENTS.flushRequest);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  reloadWhenRendererGone(window, MAIN_WINDOW_URL);
  void window.loadURL(MAIN_WINDOW_URL);
  return window;
}

// A second launch shows this instance's window; on macOS the app may be running with its window closed, so the
// launch opens one, as a click on the dock icon does.
const focusExisting = (): void => {
  if (!mainWindow) {
    if (backend) mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};

if (claimSingleInstance(app, focusExisting)) {
  hardenApp();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // After every window has flushed and closed: hold the quit until the backend has finished its backups, stopped
  // its integrity check and closed the database, then quit for real.
  // Every quit that arrives meanwhile is held too (on Linux and Windows the last window's close and the flush's
  // resumed quit both ask), so none reaches 'quit' with the database still open.
  app.on('will-quit', (event) => {
    if (backend) {
      const closing = backend;
      backend = null;
      backendClosing = closing.close().finally(() => {
        backendClosing = null;
        app.quit();
      });
    }
    if (backendClosing) event.preventDefault();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    // Prep sheets print through Electron (printToPDF, the system dialog); saved exports are shown in their folder.
    installSheetPrinter(electronSheetPrinter);
    revealFinishedDownloads(session.defaultSession);
    const dataDir = resolveDataDir(process.env, app.getPath('userData'));
    try {
      // A damaged or emptied database does not stop start-up: the backend starts in recovery mode and the
      // window shows the recovery screen. Only an unexpected failure ends here.
      backend = await openAppBackend({ dataDir, appVersion: app.getVersion() });
    } catch (error) {
      dialog.showErrorBox('Story Bank could not open your stories', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    protocol.handle('app', (request) => serveRendererRequest(rendererDir, request.url));
    wireIpc(backend);
    Menu.setApplicationMenu(buildMenu(() => mainWindow, process.platform === 'darwin'));
    mainWindow = createWindow();
  });
}
