import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module of the main process, written from Electron's documented API and, for the
 * quit sequence, from its source (shell/browser/browser.cc: Browser::Quit, OnWindowCloseCancelled,
 * OnWindowAllClosed). Only what main.cjs uses is here, and it refuses what Electron refuses: protocol.handle,
 * screen and session before `ready`, registerSchemesAsPrivileged after it, a second ipcMain.handle for a channel.
 * Besides the API, `FakeElectron` has driver methods (names starting with `drive`/`page`) a test uses to act as
 * Chromium and the user would: a navigation, a window.open, a request to app://, an IPC call from some frame.
 */

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

/** The event object Electron passes to preventable events. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventable(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type Listener = (...args: unknown[]) => unknown;

/** Emits to every listener and answers whether one called preventDefault(). */
function emitPreventable(emitter: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = preventable();
  emitter.emit(name, event, ...args);
  return event.defaultPrevented;
}

export interface SenderFrame {
  url: string;
  origin: string;
}

export function frameAt(url: string): SenderFrame {
  let origin = 'null';
  try {
    origin = new URL(url).origin;
  } catch {
    // A URL that does not parse has the opaque origin.
  }
  // Node's URL gives "null" as the origin of a non-special scheme; Chromium gives scheme://host for a standard one.
  if (origin === 'null' && /^app:\/\/[^/]+/.test(url)) origin = /^app:\/\/[^/]+/.exec(url)![0];
  return { url, origin };
}

export interface PdfCall {
  options: Record<string, unknown>;
  loadedFile: string | null;
  html: string | null;
}

