// Names only: the contract's schemas (zod, yaml through the importers) cannot load in a sandboxed preload.
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';
import { HOST_EVENTS } from '../../shared/ipc/host-events.ts';

// What the preload hands the page, built from plain functions so a unit test can check it without Electron: one
// named method per contract channel (never ipcRenderer, never a generic "invoke any channel"), frozen.

type Invoke = (channel: string, input: unknown) => Promise<unknown>;
type Listen = (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void;
type Send = (channel: string) => void;

export function buildStoryBankApi(invoke: Invoke): Readonly<Record<string, (input: unknown) => Promise<unknown>>> {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) api[channel] = (input: unknown) => invoke(channel, input);
  return Object.freeze(api);
}

export function buildHostApi(on: Listen, send: Send) {
  return Object.freeze({
    onFlushRequest(handler: () => Promise<void>): void {
      on(HOST_EVENTS.flushRequest, () => {
        void handler().finally(() => send(HOST_EVENTS.flushDone));
      });
    },
    onMenuCommand(handler: (command: string) => void): void {
      on(HOST_EVENTS.menuCommand, (_event, command) => {
        if (typeof command === 'string') handler(command);
      });
    },
  });
}
