import fs from 'node:fs';
import { BROWSER_SHELL_ONLY, expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

test('the launch URL opens the app once, on a clean address, with a cookie no script can read', { tag: BROWSER_SHELL_ONLY }, async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  expect(page.url()).toBe(shell.origin);
  await app.newStory();
  await app.title.fill('Reached through the session');
  await app.waitSaved();

  const code = new URL(shell.url).searchParams.get('launch') ?? '';
  expect(code.length).toBeGreaterThan(40);
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  const session = cookies[0]?.value ?? '';
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const html = await page.content();
  expect(html).not.toContain(code);
  expect(html).not.toContain(session);

  // A reload keeps the session.
  await page.reload();
  await expect(app.storyItem('Reached through the session')).toBeVisible();
});

test('a second browser opening the used launch URL, or the bare address, gets the start-again page', { tag: BROWSER_SHELL_ONLY }, async ({
  page,
  shell,
  browser,
}) => {
  await new StoryBankPage(page).open(shell.url);
  const stranger = await browser.newContext();
  try {
    const other = await stranger.newPage();
    for (const address of [shell.url, shell.origin]) {
      const response = await other.goto(address);
      expect(response?.status()).toBe(403);
      await expect(other.getByRole('heading', { name: 'Start Story Bank again' })).toBeVisible();
      await expect(other.getByText('npm start')).toBeVisible();
      expect(await other.evaluate(() => 'storyBank' in window)).toBe(false);
    }
    expect(await stranger.cookies()).toEqual([]);
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    await other.screenshot({ path: 'test-results/screenshots/start-again.png' });
  } finally {
    await stranger.close();
  }
});
