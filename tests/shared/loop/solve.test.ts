import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrincipleId } from '../../../shared/domain/principles.ts';
import { parseLoop, type Loop } from '../../../shared/loop/loop.ts';
import { planLoop, RATINGS, type LoopPin, type LoopPlan, type PlanStory, type Rating } from '../../../shared/loop/solve.ts';

const P: PrincipleId[] = ['ownership', 'dive-deep', 'customer-obsession', 'earn-trust'];

function loopOf(interviewers: Array<{ principles: PrincipleId[]; share?: boolean }>): Loop {
  return {
    name: 'Test loop',
    date: null,
    level: 'Senior',
    framework: 'amazon-lp',
    interviewers: interviewers.map((person, index) => ({ name: `I${index}`, principles: person.principles, barRaiser: false, shareStories: person.share ?? false })),
  };
}

function story(id: string, fits: Array<[PrincipleId, Rating, 'primary' | 'secondary']>, probes = { total: 0, prepared: 0 }): PlanStory {
  return { id, title: `Story ${id}`, fits: fits.map(([principle, rating, role]) => ({ principle, rating, role })), probes };
}

const strength = (rating: Rating, role: 'primary' | 'secondary' | null): number => RATINGS.indexOf(rating) * 2 + (role === 'primary' ? 1 : 0);

/** The objective the planner promises, read off a plan: slots filled, weakest unpinned filled slot, total. */
function objective(plan: LoopPlan): [number, number, number] {
  let filled = 0;
  let total = 0;
  let weakest = Infinity;
  for (const slot of plan.slots) {
    if (!slot.story) continue;
    const value = slot.story.rating === null ? 0 : strength(slot.story.rating, slot.story.role);
    filled++;
    total += value;
    if (!slot.story.pinned) weakest = Math.min(weakest, value);
  }
  return [filled, weakest === Infinity ? 0 : weakest, total];
}

/** Every legal assignment, tried one by one: each slot takes a story or none. */
function bruteForce(loop: Loop, stories: PlanStory[], pins: LoopPin[], bans: string[]): [number, number, number] {
  const slots = loop.interviewers.flatMap((person, interviewer) => person.principles.map((principle) => ({ interviewer, principle })));
  const pool = stories.filter((s) => !bans.includes(s.id));
  const pinOf = (slot: { interviewer: number; principle: PrincipleId }) => pins.find((pin) => pin.interviewer === slot.interviewer && pin.principle === slot.principle);
  let best: [number, number, number] = [-1, -1, -1];
  const choice: number[] = [];
  const walk = (index: number): void => {
    if (index === slots.length) {
      const ownerOf = new Map<number, number>();
      let filled = 0;
      let total = 0;
      let weakest = Infinity;
      for (let i = 0; i < slots.length; i++) {
        const pick = choice[i]!;
        const pin = pinOf(slots[i]!);
        if (pin && (pick < 0 || pool[pick]!.id !== pin.storyId)) return;
        if (pick < 0) continue;
        const owner = ownerOf.get(pick);
        if (owner !== undefined) {
          if (owner !== slots[i]!.interviewer || !loop.interviewers[owner]!.shareStories) return;
        }
        ownerOf.set(pick, slots[i]!.interviewer);
        const fit = pool[pick]!.fits.find((f) => f.principle === slots[i]!.principle);
        if (!fit && !pin) return;
        const value = fit ? strength(fit.rating, fit.role) : 0;
        filled++;
        total += value;
        if (!pin) weakest = Math.min(weakest, value);
      }
      const score: [number, number, number] = [filled, weakest === Infinity ? 0 : weakest, total];
      if (score[0] > best[0] || (score[0] === best[0] && (score[1] > best[1] || (score[1] === best[1] && score[2] > best[2])))) best = score;
      return;
    }
    for (let pick = -1; pick < pool.length; pick++) {
      choice[index] = pick;
      walk(index + 1);
    }
  };
  walk(0);
  return best;
}

