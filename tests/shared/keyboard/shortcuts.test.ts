import { describe, expect, it } from 'vitest';
import {
  acceleratorLabel,
  COMMAND_IDS,
  commandForKey,
  COMMANDS,
  type KeyLike,
  matchesShortcut,
  parseAccelerator,
} from '../../../shared/keyboard/shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('gives every command exactly one entry, and no two commands the same keys', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual([...COMMAND_IDS].sort());
    const seen = new Set<string>();
    for (const command of COMMANDS) {
      for (const accelerator of [command.accelerator, ...(command.alternatives ?? [])]) {
        const p = parseAccelerator(accelerator);
        const id = `${p.primary}-${p.shift}-${p.alt}-${p.key}`;
        expect(seen.has(id), accelerator).toBe(false);
        seen.add(id);
      }
    }
  });

  it('uses Ctrl on Windows and Linux and Cmd on a Mac', () => {
    expect(commandForKey(key('n', { ctrlKey: true }), false)).toBe('new-story');
    expect(commandForKey(key('n', { metaKey: true }), false)).toBeNull();
    expect(commandForKey(key('n', { metaKey: true }), true)).toBe('new-story');
    expect(commandForKey(key('n', { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(key('N', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('matches named keys, digits, punctuation and function keys', () => {
    expect(commandForKey(key('ArrowDown', { altKey: true }), false)).toBe('next-story');
    expect(commandForKey(key('ArrowUp', { altKey: true }), false)).toBe('previous-story');
    expect(commandForKey(key('ArrowUp'), false)).toBeNull();
    expect(commandForKey(key('3', { ctrlKey: true }), false)).toBe('show-practice');
    expect(commandForKey(key(',', { ctrlKey: true }), false)).toBe('show-settings');
    expect(commandForKey(key('L', { ctrlKey: true, shiftKey: true }), false)).toBe('toggle-lint');
    expect(commandForKey(key('l', { ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(key('F1'), false)).toBe('shortcuts');
    expect(commandForKey(key('F5'), false)).toBe('read-aloud');
    expect(commandForKey(key('F5', { shiftKey: true }), false)).toBeNull();
  });

  it('opens the shortcuts sheet with Ctrl+/ even where "/" needs Shift', () => {
    expect(commandForKey(key('/', { ctrlKey: true }), false)).toBe('shortcuts');
    expect(commandForKey(key('/', { ctrlKey: true, shiftKey: true }), false)).toBe('shortcuts');
    expect(matchesShortcut(key('/', { ctrlKey: true, altKey: true }), 'CmdOrCtrl+/', false)).toBe(false);
  });

  it('labels shortcuts for each platform', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+L', false)).toBe('Ctrl+Shift+L');
    expect(acceleratorLabel('CmdOrCtrl+Shift+L', true)).toBe('⌘⇧L');
    expect(acceleratorLabel('Alt+Down', false)).toBe('Alt+↓');
    expect(acceleratorLabel('F5', false)).toBe('F5');
    expect(acceleratorLabel('CmdOrCtrl+,', true)).toBe('⌘,');
  });
});
