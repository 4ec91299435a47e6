import fs from 'node:fs';
import { BROWSER_SHELL_ONLY, expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';
import { TransferPage } from './pages/transfer-page.ts';

// Numbered lists and the underscores other editors write survive the whole way: a Markdown file imported, shown in
// the editor, edited there with the toolbar and the shortcut, saved, reloaded and exported again.

const TITLE = 'Moved the release train to weekly';
const FILE = [
  '---',
  `title: ${TITLE}`,
  'principles: [deliver-results]',
  '---',
  '',
  '## Situation',
  '',
  'Releases were _monthly_ and __risky__.',
  '',
  '1. Cut a branch',
  '2. Wait for sign-off',
  '',
  '* slow',
  '+ manual',
  '',
  '## Action',
  '',
  'I wrote the plan.',
  '',
].join('\n');

test('numbered lists stay numbered from import to editor to export, and the editor makes them', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  const transfer = new TransferPage(page);
  await app.open(shell.url);
  await transfer.open();
  await transfer.chooseFiles([{ name: 'weekly.md', mimeType: 'text/markdown', buffer: Buffer.from(FILE) }]);
  await transfer.importButton.click();
  await expect(transfer.status).toContainText('Imported: 1 story added.');

  await app.storyItem(TITLE).click();
  await expect(app.title).toHaveValue(TITLE);
  const situation = app.section('situation');
  await expect(situation.locator('ol > li')).toHaveText(['Cut a branch', 'Wait for sign-off']);
  await expect(situation.locator('ul > li')).toHaveText(['slow', 'manual']);
  await expect(situation.locator('.rt-italic')).toHaveText('monthly');
  await expect(situation.locator('.rt-bold')).toHaveText('risky');

  // The shortcut starts a numbered list in the Action section; Enter adds the next number.
  const action = app.section('action');
  await action.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Asked for a weekly slot');
  await page.keyboard.press('ControlOrMeta+Shift+7');
  await expect(action.locator('ol > li')).toHaveText(['Asked for a weekly slot']);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Automated the sign-off');
  await expect(action.locator('ol > li')).toHaveText(['Asked for a weekly slot', 'Automated the sign-off']);

  // The toolbar shows which list the caret is in, and its buttons switch between the two kinds and back out.
  const toolbar = page.getByRole('toolbar', { name: 'Action formatting' });
  const numbered = toolbar.getByRole('button', { name: 'Numbered list' });
  const bullets = toolbar.getByRole('button', { name: 'Bullet list' });
  await expect(numbered).toHaveAttribute('aria-pressed', 'true');
  await expect(bullets).toHaveAttribute('aria-pressed', 'false');
  await bullets.click();
  await expect(action.locator('ul > li')).toHaveText(['Asked for a weekly slot', 'Automated the sign-off']);
  await expect(bullets).toHaveAttribute('aria-pressed', 'true');
  await numbered.click();
  await expect(action.locator('ol > li')).toHaveText(['Asked for a weekly slot', 'Automated the sign-off']);
  await expect(numbered).toHaveAttribute('aria-pressed', 'true');
  await app.waitSaved();
  await page.screenshot({ path: 'test-results/screenshots/numbered-lists.png' });

  // Saved as numbered: a reload shows the same lists.
  await page.reload();
  await app.storyItem(TITLE).click();
  await expect(app.section('action').locator('ol > li')).toHaveText(['Asked for a weekly slot', 'Automated the sign-off']);
  await expect(app.section('situation').locator('ol > li')).toHaveText(['Cut a branch', 'Wait for sign-off']);

  // Exported, the numbers and the formatting are written as the story format's canonical Markdown.
  await transfer.open();
  await transfer.view.getByRole('radio', { name: /^Stories I choose/ }).check();
  await transfer.view.getByRole('checkbox', { name: TITLE }).check();
  const exported = fs.readFileSync((await (await transfer.download('Export 1 story as Markdown')).path())!, 'utf8');
  expect(exported).toContain('Releases were *monthly* and **risky**.\n\n1. Cut a branch\n2. Wait for sign-off\n\n- slow\n- manual\n');
  expect(exported).toContain('## Action\n\nI wrote the plan.\n\n1. Asked for a weekly slot\n2. Automated the sign-off\n');
});
