import { expect, test } from './fixtures.ts';
import { StoryBankPage } from './pages/story-bank-page.ts';

// HTML pasted from a word processor keeps its bold, italic and lists, loses every attribute, and the page reports
// no CSP violation while it is cleaned and parsed (the fixture fails the test on any report or console message).
// Raw HTML like this, handed to DOMParser (as DOMPurify does), reports its style and onclick attributes.

const GOOGLE_DOCS = [
  '<meta charset="utf-8">',
  '<b style="font-weight:normal;" id="docs-internal-guid-3f2a">',
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-weight:700">Paged</span>',
  '<span style="font-size:11pt"> the owner and </span><span style="font-style:italic" onclick="window.__pwned=1">rolled back</span></p>',
  '<ol style="margin-top:0"><li dir="ltr" style="list-style-type:decimal"><p dir="ltr"><span style="color:#000">Froze deploys</span></p></li>',
  '<li dir="ltr" style="list-style-type:decimal"><p dir="ltr"><span class="c1">Wrote the post-mortem</span></p></li></ol>',
  '<ul><li style="color:red">one bullet</li></ul>',
  '<style>p { color: red }</style><img src="x" onerror="window.__pwned=2">',
  '</b>',
].join('');

test('pasted word-processor HTML keeps bold, italic and both kinds of list, and reports nothing to the CSP', async ({ page, shell }) => {
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await app.newStory();
  const action = app.section('action');
  await action.click();
  await page.evaluate((html) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', html);
    transfer.setData('text/plain', 'Paged the owner and rolled back');
    document.querySelector('[data-testid="section-action"]')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, GOOGLE_DOCS);

  await expect(action.locator('.rt-bold')).toHaveText('Paged');
  await expect(action.locator('.rt-italic')).toHaveText('rolled back');
  await expect(action.locator('ol > li')).toHaveText(['Froze deploys', 'Wrote the post-mortem']);
  await expect(action.locator('ul > li')).toHaveText(['one bullet']);
  // None of the clipboard's attributes reached the section (Lexical's own class, dir and value stay).
  const attributes = await action.evaluate((root) => Array.from(root.querySelectorAll('*'), (el) => Array.from(el.attributes, (a) => a.name)).flat());
  expect(attributes.filter((name) => name === 'style' || name === 'id' || name === 'src' || name.startsWith('on'))).toEqual([]);
  expect(await action.locator('img, style').count()).toBe(0);
  await action.locator('.rt-italic').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  await app.waitSaved();
});
