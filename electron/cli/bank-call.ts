import { dispatch } from '../../shared/ipc/dispatch.ts';
import type { ChannelName, Handlers, InputOf, OutputOf } from '../../shared/ipc/contract.ts';

/** A channel the CLI called refused: its message is for the user (the command exits 2 with it). */
export class BankCallError extends Error {}

/** Calls a channel of the opened bank as the app would; a refusal throws BankCallError with the backend's message. */
export async function call<C extends ChannelName>(handlers: Handlers, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new BankCallError(result.error.message);
  return result.value as OutputOf<C>;
}
