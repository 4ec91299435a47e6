import { describe, expect, it } from 'vitest';
import { SECTION_IDS, type SectionId } from '../../../shared/domain/sections.ts';
import { compileLookFors, type LookForHit } from '../../../shared/lint/look-fors.ts';
import { loadAmazonFramework } from '../content/content-files.ts';

type Texts = Record<SectionId, string>;

/** The first hit of each cue list, as a principle whose look-fors have these cues would get. */
function lookForHits(cues: string[][], sections: Texts): (LookForHit | null)[] {
  return compileLookFors({ lookFors: cues.map((_, i) => `look-for ${i + 1}`), lookForCues: cues })(sections).map((r) => r.hit);
}

function texts(partial: Partial<Texts>): Texts {
  const out = {} as Texts;
  for (const id of SECTION_IDS) out[id] = partial[id] ?? '';
  return out;
}

/** The hit of a single look-for with the given cues on the given sections. */
function hitOf(cues: string[], partial: Partial<Texts>): LookForHit | null {
  return lookForHits([cues], texts(partial))[0] ?? null;
}

describe('compileLookFors', () => {
  const principle = {
    lookFors: ['Measured it.', 'Followed up.', 'Never matched.'],
    lookForCues: [['measured'], ['follow-up', 'root cause'], ['zebra crossing']],
  };
  const match = compileLookFors(principle);

  it('returns one result per look-for, in order, with the quoted words and their offsets', () => {
    const story = texts({ action: 'First I was measuring the queue. Then we did the follow up.' });
    const results = match(story);
    expect(results.map((r) => r.lookFor)).toEqual(principle.lookFors);
    expect(results[0]?.hit).toEqual({ cue: 'measured', section: 'action', start: 12, end: 21, text: 'measuring' });
    expect(results[1]?.hit).toEqual({ cue: 'follow-up', section: 'action', start: 49, end: 58, text: 'follow up' });
    expect(results[2]?.hit).toBeNull();
    for (const r of results) if (r.hit) expect(story[r.hit.section].slice(r.hit.start, r.hit.end)).toBe(r.hit.text);
  });

  it('matches stems both ways: "measured" finds "measure", "measures" and "Measuring"', () => {
    for (const word of ['measure', 'measures', 'Measuring', 'MEASURED']) {
      expect(hitOf(['measured'], { result: `We ${word} it.` })?.text).toBe(word);
    }
    expect(hitOf(['followed up'], { action: 'I follow-up weekly.' })?.text).toBe('follow-up');
    expect(hitOf(['on-call'], { situation: 'Our on call rota was thin.' })?.text).toBe('on call');
  });

  it('matches whole words only', () => {
    expect(hitOf(['log'], { action: 'I fixed the login page and the catalog.' })).toBeNull();
    expect(hitOf(['alarm'], { action: 'The numbers were alarmingly high.' })).toBeNull();
    expect(hitOf(['root cause'], { action: 'The uprooted cause was clear.' })).toBeNull();
    expect(hitOf(['log'], { action: 'I read the log.' })?.text).toBe('log');
  });

  it('keeps the words of a cue together: no comma, sentence break or line break between them', () => {
    expect(hitOf(['root cause'], { action: 'We found the root. Cause unknown.' })).toBeNull();
    expect(hitOf(['root cause'], { action: 'The root, cause and effect.' })).toBeNull();
    expect(hitOf(['root cause'], { action: 'The root\ncause.' })).toBeNull();
    expect(hitOf(['root cause'], { action: 'The root  cause.' })?.text).toBe('root  cause');
    expect(hitOf(['a b test'], { action: 'We ran an A/B test.' })?.text).toBe('A/B test');
  });

  it('treats curly and straight apostrophes alike, and ignores a possessive', () => {
    expect(hitOf(["didn't wait"], { action: 'I didn’t wait for the review.' })?.text).toBe('didn’t wait');
    expect(hitOf(['the director'], { task: "It was the director's call." })?.text).toBe("the director's");
  });

  it('reports the first place in STAR order: an earlier section wins over an earlier cue', () => {
    const hit = hitOf(['postmortem', 'runbook'], { situation: 'There was no runbook.', action: 'I wrote a postmortem.' });
    expect(hit).toMatchObject({ cue: 'runbook', section: 'situation', text: 'runbook' });
    const inOrder = hitOf(['postmortem', 'runbook'], { action: 'I wrote a runbook, then a postmortem.' });
    expect(inOrder?.cue).toBe('runbook');
  });

  it('prefers the longer cue where two start at the same word', () => {
    expect(hitOf(['root', 'root cause'], { action: 'I found the root cause.' })).toMatchObject({ cue: 'root cause', text: 'root cause' });
    expect(hitOf(['root cause', 'root'], { action: 'I found the root of it.' })).toMatchObject({ cue: 'root', text: 'root' });
  });

  it('ticks look-fors independently, and one passage may tick several', () => {
    const hits = lookForHits([['on-call'], ['on call rota'], ['pager']], texts({ task: 'I ran the on-call rota.' }));
    expect(hits.map((h) => h?.text ?? null)).toEqual(['on-call', 'on-call rota', null]);
  });

  it('counts offsets in UTF-16 code units, after emoji and accents', () => {
    const action = '🙂 Zoë and I wrote the runbook.';
    const hit = hitOf(['runbook'], { action });
    expect(hit).not.toBeNull();
    expect(action.slice(hit?.start, hit?.end)).toBe('runbook');
  });

  it('handles empty stories, empty cue lists and cues without words', () => {
    expect(compileLookFors({ lookFors: ['A', 'B'], lookForCues: [[]] })(texts({ action: 'anything' }))).toEqual([
      { lookFor: 'A', hit: null },
      { lookFor: 'B', hit: null },
    ]);
    expect(hitOf(['-', 'runbook'], { action: '- a runbook' })?.cue).toBe('runbook');
    expect(match(texts({})).every((r) => r.hit === null)).toBe(true);
  });

  it('gives the same answer when called again on changed text', () => {
    const first = hitOf(['runbook'], { action: 'A runbook.' });
    const second = hitOf(['runbook'], { action: 'No such thing.' });
    const third = hitOf(['runbook'], { action: 'A runbook.' });
    expect(first).toEqual(third);
    expect(second).toBeNull();
  });
});

