import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

test('the Loop screen plans a loop from a template over the bank, re-plans around a pin and a ban, and keeps the loop', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await page.getByRole('button', { name: 'Look at sample stories first' }).click();
  await expect(app.storyItem('Sample: Database migration')).toBeVisible();

  await page.getByRole('tab', { name: 'Loop' }).click();
  await expect(page.getByRole('heading', { name: 'Interview loop', level: 1 })).toBeVisible();
  await expect(page.getByText('No loop yet')).toBeVisible();
  await page.getByLabel('New loop from').selectOption({ label: 'Onsite: four interviewers and a bar raiser' });
  await page.getByRole('button', { name: 'New loop' }).click();

  const slots = page.getByTestId('loop-slot');
  await expect(slots).toHaveCount(10);
  await expect(page.getByTestId('loop-interviewer')).toHaveCount(5);
  // The samples answer some slots; no story is told to two interviewers.
  const told = await page.locator('[data-testid="loop-slot"] td:nth-child(3) .link-button').allTextContents();
  expect(told.length).toBeGreaterThan(0);
  expect(new Set(told).size).toBe(told.length);
  await expect(page.getByTestId('loop-warning').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/loop-screen.png' });
  const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // Leave the first told story out: it leaves the grid, and the note offers it back.
  const first = told[0]!;
  await page.locator('[data-testid="loop-slot"]', { hasText: first }).getByRole('button', { name: 'Leave out' }).click();
  await expect(page.locator('[data-testid="loop-slot"] td:nth-child(3) .link-button', { hasText: first })).toHaveCount(0);
  await expect(page.getByText('1 story left out of this loop.')).toBeVisible();
  await page.getByRole('button', { name: 'Put them back' }).click();
  await expect(page.locator('[data-testid="loop-slot"] td:nth-child(3) .link-button', { hasText: first })).toHaveCount(1);

  // Pin it, rename the loop and set the level: kept after a reload.
  const slot = page.locator('[data-testid="loop-slot"]', { hasText: first });
  await slot.getByRole('button', { name: 'Pin' }).click();
  await expect(slot.getByRole('button', { name: 'Pinned' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme onsite');
  await page.getByRole('combobox', { name: 'Level', exact: true }).selectOption('Senior');
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('tab', { name: 'Loop' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Acme onsite');
  await expect(page.getByRole('combobox', { name: 'Level', exact: true })).toHaveValue('Senior');
  await expect(page.locator('[data-testid="loop-slot"]', { hasText: first }).getByRole('button', { name: 'Pinned' })).toBeVisible();

  // An interviewer's principles can be changed; the grid follows.
  await page.getByRole('button', { name: /^Remove Deliver Results from Hiring manager$/ }).click();
  await expect(slots).toHaveCount(9);
  await page.getByLabel('Add a principle for Hiring manager').selectOption({ label: 'Frugality' });
  await expect(slots).toHaveCount(10);
  await expect(page.locator('[data-testid="loop-slot"]', { hasText: 'Frugality' })).toHaveCount(1);

  // Interviewers can be added and removed; the grid follows, and the change is kept.
  await page.getByRole('button', { name: 'Add an interviewer' }).click();
  await expect(page.getByTestId('loop-interviewer')).toHaveCount(6);
  await expect(page.getByRole('textbox', { name: 'Interviewer 6' })).toHaveValue('Interviewer 6');
  await expect(slots).toHaveCount(11);
  await page.getByRole('button', { name: 'Remove Peer engineer' }).click();
  await expect(page.getByTestId('loop-interviewer')).toHaveCount(5);
  await expect(slots).toHaveCount(9);
  await expect(page.locator('[data-testid="loop-slot"]', { hasText: 'Peer engineer' })).toHaveCount(0);
  // The pin on the first interviewer's slot stays where it was.
  await expect(page.locator('[data-testid="loop-slot"]', { hasText: first }).getByRole('button', { name: 'Pinned' })).toBeVisible();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('tab', { name: 'Loop' }).click();
  await expect(page.getByTestId('loop-interviewer')).toHaveCount(5);
});
