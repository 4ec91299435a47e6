import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The hidden window a prep sheet is laid out in for printing: never shown, no script at all, no preload, no Node,
 * sandboxed. Kept apart from the printing glue so a unit test can read it without starting Electron.
 */
export function sheetWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
