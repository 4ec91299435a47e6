import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/contract.ts';
import { HOST_EVENTS } from '../../shared/ipc/host-events.ts';

// One named method per contract channel; the page never sees ipcRenderer itself.
const storyBank = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
);

contextBridge.exposeInMainWorld('storyBank', storyBank);
contextBridge.exposeInMainWorld('storyBankHost', {
  onFlushRequest(handler: () => Promise<void>) {
    ipcRenderer.on(HOST_EVENTS.flushRequest, () => {
      void handler().finally(() => ipcRenderer.send(HOST_EVENTS.flushDone));
    });
  },
  onMenuCommand(handler: (command: string) => void) {
    ipcRenderer.on(HOST_EVENTS.menuCommand, (_event, command: unknown) => {
      if (typeof command === 'string') handler(command);
    });
  },
});
