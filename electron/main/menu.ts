import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { HOST_EVENTS, type MenuCommand } from '../../shared/ipc/host-events.ts';

/** The application menu: the usual roles, plus the app's own commands with their shortcuts. */
export function buildMenu(getWindow: () => BrowserWindow | null, isMac: boolean): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(HOST_EVENTS.menuCommand, command);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Story', accelerator: 'CmdOrCtrl+N', click: send('new-story') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
