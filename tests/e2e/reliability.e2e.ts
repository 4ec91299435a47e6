import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { openAppBackend } from '../../electron/backend/app-backend.ts';
import { DATABASE_FILE } from '../../electron/backend/data-dir.ts';
import { latestVersion } from '../../electron/backend/migrations/index.ts';
import { BROWSER_SHELL_ONLY, expect, ShellProcess, test } from './fixtures.ts';
import { BackupsPage, RecoveryPage } from './pages/reliability-pages.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

const SCREENSHOTS = 'test-results/screenshots';

/** A data directory holding a bank with these stories and a start-up backup of it, as after a few days of use. */
async function seededDir(titles: string[]): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-e2e-'));
  const app = await openAppBackend({ dataDir, appVersion: 'e2e', backupIntervalMs: 0 });
  for (const title of titles) await app.handlers['stories.create']({ title });
  await app.close();
  const again = await openAppBackend({ dataDir, appVersion: 'e2e', backupIntervalMs: 0 });
  await again.startupBackup;
  await again.close();
  return dataDir;
}

/** Runs a browser shell on a prepared data directory for one test. */
async function withShell<T>(dataDir: string, body: (shell: ShellProcess) => Promise<T>): Promise<T> {
  const shell = new ShellProcess(dataDir);
  await shell.start();
  try {
    return await body(shell);
  } finally {
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test('a damaged database opens the recovery screen, and restoring the newest backup brings the stories back', { tag: BROWSER_SHELL_ONLY }, async ({ page }) => {
  const dataDir = await seededDir(['Pager storm', 'Late migration']);
  fs.writeFileSync(path.join(dataDir, DATABASE_FILE), 'this is not a database any more\n'.repeat(300));
  await withShell(dataDir, async (shell) => {
    const recovery = new RecoveryPage(page);
    await page.goto(shell.url);
    await expect(recovery.heading).toHaveText('Story Bank could not open your stories');
    await expect(recovery.screen).toContainText('cannot be read');
    await expect(recovery.backupChoices()).toHaveCount(1);
    await expect(recovery.backupChoices().first()).toContainText('2 stories');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-screen.png`, fullPage: true });

    await recovery.moveAside.click();
    await expect(recovery.screen).toContainText('now kept as');
    await expect(recovery.moveAside).toHaveCount(0);
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('story-bank.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0] ?? ''), 'utf8')).toContain('this is not a database any more');

    await recovery.restoreNewest.click();
    const app = new StoryBankPage(page);
    await expect(app.storyItem('Pager storm')).toBeVisible();
    await expect(app.storyItem('Late migration')).toBeVisible();
    // Writing works again on the restored bank.
    await app.newStory();
    await app.title.fill('Written after recovery');
    await app.waitSaved();
  });
});

test('an emptied bank warns instead of silently starting fresh, and starting fresh is a deliberate choice', { tag: BROWSER_SHELL_ONLY }, async ({ page }) => {
  const dataDir = await seededDir(['One', 'Two', 'Three']);
  fs.rmSync(path.join(dataDir, DATABASE_FILE));
  await withShell(dataDir, async (shell) => {
    const recovery = new RecoveryPage(page);
    await page.goto(shell.url);
    await expect(recovery.heading).toHaveText('Your stories seem to be missing');
    await expect(recovery.screen).toContainText('held 3 stories');
    await recovery.startFresh.click();
    await recovery.confirmFresh.click();
    await expect(new StoryBankPage(page).emptyState).toBeVisible();
  });
});

test('the Backups screen lists backups with date, size and story count, backs up now, and restores one', { tag: BROWSER_SHELL_ONLY }, async ({ page }) => {
  const dataDir = await seededDir(['Kept story']);
  await withShell(dataDir, async (shell) => {
    const app = new StoryBankPage(page);
    const backups = new BackupsPage(page);
    await app.open(shell.url);
    await app.newStory();
    await app.title.fill('Written after the backup');
    await app.waitSaved();

    await backups.open();
    // The start-up backup of this run (2 backups of 1 story: the seeding run's and this one's).
    await expect(backups.rows.first()).toContainText('1 story');
    await expect(backups.rows.first()).toContainText('At start-up');
    await expect(backups.rows.first()).toContainText(/\d+ KB/);
    const before = await backups.rows.count();
    await backups.backUpNow.click();
    await expect(page.getByRole('status').filter({ hasText: 'Backed up 2 stories.' })).toBeVisible();
    await expect(backups.rows).toHaveCount(before + 1);
    await expect(backups.rows.first()).toContainText('Backed up by you');
    await expect(backups.rows.first()).toContainText('2 stories');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/backups-screen.png` });

    // Restore the start-up backup (one story): the window reloads on the restored bank.
    await backups.restoreRow(backups.rows.filter({ hasText: 'At start-up' }).first());
    await expect(app.storyItem('Kept story')).toBeVisible();
    await expect(app.storyItem('Written after the backup')).toHaveCount(0);
    // The state before the restore was backed up, and restoring that brings the later story back.
    await backups.open();
    const safety = backups.rows.filter({ hasText: 'Before a restore' });
    await expect(safety).toHaveCount(1);
    await expect(safety).toContainText('2 stories');
    await backups.restoreRow(safety);
    await expect(app.storyItem('Written after the backup')).toBeVisible();
  });
});

