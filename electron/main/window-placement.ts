import { type BrowserWindow, type BrowserWindowConstructorOptions, screen } from 'electron';
import { fitWindowState, readWindowState, writeWindowState } from '../backend/window-state.ts';

/** Glue between the window and electron/backend/window-state.ts (where the logic and its tests live). */

/** The window options with the size and place remembered from last time, fitted to the screens there are now. */
export function placedWindowOptions(
  options: BrowserWindowConstructorOptions,
  dir: string,
): { options: BrowserWindowConstructorOptions; maximized: boolean } {
  const saved = readWindowState(dir);
  if (!saved) return { options, maximized: false };
  const primary = screen.getPrimaryDisplay();
  const screens = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const placed = fitWindowState(saved, screens, { width: options.minWidth ?? 0, height: options.minHeight ?? 0 });
  if (!placed) return { options, maximized: false };
  return { options: { ...options, ...placed.bounds }, maximized: placed.maximized };
}

/** Keeps the window's normal bounds and whether it is maximized, for the next start. */
export function rememberWindowPlacement(window: BrowserWindow, dir: string): void {
  if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
  writeWindowState(dir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
}
