import type { StoryDraft } from '../../shared/domain/story.ts';
import { parseStoryMarkdownOrThrow } from '../../shared/story-format/story-markdown.ts';

/**
 * A small, realistic bank for prep-sheet and transfer tests, written in the Markdown story format. Each story has a
 * quantified Result sentence that is not its first sentence, so tests can see the key metric was picked, not just
 * the first line.
 */

export interface SampleStory {
  markdown: string;
  /** The Result sentence a prep sheet must show as the key metric. */
  metric: string;
}

export const SAMPLE_STORIES: readonly SampleStory[] = [
  {
    metric: 'Checkout timeouts fell from 6% to 0.4% within two weeks.',
    markdown: `---
title: Cut checkout timeouts during the holiday sale
principles:
  - customer-obsession
secondary_principles:
  - dive-deep
prompts:
  - customer-obsession.customer-feedback-changed-plan
level: Senior
tags: [payments, performance]
context: Acme Retail, payments team
---

## Situation

Two weeks before the holiday sale, support tickets about failed payments tripled. Our dashboards looked green.

## Task

I owned the payment service and had to find out why customers were failing to pay before peak traffic arrived.

## Action

I pulled a week of gateway logs and matched them with the tickets. The failures clustered on one card issuer:

- I traced the slow calls to a **retry storm** in our client library.
- I wrote a fix with backoff and jitter, and load-tested it at *three times* the expected peak.
- I agreed a rollout plan with the on-call lead and shipped it behind a flag.

## Result

The sale ran without a payment incident. Checkout timeouts fell from 6% to 0.4% within two weeks.

## Reflection

I now ask for an error budget per issuer, not a single global one.
`,
  },
  {
    metric: 'Build times dropped from 40 minutes to 9 minutes.',
    markdown: `---
title: Rebuilt the CI pipeline nobody owned
principles:
  - ownership
secondary_principles:
  - frugality
  - invent-and-simplify
prompts:
  - ownership.outside-your-scope
level: SDE2
tags: [tooling]
context: Fintech startup, platform team
---

## Situation

Our continuous integration pipeline had grown over four years and nobody owned it. Engineers waited for builds every day.

## Task

No one asked me to fix it, but it slowed my own team, so I set out to make builds fast again without new hardware.

## Action

I profiled every stage, removed duplicated test runs and cached dependencies between jobs. I wrote a short guide so other teams could keep it fast.

## Result

Everyone noticed the difference in the first week. Build times dropped from 40 minutes to 9 minutes. We cancelled a planned purchase of extra build machines.

## Reflection

Unowned systems decay quietly; I now put an owner on every shared tool my team depends on.
`,
  },
  {
    metric: 'We shipped in 3 weeks instead of the 2 months planned.',
    markdown: `---
title: Disagreed about a rewrite and committed to the plan
principles:
  - have-backbone-disagree-and-commit
prompts:
  - have-backbone-disagree-and-commit.disagreed-with-manager
level: Senior
tags: [architecture]
context: Logistics company
---

## Situation

My manager wanted to rewrite the routing service from scratch before a large customer launch.

## Task

I believed a rewrite put the launch at risk and had to say so clearly, with data.

## Action

I wrote a one-page comparison of the rewrite and a staged refactor, with the risks of each, and presented it to my manager and the architect. They chose the staged refactor, and I led it.

## Result

The launch went ahead on the original date. We shipped in 3 weeks instead of the 2 months planned.

## Reflection

Putting numbers on both options made the disagreement about the plan, not about people.
`,
  },
];

export function sampleDraft(index: number): StoryDraft {
  const sample = SAMPLE_STORIES[index];
  if (!sample) throw new Error(`No sample story ${index}.`);
  return parseStoryMarkdownOrThrow(sample.markdown);
}

export function sampleDrafts(): StoryDraft[] {
  return SAMPLE_STORIES.map((_, i) => sampleDraft(i));
}