const ratingArb = fc.constantFrom(...RATINGS);
const caseArb = fc
  .record({
    interviewers: fc.array(fc.record({ principles: fc.uniqueArray(fc.constantFrom(...P), { minLength: 1, maxLength: 2 }), share: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    stories: fc.array(
      fc.uniqueArray(fc.tuple(fc.constantFrom(...P), ratingArb, fc.constantFrom('primary' as const, 'secondary' as const)), { selector: (fit) => fit[0], minLength: 1, maxLength: 4 }),
      { minLength: 0, maxLength: 5 },
    ),
    pinSeed: fc.array(fc.nat(), { maxLength: 2 }),
    banSeed: fc.array(fc.nat(), { maxLength: 2 }),
  })
  .filter((c) => c.interviewers.reduce((n, person) => n + person.principles.length, 0) <= 5);

describe('planLoop', () => {
  it('agrees with brute force on small random loops, with pins, bans and sharing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const loop = loopOf(c.interviewers);
        const stories = c.stories.map((fits, index) => story(`s${index}`, fits));
        const slots = loop.interviewers.flatMap((person, interviewer) => person.principles.map((principle) => ({ interviewer, principle })));
        const bans = stories.length ? c.banSeed.map((n) => stories[n % stories.length]!.id) : [];
        const pins: LoopPin[] = [];
        if (stories.length) {
          for (const n of c.pinSeed) {
            const slot = slots[n % slots.length]!;
            const pick = stories[(n >> 3) % stories.length]!;
            if (bans.includes(pick.id) || pins.some((pin) => pin.storyId === pick.id || (pin.interviewer === slot.interviewer && pin.principle === slot.principle))) continue;
            pins.push({ ...slot, storyId: pick.id });
          }
        }
        const plan = planLoop(loop, stories, { pins, bans });
        expect(objective(plan)).toEqual(bruteForce(loop, stories, pins, bans));
        // The rules hold: no story told to two interviewers, and only shared within one that allows it.
        const seen = new Map<string, number>();
        for (const slot of plan.slots) {
          if (!slot.story) continue;
          expect(bans).not.toContain(slot.story.id);
          const owner = seen.get(slot.story.id);
          if (owner !== undefined) {
            expect(owner).toBe(slot.interviewer);
            expect(loop.interviewers[owner]!.shareStories).toBe(true);
          }
          seen.set(slot.story.id, slot.interviewer);
        }
        for (const pin of pins) expect(plan.slots.find((s) => s.interviewer === pin.interviewer && s.principle === pin.principle)!.story!.id).toBe(pin.storyId);
      }),
      { numRuns: 600 },
    );
  });

  it('raises the weakest slot before the total: two good slots beat one great and one poor', () => {
    const loop = loopOf([{ principles: ['ownership'] }, { principles: ['dive-deep'] }]);
    const stories = [
      story('a', [['ownership', 'strong-hire', 'primary'], ['dive-deep', 'strong-hire', 'primary']]),
      story('b', [['ownership', 'hire', 'primary']]),
      story('c', [['dive-deep', 'lean-no-hire', 'primary']]),
    ];
    const plan = planLoop(loop, stories);
    expect(plan.slots.map((slot) => slot.story?.id)).toEqual(['b', 'a']);
    // The weak Dive Deep story is left over, so it is that slot's backup; nothing is left for Ownership.
    expect(plan.slots[1]!.backups.map((b) => b.id)).toEqual(['c']);
    expect(plan.slots[0]!.backups).toEqual([]);
    expect(plan.slots[1]!.story!.rating).toBe('strong-hire');
  });

  it('gives up total strength to lift the weakest slot', () => {
    // Best total: a, b, c on Ownership, Dive Deep, Earn Trust (Strong, Strong, No Hire: 9 + 9 + 0).
    // Best floor: every slot Lean Hire (5 + 5 + 5), which the plan must choose.
    const loop = loopOf([{ principles: ['ownership'] }, { principles: ['dive-deep'] }, { principles: ['earn-trust'] }]);
    const stories = [
      story('a', [['ownership', 'strong-hire', 'primary'], ['earn-trust', 'lean-hire', 'primary']]),
      story('b', [['dive-deep', 'strong-hire', 'primary'], ['ownership', 'lean-hire', 'primary']]),
      story('c', [['earn-trust', 'no-hire', 'secondary'], ['dive-deep', 'lean-hire', 'primary']]),
    ];
    const plan = planLoop(loop, stories);
    expect(plan.slots.map((slot) => [slot.story?.id, slot.story?.rating])).toEqual([
      ['b', 'lean-hire'],
      ['c', 'lean-hire'],
      ['a', 'lean-hire'],
    ]);
  });

  it('prefers a primary mapping over a secondary one of the same rating', () => {
    const loop = loopOf([{ principles: ['ownership'] }]);
    const plan = planLoop(loop, [story('sec', [['ownership', 'hire', 'secondary']]), story('pri', [['ownership', 'hire', 'primary']])]);
    expect(plan.slots[0]!.story!.id).toBe('pri');
    expect(plan.slots[0]!.backups.map((b) => b.id)).toEqual(['sec']);
  });

  it('re-solves around a pin and a ban, and names what they cost', () => {
    const loop = loopOf([{ principles: ['ownership'] }, { principles: ['dive-deep'] }]);
    const stories = [
      story('a', [['ownership', 'strong-hire', 'primary'], ['dive-deep', 'strong-hire', 'primary']]),
      story('b', [['ownership', 'hire', 'primary']]),
      story('c', [['dive-deep', 'lean-no-hire', 'primary']]),
    ];
    const pinned = planLoop(loop, stories, { pins: [{ interviewer: 0, principle: 'ownership', storyId: 'a' }] });
    expect(pinned.slots.map((slot) => slot.story?.id)).toEqual(['a', 'c']);
    expect(pinned.slots[0]!.story!.pinned).toBe(true);
    expect(pinned.warnings.map((w) => w.kind)).toEqual(['weak-because-taken']);
    expect(pinned.warnings[0]!.message).toContain('I0');

    const banned = planLoop(loop, stories, { bans: ['a'] });
    expect(banned.slots.map((slot) => slot.story?.id)).toEqual(['b', 'c']);
    expect(banned.warnings.map((w) => w.kind)).toEqual(['no-strong-story']);
  });

  it('leaves a slot empty when no free story answers it, and says which fix to make', () => {
    const loop = loopOf([{ principles: ['ownership'] }, { principles: ['ownership'] }, { principles: ['earn-trust'] }]);
    const plan = planLoop(loop, [story('a', [['ownership', 'hire', 'primary']])]);
    expect(plan.slots.map((slot) => slot.story?.id ?? null)).toEqual(['a', null, null]);
    const kinds = plan.warnings.map((w) => [w.kind, w.interviewer, w.fix.kind]);
    expect(kinds).toEqual([
      ['no-story', 1, 'write-story'],
      ['no-story', 2, 'write-story'],
    ]);
    expect(plan.warnings[0]!.message).toMatch(/already told to another interviewer/);
    expect(plan.warnings[1]!.message).toMatch(/No story in the bank answers Earn Trust/);
  });

  it('lets one story answer two principles of one interviewer only when they allow it', () => {
    const stories = [story('both', [['ownership', 'hire', 'primary'], ['dive-deep', 'hire', 'primary']])];
    const apart = planLoop(loopOf([{ principles: ['ownership', 'dive-deep'] }]), stories);
    expect(apart.slots.filter((slot) => slot.story).length).toBe(1);
    const shared = planLoop(loopOf([{ principles: ['ownership', 'dive-deep'], share: true }]), stories);
    expect(shared.slots.map((slot) => slot.story?.id)).toEqual(['both', 'both']);
  });

  it('warns about a pinned story that is not mapped, a pin on a banned story, and empty follow-up notes', () => {
    const loop = loopOf([{ principles: ['ownership'] }, { principles: ['dive-deep'] }]);
    const stories = [story('a', [['ownership', 'hire', 'primary']], { total: 4, prepared: 0 }), story('b', [['dive-deep', 'hire', 'primary']], { total: 3, prepared: 3 })];
    const plan = planLoop(loop, stories, {
      pins: [
        { interviewer: 1, principle: 'dive-deep', storyId: 'a' },
        { interviewer: 0, principle: 'ownership', storyId: 'b' },
      ],
      bans: ['b'],
    });
    expect(plan.slots.map((slot) => slot.story?.id ?? null)).toEqual([null, 'a']);
    expect(plan.slots[1]!.story!.rating).toBeNull();
    const kinds = plan.warnings.map((w) => w.kind).sort();
    // With b left out, nothing in the bank reads well for Dive Deep either.
    expect(kinds).toEqual(['no-probe-notes', 'no-story', 'no-strong-story', 'pin-ignored', 'pin-not-mapped']);
  });
});

