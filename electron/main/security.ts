import { app, shell } from 'electron';
import { hardenWebContents } from './hardening.ts';

/** Every web contents the app ever creates gets the navigation, window-open and webview rules. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));
}