test('a database from a newer version opens read-only: the banner says so and typing is refused', { tag: BROWSER_SHELL_ONLY }, async ({ page }) => {
  const dataDir = await seededDir(['From the future']);
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma(`user_version = ${latestVersion() + 100}`);
  db.close();
  await withShell(dataDir, async (shell) => {
    const app = new StoryBankPage(page);
    await app.open(shell.url);
    await expect(page.getByRole('alert').filter({ hasText: 'newer version of Story Bank' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'open read-only' })).toBeVisible();
    await expect(app.newStoryButton).toBeDisabled();
    await app.storyItem('From the future').getByRole('button').first().click();
    await expect(app.title).toHaveValue('From the future');
    await app.title.click();
    await page.keyboard.type(' edited');
    await expect(app.title).toHaveValue('From the future');
    await expect(app.section('action')).toHaveAttribute('contenteditable', 'false');
    await app.section('action').click();
    await page.keyboard.type('new words');
    await expect(app.section('action')).not.toContainText('new words');
  });
});

test('a full disk shows a clear banner, keeps the text in the editor, and saving resumes by itself', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await app.newStory();
  await app.title.fill('Disk trouble');
  await app.waitSaved();
  // The backend maps SQLite's SQLITE_FULL to this answer (tests/electron/backend/app-backend.test.ts); here the
  // answer is given at the network boundary so the window can be watched handling it.
  const message = 'The disk is full, so your latest changes could not be saved. They are kept in the editor: free some space and saving resumes by itself.';
  await page.route('**/api/stories.save', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'storage-full', message } }) }),
  );
  await app.typeInSection('result', 'Words typed while the disk was full.');
  await expect(app.saveStatus).toContainText('Not saved: The disk is full');
  await expect(page.getByTestId('storage-banner')).toContainText('The disk is full');
  await expect(app.section('result')).toContainText('Words typed while the disk was full.');
  await page.unroute('**/api/stories.save');
  // The autosave tries again on its own; the banner goes once a save is through.
  await app.waitSaved();
  await expect(page.getByTestId('storage-banner')).toHaveCount(0);
  await page.reload();
  await app.storyItem('Disk trouble').getByRole('button').first().click();
  await expect(app.section('result')).toContainText('Words typed while the disk was full.');
});

/** Pastes `lines` lines of text into a section the way a browser does, and watches animation frames meanwhile. */
function pasteWithHeartbeat(page: Page, lines: number) {
  return page.evaluate(async (count) => {
    const line = 'A long pasted log line from the incident review, repeated to make a very large paste. ';
    const text = Array.from({ length: count }, (_, i) => `${i} ${line}`).join('\n');
    // A heartbeat: requestAnimationFrame ticks only while the page is responsive.
    let frames = 0;
    let last = performance.now();
    let longest = 0;
    let running = true;
    const beat = (now: number): void => {
      frames++;
      longest = Math.max(longest, now - last);
      last = now;
      if (running) requestAnimationFrame(beat);
    };
    requestAnimationFrame(beat);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const target = document.querySelector('[data-testid="section-situation"]');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const framesAfterPaste = frames;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    running = false;
    return { size: text.length, framesAfterPaste, frames, longest: Math.round(longest) };
  }, lines);
}

test('a paste of about 3 MB is refused clearly without freezing the window; a large one that fits is saved', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await app.newStory();
  await app.title.fill('Huge paste');
  await app.waitSaved();
  await app.section('situation').click();

  const huge = await pasteWithHeartbeat(page, 38_000);
  expect(huge.size).toBeGreaterThan(3_000_000);
  // The window kept drawing frames after the paste, and says clearly what happened.
  expect(huge.frames).toBeGreaterThan(huge.framesAfterPaste + 10);
  await expect(page.getByTestId('paste-refused')).toHaveText(/^Not pasted: that is 3\.\d million characters, and a section holds up to 2\.0 million characters/);
  await expect(app.section('situation')).not.toContainText('A long pasted log line');
  await app.title.fill('Huge paste, still responsive');
  await expect(app.title).toHaveValue('Huge paste, still responsive');
  await app.waitSaved();

  // Under the limit, a large paste goes in and is saved.
  await app.section('situation').click();
  const large = await pasteWithHeartbeat(page, 4_000);
  expect(large.frames).toBeGreaterThan(large.framesAfterPaste);
  await expect(page.getByTestId('paste-refused')).toHaveCount(0);
  await expect(app.section('situation')).toContainText('3999 A long pasted log line');
  await app.waitSaved();

  fs.mkdirSync('test-results/reliability', { recursive: true });
  fs.writeFileSync(
    'test-results/reliability/huge-paste.json',
    `${JSON.stringify({ refused: { characters: huge.size, longestFrameGapMs: huge.longest }, accepted: { characters: large.size, longestFrameGapMs: large.longest } }, null, 2)}\n`,
  );
});
