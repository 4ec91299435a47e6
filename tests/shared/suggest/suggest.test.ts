import { describe, expect, it } from 'vitest';
import type { Framework, Principle } from '../../../shared/content/principle-schema.ts';
import {
  suggest,
  suggestIndexFor,
  suggestPrinciples,
  suggestPrompts,
  type SuggestStory,
} from '../../../shared/suggest/suggest.ts';
import { buildSuggestIndex } from '../../../shared/suggest/suggest-index.ts';
import { phraseStems } from '../../../shared/suggest/tokens.ts';
import { loadAmazonFramework } from '../content/content-files.ts';

const amazon = loadAmazonFramework();

const OUTAGE: SuggestStory = {
  title: 'Fixing the checkout outage',
  sections: {
    situation:
      'Late on a Friday our checkout service started failing for about 20% of requests. I was not on call, and the payments team owned the service.',
    task: 'Nobody had picked up the alarm, and every hour of the outage was losing orders.',
    action:
      'Without being asked, I joined the incident channel, paged the owner and read the logs. A config change had exhausted the connection pool, so I rolled back the change within an hour, then wrote a runbook and added an alarm on pool usage.',
    result: 'Errors dropped to zero within minutes of the rollback, and the alarm caught the same problem twice since.',
    reflection: 'I learned to write a short handoff note for the owning team after stepping in.',
  },
};

const COST_CUTTING: SuggestStory = {
  title: 'Cutting our cloud bill',
  sections: {
    situation: 'Our AWS bill had grown to $120,000 per month while traffic was flat, and finance asked every team to trim spending.',
    task: 'I had to find savings without hurting latency, with no extra headcount.',
    action:
      'I went through the billing reports and found dozens of idle instances left from old load tests. I right-sized the batch cluster, moved nightly jobs to spot instances and switched logs to a cheaper storage tier.',
    result: 'We reduced costs by 38%, about $45,000 per month, with no change to p99 latency. A budget alarm keeps the spend from creeping back.',
  },
};

const DISAGREEMENT: SuggestStory = {
  title: 'Pushing back on a rewrite before peak season',
  sections: {
    situation: 'My manager wanted to rewrite our search service in a new framework two months before the holiday peak.',
    task: 'I believed the rewrite put the peak-season launch at risk.',
    action:
      'I disagreed and raised my concerns in our weekly meeting, with data on past incidents and the migration effort. We debated it with the director, and I was overruled. I fully committed to the decision and led the migration plan, adding a fallback path.',
    result: 'The rewrite launched two weeks late, but the fallback kept search up during the peak.',
    reflection: 'Next time I would propose a concrete alternative earlier.',
  },
};

const MENTORING: SuggestStory = {
  title: 'Growing a new engineer',
  sections: {
    situation: 'A junior engineer joined straight out of university and was struggling with design reviews.',
    task: 'As her mentor, my goal was for her to lead a feature within three months.',
    action:
      'We met every week, I paired with her on her first tickets and gave her specific feedback on each design doc. Then I handed her a stretch assignment: leading the design for our export feature.',
    result: 'She shipped the export feature on her own and was promoted the following year. She now mentors our interns.',
  },
};

const CUSTOMER: SuggestStory = {
  title: 'Confusing invoices',
  sections: {
    situation: 'Support tickets about invoices doubled after a redesign; small business customers could not find the tax amount.',
    task: 'I wanted to understand what customers actually needed before changing anything.',
    action: 'I read a hundred support tickets, interviewed five customers and found the pain point was the new layout. I changed the design based on their feedback.',
    result: 'Complaints dropped by 70% and customer satisfaction recovered within a month.',
  },
};

const DEBUGGING: SuggestStory = {
  title: 'The latency spike nobody could explain',
  sections: {
    situation: 'Our p99 latency doubled every night at 2am and the dashboards showed nothing unusual.',
    task: 'Find out why.',
    action:
      'I dug into the logs, profiled the service and traced the spike to a cron job. The heap dumps showed a memory leak in the cache, which forced long garbage-collection pauses. I queried a week of metrics to confirm the root cause.',
    result: 'After the fix p99 went from 900 ms to 180 ms.',
  },
};

function ranking(story: SuggestStory): string[] {
  return suggestPrinciples(story, amazon, { minScore: 0 }).map((s) => s.principleId);
}

function rankOf(story: SuggestStory, principleId: string): number {
  const r = ranking(story);
  return r.includes(principleId) ? r.indexOf(principleId) : Number.POSITIVE_INFINITY;
}

