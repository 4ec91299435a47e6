// Which Chromium the e2e tests and scripts launch, and how. Kept apart from playwright.config.ts, which prints
// the Electron host's skip line when loaded, so scripts can import these without it.

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM = process.env.STORY_BANK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a Chromium that makes no connection of its own (this machine's network is closed) and runs as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
