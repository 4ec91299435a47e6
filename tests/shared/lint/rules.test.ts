import { describe, expect, it } from 'vitest';
import { findingsOf, flagged, lintStory, STRONG_STORY } from './fixture.ts';

describe('we-overuse', () => {
  it('fires when "we" crowds out "I" in the Action', () => {
    const action = 'We profiled the service. We found the leak, and our fix shipped on Friday.';
    const found = findingsOf('we-overuse', { action });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("'we' 3 times and 'I' 0 times");
    expect(flagged(found, { action })).toEqual(['We']);
  });

  it('is quiet when I carries the Action, even with some we', () => {
    expect(findingsOf('we-overuse', { action: 'I profiled the service and we found the leak. I wrote our fix.' })).toEqual([]);
  });

  it('ignores we in the Situation and the Result', () => {
    const texts = { situation: 'We were a team of six and we owned payments.', action: 'I rewrote the retry logic.', result: 'We cut failures by 30% and we celebrated.' };
    expect(findingsOf('we-overuse', texts)).toEqual([]);
  });

  it('does not read "US" as "us"', () => {
    expect(findingsOf('we-overuse', { action: 'The US team and the EU team met. I owned the US rollout.' })).toEqual([]);
    expect(findingsOf('we-overuse', { action: 'They told us to wait, so we waited for us to be ready.' })).toHaveLength(1);
  });
});

describe('escalation-not-ownership', () => {
  it.each([
    'I escalated to my manager, who fixed it.',
    'I noticed the alerts and pinged the platform team; they rolled back the deploy.',
    'I sent a message to the database team and they fixed the index.',
    'My manager handled it with the client.',
    'I raised the issue with the vendor and waited for their fix.',
  ])('fires when the resolution is a hand-off: %s', (action) => {
    expect(findingsOf('escalation-not-ownership', { action })).toHaveLength(1);
  });

  it.each([
    'I reproduced the crash, bisected it to a config change, and wrote a patch. I escalated the config to its owners with the evidence, then verified their change and rolled out my patch.',
    'I profiled the job, rewrote the query, and added an index; I flagged the risk to my manager before the release.',
    'I rewrote the importer and added alerts.',
  ])('stays quiet when the escalation sits among own steps: %s', (action) => {
    expect(findingsOf('escalation-not-ownership', { action })).toEqual([]);
  });

  it('points at the sentence where the problem leaves your hands', () => {
    const action = 'I looked at the graphs. Then I escalated to the SRE team and they restored the service.';
    const found = findingsOf('escalation-not-ownership', { action });
    expect(flagged(found, { action })).toEqual(['Then I escalated to the SRE team and they restored the service.']);
  });
});

describe('thin-action and passive-action', () => {
  it('counts own steps across chained verbs and bullet lines', () => {
    expect(findingsOf('thin-action', { action: 'I profiled the service, rewrote the query, and added an index.' })).toEqual([]);
    expect(findingsOf('thin-action', { action: 'Profiled the service\n\nRewrote the query' })).toEqual([]);
    expect(findingsOf('thin-action', { action: 'I helped the team and I was involved in the fix.' })).toHaveLength(1);
  });

  it('flags passives that hide the actor, not ones that name it', () => {
    const action = 'The cache was rebuilt overnight. The change was approved by the board. I was asked to lead.';
    expect(flagged(findingsOf('passive-action', { action }), { action })).toEqual(['was rebuilt']);
  });
});

describe('hedging and exceptions', () => {
  it('flags hedges but not "this kind of"', () => {
    const action = 'This kind of bug is rare. It was kind of slow, and I think it was the cache.';
    expect(flagged(findingsOf('hedging', { action }), { action })).toEqual(['kind of', 'I think']);
  });

  it('does not match across punctuation or lines', () => {
    expect(findingsOf('hedging', { action: 'It was the right kind. Of course I fixed it.' })).toEqual([]);
    expect(findingsOf('hedging', { action: 'I wrote the kind\n\nof test that catches it.' })).toEqual([]);
  });
});

