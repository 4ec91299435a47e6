import { CHANNEL_NAMES, type StoryBankApi } from '../../../shared/ipc/contract.ts';
import { fail, type Result } from '../../../shared/ipc/result.ts';

/**
 * In the browser shell there is no preload: build the same window.storyBank from the contract's channel list,
 * forwarding each call over HTTP to the backend on 127.0.0.1. The browser adds the session cookie (HttpOnly, so
 * this code never sees it) because the call goes to the page's own origin.
 */
export function createBrowserShellBridge(): StoryBankApi {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input: unknown) => {
      const body = JSON.stringify(input ?? {});
      try {
        const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body,
          // A save sent as the page closes still reaches the backend (the browser caps keepalive bodies at 64 KB).
          keepalive: body.length < 60_000,
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return fail('storage-failed', 'Story Bank’s backend is not answering. Is it still running?');
      }
    };
  }
  return api as unknown as StoryBankApi;
}
