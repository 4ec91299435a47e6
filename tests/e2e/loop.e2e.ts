import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BROWSER_SHELL_ONLY, expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

/** The app on a bank of the sample stories. */
async function openWithSamples(page: Page, url: string): Promise<void> {
  const app = new StoryBankPage(page);
  await app.open(url);
  await page.getByRole('button', { name: 'Look at sample stories first' }).click();
  await expect(app.storyItem('Sample: Database migration')).toBeVisible();
}

/** A new loop from the onsite template, on the Loop screen. */
async function newOnsiteLoop(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Loop' }).click();
  await page.getByLabel('New loop from').selectOption({ label: 'Onsite: four interviewers and a bar raiser' });
  await page.getByRole('button', { name: 'New loop' }).click();
}

test('the Loop screen plans a loop from a template over the bank, re-plans around a pin and a ban, and keeps the loop', async ({ page, shell }) => {
  await openWithSamples(page, shell.url);
  await page.getByRole('tab', { name: 'Loop' }).click();
  await expect(page.getByRole('heading', { name: 'Interview loop', level: 1 })).toBeVisible();
  await expect(page.getByText('No loop yet')).toBeVisible();
  await newOnsiteLoop(page);

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

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

test('the loop sheet: saved as a PDF with the plan first and a page per interviewer, and printed in a tab of its own', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }, testInfo) => {
  test.skip(!hasPoppler, 'pdftotext (poppler-utils) is needed to read the PDF');
  await openWithSamples(page, shell.url);
  await newOnsiteLoop(page);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme onsite');
  await expect(page.getByTestId('loop-slot')).toHaveCount(10);
  const told = await page.locator('[data-testid="loop-slot"] td:nth-child(3) .link-button').allTextContents();

  await page.getByLabel('Paper').selectOption('US Letter');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the loop sheet as PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^loop-sheet-acme-onsite-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = testInfo.outputPath('loop-sheet.pdf');
  await download.saveAs(file);
  await expect(page.getByTestId('loop-sheet-status')).toContainText(`Saved the loop sheet as ${download.suggestedFilename()}.`);

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/612 x 792 pts \(letter\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
  const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
  expect(texts[0]).toContain('Interview loop · Acme onsite');
  for (const title of told) expect(texts[0]).toContain(title);
  // Each interviewer's page opens with their name, in the loop's order.
  // (Its heading: the name, then how many principles they hold; a warning on the plan's pages starts "Name, ".)
  const starts = ['Hiring manager', 'Peer engineer', 'Senior engineer', 'Partner team', 'Bar raiser'].map((name) =>
    texts.findIndex((t) => new RegExp(`^${name}( BAR RAISER)? \\d principles?:`).test(t)),
  );
  expect(starts[0]).toBeGreaterThan(0);
  for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]!);
  // Pictures of the first two pages, to look at (test-results/screenshots).
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', String(starts[0]! + 1), file, path.join('test-results/screenshots', 'loop-sheet')]);

  // Print…: the browser shell serves the same sheet once, in a tab of its own.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Print the loop sheet…' }).click()]);
  await popup.waitForLoadState();
  await expect(popup).toHaveURL(/\/prep-sheets\/[A-Za-z0-9_-]{32}$/);
  await expect(popup.getByRole('heading', { name: 'Interview loop · Acme onsite', level: 1 })).toBeVisible();
  await expect(popup.locator('.interviewer-page')).toHaveCount(5);
  await expect(page.getByTestId('loop-sheet-status')).toContainText('The loop sheet opened in a new tab, with the print dialog.');
  await popup.close();
});

test('each fix in the loop’s warnings is a link: write the missing story, or open the principle guide', async ({ page, shell }) => {
  await openWithSamples(page, shell.url);
  await newOnsiteLoop(page);
  await expect(page.getByTestId('loop-slot')).toHaveCount(10);

  await page.getByRole('region', { name: 'Loop sheet' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/loop-fixes.png' });

  // A principle with a story that reads weak: its guide opens on that story.
  const weak = page.locator('[data-testid="loop-warning"][data-kind="no-strong-story"], [data-testid="loop-warning"][data-kind="weak-because-taken"]').first();
  const guide = weak.getByRole('button', { name: /^Open the .+ guide for “.+”$/ });
  const label = (await guide.textContent())!;
  const [, principle, title] = /^Open the (.+) guide for “(.+)”$/.exec(label)!;
  await guide.click();
  await expect(page.locator('.title-input')).toHaveValue(title!);
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText(principle!);

  // A principle no story answers: Write a story starts one already mapped to it.
  await page.getByRole('tab', { name: 'Loop' }).click();
  const missing = page.locator('[data-testid="loop-warning"][data-kind="no-story"]').first();
  const write = missing.getByRole('button', { name: /^Write a story for / });
  const name = (await write.textContent())!.replace('Write a story for ', '');
  await write.click();
  await expect(page.locator('.title-input')).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Chosen principles' })).toContainText(name);
});
