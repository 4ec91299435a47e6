import { expect, test } from './fixtures.ts';
import { HistoryPage } from './pages/history-page.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

const FIRST_ACTION = 'I paged the owner and waited.';
const SECOND_ACTION =
  'I paged the owner, read the logs myself and found that a config change had exhausted the connection pool. ' +
  'I rolled the change back within an hour and wrote a runbook so the next on-call engineer would not need me.';

test('each editing session leaves a revision; the history scores, compares and restores them', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  const history = new HistoryPage(page);
  await app.open(shell.url);

  // Session 1.
  await app.newStory();
  await app.title.fill('Pool exhaustion');
  await app.typeInSection('action', FIRST_ACTION);
  await app.waitSaved();

  // Session 2 (a reload starts a new editing session; the story reopens by itself).
  await page.reload();
  await expect(app.title).toHaveValue('Pool exhaustion');
  await app.section('action').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(SECOND_ACTION);
  await app.typeInSection('result', 'Checkout errors fell from 4% to 0.1% the same day.');
  await app.waitSaved();

  // The current state and the end of session 1 (the blank story as it was created is left out).
  await history.open();
  await expect(history.revisions).toHaveCount(2);
  await expect(history.revision(0)).toContainText('Current');
  await expect(history.revision(1)).toContainText('6 words');
  await expect(history.chart.locator('circle')).toHaveCount(2);
  const scores = await history.revisions.locator('.score-pill').allTextContents();
  const [current, earlier] = scores.map((s) => Number(s.replace(/\D/g, '')));
  expect(current).toBeGreaterThan(earlier as number);
  await expect(history.chart.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`over 2 revisions, from \\d+ on .* to ${current} on`));

  // The diff: the older version on the left, the newer on the right, word by word, per section.
  const [older, newer] = [history.diffSide('action', 0), history.diffSide('action', 1)];
  await expect(older).toHaveText(FIRST_ACTION);
  await expect(newer).toHaveText(SECOND_ACTION);
  await expect(newer.locator('span').first()).toHaveText('I paged the owner');
  await expect(older.locator('del').filter({ hasText: 'waited' })).toHaveCount(1);
  await expect(newer.locator('ins').filter({ hasText: 'read the logs myself' })).toHaveCount(1);
  await expect(newer.locator('del')).toHaveCount(0);
  await expect(history.diffSection('result')).toContainText('Checkout errors fell');
  await expect(history.diffSection('situation')).toContainText('no change');
  await page.screenshot({ path: 'test-results/screenshots/history.png' });

  // Restore the first session's state: it becomes current, and the state it replaced is kept.
  await history.revision(1).getByRole('button', { name: /^Restore/ }).click();
  await expect(page.getByText(/^Restored the version of/)).toBeVisible();
  await expect(history.revisions).toHaveCount(3);
  await expect(history.revision(0)).toContainText('Current');
  await expect(history.revision(0).locator('.score-pill')).toHaveText(new RegExp(`${earlier}$`));
  await expect(history.revision(1).locator('.score-pill')).toHaveText(new RegExp(`${current}$`));

  await page.getByRole('tab', { name: 'Stories' }).click();
  await expect(app.section('action')).toHaveText(FIRST_ACTION);
  await expect(app.section('result')).toHaveText('');

  // Undo the restore from the history: the longer version comes back.
  await history.open();
  await history.revision(1).getByRole('button', { name: /^Restore/ }).click();
  await expect(history.revisions).toHaveCount(4);
  await page.getByRole('tab', { name: 'Stories' }).click();
  await expect(app.section('action')).toContainText('wrote a runbook');
  await expect(app.section('result')).toContainText('Checkout errors fell');
});
