import type { BrowserWindowConstructorOptions } from 'electron';
import { LOCKED_DOWN_WEB_PREFERENCES } from './window-options.ts';

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
      ...LOCKED_DOWN_WEB_PREFERENCES,
      javascript: false,
      spellcheck: false,
    },
  };
}