describe('suggestPrinciples on realistic stories', () => {
  it('ranks ownership and bias-for-action above frugality for an outage fixed without being asked', () => {
    const result = suggestPrinciples(OUTAGE, amazon, { minScore: 0 });
    const score = (id: string) => result.find((s) => s.principleId === id)?.score ?? 0;
    expect(rankOf(OUTAGE, 'ownership')).toBeLessThan(rankOf(OUTAGE, 'frugality'));
    expect(rankOf(OUTAGE, 'bias-for-action')).toBeLessThan(rankOf(OUTAGE, 'frugality'));
    expect(ranking(OUTAGE).slice(0, 3)).toEqual(expect.arrayContaining(['ownership', 'bias-for-action']));
    expect(score('ownership')).toBeGreaterThan(2 * score('frugality'));
  });

  it('ranks frugality first for a cost-cutting story', () => {
    expect(ranking(COST_CUTTING)[0]).toBe('frugality');
    expect(rankOf(COST_CUTTING, 'have-backbone-disagree-and-commit')).toBeGreaterThan(3);
  });

  it('ranks have-backbone-disagree-and-commit first for a disagreement story', () => {
    expect(ranking(DISAGREEMENT)[0]).toBe('have-backbone-disagree-and-commit');
  });

  it('ranks hire-and-develop-the-best first for a mentoring story', () => {
    expect(ranking(MENTORING)[0]).toBe('hire-and-develop-the-best');
    expect(rankOf(MENTORING, 'frugality')).toBeGreaterThan(3);
  });

  it('ranks customer-obsession first for a story about customer complaints', () => {
    expect(ranking(CUSTOMER)[0]).toBe('customer-obsession');
  });

  it('ranks dive-deep first for a debugging story', () => {
    expect(ranking(DEBUGGING)[0]).toBe('dive-deep');
  });

  it('returns scores in (0, 1), best first', () => {
    const result = suggestPrinciples(OUTAGE, amazon, { minScore: 0 });
    expect(result.length).toBeGreaterThan(2);
    for (const s of result) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThan(1);
    }
    const scores = result.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('points evidence at the exact words in the story, matching inflected forms', () => {
    const story: SuggestStory = { title: '', sections: { action: 'I was rolling back the deploy while others debated.' } };
    const bias = suggestPrinciples(story, amazon).find((s) => s.principleId === 'bias-for-action');
    expect(bias?.evidence).toEqual([
      { phrase: 'rolled back', text: 'rolling back', section: 'action', start: 6, end: 18, weight: 3 },
    ]);

    for (const s of suggestPrinciples(OUTAGE, amazon)) {
      for (const e of s.evidence) {
        const source = e.section === 'title' ? OUTAGE.title : (OUTAGE.sections[e.section] ?? '');
        expect(source.slice(e.start, e.end)).toBe(e.text);
        expect(phraseStems(e.text)).toEqual(phraseStems(e.phrase));
      }
    }
  });

  it('explains each suggestion in plain words, naming phrases and sections', () => {
    const ownership = suggestPrinciples(OUTAGE, amazon).find((s) => s.principleId === 'ownership');
    expect(ownership?.why).toMatch(/^Mentions .*"Without being asked".* in Action/);
    expect(ownership?.evidence.map((e) => e.phrase)).toEqual(
      expect.arrayContaining(['without being asked', 'outage', 'runbook']),
    );
    const frugality = suggestPrinciples(COST_CUTTING, amazon)[0];
    expect(frugality?.why).toContain('"reduced costs" in Result');
    expect(frugality?.why).toContain('"no extra headcount" in Task');
  });

  it('suggests nothing for an empty story or one without meaningful words', () => {
    expect(suggestPrinciples({ title: '', sections: {} }, amazon, { minScore: 0 })).toEqual([]);
    expect(suggestPrompts({ title: '', sections: {} }, amazon, { minScore: 0 })).toEqual([]);
    expect(suggestPrinciples({ title: 'It was what it was', sections: { action: 'And then we did it.' } }, amazon)).toEqual(
      [],
    );
  });

  it('honours limit and minScore', () => {
    expect(suggestPrinciples(OUTAGE, amazon, { limit: 2 })).toHaveLength(2);
    const strong = suggestPrinciples(OUTAGE, amazon, { minScore: 0.5 });
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((s) => s.score >= 0.5)).toBe(true);
    expect(strong.length).toBeLessThan(suggestPrinciples(OUTAGE, amazon, { minScore: 0 }).length);
  });
});

