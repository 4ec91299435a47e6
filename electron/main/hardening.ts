import { isAllowedExternalUrl, isTrustedRendererUrl } from '../../shared/security/origin.ts';

// The security handlers for every web contents and the session, written against the few methods they use so a
// unit test can drive them with a plain object (Electron cannot run on the test machine).

export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * What will-navigate, will-redirect and will-frame-navigate pass first: an event carrying the target url. (The url
 * as a second argument is deprecated on the first two and absent on will-frame-navigate.)
 */
export interface NavigationEvent extends PreventableEvent {
  url?: string;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Requests the window must never make: the app has no remote content. */
export const REMOTE_REQUESTS = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] };

/** No page may navigate away from the app, open a window, or attach a webview; links go to the system browser. */
export function hardenWebContents(contents: WebContentsLike, openExternal: (url: string) => unknown): void {
  // A navigation whose target cannot be read is refused too.
  const stayInApp = (event: NavigationEvent): void => {
    if (typeof event.url !== 'string' || !isTrustedRendererUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission request and check is refused, and no request leaves the machine. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest(REMOTE_REQUESTS, (_details, callback) => callback({ cancel: true }));
}
