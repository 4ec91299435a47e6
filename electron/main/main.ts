import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/contract.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { HOST_EVENTS } from '../../shared/ipc/host-events.ts';
import { fail } from '../../shared/ipc/result.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { APP_ORIGIN, isTrustedRendererUrl } from '../../shared/security/origin.ts';
import { type Backend, createBackend } from '../backend/backend.ts';
import { resolveDataDir } from '../backend/data-dir.ts';
import { buildMenu } from './menu.ts';
import { hardenApp, hardenSession } from './security.ts';

// Thin glue only: every behaviour lives in electron/backend, shared/ and renderer/.
const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (url.host !== 'story-bank' || !file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) {
      return new Response('Not found', { status: 404 });
    }
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

function wireIpc(active: Backend): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedRendererUrl(frameUrl)) return fail('forbidden', 'Calls are accepted only from Story Bank’s own window.');
      return dispatch(active.handlers, channel, input);
    });
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 760,
    minHeight: 500,
    title: 'Story Bank',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Ask the page to save before the window goes; close anyway if it does not answer within 3 seconds.
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    const done = (): void => {
      if (flushed) return;
      flushed = true;
      window.close();
    };
    ipcMain.once(HOST_EVENTS.flushDone, done);
    setTimeout(done, 3000);
    window.webContents.send(HOST_EVENTS.flushRequest);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenApp();
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => backend?.close());
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const dataDir = resolveDataDir(process.env, app.getPath('userData'));
    try {
      backend = await createBackend({ dataDir, appVersion: app.getVersion() });
    } catch (error) {
      dialog.showErrorBox('Story Bank could not open your stories', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    serveRenderer();
    wireIpc(backend);
    Menu.setApplicationMenu(buildMenu(() => mainWindow, process.platform === 'darwin'));
    mainWindow = createWindow();
  });
}
