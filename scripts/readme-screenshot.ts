import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStoryMarkdownOrThrow } from '../shared/story-format/index.ts';
import { buildRenderer } from './build.ts';
import { addStoryThroughPage, withAppInChromium } from './support/app-in-chromium.ts';

/** Renders the README's screenshot: a real story in the real app, through the browser shell. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const STORIES = [
  `---
title: Payments retries that paged us every night
principles: [ownership, bias-for-action]
level: Senior
tags: [oncall, payments]
context: Checkout platform, mid-size retailer
---
## Situation
Our checkout service paged the on-call engineer almost every night during the spring sale. The retry layer belonged to a team that had been dissolved, so nobody owned it.

## Task
I was not on that team, but I volunteered to own the retry layer until it was stable, and told my manager I would report back within two weeks.

## Action
- I pulled thirty days of traces and found that two thirds of the pages came from retries piling onto a slow fraud check.
- I wrote a backoff with jitter and a circuit breaker, and load tested it against a copy of production traffic.
- We kind of agreed to ship it behind a flag; I rolled it out to 5% of traffic first and watched the error budget for a day.

## Result
Pages dropped from nine a week to one, and checkout errors during peak fell from 4% to 0.3%.

## Reflection
Communication is important.
`,
  `---
title: Cutting the analytics bill in half
principles: [frugality]
tags: [cost]
---
## Situation
The analytics cluster cost more each month than the product it measured.

## Task
I owned the data platform budget for my group.

## Action
I found three nightly jobs recomputing the same tables and merged them into one incremental job.

## Result
The monthly bill went from $42,000 to $19,000.
`,
  `---
title: Mentoring a new on-call engineer
principles: [hire-and-develop-the-best]
tags: [mentoring]
---
## Situation
A new hire joined the rotation two weeks after starting.
`,
];

await buildRenderer();
await withAppInChromium({ width: 1440, height: 900 }, async (page) => {
  for (const source of [...STORIES].reverse()) {
    const draft = parseStoryMarkdownOrThrow(source);
    await addStoryThroughPage(page, draft);
  }
  await page.reload();
  await page.locator('.story-open').first().click();
  await page.getByTestId('section-action').waitFor();
  await page.waitForTimeout(400);
  const out = path.join(root, 'docs', 'screenshots', 'main-window.png');
  await page.screenshot({ path: out });
  console.log(`Wrote ${path.relative(root, out)}`);
});
