import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { INJECTED_ELEMENTS_SELECTOR, XSS_PAYLOADS } from '../support/xss-corpus.ts';
import { expect, test } from './fixtures.ts';
import { type SectionName, StoryBankPage } from './pages/story-bank-page.ts';

// Nothing a story contains can run: every payload of the corpus is typed, pasted (as text and as HTML) and stored
// through the API into every field, then shown in the editor, the list, search results and the coverage view.
// Afterwards no payload has set window.__pwned, no dialog opened, no element from a payload exists in the app's
// DOM, the text is still there as text, and (checked by the fixture) no CSP violation was reported.

const SHORT = XSS_PAYLOADS.filter((p) => p.text.length <= 40);
let tried = 0;

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
  const injected = await page.evaluate(
    (selector) => Array.from(document.querySelectorAll(`#root :is(${selector})`), (el) => el.outerHTML.slice(0, 120)),
    INJECTED_ELEMENTS_SELECTOR,
  );
  expect(injected).toEqual([]);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

async function paste(page: Page, section: SectionName, data: Record<string, string>): Promise<void> {
  await page.evaluate(
    ({ section, data }) => {
      const target = document.querySelector(`[data-testid="section-${section}"]`);
      const transfer = new DataTransfer();
      for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
      target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { section, data },
  );
}

test('payloads typed and pasted into every field stay text and never run', async ({ page, shell }) => {
  test.setTimeout(180_000);
  const dialogs = watchDialogs(page);
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  await app.newStory();

  // Title and context: each payload in turn, shown in the editor and (for the title) in the story list.
  const context = page.getByLabel('Company or context');
  for (const payload of XSS_PAYLOADS) {
    await app.title.fill(payload.text.slice(0, 300));
    await expect(page.locator('.story-title').first()).toHaveText(payload.text.trim());
    await context.fill(payload.text.slice(0, 300));
    tried += 2;
  }
  await expect(app.title).toHaveValue(XSS_PAYLOADS.at(-1)?.text ?? '');

  // Tags (at most 40 characters each).
  for (const payload of SHORT) {
    await app.addTag(payload.text);
    tried++;
  }

  // Sections: typed, pasted as plain text, pasted as HTML.
  await app.section('situation').click();
  for (const payload of XSS_PAYLOADS) {
    await page.keyboard.insertText(payload.text);
    await page.keyboard.press('Enter');
    tried++;
  }
  await app.section('task').click();
  await paste(page, 'task', { 'text/plain': XSS_PAYLOADS.map((p) => p.text).join('\n') });
  await app.section('action').click();
  await paste(page, 'action', {
    'text/plain': XSS_PAYLOADS.map((p) => p.text).join('\n'),
    'text/html': XSS_PAYLOADS.map((p) => `<p>${p.text}</p>`).join(''),
  });
  await app.section('result').click();
  for (const payload of XSS_PAYLOADS) {
    await paste(page, 'result', { 'text/html': payload.text, 'text/plain': payload.text });
  }
  await app.section('reflection').click();
  await paste(page, 'reflection', { 'text/html': `<div>${XSS_PAYLOADS.map((p) => p.text).join('<br>')}</div>` });
  tried += XSS_PAYLOADS.length * 4;
  await app.waitSaved();
  await expectNothingRan(page, dialogs);

  // The text survived as text, in the editor and after a reload from the database.
  const check = async (): Promise<void> => {
    for (const name of ['situation', 'task'] as const) {
      const text = await app.section(name).innerText();
      for (const payload of XSS_PAYLOADS.filter((p) => !p.text.includes('\u0000'))) expect(text).toContain(payload.text);
    }
    const tags = await page.getByRole('list', { name: 'Current tags' }).innerText();
    for (const payload of SHORT.filter((p) => !p.text.includes('\u0000'))) expect(tags).toContain(payload.text.trim());
  };
  await check();
  await page.reload();
  await page.locator('.story-item').first().getByRole('button').first().click();
  await expect(app.title).toHaveValue(XSS_PAYLOADS.at(-1)?.text ?? '');
  await check();
  await expectNothingRan(page, dialogs);
});

test('payloads stored through the API show as text in the lists, search, editor and coverage view', async ({ page, shell }) => {
  const dialogs = watchDialogs(page);
  const app = new StoryBankPage(page);
  await app.open(shell.url);
  // Stored straight through the backend, as an import or another tool could.
  const created = await page.evaluate(async (payloads) => {
    const bank = window.storyBank;
    if (!bank) throw new Error('no bridge');
    const ids: string[] = [];
    for (const payload of payloads) {
      const made = await bank['stories.create']({ title: payload.text.slice(0, 300), principles: ['ownership'] });
      if (!made.ok) throw new Error(made.error.message);
      const paragraph = (text: string) => ({
        type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
      });
      const section = (text: string) => ({
        json: JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph(text)] } }),
        text,
      });
      const words = `needle ${payload.text}`;
      const saved = await bank['stories.save']({
        id: made.value.id,
        sessionId: 'xss-session-0001',
        draft: {
          title: payload.text.slice(0, 300),
          sections: { situation: section(words), task: section(words), action: section(words), result: section(words), reflection: section(words) },
          principles: [{ id: 'ownership', role: 'primary' }],
          prompts: [],
          level: null,
          context: payload.text.slice(0, 300),
          tags: payload.text.length <= 40 ? [payload.text] : [],
        },
      });
      if (!saved.ok) throw new Error(saved.error.message);
      ids.push(made.value.id);
    }
    return ids.length;
  }, XSS_PAYLOADS as { id: string; text: string }[]);
  expect(created).toBe(XSS_PAYLOADS.length);
  tried += XSS_PAYLOADS.length * 4;

  await page.reload();
  await expect(page.locator('.story-item')).toHaveCount(XSS_PAYLOADS.length);
  const titles = await page.locator('.story-title').allInnerTexts();
  for (const payload of XSS_PAYLOADS.filter((p) => !p.text.includes('\u0000'))) expect(titles).toContain(payload.text.trim());

  // Search results show a snippet of the matching text.
  await app.search.fill('needle');
  await expect(page.locator('.story-snippet').first()).toBeVisible();
  await expectNothingRan(page, dialogs);
  await app.search.fill('');

  // Each story opens in the editor with its text as text.
  for (const payload of XSS_PAYLOADS.slice(0, 12)) {
    await page.locator('.story-item').filter({ has: page.locator('.story-title', { hasText: payload.text.trim() }) }).first().getByRole('button').first().click();
    await expect(app.title).toHaveValue(payload.text);
    if (!payload.text.includes('\u0000')) await expect(app.section('action')).toContainText(payload.text);
  }
  await expectNothingRan(page, dialogs);

  // The coverage view lists the stories by title.
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await page.waitForTimeout(500);
  await expectNothingRan(page, dialogs);

  fs.mkdirSync('test-results/reliability', { recursive: true });
  fs.writeFileSync(
    'test-results/reliability/xss.json',
    `${JSON.stringify({ payloads: XSS_PAYLOADS.length, tried, executed: 0 }, null, 2)}\n`,
  );
});
