import type { CommandId } from '../keyboard/shortcuts.ts';

/** Messages between Electron's main process and the page that are not backend calls. */
export const HOST_EVENTS = {
  /** main -> page: save everything now, the window is closing. */
  flushRequest: 'host:flush-request',
  /** page -> main: everything is saved (or could not be). */
  flushDone: 'host:flush-done',
  /** main -> page: a menu item was chosen (payload: the command name). */
  menuCommand: 'host:menu-command',
} as const;

/** A menu item's command: one of the app's commands (shared/keyboard/shortcuts.ts). */
export type MenuCommand = CommandId;
