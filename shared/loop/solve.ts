import { principleName, type PrincipleId } from '../domain/principles.ts';
import type { PrincipleRole } from '../domain/story.ts';
import { maxWeightAssignment } from './assignment.ts';
import { loopSlots, type Loop, type LoopSlot } from './loop.ts';
import { RATINGS as BEST_FIRST, RATING_LABELS, type Rating } from '../lint/verdict.ts';

/**
 * The loop planner: which story to tell each interviewer for each principle they hold.
 *
 * The plan is exact. Among all assignments where no story is told to two interviewers, it picks the one that
 * (1) fills the most slots, then (2) makes the weakest filled slot as strong as possible, then (3) makes the total
 * strength as high as possible. A story's strength for a principle is its rating for that principle at the loop's
 * level, a primary mapping a notch above a secondary one. (1) and (3) are one maximum-weight assignment with the
 * slot count weighted above any total; (2) is a search over the ten possible strengths for the highest floor that
 * still fills as many slots. Where an interviewer allows it, one story may answer several of their principles:
 * each way of grouping that interviewer's slots is tried, so the result is still the best over all of them.
 */

/** The interviewers' scale, weakest first (the verdict lists it best first): a rating's index is its strength. */
export const RATINGS: readonly Rating[] = [...BEST_FIRST].reverse();
export { RATING_LABELS, type Rating };

/** What the planner knows about one story: how well it answers each principle it is mapped to. */
export interface PlanStory {
  id: string;
  title: string;
  fits: ReadonlyArray<{ principle: PrincipleId; role: PrincipleRole; rating: Rating }>;
  /** Follow-up probes the content lists for the story's principles, and how many have prepared notes. */
  probes: { total: number; prepared: number };
}

export interface LoopPin {
  interviewer: number;
  principle: PrincipleId;
  storyId: string;
}

export interface PlanOptions {
  pins?: readonly LoopPin[];
  /** Stories left out of this loop. */
  bans?: readonly string[];
}

export interface PlannedStory {
  id: string;
  title: string;
  /** null when a pinned story is not mapped to the slot's principle. */
  rating: Rating | null;
  role: PrincipleRole | null;
}

export interface PlannedSlot extends LoopSlot {
  story: (PlannedStory & { pinned: boolean }) | null;
  backups: PlannedStory[];
}

export type WarningKind =
  | 'no-story'
  | 'no-strong-story'
  | 'weak-because-taken'
  | 'no-probe-notes'
  | 'pin-not-mapped'
  | 'pin-ignored'
  | 'sharing-limited';

export interface LoopWarning {
  kind: WarningKind;
  interviewer: number;
  principle: PrincipleId;
  storyId: string | null;
  message: string;
  /** What to do about it; the Loop screen links each fix to the principle's guide or the story. */
  fix: { kind: 'write-story' | 're-angle' | 'prepare-probes' | 'change-pin'; label: string };
}

export interface LoopPlan {
  slots: PlannedSlot[];
  warnings: LoopWarning[];
}

const LEAN_HIRE = RATINGS.indexOf('lean-hire');
/** Strength 0..9: the rating's rank twice, plus one for a primary mapping. */
const STRENGTH_LEVELS = RATINGS.length * 2;

function strengthOf(rating: Rating, role: PrincipleRole): number {
  return RATINGS.indexOf(rating) * 2 + (role === 'primary' ? 1 : 0);
}

/** A group of one interviewer's slots that one story answers together (a single slot unless they share). */
type Unit = number[];

/** Every way to split a list into non-empty groups (at most 4 items here: 15 ways). */
function partitions(items: readonly number[]): Unit[][] {
  if (items.length === 0) return [[]];
  const [first, ...rest] = items as [number, ...number[]];
  const out: Unit[][] = [];
  for (const partition of partitions(rest)) {
    out.push([[first], ...partition]);
    partition.forEach((_, index) => out.push(partition.map((group, i) => (i === index ? [first, ...group] : group))));
  }
  // Singletons first, so grouping is only chosen when it is strictly better.
  return out.sort((a, b) => b.length - a.length);
}

