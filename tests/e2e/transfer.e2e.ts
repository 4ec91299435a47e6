import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { zipSync } from 'fflate';
import { parseBackup } from '../../shared/transfer/backup.ts';
import { printStoryMarkdown } from '../../shared/story-format/story-markdown.ts';
import { utf8Encode } from '../../shared/transfer/utf8.ts';
import { readZip } from '../../shared/transfer/zip.ts';
import { draftWith } from '../support/drafts.ts';
import { SAMPLE_STORIES, sampleDraft } from '../support/sample-stories.ts';
import { XSS_PAYLOADS } from '../support/xss-corpus.ts';
import { BROWSER_SHELL_ONLY, expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';
import { type FileToChoose, TransferPage } from './pages/transfer-page.ts';

const markdown = (name: string, content: string): FileToChoose => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(content) });
const SAMPLE_FILES = SAMPLE_STORIES.map((s, i) => markdown(`sample-${i}.md`, s.markdown));
const TITLES = SAMPLE_STORIES.map((_, i) => sampleDraft(i).title);

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), size: /Page size:\s+(.*)/.exec(info)?.[1] ?? '' };
}

test.beforeAll(() => {
  test.skip(spawnSync('pdftotext', ['-v']).status !== 0, 'pdftotext (poppler-utils) is needed to read the PDFs');
});

