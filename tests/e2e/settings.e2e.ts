import { expect, test } from './fixtures.ts';
import { LintPanelPage } from './pages/lint-panel.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

// 72 words in the Action: 29 seconds at 150 words a minute, 14 at 300.
const ACTION = Array.from({ length: 12 }, () => 'I kind of checked each log.').join(' ');

test('settings change the lint: a rule turned off, a severity changed, the speaking pace, the default level', async ({
  page,
  shell,
}) => {
  const app = new StoryBankPage(page);
  const lint = new LintPanelPage(page);
  const settings = new SettingsPage(page);
  await app.open(shell.url);
  await app.newStory();
  await app.title.fill('Settings test');
  await app.typeInSection('action', ACTION);
  await app.waitSaved();
  await expect(lint.finding('hedging')).not.toHaveCount(0);
  await expect(lint.finding('missing-section').first().locator('.severity')).toHaveText('Error');
  await expect(app.page.getByTestId('time-action')).toHaveText('0:29 / 1:30');

  await settings.open();
  await expect(settings.ruleSwitch('Hedging')).toBeChecked();
  await settings.ruleSwitch('Hedging').uncheck();
  await settings.ruleSeverity('Missing section').selectOption('warning');
  await settings.pace.fill('300');
  await settings.pace.press('Enter');
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await page.getByLabel('Level a new story starts at').selectOption('Senior');
  // A pace nobody speaks at is refused with a reason.
  await settings.pace.fill('20');
  await settings.pace.press('Enter');
  await expect(page.getByRole('alert')).toContainText('too slow');

  await page.getByRole('tab', { name: 'Stories' }).click();
  await expect(app.title).toHaveValue('Settings test');
  await expect(lint.finding('hedging')).toHaveCount(0);
  await expect(lint.finding('missing-section').first().locator('.severity')).toHaveText('Warning');
  await expect(app.page.getByTestId('time-action')).toHaveText('0:14 / 1:30');

  // The choices are kept, and a new story starts at the default level.
  await page.reload();
  await app.storyItem('Settings test').getByRole('button').first().click();
  await expect(lint.finding('hedging')).toHaveCount(0);
  await expect(app.page.getByTestId('time-action')).toHaveText('0:14 / 1:30');
  await app.newStory();
  await expect(page.getByLabel('Level', { exact: true })).toHaveValue('Senior');

  // Back to the rubric's own settings in one click.
  await settings.open();
  await expect(settings.ruleSwitch('Hedging')).not.toBeChecked();
  await page.getByRole('button', { name: 'Reset every rule to its default' }).click();
  await expect(settings.ruleSwitch('Hedging')).toBeChecked();
  await expect(settings.ruleSeverity('Missing section')).toHaveValue('error');
});
