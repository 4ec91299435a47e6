import { test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';
test('debug', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await page.keyboard.press('F1');
  await page.waitForTimeout(500);
  console.log('BD', await page.evaluate(() => { const d = document.querySelector('dialog')!; return [d.open, d.matches(':modal'), getComputedStyle(d, '::backdrop').backgroundColor]; }));
  await page.screenshot({ path: '/tmp/dbg/3.png' });
});