test('imports stories after a preview, then saves the prep sheet as a PDF in both layouts', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }, testInfo) => {
  const app = new StoryBankPage(page);
  const transfer = new TransferPage(page);
  await app.open(shell.url);
  await transfer.open();

  // Import: the preview lists what will happen; nothing changes until Import.
  await transfer.chooseFiles(SAMPLE_FILES);
  expect(await transfer.previewRows()).toEqual(TITLES.map((story) => ({ story, what: 'Added as a new story' })));
  await expect(app.list.locator('.story-item')).toHaveCount(0);
  await transfer.importButton.click();
  await expect(transfer.status).toContainText('Imported: 3 stories added.');
  for (const title of TITLES) await expect(app.storyItem(title)).toBeVisible();

  // The PDF: progress is shown while it is made, then it is downloaded.
  let sawProgress = false;
  await page.route('**/api/prepSheet.pdf', async (route) => {
    await expect(transfer.status.locator('progress')).toBeVisible();
    await expect(transfer.status).toContainText('Making the PDF of 3 stories');
    sawProgress = true;
    await route.continue();
  });
  for (const [layout, paper] of [
    ['compact', 'A4'],
    ['full', 'US Letter'],
  ] as const) {
    await transfer.chooseLayout(layout);
    await transfer.choosePaper(paper);
    const download = await transfer.download('Save as PDF');
    expect(download.suggestedFilename()).toMatch(new RegExp(`^prep-sheet-${layout}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const file = testInfo.outputPath(`prep-sheet-${layout}.pdf`);
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file);
    for (const [i, sample] of SAMPLE_STORIES.entries()) {
      expect(text).toContain(TITLES[i]);
      expect(text).toContain(sample.metric);
    }
    expect(text).toContain('Prompts still uncovered');
    const info = pdfInfo(file);
    if (layout === 'compact') expect(info.size).toContain('(A4)');
    else {
      expect(info.size).toContain('(letter)');
      expect(info.pages).toBeGreaterThanOrEqual(4); // a page per story, then coverage
      expect(text.toLowerCase()).toContain('follow-up probes');
    }
    await expect(transfer.status).toContainText(`Saved the prep sheet (3 stories) as ${download.suggestedFilename()}`);
  }
  expect(sawProgress).toBe(true);
});

test('prints through the browser: the sheet opens in a tab of its own, and user text stays text', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  const transfer = new TransferPage(page);
  await app.open(shell.url);
  await transfer.open();
  const hostile = XSS_PAYLOADS.slice(0, 12).map((p, i) =>
    markdown(
      `hostile-${i}.md`,
      printStoryMarkdown(draftWith(p.text, { situation: p.text, result: `${p.text} Errors fell by 40%.` }, { principles: [{ id: 'ownership', role: 'primary' }], context: p.text })),
    ),
  );
  await transfer.chooseFiles([SAMPLE_FILES[0]!, ...hostile]);
  await transfer.importButton.click();
  await expect(transfer.status).toContainText('Imported: 13 stories added.');

  const [popup] = await Promise.all([page.waitForEvent('popup'), transfer.view.getByRole('button', { name: 'Print…' }).click()]);
  await popup.waitForLoadState();
  await expect(popup).toHaveURL(/\/prep-sheets\/[A-Za-z0-9_-]{32}$/);
  await expect(popup.locator('h3.story-title', { hasText: TITLES[0]! })).toBeVisible();
  for (const p of XSS_PAYLOADS.slice(0, 12)) {
    await expect(popup.locator('h3.story-title').filter({ hasText: p.text.slice(0, 20) }).first()).toBeVisible();
  }
  expect(await popup.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await popup.locator('body script, body img, body iframe, body svg, body object, body embed').count()).toBe(0);
  await expect(transfer.status).toContainText('The prep sheet opened in a new tab, with the print dialog.');
  await popup.close();
});

test('exports Markdown and a JSON backup, and a bad import changes nothing', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }, testInfo) => {
  const app = new StoryBankPage(page);
  const transfer = new TransferPage(page);
  await app.open(shell.url);
  await transfer.open();
  await transfer.chooseFiles(SAMPLE_FILES);
  await transfer.importButton.click();
  await expect(transfer.status).toContainText('Imported: 3 stories added.');

  // One story: a .md file. All: a zip of them.
  await transfer.view.getByRole('radio', { name: /^Stories I choose/ }).check();
  await transfer.view.getByRole('checkbox', { name: TITLES[1]! }).check();
  const one = await transfer.download('Export 1 story as Markdown');
  expect(one.suggestedFilename()).toBe('rebuilt-the-ci-pipeline-nobody-owned.md');
  expect(fs.readFileSync((await one.path())!, 'utf8')).toBe(printStoryMarkdown(sampleDraft(1)));
  await transfer.view.getByRole('radio', { name: /^All stories/ }).check();
  const all = await transfer.download('Export 3 stories as Markdown');
  expect(all.suggestedFilename()).toMatch(/^story-bank-stories-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = testInfo.outputPath('stories.zip');
  await all.saveAs(zip);
  const entries = readZip(fs.readFileSync(zip));
  expect(entries.map((e) => e.name).sort()).toEqual(['cut-checkout-timeouts-during-the-holiday-sale.md', 'disagreed-about-a-rewrite-and-committed-to-the-plan.md', 'rebuilt-the-ci-pipeline-nobody-owned.md']);
  if (spawnSync('unzip', ['-v']).status === 0) expect(spawnSync('unzip', ['-t', zip], { encoding: 'utf8' }).stdout).toContain('No errors detected');

  // The zip imports back as "already the same": there is nothing to import.
  await transfer.chooseFiles([{ name: 'stories.zip', mimeType: 'application/zip', buffer: fs.readFileSync(zip) }]);
  expect((await transfer.previewRows()).map((r) => r.what)).toEqual(TITLES.map(() => 'Already the same: left as it is'));
  await expect(transfer.importButton).toHaveText('Nothing to import');
  await expect(transfer.importButton).toBeDisabled();

  // The backup holds the three stories, in the backup format.
  const backup = await transfer.download('Save a JSON backup');
  const parsed = parseBackup(fs.readFileSync((await backup.path())!, 'utf8'));
  expect(parsed.ok && parsed.backup.stories.map((s) => s.title).sort()).toEqual([...TITLES].sort());

  // A bad file: the problem is named, Import stays off, and the bank is as it was.
  const bad = markdown('bad.md', '---\ntitle: Bad story\nlevel: Wizard\n---\n\n## Situation\n\nText.\n');
  await transfer.chooseFiles([markdown('good.md', SAMPLE_STORIES[0]!.markdown.replace('title: Cut', 'title: A new')), bad]);
  await expect(transfer.preview.getByRole('alert')).toContainText('bad.md, line 3: level "Wizard" is not one of');
  await expect(transfer.importButton).toBeDisabled();
  await expect(app.list.locator('.story-item')).toHaveCount(3);

  // The screen, with its chooser list and the refused preview on it, has no serious accessibility problem.
  await transfer.view.getByRole('radio', { name: /^Stories I choose/ }).check();
  const axe = await new AxeBuilder({ page }).include('[data-testid="transfer-view"]').options({ resultTypes: ['violations'] }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('imports a compressed zip as Finder makes it, and lists what it left out', async ({ page, shell }, testInfo) => {
  const app = new StoryBankPage(page);
  const transfer = new TransferPage(page);
  await app.open(shell.url);
  await transfer.open();
  // Deflated, in a folder, with the metadata macOS adds: what "Compress" in Finder produces.
  const archive = zipSync({
    'My stories/sample-0.md': utf8Encode(SAMPLE_STORIES[0]!.markdown),
    'My stories/.DS_Store': new Uint8Array(64),
    '__MACOSX/My stories/._sample-0.md': utf8Encode('resource fork'),
  });
  await transfer.chooseFiles([{ name: 'Archive.zip', mimeType: 'application/zip', buffer: Buffer.from(archive) }]);
  expect(await transfer.previewRows()).toEqual([{ story: TITLES[0], what: 'Added as a new story' }]);
  const skipped = transfer.preview.getByTestId('import-skipped');
  await expect(skipped.locator('summary')).toHaveText('2 files in the archive left out (not stories)');
  await skipped.locator('summary').click();
  await expect(skipped.locator('li')).toHaveText([
    'Archive.zip/My stories/.DS_Store (hidden file)',
    'Archive.zip/__MACOSX/My stories/._sample-0.md (macOS metadata)',
  ]);
  await page.screenshot({ path: testInfo.outputPath('zip-import-preview.png') });
  await transfer.importButton.click();
  await expect(transfer.status).toContainText('Imported: 1 story added.');
  await expect(app.storyItem(TITLES[0]!)).toBeVisible();
});