describe('suggestPrompts', () => {
  it('proposes an incident prompt for the outage story, with the shared words', () => {
    const prompts = suggestPrompts(OUTAGE, amazon, { limit: 3 });
    expect(prompts).toHaveLength(3);
    const ids = prompts.map((p) => p.promptId);
    expect(ids.some((id) => id === 'ownership.production-issue' || id === 'bias-for-action.emergency-response')).toBe(true);
    const incident = suggestPrompts(OUTAGE, amazon).find((p) => p.promptId === 'ownership.production-issue');
    expect(incident?.matchedTerms).toEqual(expect.arrayContaining(['outage', 'incident']));
    expect(incident?.why).toMatch(/^Shares .*"outage".* with this prompt, and the story reads strongly as Ownership\.$/);
    expect(incident?.text).toBe('Tell me about a time you took charge of a production issue or outage.');
  });

  it('proposes the cost prompt first for the cost-cutting story', () => {
    const [first] = suggestPrompts(COST_CUTTING, amazon);
    expect(first?.promptId).toBe('frugality.cut-costs');
    expect(first?.principleId).toBe('frugality');
    expect(first?.matchedTerms).toEqual(expect.arrayContaining(['costs', 'cheaper']));
  });

  it('proposes mentoring and disagreement prompts for those stories', () => {
    expect(suggestPrompts(MENTORING, amazon, { limit: 3 }).map((p) => p.principleId)).toEqual(
      Array(3).fill('hire-and-develop-the-best'),
    );
    expect(suggestPrompts(DISAGREEMENT, amazon, { limit: 2 }).map((p) => p.promptId)).toEqual(
      expect.arrayContaining(['have-backbone-disagree-and-commit.disagreed-with-manager']),
    );
  });

  it('defaults to 10 prompts, best first', () => {
    const prompts = suggestPrompts(OUTAGE, amazon);
    expect(prompts).toHaveLength(10);
    const scores = prompts.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('the index', () => {
  it('is built once per framework and gives the same answers when passed directly', () => {
    const index = suggestIndexFor(amazon);
    expect(suggestIndexFor(amazon)).toBe(index);
    expect(suggestIndexFor(index)).toBe(index);
    expect(suggestPrinciples(OUTAGE, index)).toEqual(suggestPrinciples(OUTAGE, amazon));
    expect(suggestPrinciples(OUTAGE, buildSuggestIndex(amazon))).toEqual(suggestPrinciples(OUTAGE, amazon));
  });

  it('suggest() returns both lists from one pass', () => {
    const both = suggest(DISAGREEMENT, amazon, { prompts: { limit: 4 } });
    expect(both.principles).toEqual(suggestPrinciples(DISAGREEMENT, amazon));
    expect(both.prompts).toEqual(suggestPrompts(DISAGREEMENT, amazon, { limit: 4 }));
  });
});

describe('scoring rules, on a small made-up framework', () => {
  const levels = { Junior: 'Does it.' };
  const principle = (id: string, evidence: Principle['evidence'], prompts: string[]): Principle => ({
    id,
    name: id[0]?.toUpperCase() + id.slice(1),
    frameworkId: 'mini',
    summary: 's',
    lookFors: [],
    lookForCues: [],
    pitfallRules: [],
    pitfalls: [],
    prompts: prompts.map((text, i) => ({ id: `${id}.p${i}`, text, keywords: [] })),
    probes: [],
    emphasize: [],
    downplay: [],
    levels,
    evidence,
  });
  const mini: Framework = {
    id: 'mini',
    name: 'Mini',
    description: null,
    levels: ['Junior'],
    principles: [
      principle(
        'depth',
        [
          { phrase: 'root cause', weight: 4 },
          { phrase: 'cause', weight: 1 },
        ],
        ['Tell me about a time you found the root cause of a bug.'],
      ),
      principle('thrift', [{ phrase: 'saved money', weight: 3 }], ['Tell me about a time you saved money on servers.']),
    ],
  };
  const score = (story: SuggestStory, id = 'depth') =>
    suggestPrinciples(story, mini, { minScore: 0 }).find((s) => s.principleId === id)?.score ?? 0;

  it('counts a shorter phrase inside a longer match only once', () => {
    const [depth] = suggestPrinciples({ title: '', sections: { action: 'I found the root cause.' } }, mini);
    expect(depth?.evidence.map((e) => e.phrase)).toEqual(['root cause']);
    const both = suggestPrinciples({ title: '', sections: { action: 'The root cause had a cause.' } }, mini)[0];
    expect(both?.evidence.map((e) => e.phrase)).toEqual(['root cause', 'cause']);
  });

  it('weighs a phrase in Action more than the same phrase in Situation', () => {
    expect(score({ title: '', sections: { action: 'root cause' } })).toBeGreaterThan(
      score({ title: '', sections: { situation: 'root cause' } }),
    );
  });

  it('lets repeats add a little, then nothing', () => {
    const times = (n: number) => score({ title: '', sections: { action: Array(n).fill('root cause.').join(' ') } });
    expect(times(2)).toBeGreaterThan(times(1));
    expect(times(2) - times(1)).toBeLessThan(times(1) / 2);
    expect(times(5)).toBe(times(4));
  });

  it('uses similarity to prompts when no phrase matches', () => {
    const [top] = suggestPrinciples({ title: '', sections: { action: 'We cut the servers we did not use.' } }, mini);
    expect(top?.principleId).toBe('thrift');
    expect(top?.evidence).toEqual([]);
    expect(top?.why).toBe('Close in wording to "Tell me about a time you saved money on servers."');
  });

  it('includes title evidence and names it', () => {
    const [top] = suggestPrinciples({ title: 'How we saved money', sections: {} }, mini);
    expect(top?.principleId).toBe('thrift');
    expect(top?.evidence[0]).toMatchObject({ section: 'title', start: 7, end: 18 });
    expect(top?.why).toMatch(/^Mentions "saved money" in the title\./);
  });
});
