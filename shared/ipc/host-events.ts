/** Messages between Electron's main process and the page that are not backend calls. */
export const HOST_EVENTS = {
  /** main -> page: save everything now, the window is closing. */
  flushRequest: 'host:flush-request',
  /** page -> main: everything is saved (or could not be). */
  flushDone: 'host:flush-done',
  /** main -> page: a menu item was chosen (payload: the command name). */
  menuCommand: 'host:menu-command',
} as const;

export type MenuCommand = 'new-story';
