/** The part of a BrowserWindow the crash rule uses. */
export interface ReloadableWindow {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  };
}

/** How many times one window's page is reloaded after its renderer died, before it is left as it is. */
export const MAX_RENDERER_RELOADS = 3;

/**
 * When the page's renderer process dies (a crash, out of memory, killed), the window would stay blank: load the app
 * again, so the user gets the editor back with everything saved so far. A page that keeps dying is left after a few
 * tries rather than reloaded forever. A clean exit is the window closing and needs nothing.
 */
export function reloadWhenRendererGone(window: ReloadableWindow, url: string): void {
  let reloads = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed() || reloads >= MAX_RENDERER_RELOADS) return;
    reloads += 1;
    void window.loadURL(url).catch(() => undefined);
  });
}
