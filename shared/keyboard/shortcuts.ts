/**
 * The app's commands and their keyboard shortcuts: one list that the Electron menu (electron/main/menu.ts), the
 * page's key handler and the shortcuts sheet all read, so a shortcut is shown where it works and works where it is
 * shown. Accelerators use Electron's syntax ("CmdOrCtrl+Shift+L"); `matchesShortcut` checks a key event against
 * one, so the browser shell (no menu) behaves the same.
 */

export const COMMAND_IDS = [
  'new-story',
  'focus-search',
  'show-stories',
  'show-coverage',
  'show-practice',
  'show-history',
  'show-trash',
  'show-settings',
  'next-story',
  'previous-story',
  'read-aloud',
  'toggle-sidebar',
  'toggle-lint',
  'shortcuts',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export type MenuGroup = 'File' | 'Go' | 'View' | 'Help';

export interface CommandSpec {
  id: CommandId;
  /** What the command does, as a menu item label and in the shortcuts sheet. */
  label: string;
  menu: MenuGroup;
  /** The shortcut shown in the menu, in Electron's accelerator syntax. */
  accelerator: string;
  /** Other keys that run the command in the page (not shown in the menu). */
  alternatives?: readonly string[];
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'new-story', label: 'New story', menu: 'File', accelerator: 'CmdOrCtrl+N' },
  { id: 'focus-search', label: 'Search stories', menu: 'Go', accelerator: 'CmdOrCtrl+F' },
  { id: 'show-stories', label: 'Stories', menu: 'Go', accelerator: 'CmdOrCtrl+1' },
  { id: 'show-coverage', label: 'Coverage', menu: 'Go', accelerator: 'CmdOrCtrl+2' },
  { id: 'show-practice', label: 'Practice', menu: 'Go', accelerator: 'CmdOrCtrl+3' },
  { id: 'show-history', label: 'History of the open story', menu: 'Go', accelerator: 'CmdOrCtrl+4' },
  { id: 'show-trash', label: 'Trash', menu: 'Go', accelerator: 'CmdOrCtrl+5' },
  { id: 'show-settings', label: 'Settings', menu: 'Go', accelerator: 'CmdOrCtrl+,' },
  { id: 'next-story', label: 'Open the next story in the list', menu: 'Go', accelerator: 'Alt+Down' },
  { id: 'previous-story', label: 'Open the previous story in the list', menu: 'Go', accelerator: 'Alt+Up' },
  { id: 'read-aloud', label: 'Read the open story aloud', menu: 'View', accelerator: 'F5' },
  { id: 'toggle-sidebar', label: 'Show or hide the story list', menu: 'View', accelerator: 'CmdOrCtrl+Shift+E' },
  { id: 'toggle-lint', label: 'Show or hide the lint panel', menu: 'View', accelerator: 'CmdOrCtrl+Shift+L' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', menu: 'Help', accelerator: 'F1', alternatives: ['CmdOrCtrl+/'] },
];

export function isCommandId(value: string): value is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(value);
}

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id) as CommandSpec;
}

/** Keys that are not on the shortcuts list but that the sheet explains (lists, dialogs, practice). */
export const CONTEXT_KEYS: ReadonlyArray<{ where: string; keys: string; does: string }> = [
  { where: 'Story list', keys: 'Up / Down, Home / End', does: 'Move between stories and open the one you land on' },
  { where: 'Story list', keys: 'F2', does: 'Rename the story' },
  { where: 'Story list', keys: 'Delete', does: 'Move the story to the trash' },
  { where: 'Story editor', keys: 'Ctrl+B / Ctrl+I', does: 'Bold / italic' },
  { where: 'Story editor', keys: 'Ctrl+Shift+8 / Ctrl+Shift+7', does: 'Bullet list / numbered list (again to remove it)' },
  { where: 'Practice', keys: 'Space or Right', does: 'Start the timer, then move to the next section or probe' },
  { where: 'Practice', keys: 'Left', does: 'Go back one section' },
  { where: 'Practice', keys: 'N', does: 'Show or hide your prepared notes for a probe' },
  { where: 'Practice', keys: 'Escape', does: 'Stop the run' },
  { where: 'Read aloud', keys: 'Right, Space / Left', does: 'Next / previous section' },
  { where: 'Dialogs', keys: 'Escape', does: 'Close' },
];

/** The parts of an accelerator. `key` is lower case ("n", "down", "f5", ","). */
export interface ParsedAccelerator {
  primary: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseAccelerator(accelerator: string): ParsedAccelerator {
  const parts = accelerator.split('+');
  // A "+" key would be written "CmdOrCtrl+Plus"; a trailing empty part means the key is "+".
  const key = (parts.pop() ?? '').toLowerCase() || '+';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    primary: mods.has('cmdorctrl') || mods.has('commandorcontrol') || mods.has('ctrl') || mods.has('cmd'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
    key,
  };
}

/** What a key event carries that shortcuts read (a DOM KeyboardEvent fits). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  arrowdown: 'down',
  arrowup: 'up',
  arrowleft: 'left',
  arrowright: 'right',
  ' ': 'space',
  esc: 'escape',
};

/** The key of an event in accelerator terms: "ArrowDown" is "down", "N" is "n". */
export function keyName(key: string): string {
  const lower = key.toLowerCase();
  return KEY_NAMES[lower] ?? lower;
}

/** True when the event is this accelerator: Ctrl on Windows and Linux, Cmd on a Mac. */
export function matchesShortcut(event: KeyLike, accelerator: string, isMac: boolean): boolean {
  const want = parseAccelerator(accelerator);
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (primary !== want.primary || other || event.altKey !== want.alt) return false;
  const key = keyName(event.key);
  // Shift changes what some keys produce ("/" becomes "?"), so it is compared only where the accelerator names it
  // or where the key is a letter, digit or named key.
  if (want.shift !== event.shiftKey && (want.shift || /^[a-z0-9]$|^f\d+$|^(up|down|left|right)$/.test(key))) return false;
  return key === want.key;
}

/** The command a key event runs, if any. */
export function commandForKey(event: KeyLike, isMac: boolean): CommandId | null {
  for (const command of COMMANDS) {
    for (const accelerator of [command.accelerator, ...(command.alternatives ?? [])]) {
      if (matchesShortcut(event, accelerator, isMac)) return command.id;
    }
  }
  return null;
}

const DISPLAY: Readonly<Record<string, string>> = {
  down: '↓',
  up: '↑',
  left: '←',
  right: '→',
  ',': ',',
  '/': '/',
};

/** The keys of an accelerator for display, one label per key: ["Ctrl", "Shift", "L"] or ["⌘", "⇧", "L"]. */
export function acceleratorKeys(accelerator: string, isMac: boolean): string[] {
  const parsed = parseAccelerator(accelerator);
  const keys: string[] = [];
  if (parsed.primary) keys.push(isMac ? '⌘' : 'Ctrl');
  if (parsed.alt) keys.push(isMac ? '⌥' : 'Alt');
  if (parsed.shift) keys.push(isMac ? '⇧' : 'Shift');
  const key = DISPLAY[parsed.key] ?? (parsed.key.length === 1 ? parsed.key.toUpperCase() : parsed.key.replace(/^f(\d+)$/, 'F$1'));
  keys.push(key);
  return keys;
}

/** "Ctrl+Shift+L" (or "⌘⇧L" on a Mac), for titles and hints. */
export function acceleratorLabel(accelerator: string, isMac: boolean): string {
  return acceleratorKeys(accelerator, isMac).join(isMac ? '' : '+');
}
