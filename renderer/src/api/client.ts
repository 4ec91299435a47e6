import type { ChannelName, InputOf, OutputOf, StoryBankApi } from '../../../shared/ipc/contract.ts';
import type { AppErrorInfo } from '../../../shared/ipc/result.ts';
import { noteResult } from './storage-alerts.ts';

declare global {
  interface Window {
    storyBank?: StoryBankApi;
    storyBankHost?: {
      /** Electron asks the page to save before its window closes. */
      onFlushRequest(handler: () => Promise<void>): void;
      onMenuCommand(handler: (command: string) => void): void;
    };
  }
}

export class ApiError extends Error {
  readonly code: AppErrorInfo['code'];
  constructor(info: AppErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
  }
}

function bridge(): StoryBankApi {
  if (!window.storyBank) throw new Error('Story Bank’s backend is not connected.');
  return window.storyBank;
}

/** Calls one channel and unwraps its result: a failure becomes an ApiError carrying the backend's message. */
export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const method = bridge()[channel] as (input: InputOf<C>) => Promise<
    { ok: true; value: OutputOf<C> } | { ok: false; error: AppErrorInfo }
  >;
  const result = await method(input);
  noteResult(channel, result);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
