import { defineConfig } from '@playwright/test';

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

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
});
