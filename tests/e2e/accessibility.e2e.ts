import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';
import { SettingsPage } from './pages/settings-page.ts';

/** Runs axe on the page as it is and fails on any serious or critical violation, naming each and where it is. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Only violations come back: collecting every passing node is most of axe's time on the big screens.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect.soft(report, `serious or critical accessibility violations on ${screen}`).toEqual([]);
}

test('every screen passes axe with no serious or critical violation, in light and dark', async ({ page, shell }) => {
  test.setTimeout(120_000);
  const app = new StoryBankPage(page);
  const settings = new SettingsPage(page);
  await app.open(shell.url);

  await expect(app.emptyState).toBeVisible();
  await expectAccessible(page, 'the empty state');

  await page.getByRole('button', { name: 'Look at sample stories first' }).click();
  await app.storyItem('Sample: Database migration').getByRole('button').first().click();
  await expect(app.title).toHaveValue(/Database migration/);
  await expect(page.locator('.lint-panel')).toContainText('Error');
  await expectAccessible(page, 'the editor with a story and its findings');
  await page.getByRole('tab', { name: 'Guide' }).click();
  await expect(page.getByTestId('guide-panel')).toBeVisible();
  await expectAccessible(page, 'the principle guide');
  await page.getByRole('tab', { name: 'Findings' }).click();

  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page, 'the shortcuts sheet');
  await page.screenshot({ path: 'test-results/screenshots/shortcuts.png' });
  await page.keyboard.press('Escape');

  await page.keyboard.press('F5');
  await expect(page.getByTestId('read-aloud-section')).toBeVisible();
  await expectAccessible(page, 'the read-aloud view');
  await page.screenshot({ path: 'test-results/screenshots/read-aloud.png' });
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible();
  await expectAccessible(page, 'coverage');

  await app.storyItem('Sample: Fixed the deploy pipeline').getByRole('button').first().click();
  await page.getByRole('tab', { name: 'Practice' }).click();
  await expect(page.getByRole('button', { name: 'Start the clock' })).toBeVisible();
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await expect(page.getByTestId('practice-stage')).toBeVisible();
  await expectAccessible(page, 'practice, running');
  await page.keyboard.press('Escape');

  await page.keyboard.press('ControlOrMeta+4');
  await expect(page.getByRole('heading', { name: /^History of/, level: 1 })).toBeVisible();
  await expect(page.getByTestId('revision')).not.toHaveCount(0);
  await expectAccessible(page, 'history');

  await settings.open();
  await expect(settings.rules).toBeVisible();
  await expectAccessible(page, 'settings');
  await page.screenshot({ path: 'test-results/screenshots/settings.png', fullPage: true });

  await page.getByRole('tab', { name: 'Stories' }).click();
  await app.storyItem('Sample: Told a partner').getByRole('button').first().click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('tab', { name: 'Trash' }).click();
  await expect(page.getByRole('list', { name: 'Stories in the trash' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'the trash');

  // Dark: the same screens, chosen in Settings.
  await settings.open();
  await settings.theme('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'settings (dark)');
  await page.getByRole('tab', { name: 'Stories' }).click();
  await app.storyItem('Sample: Database migration').getByRole('button').first().click();
  await expect(page.locator('.lint-panel')).toContainText('Error');
  await expectAccessible(page, 'the editor (dark)');
  await page.screenshot({ path: 'test-results/screenshots/dark-editor.png' });
  await page.getByRole('tab', { name: 'Guide' }).click();
  await expect(page.getByTestId('guide-panel')).toBeVisible();
  await expectAccessible(page, 'the principle guide (dark)');
  await page.screenshot({ path: 'test-results/screenshots/dark-guide.png' });
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible();
  await expectAccessible(page, 'coverage (dark)');
  await page.screenshot({ path: 'test-results/screenshots/dark-coverage.png' });
  await app.storyItem('Sample: Fixed the deploy pipeline').getByRole('button').first().click();
  await page.getByRole('tab', { name: 'Practice' }).click();
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await expectAccessible(page, 'practice (dark)');
  await page.screenshot({ path: 'test-results/screenshots/dark-practice.png' });
  await page.keyboard.press('Escape');

  // The theme is kept, and "follow the system" follows it.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Story bank' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await settings.open();
  await settings.theme('Follow the system').check();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
