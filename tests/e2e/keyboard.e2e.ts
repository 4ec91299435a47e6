import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

/** Presses Tab until the focus is inside `selector` (at most `limit` times): a keyboard user's way there. */
async function tabInto(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.closest(s) !== null, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a story is written, found and moved between with the keyboard alone', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);

  // Ctrl+N: a new story, the title focused.
  await page.keyboard.press('ControlOrMeta+n');
  await expect(app.title).toBeFocused();
  await page.keyboard.type('Keyboard only');
  await tabInto(page, '[data-testid="section-situation"]');
  await page.keyboard.type('Our release train stalled every Friday.');
  await tabInto(page, '[data-testid="section-task"]');
  await page.keyboard.type('I owned the release tooling.');
  await app.waitSaved();
  await expect(app.storyItem('Keyboard only')).toBeVisible();

  await page.keyboard.press('ControlOrMeta+n');
  await expect(app.title).toBeFocused();
  await page.keyboard.type('Second story');
  await app.waitSaved();
  await expect(app.list.getByRole('listitem')).toHaveCount(2);

  // Alt+Up and Alt+Down open the neighbouring stories in the list (newest first).
  await page.keyboard.press('Alt+ArrowDown');
  await expect(app.title).toHaveValue('Keyboard only');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(app.title).toHaveValue('Second story');

  // In the list itself, the arrow keys move and open.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(app.search).toBeFocused();
  await tabInto(page, '.story-open');
  await expect(page.locator('.story-open:focus')).toContainText('Second story');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.story-open:focus')).toContainText('Keyboard only');
  await expect(app.title).toHaveValue('Keyboard only');
  await expect(app.section('situation')).toContainText('Our release train stalled');
  await page.keyboard.press('Home');
  await expect(app.title).toHaveValue('Second story');

  // Search from anywhere.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(app.search).toBeFocused();
  await page.keyboard.type('release train');
  await expect(app.list.getByRole('listitem')).toHaveCount(1);
  await expect(app.list).toContainText('Keyboard only');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(app.list.getByRole('listitem')).toHaveCount(2);

  // Every screen has a shortcut.
  await page.keyboard.press('ControlOrMeta+2');
  await expect(page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+3');
  await expect(page.getByRole('heading', { name: 'Practice', level: 1 })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+4');
  await expect(page.getByRole('heading', { name: /^History of/, level: 1 })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+,');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+5');
  await expect(page.getByRole('tab', { name: 'Trash' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ControlOrMeta+1');
  await expect(page.getByRole('tab', { name: 'Stories' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.title).toBeVisible();

  // Panels hide and come back.
  await page.keyboard.press('ControlOrMeta+Shift+L');
  await expect(page.locator('.lint-panel')).toBeHidden();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(page.getByRole('navigation', { name: 'Story bank' })).toBeHidden();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await page.keyboard.press('ControlOrMeta+Shift+L');
  await expect(page.locator('.lint-panel')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Story bank' })).toBeVisible();

  // The shortcuts sheet: F1 or Ctrl+/, closed with Escape. It lists what the menu lists.
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('tr[data-command="new-story"]')).toContainText(/Ctrl\s*N|⌘\s*N/);
  await expect(sheet.locator('tr[data-command="show-practice"]')).toContainText('3');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+/');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');

  // What the window showed is remembered: the open story and the list's filter.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(app.search).toBeFocused();
  await page.keyboard.type('release');
  await expect(app.list.getByRole('listitem')).toHaveCount(1);
  await app.list.getByRole('button', { name: /Keyboard only/ }).press('Enter');
  await expect(app.title).toHaveValue('Keyboard only');
  // The remembered state is written shortly after the last change.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const result = await window.storyBank?.['settings.get']({ key: 'ui.state' });
        return result?.ok ? result.value : null;
      }),
    )
    .toMatchObject({ filter: { query: 'release' }, lastStoryId: expect.any(String) });
  await page.reload();
  await expect(app.title).toHaveValue('Keyboard only');
  await expect(app.search).toHaveValue('release');
  await expect(app.list.getByRole('listitem')).toHaveCount(1);
});