describe('scope and principle-aware rules', () => {
  it('no-scope-boundary reads the Task and the Situation together', () => {
    expect(findingsOf('no-scope-boundary', { situation: 'Sign-ups fell.', task: 'Fix sign-ups.' })).toHaveLength(1);
    expect(findingsOf('no-scope-boundary', { situation: 'I was the only engineer on growth.', task: 'Fix sign-ups.' })).toEqual([]);
    expect(findingsOf('no-scope-boundary', { situation: 'Sign-ups fell.', task: 'Nobody had asked me to, but I took it on.' })).toEqual([]);
  });

  it('principle rules apply only to stories mapped to their principle', () => {
    const texts = { situation: 'Search rebuilds took six hours.', action: 'I rewrote the indexer.', result: 'Rebuilds take ten minutes.' };
    expect(findingsOf('no-customer-impact', texts, ['customer-obsession'])).toHaveLength(1);
    expect(findingsOf('no-customer-impact', texts, ['dive-deep'])).toEqual([]);
    expect(findingsOf('no-customer-impact', texts, [])).toEqual([]);
  });

  it('disagree and commit needs both halves', () => {
    const p = ['have-backbone-disagree-and-commit'] as const;
    const onlyDisagree = { action: 'I disagreed with the rewrite and showed the incident data.' };
    const both = { action: 'I disagreed with the rewrite and showed the data. Once the decision was made, I committed to it.' };
    expect(findingsOf('disagree-commit-no-disagreement', onlyDisagree, [...p])).toEqual([]);
    expect(findingsOf('disagree-commit-no-commitment', onlyDisagree, [...p])).toHaveLength(1);
    expect(findingsOf('disagree-commit-no-commitment', both, [...p])).toEqual([]);
  });

  it('ownership needs a scope boundary; bias for action needs risk reasoning; dive deep needs investigation', () => {
    expect(findingsOf('ownership-no-boundary', { task: 'I owned the importer.' }, ['ownership'])).toHaveLength(1);
    expect(findingsOf('ownership-no-boundary', { task: 'The importer was not my team\'s, but it broke our checkout.' }, ['ownership'])).toEqual([]);
    expect(findingsOf('bias-for-action-no-risk', { action: 'I shipped it that afternoon.' }, ['bias-for-action'])).toHaveLength(1);
    expect(findingsOf('bias-for-action-no-risk', { action: 'I shipped it that afternoon behind a feature flag.' }, ['bias-for-action'])).toEqual([]);
    expect(findingsOf('dive-deep-no-investigation', { action: 'I fixed the cache.' }, ['dive-deep'])).toHaveLength(1);
    expect(findingsOf('dive-deep-no-investigation', { action: 'I pulled the logs and found the cache key.' }, ['dive-deep'])).toEqual([]);
  });
});

describe('options', () => {
  it('turns rules off and changes severities', () => {
    const texts = { result: 'It went well.' };
    expect(lintStory(texts, [], { only: ['missing-metric'] })[0]!.severity).toBe('error');
    expect(lintStory(texts, [], { only: ['missing-metric'], overrides: { 'missing-metric': 'suggestion' } })[0]!.severity).toBe('suggestion');
    expect(lintStory(texts, [], { only: ['missing-metric'], overrides: { 'missing-metric': 'off' } })).toEqual([]);
  });

  it('pace changes spoken-time findings', () => {
    const situation = [STRONG_STORY.situation, STRONG_STORY.situation, STRONG_STORY.situation].join(' ');
    expect(lintStory({ situation }, [], { only: ['situation-too-long'] })).toHaveLength(1);
    expect(lintStory({ situation }, [], { only: ['situation-too-long'], pace: 220 })).toEqual([]);
  });

  it('a strong story has no problems, and shows its strengths', () => {
    const found = lintStory(STRONG_STORY, ['customer-obsession', 'dive-deep', 'deliver-results']);
    expect(found.filter((d) => d.severity !== 'positive')).toEqual([]);
    expect(found.some((d) => d.ruleId === 'reflection-change-signal' && d.severity === 'positive')).toBe(true);
  });
});