describe('parseLoop', () => {
  const good = { name: 'Onsite', level: 'Senior', interviewers: [{ name: 'HM', principles: ['ownership'] }] };

  it('accepts the CLI file shape and fills in the defaults', () => {
    const result = parseLoop(good);
    expect(result).toEqual({
      ok: true,
      loop: { name: 'Onsite', date: null, level: 'Senior', framework: 'amazon-lp', interviewers: [{ name: 'HM', principles: ['ownership'], barRaiser: false, shareStories: false }] },
    });
  });

  it.each([
    [{ ...good, interviewers: [{ name: 'HM', principles: ['owner-ship'] }] }, 'interviewers[0].principles[0]: "owner-ship" is not a principle id'],
    [{ ...good, interviewers: [{ name: 'HM', principles: ['ownership'] }, { name: 'hm', principles: ['dive-deep'] }] }, 'interviewers[1].name: "hm" is already interviewer 1'],
    [{ ...good, interviewers: [{ name: 'HM', principles: [] }] }, 'interviewers[0].principles: an interviewer needs at least one principle'],
    [{ ...good, interviewers: Array.from({ length: 13 }, (_, i) => ({ name: `I${i}`, principles: ['ownership'] })) }, 'interviewers: a loop has at most 12 interviewers'],
    [{ ...good, level: 'L6' }, 'level: must be one of'],
    [{ ...good, date: '2026-13-40' }, 'date: is not a real date'],
    [{ ...good, interviewers: [{ name: 'HM', principals: ['ownership'] }] }, 'interviewers[0]'],
    ['not an object', 'the loop'],
  ])('refuses a bad loop and names the field (%#)', (input, message) => {
    const result = parseLoop(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(message);
  });
});
