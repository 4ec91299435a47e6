import { channel } from './channel.ts';
import { empty } from './schemas.ts';

/** Channels for the sample stories offered on first run. Spread into the contract (contract.ts). */

export interface SamplesState {
  /** Ids of the sample stories in the bank (trash included). */
  ids: string[];
  /** How many samples the app ships. */
  available: number;
}

export const samplesChannels = {
  'samples.list': channel<SamplesState>()(empty),
  /** Adds the sample stories that are not in the bank yet. */
  'samples.add': channel<SamplesState & { added: number }>()(empty),
  /** Deletes every sample story for good, edited or not. */
  'samples.remove': channel<{ removed: number }>()(empty),
} as const;
