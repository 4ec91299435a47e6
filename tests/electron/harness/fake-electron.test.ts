import { describe, expect, it } from 'vitest';
import { type FakeBrowserWindow, FakeElectron, type FakeEvent } from './fake-electron.ts';

// The stand-in must refuse what Electron refuses and order the quit as Electron does (shell/browser/browser.cc),
// or the main-process tests would pass against a lifecycle the real app never sees.

type Api = {
  app: FakeElectron['app'];
  BrowserWindow: new (options?: Record<string, unknown>) => FakeBrowserWindow;
  protocol: { handle(scheme: string, handler: () => Response): void; registerSchemesAsPrivileged(schemes: unknown[]): void };
  ipcMain: { handle(channel: string, listener: () => unknown): void };
  screen: { getPrimaryDisplay(): unknown };
  session: { defaultSession: unknown };
};

function fresh(): { fake: FakeElectron; api: Api; events: string[] } {
  const fake = new FakeElectron('/tmp/story-bank-fake');
  const events: string[] = [];
  for (const name of ['before-quit', 'will-quit', 'quit', 'window-all-closed']) fake.app.on(name, () => events.push(name));
  return { fake, api: fake.module as unknown as Api, events };
}

describe('the fake electron module', () => {
  it('refuses windows, protocol handlers, screen and session before ready, and privileged schemes after', () => {
    const { fake, api } = fresh();
    expect(() => new api.BrowserWindow({})).toThrow(/before app is ready/);
    expect(() => api.protocol.handle('app', () => new Response(''))).toThrow(/before the app is ready/);
    expect(() => api.screen.getPrimaryDisplay()).toThrow();
    expect(() => api.session.defaultSession).toThrow();
    api.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    fake.driveReady();
    expect(() => api.protocol.registerSchemesAsPrivileged([{ scheme: 'x' }])).toThrow(/before app is ready/);
    expect(() => new api.BrowserWindow({})).not.toThrow();
  });

  it('refuses a second ipcMain.handle for one channel', () => {
    const { api } = fresh();
    api.ipcMain.handle('a', () => 1);
    expect(() => api.ipcMain.handle('a', () => 2)).toThrow(/second handler/);
  });

  it('quits with no window straight to will-quit and quit, without window-all-closed', () => {
    const { fake, events } = fresh();
    fake.driveReady();
    fake.app.quit();
    expect(events).toEqual(['before-quit', 'will-quit', 'quit']);
  });

  it('closes every window on quit, then will-quit; a prevented close cancels the quit', () => {
    const { fake, api, events } = fresh();
    fake.driveReady();
    const window = new api.BrowserWindow({});
    let hold = true;
    window.on('close', (event: FakeEvent) => {
      if (hold) event.preventDefault();
    });
    fake.app.quit();
    expect(events).toEqual(['before-quit']);
    expect(fake.quitting).toBe(false);
    // Closing it later is an ordinary close: the last window going emits window-all-closed, not will-quit.
    hold = false;
    window.close();
    expect(events).toEqual(['before-quit', 'window-all-closed']);
    expect(fake.shutDown).toBe(false);
    fake.app.quit();
    expect(events).toEqual(['before-quit', 'window-all-closed', 'before-quit', 'will-quit', 'quit']);
  });

  it('a prevented will-quit keeps the app running', () => {
    const { fake, events } = fresh();
    fake.driveReady();
    fake.app.once('will-quit', (event: FakeEvent) => event.preventDefault());
    fake.app.quit();
    expect(fake.shutDown).toBe(false);
    fake.app.quit();
    expect(fake.shutDown).toBe(true);
    expect(events.filter((e) => e === 'before-quit')).toHaveLength(2);
  });

  it('passes will-frame-navigate one details event and will-navigate the deprecated url too', () => {
    const { fake, api } = fresh();
    fake.driveReady();
    const window = new api.BrowserWindow({});
    const seen: unknown[][] = [];
    window.webContents.on('will-frame-navigate', (...args: unknown[]) => seen.push(['frame', ...args]));
    window.webContents.on('will-navigate', (...args: unknown[]) => seen.push(['main', ...args]));
    expect(window.webContents.driveNavigation('https://example.com/')).toBe(true);
    expect(seen.map((args) => [args[0], args.length, (args[1] as { url: string }).url])).toEqual([
      ['frame', 2, 'https://example.com/'],
      ['main', 7, 'https://example.com/'],
    ]);
  });
});