describe('with the shipped cues', () => {
  const framework = loadAmazonFramework();
  const ownership = framework.principles.find((p) => p.id === 'ownership');
  if (ownership === undefined) throw new Error('no ownership principle');

  it('ticks Ownership look-fors on a story that shows them', () => {
    const results = compileLookFors(ownership)(
      texts({
        situation: 'The nightly import kept failing, and it was not my team that owned it.',
        action: 'I found the root cause, fixed the parser and wrote a runbook. I paired with their on-call engineer.',
      }),
    );
    expect(results[0]?.hit?.text).toBe('not my team');
    expect(results[1]?.hit?.text).toBe('root cause');
    expect(results[4]?.hit?.text).toBe('paired with');
  });

  it('is fast: a 1,000-word story is matched in well under a millisecond after setup', () => {
    const matchers = framework.principles.map((p) => compileLookFors(p));
    const words = 'we looked at the dashboard and the team talked about the customer before I wrote a small fix for the parser'.split(' ');
    const story = (seed: number): Texts => {
      const part = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ') + ` ${seed}.`;
      return texts({ situation: part(150), task: part(100), action: part(500), result: part(150), reflection: part(100) });
    };
    for (let i = 0; i < 5; i++) for (const m of matchers) m(story(i));
    // Best of five batches of ten runs, so a garbage collection or a busy machine does not decide the result.
    const batches: number[] = [];
    let seed = 100;
    for (let batch = 0; batch < 5; batch++) {
      const stories = Array.from({ length: 10 }, () => story(seed++)); // new text each run: tokenizing is part of the cost
      const t0 = performance.now();
      stories.forEach((s, i) => matchers[i % matchers.length]?.(s));
      batches.push((performance.now() - t0) / stories.length);
    }
    expect(Math.min(...batches)).toBeLessThan(1);
  });
});
