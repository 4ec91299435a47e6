import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { HOST_EVENTS, type MenuCommand } from '../../shared/ipc/host-events.ts';
import { COMMANDS, type MenuGroup } from '../../shared/keyboard/shortcuts.ts';

/**
 * The application menu: the usual roles, plus the app's own commands with their shortcuts. The commands and their
 * accelerators come from shared/keyboard/shortcuts.ts, the list the page's key handler and shortcuts sheet read.
 */
export function buildMenu(getWindow: () => BrowserWindow | null, isMac: boolean): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(HOST_EVENTS.menuCommand, command);
  const items = (group: MenuGroup): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c) => c.menu === group).map((c) => ({ label: c.label, accelerator: c.accelerator, click: send(c.id) }));
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [...items('File'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    { label: 'Go', submenu: items('Go') },
    {
      label: 'View',
      submenu: [
        ...items('View'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: items('Help') },
  ];
  return Menu.buildFromTemplate(template);
}
