import { contextBridge, ipcRenderer } from 'electron';
import { buildHostApi, buildStoryBankApi } from './bridge.ts';

// One named method per contract channel; the page never sees ipcRenderer itself.
contextBridge.exposeInMainWorld('storyBank', buildStoryBankApi((channel, input) => ipcRenderer.invoke(channel, input)));
contextBridge.exposeInMainWorld(
  'storyBankHost',
  buildHostApi(
    (channel, listener) => ipcRenderer.on(channel, listener),
    (channel) => ipcRenderer.send(channel),
  ),
);
