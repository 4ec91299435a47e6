import type { Handlers } from '../../shared/ipc/contract.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { fail, type Result } from '../../shared/ipc/result.ts';
import { isTrustedRendererUrl } from '../../shared/security/origin.ts';

/** The part of an IpcMainInvokeEvent the guard reads. */
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

/** Whether a message comes from a frame showing the app's own renderer (app://story-bank/…). */
export function isTrustedSender(event: IpcEventLike): boolean {
  return isTrustedRendererUrl(event.senderFrame?.url ?? '');
}

/**
 * The ipcMain handler for one channel: the call is dispatched only when it comes from a frame showing the app's
 * own renderer (app://story-bank/…); anything else (another origin, a detached or missing frame) is refused.
 */
export function guardedIpcHandler(
  channel: string,
  handlers: () => Handlers,
): (event: IpcEventLike, input: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event)) {
      return fail('forbidden', 'Calls are accepted only from Story Bank’s own window.');
    }
    return dispatch(handlers(), channel, input);
  };
}
