import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/chromium.ts';
import type { StoryDraft } from '../../shared/domain/story.ts';
import { ShellProcess } from '../../tests/e2e/fixtures.ts';

/**
 * Runs `use` with a page of the real app: a browser shell on a fresh data directory, in Debian's Chromium.
 * Everything is torn down afterwards, whatever happens.
 */
export async function withAppInChromium<T>(
  viewport: { width: number; height: number },
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-script-'));
  const shell = new ShellProcess(dataDir);
  const url = await shell.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(url);
    // The launch address hands over a session and moves to the clean one; the app is ready once it shows.
    await page.waitForURL(shell.origin);
    await page.getByText('Story Bank', { exact: true }).first().waitFor();
    return await use(page);
  } finally {
    await browser.close();
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates a story through the page's own window.storyBank and saves `draft` into it. */
export async function addStoryThroughPage(page: Page, draft: StoryDraft): Promise<void> {
  await page.evaluate(async (d) => {
    const created = await window.storyBank!['stories.create']({});
    if (!created.ok) throw new Error(created.error.message);
    const saved = await window.storyBank!['stories.save']({ id: created.value.id, sessionId: 'script-session', draft: d });
    if (!saved.ok) throw new Error(saved.error.message);
  }, draft);
}
