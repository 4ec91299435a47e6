import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hardenSession, hardenWebContents, type NavigationEvent, REMOTE_REQUESTS } from '../../../electron/main/hardening.ts';
import { guardedIpcHandler } from '../../../electron/main/ipc-guard.ts';
import { RENDERER_HEADERS, serveRendererRequest } from '../../../electron/main/renderer-protocol.ts';
import { claimSingleInstance } from '../../../electron/main/single-instance.ts';
import { MAIN_WINDOW_URL, mainWindowOptions } from '../../../electron/main/window-options.ts';
import { buildHostApi, buildStoryBankApi } from '../../../electron/preload/bridge.ts';
import { CHANNEL_NAMES, type Handlers } from '../../../shared/ipc/contract.ts';
import { HOST_EVENTS } from '../../../shared/ipc/host-events.ts';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp.ts';
import { APP_ORIGIN, isAllowedExternalUrl, isTrustedRendererUrl } from '../../../shared/security/origin.ts';
import { tempDir } from '../../support/temp-dir.ts';

// One describe per item of the Electron security checklist (docs/SECURITY.md). Electron cannot start on the test
// machine, so each test drives the plain function main.ts uses, with plain objects standing in for Electron's.

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const failed = new Set<string>();
const items = new Set<string>();
/** Registers a checklist item; it counts as passed when none of its tests failed. */
function item(name: string, body: () => void): void {
  items.add(name);
  describe(name, () => {
    beforeEach(({ onTestFailed }) => onTestFailed(() => void failed.add(name)));
    body();
  });
}

afterAll(() => {
  fs.mkdirSync(path.join(root, 'test-results', 'reliability'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'test-results', 'reliability', 'security-checklist.json'),
    `${JSON.stringify({ items: items.size, passed: items.size - failed.size, failed: [...failed] }, null, 2)}\n`,
  );
});

const prefs = mainWindowOptions('/app/preload.cjs').webPreferences ?? {};

item('1. no Node.js integration in the renderer', () => {
  it('turns Node integration off everywhere', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
});

item('2. context isolation', () => {
  it('isolates the preload from the page', () => expect(prefs.contextIsolation).toBe(true));
});

item('3. process sandbox', () => {
  it('sandboxes the renderer', () => expect(prefs.sandbox).toBe(true));
});

item('4. web security stays on, no insecure content, no experimental features', () => {
  it('keeps the defaults that must not be loosened', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures ?? '').toBe('');
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });
});

item('5. a Content-Security-Policy with no inline script', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
  it('allows only the app’s own scripts, never inline or eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|nonce-|sha256-/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
  it('is sent with every file the app:// scheme serves', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<html></html>');
    const response = await serveRendererRequest(dir, `${APP_ORIGIN}/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(RENDERER_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

item('6. no remote content', () => {
  it('loads the window from the app’s own scheme', () => {
    expect(MAIN_WINDOW_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });
  it('lets the CSP connect, load and embed only the app itself', () => {
    for (const part of CONTENT_SECURITY_POLICY.split(';')) expect(part).not.toMatch(/https?:|wss?:|\*/);
  });
  it('cancels every http, https, ws and ftp request of the session', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    expect(fake.requestFilter).toEqual(REMOTE_REQUESTS);
    for (const scheme of ['http', 'https', 'ws', 'wss', 'ftp']) expect(REMOTE_REQUESTS.urls).toContain(`${scheme}://*/*`);
    let answer: { cancel: boolean } | null = null;
    fake.onRequest?.({ url: 'https://example.com/x.js' }, (response) => (answer = response));
    expect(answer).toEqual({ cancel: true });
  });
  it('serves nothing outside the built renderer, and nothing for another host', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<html></html>');
    fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'secret');
    for (const url of [
      `${APP_ORIGIN}/../secret.txt`,
      `${APP_ORIGIN}/%2e%2e/secret.txt`,
      `${APP_ORIGIN}/%2e%2e%2fsecret.txt`,
      'app://other-host/index.html',
      `${APP_ORIGIN}/%E0%A4%A`,
      `${APP_ORIGIN}/missing.js`,
    ]) {
      expect((await serveRendererRequest(dir, url)).status, url).toBe(404);
    }
  });
});

