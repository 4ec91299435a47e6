import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fitWindowState,
  parseWindowState,
  readWindowState,
  WINDOW_STATE_FILE,
  type WindowState,
  writeWindowState,
} from '../../../electron/backend/window-state.ts';
import { tempDir } from '../../support/temp-dir.ts';

const MIN = { width: 760, height: 500 };
const LAPTOP = { x: 0, y: 0, width: 1440, height: 870 };
const MONITOR = { x: 1440, y: -200, width: 2560, height: 1400 };

const state = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('window state', () => {
  it('keeps a window that is on a screen where it was', () => {
    expect(fitWindowState(state(100, 40), [LAPTOP], MIN)).toEqual(state(100, 40));
    expect(fitWindowState(state(1600, 0, 1800, 1200, true), [LAPTOP, MONITOR], MIN)).toEqual(state(1600, 0, 1800, 1200, true));
  });

  it('centres a window whose screen is gone on the primary screen, shrunk to fit', () => {
    expect(fitWindowState(state(1600, 0, 1800, 1200), [LAPTOP], MIN)).toEqual(state(0, 0, 1440, 870));
    expect(fitWindowState(state(5000, 5000), [LAPTOP], MIN)).toEqual(state(120, 35));
  });

  it('pulls back a window hanging off the edge, and never makes it smaller than the minimum', () => {
    expect(fitWindowState(state(1000, 100), [LAPTOP], MIN)).toEqual(state(240, 70));
    expect(fitWindowState(state(10, 10, 300, 200), [LAPTOP], MIN)).toEqual(state(10, 10, 760, 500));
    // A title bar above the top of every screen cannot be grabbed.
    expect(fitWindowState(state(100, -300), [LAPTOP], MIN)).toEqual(state(120, 35));
    expect(fitWindowState(state(100, 40), [], MIN)).toBeNull();
  });

  it('reads only well-formed state, and writes it atomically', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true })).toEqual(state(1, 2, 800, 600, true));
    for (const bad of [null, 'x', {}, { bounds: { x: 1, y: 2, width: 0, height: 600 } }, { bounds: { x: 1.5, y: 2, width: 800, height: 600 } }, { bounds: { x: '1', y: 2, width: 800, height: 600 } }]) {
      expect(parseWindowState(bad)).toBeNull();
    }
    const dir = tempDir();
    expect(readWindowState(dir)).toBeNull();
    writeWindowState(dir, state(5, 6, 900, 700, true));
    expect(readWindowState(dir)).toEqual(state(5, 6, 900, 700, true));
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{ not json');
    expect(readWindowState(dir)).toBeNull();
    // A folder that cannot be written to is not an error on the way out.
    expect(() => writeWindowState(path.join(dir, 'missing', 'deeper'), state(0, 0))).not.toThrow();
  });
});
