import { BROWSER_SHELL_ONLY, expect, test } from './fixtures.ts';
import { type SectionName, StoryBankPage } from './pages/story-bank-page.ts';

const WORDS: Record<SectionName, string> = {
  situation: 'Our checkout service paged nightly because of flaky retries.',
  task: 'Nobody owned the retry layer, so I volunteered to own the fix.',
  action: 'I traced the retries, wrote a backoff patch, and load tested it.',
  result: 'Pages dropped from nine a week to one, saving 14 engineer hours.',
  reflection: 'I now add alert budgets before shipping any retry logic.',
};

test('a story typed into every section is saved, survives a reload, is found, trashed and restored', async ({
  page,
  shell,
}) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await expect(app.emptyState).toContainText('Your story bank is empty');

  await app.newStory();
  await app.title.fill('Flaky checkout retries');
  await app.choosePrinciple('Ownership');
  await page.getByLabel('Level').selectOption('Senior');
  await page.getByLabel('Company or context').fill('Acme Payments');
  await app.addTag('oncall');
  for (const [section, text] of Object.entries(WORDS) as [SectionName, string][]) {
    await app.typeInSection(section, text);
  }
  // Bold text through the keyboard shortcut, kept as formatting.
  await app.section('action').press('Enter');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Bolded step');
  await page.keyboard.press('Control+B');
  await app.waitSaved();
  await expect(app.section('action').locator('.rt-bold')).toHaveText('Bolded step');

  await page.screenshot({ path: 'test-results/screenshots/main-window.png' });

  // A later save of another field must carry the sections' latest editor state, not an older one.
  await page.getByLabel('Company or context').fill('Acme Payments (EU)');
  await app.waitSaved();
  await page.getByLabel('Company or context').fill('Acme Payments');
  await app.waitSaved();

  await page.reload();
  await app.storyItem('Flaky checkout retries').getByRole('button').first().click();
  await expect(app.title).toHaveValue('Flaky checkout retries');
  for (const [section, text] of Object.entries(WORDS) as [SectionName, string][]) {
    await expect(app.section(section)).toContainText(text);
  }
  await expect(app.section('action').locator('.rt-bold')).toHaveText('Bolded step');
  await expect(page.getByLabel('Level')).toHaveValue('Senior');
  await expect(page.getByLabel('Company or context')).toHaveValue('Acme Payments');
  await expect(page.getByRole('list', { name: 'Current tags' })).toContainText('oncall');
  await expect(app.storyItem('Flaky checkout retries')).toContainText('Ownership');

  // Full-text search finds words from the body, as you type.
  await app.search.fill('backoff');
  await expect(app.storyItem('Flaky checkout retries')).toBeVisible();
  await expect(app.storyItem('Flaky checkout retries')).toContainText('backoff');
  await app.search.fill('kubernetes');
  await expect(page.locator('.story-item')).toHaveCount(0);
  await app.search.fill('');

  // Filter by principle and tag.
  await page.getByLabel('Filter by principle').selectOption({ label: 'Frugality' });
  await expect(page.locator('.story-item')).toHaveCount(0);
  await page.getByLabel('Filter by principle').selectOption({ label: 'Ownership' });
  await expect(page.locator('.story-item')).toHaveCount(1);
  await page.getByLabel('Filter by principle').selectOption({ label: 'All principles' });
  await page.getByLabel('Filter by tag').selectOption('oncall');
  await expect(page.locator('.story-item')).toHaveCount(1);
  await page.getByLabel('Filter by tag').selectOption('');

  // Delete moves to the trash; restore brings it back.
  await app.storyItem('Flaky checkout retries').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.story-item')).toHaveCount(0);
  await app.trashTab().click();
  await expect(app.storyItem('Flaky checkout retries')).toBeVisible();
  await app.storyItem('Flaky checkout retries').getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('.story-item')).toHaveCount(0);
  await app.storiesTab().click();
  await expect(app.storyItem('Flaky checkout retries')).toBeVisible();
});

test('a saved story is still there after the backend process restarts', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await app.newStory();
  await app.title.fill('Restart survivor');
  await app.typeInSection('result', 'Latency fell by 40% within two weeks.');
  await app.waitSaved();

  await shell.stop();
  const url = await shell.start();
  await app.open(url);
  await app.storyItem('Restart survivor').getByRole('button').first().click();
  await expect(app.section('result')).toContainText('Latency fell by 40% within two weeks.');
});

test('rename, duplicate and empty the trash', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await app.newStory();
  await app.title.fill('Original');
  await app.typeInSection('situation', 'A migration was late.');
  await app.waitSaved();

  await app.storyItem('Original').getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New title').fill('Renamed story');
  await page.getByLabel('New title').press('Enter');
  await expect(app.storyItem('Renamed story')).toBeVisible();
  await expect(app.title).toHaveValue('Renamed story');

  await app.storyItem('Renamed story').getByRole('button', { name: 'Duplicate' }).click();
  await expect(app.storyItem('Renamed story (copy)')).toBeVisible();
  await expect(app.section('situation')).toContainText('A migration was late.');

  await app.storyItem('Renamed story (copy)').getByRole('button', { name: 'Delete' }).click();
  await app.trashTab().click();
  await page.getByRole('button', { name: 'Empty trash' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await app.storiesTab().click();
  await expect(page.locator('.story-item')).toHaveCount(1);
});