export class FakeElectron {
  readonly log: string[] = [];
  readonly userData: string;
  displays: FakeDisplay[] = [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
  ];
  holdsLock = true;
  ready = false;
  quitting = false;
  shutDown = false;
  exitCode: number | null = null;
  readonly windows: FakeBrowserWindow[] = [];
  readonly privilegedSchemes: unknown[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly invokeHandlers = new Map<string, Listener>();
  readonly ipcEmitter = new EventEmitter();
  readonly opened: string[] = [];
  readonly shownInFolder: string[] = [];
  readonly errorBoxes: Array<[string, string]> = [];
  readonly pdfCalls: PdfCall[] = [];
  applicationMenu: FakeMenu | null = null;
  /** Called when a window with a preload loads the app's page: the harness runs the preload there. */
  onPageLoad: ((window: FakeBrowserWindow) => void) | null = null;
  /** Whether a print dialog "succeeds". */
  printSucceeds = true;

  readonly app: FakeApp;
  readonly module: Record<string, unknown>;
  readonly defaultSession: FakeSession;

  constructor(userData: string) {
    this.userData = userData;
    this.app = new FakeApp(this);
    this.defaultSession = new FakeSession();
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const BrowserWindow = class extends FakeBrowserWindow {
      constructor(options: Record<string, unknown> = {}) {
        super(fake, options);
      }
      static getAllWindows(): FakeBrowserWindow[] {
        return [...fake.windows];
      }
      static getFocusedWindow(): FakeBrowserWindow | null {
        return fake.windows.find((w) => w.focused) ?? null;
      }
    };
    this.module = {
      app: this.app,
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, listener: Listener) => {
          if (this.invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          this.invokeHandlers.set(channel, listener);
        },
        handleOnce: (channel: string, listener: Listener) => {
          this.invokeHandlers.set(channel, (...args: unknown[]) => {
            this.invokeHandlers.delete(channel);
            return listener(...args);
          });
        },
        removeHandler: (channel: string) => void this.invokeHandlers.delete(channel),
        on: (channel: string, listener: Listener) => this.ipcEmitter.on(channel, listener),
        once: (channel: string, listener: Listener) => this.ipcEmitter.once(channel, listener),
        removeListener: (channel: string, listener: Listener) => this.ipcEmitter.removeListener(channel, listener),
        off: (channel: string, listener: Listener) => this.ipcEmitter.off(channel, listener),
        removeAllListeners: (channel?: string) => this.ipcEmitter.removeAllListeners(channel),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => {
          if (this.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
          this.privilegedSchemes.push(...schemes);
        },
        handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
          this.requireReady('protocol.handle');
          if (this.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
          this.protocolHandlers.set(scheme, handler);
        },
        unhandle: (scheme: string) => void this.protocolHandlers.delete(scheme),
        isProtocolHandled: (scheme: string) => this.protocolHandlers.has(scheme),
      },
      session: {
        get defaultSession() {
          fake.requireReady('session.defaultSession');
          return fake.defaultSession;
        },
      },
      Menu: {
        buildFromTemplate: (template: MenuTemplateItem[]) => new FakeMenu(template),
        setApplicationMenu: (menu: FakeMenu | null) => {
          this.applicationMenu = menu;
        },
        getApplicationMenu: () => this.applicationMenu,
      },
      dialog: {
        showErrorBox: (title: string, content: string) => void this.errorBoxes.push([title, content]),
      },
      shell: {
        openExternal: async (url: string) => {
          this.opened.push(url);
        },
        showItemInFolder: (file: string) => void this.shownInFolder.push(file),
      },
      screen: {
        getAllDisplays: () => {
          this.requireReady('screen');
          return this.displays.map((d) => structuredClone(d));
        },
        getPrimaryDisplay: () => {
          this.requireReady('screen');
          return structuredClone(this.displays[0]!);
        },
      },
    };
  }

  requireReady(what: string): void {
    if (!this.ready) throw new Error(`${what} cannot be used before the app is ready`);
  }

  /** What Electron does once Chromium is up: the 'ready' event, then whenReady() resolves. */
  driveReady(): void {
    this.ready = true;
    this.app.emit('ready', preventable(), {});
    this.app.resolveReady();
  }

  /** Browser::Quit: before-quit (preventable), then every window is asked to close, then will-quit and quit. */
  quit(): void {
    if (this.quitting || this.shutDown) return;
    this.log.push('app.quit');
    if (emitPreventable(this.app, 'before-quit')) return;
    this.quitting = true;
    if (this.windows.length === 0) this.notifyAndShutdown();
    else for (const window of [...this.windows]) if (!window.destroyed) window.close();
  }

  notifyAndShutdown(): void {
    if (this.shutDown) return;
    if (emitPreventable(this.app, 'will-quit')) {
      this.quitting = false;
      return;
    }
    this.shutDown = true;
    this.log.push('shutdown');
    this.app.emit('quit', preventable(), 0);
  }

  /** WindowList observer: a window's close was prevented, so a quit in progress is cancelled. */
  windowCloseCancelled(): void {
    if (this.quitting) this.quitting = false;
  }

  windowClosed(window: FakeBrowserWindow): void {
    this.windows.splice(this.windows.indexOf(window), 1);
    if (this.windows.length > 0) return;
    if (this.exitCode !== null) return;
    if (this.quitting) this.notifyAndShutdown();
    else this.app.emit('window-all-closed', preventable());
  }

  /** A request the window's page makes to a scheme main handles (app://…). */
  async driveRequest(url: string): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME for ${url}`);
    return handler(new Request(url));
  }

  /** ipcRenderer.invoke from a frame: runs the handler with an IpcMainInvokeEvent carrying that sender frame. */
  async driveInvoke(channel: string, frame: SenderFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.invokeHandlers.get(channel);
    if (!handler) throw new Error(`Error: No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, frameId: 1, processId: 1, sender: this.windows[0]?.webContents }, ...args);
  }

  /** ipcRenderer.send from a frame of a web contents (the IpcMainEvent has both). */
  driveSend(channel: string, from: { frame: SenderFrame | null; sender: FakeWebContents }, ...args: unknown[]): void {
    this.ipcEmitter.emit(channel, { senderFrame: from.frame, sender: from.sender, reply() {} }, ...args);
  }

  /** A second launch of the app: Electron hands the running one 'second-instance'. */
  driveSecondInstance(argv: string[] = ['story-bank']): void {
    this.app.emit('second-instance', preventable(), argv, process.cwd(), {});
  }
}

export class FakeApp extends EventEmitter {
  readonly #fake: FakeElectron;
  readonly isPackaged = false;
  resolveReady!: () => void;
  readonly #ready: Promise<void>;

