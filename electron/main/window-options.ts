import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from '../../shared/security/origin.ts';

/** The page the window loads: the app's own renderer over its privileged app:// scheme, never file:// or http. */
export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;

/**
 * What every window of the app is denied, whatever it shows: Node, an unsandboxed or shared-context renderer,
 * insecure content and embedded webviews.
 */
export const LOCKED_DOWN_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

/**
 * The main window's options. Kept in a function of its own so a unit test can read every security-relevant
 * value (tests/electron/main/security-checklist.test.ts) without starting Electron.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 760,
    minHeight: 500,
    title: 'Story Bank',
    show: false,
    webPreferences: {
      ...LOCKED_DOWN_WEB_PREFERENCES,
      preload: preloadPath,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // A middle click on a link would open it without going through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
