import { expect, test } from './fixtures.ts';
import { PracticePage } from './pages/practice-page.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

const PIPELINE = 'Sample: Fixed the deploy pipeline nobody owned';
const WHY_YOU = 'Why did you take this on rather than leave it to the team that owned it?';

test('samples on first run, then a timed practice run with follow-ups lands in the story’s log', async ({ page, shell }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  const app = new StoryBankPage(page);
  const practice = new PracticePage(page);
  await app.open(shell.url);

  // First run: the empty bank offers the samples, which arrive marked as samples.
  await page.getByRole('button', { name: 'Look at sample stories first' }).click();
  await expect(app.list.getByRole('listitem')).toHaveCount(5);
  await app.storyItem(PIPELINE).getByRole('button').first().click();
  await expect(app.title).toHaveValue(PIPELINE);
  await expect(page.getByTestId('sample-banner')).toContainText('Sample story');
  await expect(page.getByRole('list', { name: 'Current tags' })).toContainText('sample');

  // A prepared note for one follow-up, to be revealed only when asked for.
  const storyId = await app.list.locator('.story-item.selected').getAttribute('data-story-id');
  await page.evaluate(async (id) => {
    await window.storyBank?.['probes.save']({
      storyId: id as string,
      probeId: 'ownership.probe.why-you',
      note: 'Five teams lost 40 minutes a retry; the owners were swamped.',
      readiness: 'ready',
    });
  }, storyId);

  // Practice the open story: one of the questions it answers is picked, and it is the story to tell.
  await practice.open();
  await expect(practice.storySelect.locator('option:checked')).toHaveText(PIPELINE);
  await expect(practice.prompt).toContainText(/everyone else was ignoring|root cause of a difficult problem/);
  await expect(page.getByText('This story is mapped to the question.')).toBeVisible();
  for (const [id, target] of [['situation', '0:30'], ['task', '0:20'], ['action', '1:30'], ['result', '0:20'], ['reflection', '0:15']]) {
    await expect(practice.section(id as string)).toContainText(`/ ${target}`);
  }

  // The run: the clock is stopped, and moved on by hand between the sections.
  await page.clock.pauseAt(new Date('2026-03-02T10:00:00'));
  await practice.start();
  await expect(practice.stage).toContainText('Our team of six shipped the routing service');
  await page.clock.fastForward(25_000);
  await expect(practice.total).toHaveText('0:25');
  await expect(practice.section('situation')).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('Space'); // the Next button has the focus
  await expect(practice.section('task')).toHaveAttribute('aria-current', 'step');
  await page.clock.fastForward(18_000);
  await page.keyboard.press('ArrowRight');
  await page.clock.fastForward(110_000);
  await expect(practice.section('action')).toContainText('1:50 / 1:30');
  await page.screenshot({ path: 'test-results/screenshots/practice.png' });
  await practice.nextButton().click();
  await page.clock.fastForward(20_000);
  await page.keyboard.press('ArrowLeft'); // back to the Action for another 5 seconds
  await expect(practice.section('action')).toHaveAttribute('aria-current', 'step');
  await page.clock.fastForward(5_000);
  await page.keyboard.press('ArrowRight');
  await page.clock.fastForward(1_000);
  await page.keyboard.press('ArrowRight');
  await page.clock.fastForward(12_000);
  await expect(practice.total).toHaveText('3:11');
  await practice.nextButton().click();

  // Follow-ups: the first probe of the primary principle; the note stays hidden until asked for.
  await expect(practice.probe).toContainText(WHY_YOU);
  await expect(page.getByTestId('probe-notes')).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(page.getByTestId('probe-notes')).toContainText('Five teams lost 40 minutes a retry');
  await practice.probe.getByRole('button', { name: 'Next follow-up' }).click();
  await expect(page.getByTestId('probe-notes')).toHaveCount(0);
  await expect(practice.probe).toContainText('2 of 8');
  await practice.probe.getByRole('button', { name: 'Skip to rating' }).click();

  // The result, the rating and the log.
  await expect(practice.result).toContainText('3:11 in all: over three minutes. Trim the Action first.');
  await expect(practice.section('action')).toContainText('1:55 / 1:30');
  await expect(practice.section('action')).toContainText('long');
  await page.clock.resume();
  await page.getByRole('radio', { name: '4 · Good' }).check();
  await page.getByRole('button', { name: 'Save to the practice log' }).click();
  await expect(page.getByText('Saved to the log with a rating of 4 of 5.')).toBeVisible();
  await expect(practice.logRows()).toHaveCount(1);
  const row = practice.logRows().first();
  await expect(row.locator('td').nth(1)).toHaveText('0:25');
  await expect(row.locator('td').nth(2)).toHaveText('0:18');
  await expect(row.locator('td').nth(3)).toHaveText('1:55');
  await expect(row.locator('td').nth(4)).toHaveText('0:21');
  await expect(row.locator('td').nth(5)).toHaveText('0:12');
  await expect(row.locator('td').nth(6)).toHaveText('3:11');
  await expect(row).toContainText('4 of 5');
  await expect(page.getByTestId('recent-practice')).toContainText(PIPELINE);
  await page.screenshot({ path: 'test-results/screenshots/practice-logged.png' });

  // The log is the story's: it is there after a reload, and the story's tools bar counts the run.
  await page.reload();
  await expect(app.title).toHaveValue(PIPELINE);
  await expect(page.getByTestId('practice-summary')).toContainText('Practised 1×');
  await practice.open();
  await expect(practice.logRows()).toHaveCount(1);

  // A question from the gaps has no story yet: the screen says so and offers to write one.
  await page.getByRole('button', { name: 'Gaps' }).click();
  await page.getByLabel(/Questions no story answers yet/).selectOption({ label: 'Tell me about a time you reduced costs significantly.' });
  await expect(practice.prompt).toContainText('reduced costs significantly');
  await expect(page.getByTestId('practice-gap')).toContainText('No story answers this question yet');
  await expect(practice.storySelect.locator('optgroup[label="Answers this question"]')).toHaveCount(0);
  await expect(practice.storySelect.locator('option:checked')).toHaveText('Sample: Argued against a full rewrite');

  // Removing the samples removes all five in one action.
  await page.getByRole('tab', { name: 'Stories' }).click();
  await app.storyItem(PIPELINE).getByRole('button').first().click();
  await page.getByTestId('sample-banner').getByRole('button', { name: 'Remove all samples' }).click();
  await expect(page.getByText('Removed 5 sample stories.')).toBeVisible();
  await expect(app.emptyState).toBeVisible();
});

test('the read-aloud view shows one section at a time and moves with the keyboard', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await page.getByRole('button', { name: 'Look at sample stories first' }).click();
  await app.storyItem('Sample: Told a partner').getByRole('button').first().click();
  await expect(app.title).toHaveValue(/Told a partner/);
  await page.keyboard.press('F5');
  const dialog = page.getByRole('dialog', { name: /Told a partner/ });
  await expect(dialog).toBeVisible();
  // The story has three sections with text: Result and Reflection are empty and left out.
  await expect(page.getByTestId('read-aloud-step')).toHaveText('1 / 3');
  await expect(page.getByTestId('read-aloud-section')).toContainText('Situation');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('read-aloud-section')).toContainText('I owned the integration');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('read-aloud-step')).toHaveText('3 / 3');
  await expect(page.getByTestId('read-aloud-section')).toContainText('I called the bank');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('read-aloud-step')).toHaveText('3 / 3');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('read-aloud-step')).toHaveText('1 / 3');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