  constructor(fake: FakeElectron) {
    super();
    this.#fake = fake;
    this.#ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  whenReady(): Promise<void> {
    return this.#ready;
  }
  isReady(): boolean {
    return this.#fake.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.#fake.holdsLock;
  }
  getPath(name: string): string {
    if (name === 'userData' || name === 'appData' || name === 'sessionData') return this.#fake.userData;
    if (name === 'temp') return '/tmp';
    throw new Error(`Failed to get '${name}' path`);
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  getName(): string {
    return 'Story Bank';
  }
  quit(): void {
    this.#fake.quit();
  }
  exit(code = 0): void {
    // Every window is destroyed without 'close' (BrowserWindow.destroy), then the process ends.
    this.#fake.exitCode = code;
    for (const window of [...this.#fake.windows]) window.destroy();
    this.#fake.shutDown = true;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  readonly beforeRequest: Array<{ filter: { urls: string[] }; listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void }> = [];
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: FakeSession['beforeRequest'][number]['listener']) => {
      this.beforeRequest.push({ filter, listener });
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  /** What Chromium asks about a permission the page requests; answers what the handler granted. */
  drivePermissionRequest(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionRequestHandler) resolve(true);
      else this.permissionRequestHandler({}, permission, resolve, { requestingUrl: 'app://story-bank/index.html' });
    });
  }

  /** A request leaving the page: answers whether a webRequest listener whose filter matches cancelled it. */
  driveOutgoingRequest(url: string): Promise<boolean> {
    const matching = this.beforeRequest.find(({ filter }) => filter.urls.some((pattern) => matchPattern(pattern, url)));
    if (!matching) return Promise.resolve(false);
    return new Promise((resolve) => matching.listener({ url }, (response) => resolve(response.cancel === true)));
  }

  /** A download the page started that has now been saved (or not) at savePath. */
  driveDownload(savePath: string, state: 'completed' | 'cancelled' | 'interrupted'): void {
    const item = new EventEmitter() as EventEmitter & { getSavePath(): string };
    item.getSavePath = () => savePath;
    this.emit('will-download', preventable(), item, {});
    item.emit('done', preventable(), state);
  }
}

/** Chromium's match-pattern syntax, the part webRequest filters use: scheme://host/path with * wildcards. */
function matchPattern(pattern: string, url: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(url);
}

export class FakeWebContents extends EventEmitter {
  static #nextId = 1;
  readonly id = FakeWebContents.#nextId++;
  readonly #fake: FakeElectron;
  readonly window: FakeBrowserWindow;
  readonly sent: Array<[string, ...unknown[]]> = [];
  windowOpenHandler: ((details: { url: string; frameName: string; features: string; disposition: string }) => { action: string }) | null = null;
  url = '';
  loadedFile: string | null = null;
  /** Listeners the page (the preload) registered with ipcRenderer.on. */
  readonly pageListeners = new EventEmitter();
  destroyed = false;
  /** Pages loaded so far (did-finish-load count). */
  loads = 0;

  constructor(fake: FakeElectron, window: FakeBrowserWindow) {
    super();
    this.#fake = fake;
    this.window = window;
  }

  get session(): FakeSession {
    return this.#fake.defaultSession;
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
    this.pageListeners.emit(channel, { sender: {}, senderId: 0 }, ...args);
  }
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    const fs = await import('node:fs');
    const html = this.loadedFile && fs.existsSync(this.loadedFile) ? fs.readFileSync(this.loadedFile, 'utf8') : null;
    this.#fake.pdfCalls.push({ options, loadedFile: this.loadedFile, html });
    return Buffer.from(`%PDF-1.7 fake for ${this.loadedFile ?? this.url}`);
  }
  print(_options: Record<string, unknown>, callback?: (success: boolean, failureReason: string) => void): void {
    this.#fake.log.push('print-dialog');
    callback?.(this.#fake.printSucceeds, this.#fake.printSucceeds ? '' : 'cancelled');
  }

  /** Loads a page: did-start-navigation has no listener here, so straight to did-finish-load. */
  async load(url: string): Promise<void> {
    this.url = url;
    if (url.startsWith('app:')) {
      const response = await this.#fake.driveRequest(url);
      if (response.status !== 200) throw new Error(`ERR_FAILED (-2) loading '${url}'`);
    }
    if (this.window.options.webPreferences?.preload && url.startsWith('app:')) this.#fake.onPageLoad?.(this.window);
    this.loads += 1;
    this.emit('did-finish-load');
    this.window.emit('ready-to-show', preventable());
  }

  /**
   * A frame asks to go to `url` (a link click, location.href = …). As documented for Electron 45, will-frame-navigate
   * fires first for any frame with one argument, the details Event carrying the url; for the main frame
   * will-navigate follows (details Event, then the deprecated url, isInPlace, isMainFrame). A server redirect is
   * will-redirect with the same arguments as will-navigate. Answers whether the navigation happens.
   */
  driveNavigation(url: string, kind: 'main-frame' | 'sub-frame' | 'redirect' = 'main-frame'): boolean {
    const details = (): FakeEvent & { url: string } =>
      Object.assign(preventable(), { url, isSameDocument: false, isMainFrame: kind !== 'sub-frame', frame: frameAt(url), initiator: null });
    const emit = (name: string, withDeprecated: boolean): boolean => {
      const event = details();
      if (withDeprecated) this.emit(name, event, url, false, kind !== 'sub-frame', 1, 1);
      else this.emit(name, event);
      return event.defaultPrevented;
    };
    let prevented: boolean;
    if (kind === 'redirect') prevented = emit('will-redirect', true);
    else prevented = emit('will-frame-navigate', false) || (kind === 'main-frame' && emit('will-navigate', true));
    if (!prevented && kind !== 'sub-frame') this.url = url;
    return !prevented;
  }

  /** window.open / target=_blank: answers what the window-open handler decided (Electron allows with none). */
  driveWindowOpen(url: string): string {
    const answer = this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'foreground-tab' }) ?? { action: 'allow' };
    return answer.action;
  }

  /** A <webview> about to attach: answers whether it may. */
  driveAttachWebview(): boolean {
    return !emitPreventable(this, 'will-attach-webview', {}, {});
  }

  driveRenderProcessGone(reason = 'crashed'): void {
    this.emit('render-process-gone', preventable(), { reason, exitCode: 1 });
  }
}

