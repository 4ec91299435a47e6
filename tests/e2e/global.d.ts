import type { StoryBankApi } from '../../shared/ipc/contract.ts';

declare global {
  interface Window {
    storyBank?: StoryBankApi;
  }
}
