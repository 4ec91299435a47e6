import fs from 'node:fs';
import path from 'node:path';

/**
 * The main window's size and position, kept in a small JSON file beside the database so the window opens where
 * the user left it. Pure logic (parse, fit to the screens) plus a read and an atomic write; Electron's main
 * process supplies the screens' work areas and the window's bounds.
 */

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's normal (not maximized) bounds. */
  bounds: Rect;
  maximized: boolean;
}

/** Of the window's top strip (its title bar), at least this much must be on a screen to be reachable. */
const VISIBLE_STRIP = { width: 120, height: 40 };

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;
}

/** The stored state when it has the right shape, otherwise null (a hand-edited or damaged file is ignored). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to put the window on the screens there are now. A window whose title bar is still reachable on some screen
 * keeps its place (shrunk to fit that screen); otherwise it keeps its size (shrunk to fit) and is centred on the
 * first screen, which is the primary one. Sizes never go below `min`. Returns null with no screen at all.
 */
export function fitWindowState(
  state: WindowState,
  screens: readonly Rect[],
  min: { width: number; height: number },
): WindowState | null {
  const primary = screens[0];
  if (!primary) return null;
  const { bounds } = state;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: VISIBLE_STRIP.height };
  const home = screens.find((screen) => {
    const o = overlap(titleBar, screen);
    return o.width >= Math.min(VISIBLE_STRIP.width, bounds.width) && o.height >= Math.min(VISIBLE_STRIP.height, bounds.height) && bounds.y >= screen.y;
  });
  const screen = home ?? primary;
  const width = Math.max(min.width, Math.min(bounds.width, screen.width));
  const height = Math.max(min.height, Math.min(bounds.height, screen.height));
  if (home) {
    // Pull the window back inside the screen as far as its size allows.
    const x = Math.min(Math.max(bounds.x, screen.x), screen.x + screen.width - Math.min(width, screen.width));
    const y = Math.min(Math.max(bounds.y, screen.y), screen.y + screen.height - Math.min(height, screen.height));
    return { bounds: { x, y, width, height }, maximized: state.maximized };
  }
  return {
    bounds: {
      x: screen.x + Math.round((screen.width - width) / 2),
      y: screen.y + Math.round((screen.height - height) / 2),
      width,
      height,
    },
    maximized: state.maximized,
  };
}

export function readWindowState(dir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8')) as unknown);
  } catch {
    return null;
  }
}

/** Writes the state (to a temporary file first, then renamed over the old one, so a crash never leaves half). */
export function writeWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, `${JSON.stringify(state)}\n`);
    fs.renameSync(temp, file);
  } catch {
    // Remembering the window is a comfort, never worth an error on the way out.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}