export interface BrowserWindowOptions {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  show?: boolean;
  webPreferences?: Record<string, unknown> & { preload?: string };
  [key: string]: unknown;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly #fake: FakeElectron;
  readonly options: BrowserWindowOptions;
  readonly webContents: FakeWebContents;
  bounds: { x: number; y: number; width: number; height: number };
  visible: boolean;
  maximized = false;
  minimized = false;
  fullScreen = false;
  focused = false;
  destroyed = false;

  constructor(fake: FakeElectron, options: BrowserWindowOptions) {
    super();
    if (!fake.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.#fake = fake;
    this.options = options;
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show !== false;
    this.webContents = new FakeWebContents(fake, this);
    fake.windows.push(this);
    // Electron emits web-contents-created as the contents is made, before the constructor returns.
    fake.app.emit('web-contents-created', preventable(), this.webContents);
    fake.app.emit('browser-window-created', preventable(), this);
  }

  /** loadURL and loadFile calls so far (counted when called, before the page loads). */
  loadCalls = 0;

  loadURL(url: string): Promise<void> {
    this.loadCalls += 1;
    return this.webContents.load(url);
  }
  async loadFile(file: string): Promise<void> {
    this.loadCalls += 1;
    this.webContents.loadedFile = file;
    return this.webContents.load(`file://${file}`);
  }
  show(): void {
    this.visible = true;
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focused = true;
    this.#fake.log.push('window.focus');
  }
  isFocused(): boolean {
    return this.focused;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.#fake.log.push('window.restore');
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<FakeBrowserWindow['bounds']>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** BrowserWindow.close(): 'close' may be prevented (which cancels a quit); otherwise the window goes. */
  close(): void {
    if (this.destroyed) return;
    if (emitPreventable(this, 'close')) {
      this.#fake.log.push('close-prevented');
      this.#fake.windowCloseCancelled();
      return;
    }
    this.#finish();
  }

  /** Closes at once: no 'close' event, no beforeunload. */
  destroy(): void {
    if (!this.destroyed) this.#finish();
  }

  #finish(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.#fake.log.push('window-closed');
    this.emit('closed');
    this.webContents.emit('destroyed');
    this.#fake.windowClosed(this);
  }
}

export interface MenuTemplateItem {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: (...args: unknown[]) => void;
  submenu?: MenuTemplateItem[];
}

export class FakeMenu {
  readonly items: MenuTemplateItem[];
  constructor(template: MenuTemplateItem[]) {
    for (const item of template) {
      if (!item.label && !item.role && item.type !== 'separator') throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    this.items = template;
  }

  /** Every item that runs one of the app's own commands, flattened. */
  commandItems(): MenuTemplateItem[] {
    const out: MenuTemplateItem[] = [];
    const walk = (items: MenuTemplateItem[]): void => {
      for (const item of items) {
        if (item.click) out.push(item);
        if (item.submenu) walk(item.submenu);
      }
    };
    walk(this.items);
    return out;
  }

  roles(): string[] {
    const out: string[] = [];
    const walk = (items: MenuTemplateItem[]): void => {
      for (const item of items) {
        if (item.role) out.push(item.role);
        if (item.submenu) walk(item.submenu);
      }
    };
    walk(this.items);
    return out;
  }
}
