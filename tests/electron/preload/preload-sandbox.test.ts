import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../../shared/ipc/contract.ts';
import { HOST_EVENTS } from '../../../shared/ipc/host-events.ts';
import { buildPreload } from '../../../scripts/build.ts';

/**
 * Runs the built preload bundle the way Electron runs a sandboxed preload (its "Process Sandboxing" page): the code
 * is wrapped in a function whose only way out is a `require` that knows electron, events, timers and url, beside
 * process, Buffer, global, setImmediate, clearImmediate, module and exports. There is no __filename, no __dirname
 * and no Node `require` of anything else. The fake electron records what the bundle does with contextBridge and
 * ipcRenderer, so the test can check the page gets one method per channel and nothing more.
 */

const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

interface Recorded {
  exposed: Map<string, unknown>;
  invoked: Array<[string, unknown]>;
  listeners: Map<string, (event: unknown, ...args: unknown[]) => void>;
  sent: string[];
}

function runSandboxedPreload(code: string): Recorded {
  const recorded: Recorded = { exposed: new Map(), invoked: [], listeners: new Map(), sent: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        if (recorded.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        recorded.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        recorded.invoked.push([channel, args[0]]);
        return Promise.resolve({ ok: true, value: channel });
      },
      on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        recorded.listeners.set(channel, listener);
      },
      send(channel: string) {
        recorded.sent.push(channel);
      },
    },
    crashReporter: {},
    nativeImage: {},
    webFrame: {},
    webUtils: {},
  };
  const sandboxRequire = (name: string): unknown => {
    if (!SANDBOX_MODULES.has(name)) throw new Error(`module not found: ${name}`);
    if (name === 'electron') return electron;
    if (name === 'events') return { EventEmitter: class {} };
    if (name === 'timers') return { setTimeout, clearTimeout, setInterval, clearInterval };
    return { URL, URLSearchParams };
  };
  const module = { exports: {} };
  const context = vm.createContext({ console });
  const wrapper = vm.runInContext(
    `(function (exports, require, module, process, Buffer, global, setImmediate, clearImmediate) {${code}\n})`,
    context,
    { filename: 'preload.cjs' },
  ) as (...args: unknown[]) => void;
  const fakeProcess = { platform: 'linux', env: {}, versions: { electron: '39.0.0', chrome: '142.0.0.0' }, type: 'renderer', sandboxed: true };
  wrapper(module.exports, sandboxRequire, module, fakeProcess, Buffer, context, setImmediate, clearImmediate);
  return recorded;
}

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-preload-'));
  const file = path.join(dir, 'preload.cjs');
  await buildPreload(file);
  bundle = fs.readFileSync(file, 'utf8');
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built preload in a sandboxed renderer', () => {
  it('loads without __filename, Node built-ins or any module beyond the sandbox four', () => {
    expect(() => runSandboxedPreload(bundle)).not.toThrow();
    expect(bundle).not.toMatch(/__filename|__dirname/);
    // Small because it carries names, not schemas: the old bundle with the contract and yaml was 606 KB.
    expect(Buffer.byteLength(bundle)).toBeLessThan(8 * 1024);
  });

  it('exposes exactly the storyBank and storyBankHost objects', () => {
    const { exposed } = runSandboxedPreload(bundle);
    expect([...exposed.keys()].sort()).toEqual(['storyBank', 'storyBankHost']);
    expect(Object.keys(exposed.get('storyBankHost') as object).sort()).toEqual(['onFlushRequest', 'onMenuCommand']);
  });

  it('gives the page one method per contract channel, each invoking that channel with its input', async () => {
    const recorded = runSandboxedPreload(bundle);
    const api = recorded.exposed.get('storyBank') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const channel of CHANNEL_NAMES) {
      const input = { probe: channel };
      await expect(api[channel]!(input)).resolves.toEqual({ ok: true, value: channel });
      expect(recorded.invoked.at(-1)).toEqual([channel, input]);
    }
    expect(recorded.invoked).toHaveLength(CHANNEL_NAMES.length);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('answers a flush request once the page has saved, and passes menu commands through', async () => {
    const recorded = runSandboxedPreload(bundle);
    const host = recorded.exposed.get('storyBankHost') as { onFlushRequest(h: () => Promise<void>): void; onMenuCommand(h: (c: string) => void): void };
    let saved = false;
    host.onFlushRequest(async () => {
      saved = true;
    });
    recorded.listeners.get(HOST_EVENTS.flushRequest)!({});
    await new Promise((resolve) => setImmediate(resolve));
    expect(saved).toBe(true);
    expect(recorded.sent).toEqual([HOST_EVENTS.flushDone]);
    const commands: string[] = [];
    host.onMenuCommand((command) => commands.push(command));
    recorded.listeners.get(HOST_EVENTS.menuCommand)!({}, 'new-story');
    recorded.listeners.get(HOST_EVENTS.menuCommand)!({}, 42);
    expect(commands).toEqual(['new-story']);
  });
});
