import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/support/chromium.ts';

/** The worker option tests/e2e/fixtures.ts reads to pick the host a project drives. */
type HostOptions = { hostName: 'browser-shell' | 'electron' };

/**
 * The Electron host: with STORY_BANK_ELECTRON naming an Electron binary, the same e2e suite runs a second time in
 * the desktop app (less the tests tagged @browser-shell, which need the shell's HTTP side), with the app's own
 * smoke test (tests/e2e-electron). Without one it is skipped, and the run says so once, in its first line.
 */
const ELECTRON = process.env.STORY_BANK_ELECTRON;
const projects: PlaywrightTestConfig<HostOptions>['projects'] = [
  { name: 'browser-shell', testDir: 'tests/e2e', use: { hostName: 'browser-shell' } },
];
if (ELECTRON) {
  projects.push({
    name: 'electron',
    testDir: 'tests',
    testMatch: /\/(e2e|e2e-electron)\/[^/]+\.e2e\.ts$/,
    grepInvert: /@browser-shell/,
    use: { hostName: 'electron' },
  });
} else if (!process.env.STORY_BANK_QUIET_HOSTS) {
  console.log('Skipping the Electron host: no Electron binary here (set STORY_BANK_ELECTRON=/path/to/electron to run it).');
  process.env.STORY_BANK_QUIET_HOSTS = '1'; // Playwright loads this file again in its workers: say it once
}

export default defineConfig<HostOptions>({
  testMatch: '**/*.e2e.ts',
  projects,
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
