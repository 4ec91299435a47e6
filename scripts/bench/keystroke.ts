import { addStoryThroughPage, withAppInChromium } from '../support/app-in-chromium.ts';
import { makeDraft, rng } from './corpus.ts';
import { median, percentile } from './stats.ts';

export interface KeystrokeFigures {
  words: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
}

/**
 * Keystroke -> updated lint highlights, in Chromium, on a 2,000-word story: for each key typed at the end of the
 * Action, the time from the keydown event to the moment the renderer has re-linted and set the new highlight
 * ranges (a performance mark the renderer sets right after).
 */
export async function runKeystrokeBench(keystrokes = 120): Promise<KeystrokeFigures> {
  return withAppInChromium({ width: 1280, height: 860 }, async (page) => {
    const draft = makeDraft(rng(7), 1, 2000);
    const words = Object.values(draft.sections).reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
    await addStoryThroughPage(page, draft);
    await page.reload();
    await page.locator('.story-open').first().click();
    const action = page.getByTestId('section-action');
    await action.click();
    await page.keyboard.press('Control+End');
    // Every keydown's timeStamp and every mark's startTime are recorded, and paired once typing is over: a
    // PerformanceObserver is told of a mark asynchronously, often only after the next frame, so reading "the last
    // keydown" in its callback could pair a mark with the keystroke after the one that caused it.
    await page.evaluate((mark) => {
      const w = window as unknown as { __downs: number[]; __marks: number[] };
      w.__downs = [];
      w.__marks = [];
      document.addEventListener('keydown', (event) => w.__downs.push(event.timeStamp), true);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === mark) w.__marks.push(entry.startTime);
      }).observe({ type: 'mark', buffered: false });
    }, 'story-bank:highlights-painted');
    const text = ' and then we shipped it without asking anyone';
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.type(text[i % text.length] as string);
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(250);
    const { downs, marks } = await page.evaluate(() => {
      const w = window as unknown as { __downs: number[]; __marks: number[] };
      return { downs: w.__downs, marks: w.__marks };
    });
    // A keystroke's latency: from its keydown to the first mark after it not already claimed by an earlier
    // keystroke. Claiming matters when the main thread is busy: the next key's timeStamp (taken when the input
    // arrives) can precede the previous key's mark, and must then wait for its own mark, queueing included.
    marks.sort((a, b) => a - b);
    const latencies: number[] = [];
    let next = 0;
    for (const down of [...downs].sort((a, b) => a - b)) {
      while (next < marks.length && (marks[next] as number) <= down) next++;
      if (next === marks.length) break;
      latencies.push((marks[next] as number) - down);
      next++;
    }
    if (latencies.length < keystrokes * 0.8) throw new Error(`only ${latencies.length} of ${keystrokes} keystrokes measured`);
    return { words, keystrokes: latencies.length, medianMs: median(latencies), p95Ms: percentile(latencies, 95) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runKeystrokeBench());