/** A web contents stand-in recording the handlers hardenWebContents installs. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const opened: string[] = [];
  const contents = {
    on(event: string, listener: (event: NavigationEvent, url?: string) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  hardenWebContents(contents, (url) => opened.push(url));
  // As Electron 45 emits them: the url on the event; will-navigate and will-redirect repeat it as a deprecated second
  // argument, will-frame-navigate has none.
  const prevented = (event: string, url: string): boolean => {
    let stopped = false;
    const details = { url, preventDefault: () => (stopped = true) };
    if (event === 'will-frame-navigate') listeners.get(event)?.(details);
    else listeners.get(event)?.(details, url);
    return stopped;
  };
  return { listeners, opened, prevented, open: (url: string) => openHandler?.({ url }) };
}

item('7. navigation and new windows denied', () => {
  it('blocks navigating or redirecting away from the app, in the window and in frames', () => {
    const fake = fakeContents();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(fake.prevented(event, 'https://example.com/'), event).toBe(true);
      expect(fake.prevented(event, 'file:///etc/passwd'), event).toBe(true);
      expect(fake.prevented(event, 'app://story-bank.evil/'), event).toBe(true);
      expect(fake.prevented(event, `${APP_ORIGIN}/index.html`), event).toBe(false);
    }
  });
  it('denies every new window and webview', () => {
    const fake = fakeContents();
    expect(fake.open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.prevented('will-attach-webview', '')).toBe(true);
  });
});

item('8. external links only for https and mailto', () => {
  it('accepts https and mailto links only', () => {
    for (const url of ['https://www.amazon.jobs/content/en/our-workplace/leadership-principles', 'mailto:me@example.com']) {
      expect(isAllowedExternalUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://server/share',
      'data:text/html,<script>1</script>',
      'vbscript:x',
      'ms-msdt:/id',
      'https:/missing-slash',
      'mailto:',
      ' https://example.com',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
  it('hands only allowed links to the system, from the window-open handler', () => {
    const fake = fakeContents();
    fake.open('https://example.com/page');
    fake.open('file:///etc/passwd');
    fake.open('javascript:alert(1)');
    fake.open('mailto:me@example.com');
    expect(fake.opened).toEqual(['https://example.com/page', 'mailto:me@example.com']);
  });
});

/** A session stand-in recording the handlers hardenSession installs. */
function fakeSession() {
  const recorded: {
    onPermission?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    onCheck?: (...args: unknown[]) => boolean;
    onRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
    requestFilter?: { urls: string[] };
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: NonNullable<typeof recorded.onPermission>) => (recorded.onPermission = handler),
    setPermissionCheckHandler: (handler: NonNullable<typeof recorded.onCheck>) => (recorded.onCheck = handler),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, handler: NonNullable<typeof recorded.onRequest>) => {
        recorded.requestFilter = filter;
        recorded.onRequest = handler;
      },
    },
  };
  return Object.assign(recorded, { session });
}

item('9. permission requests denied', () => {
  it('refuses every permission request and check', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      let granted: boolean | null = null;
      fake.onPermission?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(fake.onCheck?.({}, permission, 'app://story-bank', {})).toBe(false);
    }
  });
});

item('10. IPC senders validated', () => {
  const handlers = { 'tags.list': () => ['from-backend'] } as unknown as Handlers;
  const handle = guardedIpcHandler('tags.list', () => handlers);
  it('answers calls from the app’s own frame', async () => {
    expect(await handle({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, {})).toEqual({ ok: true, value: ['from-backend'] });
  });
  it('refuses calls from any other frame, or none', async () => {
    for (const event of [
      { senderFrame: { url: 'https://example.com/' } },
      { senderFrame: { url: 'app://story-bank.evil/index.html' } },
      { senderFrame: { url: 'file:///tmp/index.html' } },
      { senderFrame: { url: '' } },
      { senderFrame: null },
      {},
    ]) {
      expect(await handle(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(isTrustedRendererUrl('app://story-bankx/')).toBe(false);
  });
});

item('11. only the named API in the preload', () => {
  it('exposes one method per contract channel and nothing else, frozen', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildStoryBankApi(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const channel of CHANNEL_NAMES) expect(typeof api[channel]).toBe('function');
    await api['stories.list']?.({ query: 'x' });
    expect(calls).toEqual([['stories.list', { query: 'x' }]]);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });
  it('gives the host API only its two named hooks, on fixed channels', () => {
    const subscribed: string[] = [];
    const host = buildHostApi(
      (channel) => subscribed.push(channel),
      () => undefined,
    );
    expect(Object.keys(host).sort()).toEqual(['onFlushRequest', 'onMenuCommand']);
    host.onFlushRequest(async () => undefined);
    host.onMenuCommand(() => undefined);
    expect(subscribed).toEqual([HOST_EVENTS.flushRequest, HOST_EVENTS.menuCommand]);
  });
  it('puts exactly window.storyBank and window.storyBankHost into the page, built by the bridge', () => {
    const source = fs.readFileSync(path.join(root, 'electron', 'preload', 'preload.ts'), 'utf8');
    const exposed = [...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['storyBank', 'storyBankHost']);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });
});

item('12. a single instance', () => {
  it('quits a second instance at once', () => {
    const events: string[] = [];
    const app = {
      requestSingleInstanceLock: () => false,
      quit: () => events.push('quit'),
      on: (event: string) => events.push(`on:${event}`),
    };
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(events).toEqual(['quit']);
  });
  it('lets the first instance run and brings it forward when another starts', () => {
    let listener: (() => void) | null = null;
    let focused = 0;
    const app = {
      requestSingleInstanceLock: () => true,
      quit: () => {
        throw new Error('must not quit');
      },
      on: (_event: 'second-instance', handler: () => void) => (listener = handler),
    };
    expect(claimSingleInstance(app, () => focused++)).toBe(true);
    (listener as (() => void) | null)?.();
    expect(focused).toBe(1);
  });
  it('is the first thing main.ts does', () => {
    const source = fs.readFileSync(path.join(root, 'electron', 'main', 'main.ts'), 'utf8');
    expect(source).toMatch(/^if \(claimSingleInstance\(app, focusExisting\)\) \{/m);
  });
});

item('13. Electron fuses set in the packaging config', () => {
  const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('%s is %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });
});
