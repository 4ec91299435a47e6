import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// The desktop app itself, where an Electron binary can be had (STORY_BANK_ELECTRON=/path/to/electron): the built
// main process, the sandboxed preload and the renderer in a real BrowserWindow. The electron project
// (playwright.config.ts) runs this beside the shared suite in tests/e2e; these machines have no Electron.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

test('the window reaches the backend through the sandboxed preload, and a story is saved and listed', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-electron-'));
  const app = await electron.launch({
    executablePath: process.env.STORY_BANK_ELECTRON!,
    args: [repoRoot],
    env: { ...process.env, STORY_BANK_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/story-bank\//);
    // The bridge the preload exposes, and nothing of Node.
    expect(await page.evaluate(() => ({ bridge: typeof (window as unknown as { storyBank?: unknown }).storyBank, require: typeof (window as unknown as { require?: unknown }).require }))).toEqual({ bridge: 'object', require: 'undefined' });
    await page.getByRole('button', { name: 'New story' }).click();
    await page.locator('.title-input').fill('Written in Electron');
    await expect(page.locator('.story-item', { hasText: 'Written in Electron' })).toBeVisible();
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
