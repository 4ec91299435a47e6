import { describe, expect, it } from 'vitest';
import { PRINCIPLE_IDS, type PrincipleId } from '../../../shared/domain/principles.ts';
import { suggestPrinciples, suggestPrompts } from '../../../shared/suggest/suggest.ts';
import { loadAmazonFramework } from '../content/content-files.ts';

/** One short, realistic story per principle: each principle's evidence must be enough to put it first. */
const STORIES: Record<PrincipleId, { title: string; action: string; result: string }> = {
  'customer-obsession': {
    title: 'Listening to small sellers',
    action: 'I read the support tickets and talked to users who kept abandoning the listing form, and found their pain point was the photo upload.',
    result: 'Complaints fell by half and seller satisfaction rose.',
  },
  ownership: {
    title: 'The flaky build nobody owned',
    action: 'It was not my team, but nobody owned the build and it blocked everyone, so I took ownership and fixed it myself.',
    result: 'I handed it over with a runbook; failures dropped from ten a week to none.',
  },
  'invent-and-simplify': {
    title: 'Replacing the release checklist',
    action: 'The release was a manual process of 40 steps. I simplified it into one automated pipeline and removed the need for a release captain.',
    result: 'Releases went from a day to twenty minutes.',
  },
  'are-right-a-lot': {
    title: 'Choosing a database with limited data',
    action: 'With incomplete information I weighed the options, asked for opposing views from two senior engineers, and made the call to keep Postgres.',
    result: 'A year later the choice turned out to be right: we never hit the limits others feared.',
  },
  'learn-and-be-curious': {
    title: 'Learning Rust on the side',
    action: 'Out of curiosity I taught myself Rust in the evenings, experimented with our parser, and gave a tech talk on what I found.',
    result: 'Two teams adopted the approach.',
  },
  'hire-and-develop-the-best': {
    title: 'Coaching a new hire',
    action: 'I mentored a new hire through weekly one-on-one sessions and a stretch assignment on our billing service.',
    result: 'She was promoted within eighteen months.',
  },
  'insist-on-the-highest-standards': {
    title: 'Raising the bar on code review',
    action: 'Our code review was rubber-stamping changes. I raised the bar with a checklist, required test coverage above 80% and would not ship without integration tests.',
    result: 'Defects reaching production fell by 60%.',
  },
  'think-big': {
    title: 'From one script to a platform',
    action: 'Instead of patching our own deploy script I wrote a vision for a company-wide deployment platform and a multi-year roadmap, and pitched it to leadership.',
    result: 'Every team now deploys through it.',
  },
  'bias-for-action': {
    title: 'Shipping the hotfix',
    action: 'The payment page broke on a Saturday. I did not wait for the Monday review: I shipped a hotfix behind a feature flag within an hour, knowing it was reversible.',
    result: 'We mitigated the issue the same day.',
  },
  frugality: {
    title: 'Doing it with no budget',
    action: 'We had no budget and no extra headcount, so I reused an open-source tool and right-sized our instances.',
    result: 'We cut costs by $8,000 per month.',
  },
  'earn-trust': {
    title: 'Owning up to a bad estimate',
    action: 'I admitted to the partner team that my estimate was wrong, apologized, and was transparent about the new date. I listened to their perspective on what the delay cost them.',
    result: 'They trusted us enough to bring us the next project early.',
  },
  'dive-deep': {
    title: 'Chasing a memory leak',
    action: 'I dug into the logs, profiled the service and traced the leak to a cache that never evicted. The root cause was a missing TTL.',
    result: 'Memory use became flat.',
  },
  'have-backbone-disagree-and-commit': {
    title: 'Arguing against the deadline',
    action: 'I disagreed with the director and voiced my concerns about the launch date, with data. I was overruled, so I committed to the decision and planned around the risks.',
    result: 'We launched on the date with a smaller scope.',
  },
  'deliver-results': {
    title: 'Launching despite a vendor failure',
    action: 'Despite losing our vendor two weeks before launch, I cut scope to the essentials, re-planned each milestone and delivered.',
    result: 'We met the deadline and hit the target of 10,000 sign-ups.',
  },
  'strive-to-be-earths-best-employer': {
    title: 'Fixing the on-call burnout',
    action: 'Two teammates were close to burnout from pager load, so I rebalanced the on-call rotation and pushed for a sustainable pace.',
    result: 'Morale recovered and nobody left the team that year.',
  },
  'success-and-scale-bring-broad-responsibility': {
    title: 'Deleting data we did not need',
    action: 'I noticed we kept personal data for years with no reason. I raised the privacy risk and built a data retention job that deletes it after 90 days.',
    result: 'We reduced the exposure of user data and passed the GDPR review.',
  },
};

const amazon = loadAmazonFramework();

describe('every principle can be suggested first', () => {
  it.each(PRINCIPLE_IDS.map((id) => [id] as const))('%s', (id) => {
    const { title, action, result } = STORIES[id];
    const story = { title, sections: { action, result } };
    const [top] = suggestPrinciples(story, amazon);
    expect(top?.principleId).toBe(id);
    expect(top?.evidence.length).toBeGreaterThan(0);
    expect(top?.why).toMatch(/^Mentions "/);
    expect(suggestPrompts(story, amazon, { limit: 5 }).some((p) => p.principleId === id)).toBe(true);
  });
});