/** Past this many groupings of the sharing interviewers, the later ones plan without sharing (and say so). */
const MAX_GROUPINGS = 2048;

interface Solved {
  filled: number;
  floor: number;
  total: number;
  units: Unit[];
  storyOf: number[];
}

export function planLoop(loop: Loop, stories: readonly PlanStory[], options: PlanOptions = {}): LoopPlan {
  const slots = loopSlots(loop);
  const warnings: LoopWarning[] = [];
  const banned = new Set(options.bans ?? []);
  const pool = stories.filter((story) => !banned.has(story.id));
  const indexOfStory = new Map(pool.map((story, index) => [story.id, index]));

  // strength[slot][story]: null where the story does not answer that slot's principle.
  const fitOf = pool.map((story) => new Map(story.fits.map((fit) => [fit.principle, fit])));
  const strength: (number | null)[][] = slots.map((slot) =>
    fitOf.map((fits) => {
      const fit = fits.get(slot.principle);
      return fit ? strengthOf(fit.rating, fit.role) : null;
    }),
  );

  // Pins: a pinned story is the only one its slot may take, and no other interviewer may take it.
  const pinnedStoryOfSlot = new Map<number, number>();
  const pinnedInterviewerOfStory = new Map<number, number>();
  for (const pin of options.pins ?? []) {
    const slotIndex = slots.findIndex((slot) => slot.interviewer === pin.interviewer && slot.principle === pin.principle);
    const storyIndex = indexOfStory.get(pin.storyId);
    const where = { interviewer: pin.interviewer, principle: pin.principle, storyId: pin.storyId };
    const ignore = (why: string): void => {
      if (slotIndex < 0) return; // a pin for a slot the loop no longer has is stale, not news
      warnings.push({ kind: 'pin-ignored', ...where, message: `The pin on this slot was not used: ${why}.`, fix: { kind: 'change-pin', label: 'Choose another story' } });
    };
    if (slotIndex < 0) continue;
    if (storyIndex === undefined) {
      ignore(banned.has(pin.storyId) ? 'the story is left out of this loop' : 'the story is no longer in the bank');
      continue;
    }
    if (pinnedStoryOfSlot.has(slotIndex)) continue;
    const other = pinnedInterviewerOfStory.get(storyIndex);
    if (other !== undefined && (other !== pin.interviewer || !loop.interviewers[other]!.shareStories)) {
      ignore(`the story is already pinned for ${loop.interviewers[other]!.name}`);
      continue;
    }
    pinnedStoryOfSlot.set(slotIndex, storyIndex);
    pinnedInterviewerOfStory.set(storyIndex, pin.interviewer);
    if (strength[slotIndex]![storyIndex] === null) {
      strength[slotIndex]![storyIndex] = 0;
      warnings.push({
        kind: 'pin-not-mapped',
        ...where,
        message: `"${pool[storyIndex]!.title}" is pinned here but is not mapped to ${principleName(pin.principle)}.`,
        fix: { kind: 're-angle', label: `Map it to ${principleName(pin.principle)} or pin another story` },
      });
    }
  }

  const allowed = (slotIndex: number, storyIndex: number): number | null => {
    const pinned = pinnedStoryOfSlot.get(slotIndex);
    if (pinned !== undefined) return pinned === storyIndex ? strength[slotIndex]![storyIndex]! : null;
    const owner = pinnedInterviewerOfStory.get(storyIndex);
    if (owner !== undefined) {
      // A pinned story serves only its own interviewer, and other slots there only by sharing.
      if (owner !== slots[slotIndex]!.interviewer || !loop.interviewers[owner]!.shareStories) return null;
    }
    return strength[slotIndex]![storyIndex]!;
  };

  /** Best assignment of these units at this floor: every slot a unit's story fills must reach the floor. */
  const solveUnits = (units: readonly Unit[], floor: number): Solved => {
    const bonus = STRENGTH_LEVELS * slots.length + 1;
    // Ties go to the earlier interviewer: a tie-break too small to outweigh one point of strength.
    const scale = units.length * units.length + 1;
    const weights = units.map((unit, unitIndex) =>
      pool.map((_, storyIndex) => {
        let sum = 0;
        for (const slotIndex of unit) {
          const value = allowed(slotIndex, storyIndex);
          // A pinned slot is the user's choice: it neither meets nor sets the floor.
          if (value === null || (value < floor && !pinnedStoryOfSlot.has(slotIndex))) return null;
          sum += value;
        }
        return (unit.length * bonus + sum) * scale + (units.length - unitIndex);
      }),
    );
    const storyOf = maxWeightAssignment(weights, pool.length);
    let filled = 0;
    let total = 0;
    let weakest = Infinity;
    units.forEach((unit, unitIndex) => {
      const storyIndex = storyOf[unitIndex]!;
      if (storyIndex < 0) return;
      for (const slotIndex of unit) {
        const value = allowed(slotIndex, storyIndex)!;
        filled++;
        total += value;
        if (!pinnedStoryOfSlot.has(slotIndex)) weakest = Math.min(weakest, value);
      }
    });
    return { filled, floor: weakest === Infinity ? 0 : weakest, total, units: [...units], storyOf };
  };

  const solveGrouping = (units: readonly Unit[]): Solved => {
    const open = solveUnits(units, 0);
    if (open.filled === 0) return open;
    // The highest floor that still fills as many slots; filling is monotone in the floor, so bisect. `best` is
    // always the solution found at `low`.
    let low = open.floor;
    let high = STRENGTH_LEVELS - 1;
    let best = open;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const attempt = solveUnits(units, mid);
      if (attempt.filled === open.filled) {
        best = attempt;
        low = Math.max(mid, attempt.floor);
      } else high = mid - 1;
    }
    return best;
  };

  // The groupings to try: every partition of each sharing interviewer's slots, singletons for the rest.
  const perInterviewer: Unit[][][] = loop.interviewers.map((person, interviewerIndex) => {
    const own = slots.flatMap((slot, index) => (slot.interviewer === interviewerIndex ? [index] : []));
    return person.shareStories && own.length > 1 ? partitions(own) : [own.map((index) => [index])];
  });
  let groupings = 1;
  const limited: string[] = [];
  perInterviewer.forEach((options, index) => {
    if (groupings * options.length > MAX_GROUPINGS) {
      limited.push(loop.interviewers[index]!.name);
      perInterviewer[index] = [options.at(0)!];
    } else groupings *= options.length;
  });

  let best: Solved | null = null;
  const better = (a: Solved, b: Solved | null): boolean =>
    b === null || a.filled > b.filled || (a.filled === b.filled && (a.floor > b.floor || (a.floor === b.floor && a.total > b.total)));
  const walk = (index: number, chosen: Unit[]): void => {
    if (index === perInterviewer.length) {
      const attempt = solveGrouping(chosen);
      if (better(attempt, best)) best = attempt;
      return;
    }
    for (const units of perInterviewer[index]!) walk(index + 1, [...chosen, ...units]);
  };
  walk(0, []);
  const solved = best as Solved | null;

  const storyOfSlot = new Array<number>(slots.length).fill(-1);
  solved?.units.forEach((unit, unitIndex) => {
    for (const slotIndex of unit) storyOfSlot[slotIndex] = solved.storyOf[unitIndex]!;
  });
  const used = new Set(storyOfSlot.filter((index) => index >= 0));

  const planned = (storyIndex: number, principle: PrincipleId): PlannedStory => {
    const story = pool[storyIndex]!;
    const fit = fitOf[storyIndex]!.get(principle);
    return { id: story.id, title: story.title, rating: fit?.rating ?? null, role: fit?.role ?? null };
  };

  const plannedSlots: PlannedSlot[] = slots.map((slot, slotIndex) => {
    const storyIndex = storyOfSlot[slotIndex]!;
    const backups = pool
      .map((_, index) => index)
      .filter((index) => !used.has(index) && strength[slotIndex]![index] !== null && fitOf[index]!.has(slot.principle))
      .sort((a, b) => strength[slotIndex]![b]! - strength[slotIndex]![a]! || pool[a]!.title.localeCompare(pool[b]!.title))
      .slice(0, 2)
      .map((index) => planned(index, slot.principle));
    return {
      ...slot,
      story: storyIndex < 0 ? null : { ...planned(storyIndex, slot.principle), pinned: pinnedStoryOfSlot.get(slotIndex) === storyIndex },
      backups,
    };
  });

  plannedSlots.forEach((slot, slotIndex) => {
    const name = principleName(slot.principle);
    const who = loop.interviewers[slot.interviewer]!.name;
    const where = { interviewer: slot.interviewer, principle: slot.principle };
    const bestInBank = Math.max(-1, ...fitOf.map((fits) => (fits.has(slot.principle) ? RATINGS.indexOf(fits.get(slot.principle)!.rating) : -1)));
    if (slot.story === null) {
      warnings.push({
        kind: 'no-story',
        ...where,
        storyId: null,
        message:
          bestInBank < 0
            ? `No story in the bank answers ${name}, so ${who} has nothing for it.`
            : `Every story that answers ${name} is already told to another interviewer, so ${who} has nothing for it.`,
        fix: { kind: 'write-story', label: `Write a story for ${name}` },
      });
      return;
    }
    const rating = slot.story.rating === null ? -1 : RATINGS.indexOf(slot.story.rating);
    if (bestInBank < LEAN_HIRE) {
      warnings.push({
        kind: 'no-strong-story',
        ...where,
        storyId: slot.story.id,
        message: `No story reads Lean Hire or better for ${name} at ${loop.level}; ${who} gets the best there is.`,
        fix: { kind: 'write-story', label: `Strengthen a story for ${name}, or write one` },
      });
    } else if (rating < LEAN_HIRE) {
      const holder = plannedSlots.find(
        (other, otherIndex) => otherIndex !== slotIndex && other.story !== null && fitOf[indexOfStory.get(other.story.id)!]!.has(slot.principle),
      );
      warnings.push({
        kind: 'weak-because-taken',
        ...where,
        storyId: slot.story.id,
        message: `${who} gets a weak ${name} story because the strong ones are told elsewhere${holder ? ` (to ${loop.interviewers[holder.interviewer]!.name})` : ''}.`,
        fix: { kind: 're-angle', label: `Re-angle another story to ${name}, or write one` },
      });
    }
    const story = pool[indexOfStory.get(slot.story.id)!]!;
    if (story.probes.total > 0 && story.probes.prepared === 0 && plannedSlots.findIndex((other) => other.story?.id === story.id) === slotIndex) {
      warnings.push({
        kind: 'no-probe-notes',
        ...where,
        storyId: story.id,
        message: `"${story.title}" has no notes for its ${story.probes.total} follow-up probes; ${who} will dig in.`,
        fix: { kind: 'prepare-probes', label: 'Prepare the follow-up answers' },
      });
    }
  });
  if (limited.length > 0) {
    const first = loop.interviewers.findIndex((person) => person.name === limited[0]);
    warnings.push({
      kind: 'sharing-limited',
      interviewer: first,
      principle: loop.interviewers[first]!.principles[0]!,
      storyId: null,
      message: `Too many interviewers share stories to try every grouping; ${limited.join(', ')} get a story per principle.`,
      fix: { kind: 'change-pin', label: 'Let fewer interviewers share stories' },
    });
  }
  return { slots: plannedSlots, warnings };
}
