import { answerStatus, sectionStatus } from './timing.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';

/**
 * Practice runs: the user tells a story against the clock, section by section, and rates the run afterwards.
 * A run records how long each section took; the log keeps every run per story.
 */

/** Seconds spent on each section; a section skipped in the run is 0. */
export type SectionSeconds = Record<SectionId, number>;

export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** One finished run, as the log keeps it. */
export interface PracticeRun {
  id: number;
  storyId: string;
  /** The interview prompt the run answered, when one was picked. */
  promptId: string | null;
  practicedAt: number;
  sections: SectionSeconds;
  totalSeconds: number;
  /** The user's own verdict, 1 (rough) to 5 (ready). */
  rating: number;
}

/** What the renderer sends to log a run. */
export interface PracticeRunInput {
  storyId: string;
  promptId: string | null;
  sections: SectionSeconds;
  rating: number;
}

/** A practice run is at most an hour; anything longer is a timer left running. */
export const MAX_RUN_SECONDS = 3600;

export function emptySectionSeconds(): SectionSeconds {
  return { situation: 0, task: 0, action: 0, result: 0, reflection: 0 };
}

export function totalSeconds(sections: SectionSeconds): number {
  return SECTION_IDS.reduce((sum, id) => sum + sections[id], 0);
}

export type PaceVerdict = 'short' | 'ok' | 'long';

/** A section's rehearsed time against its target (shared/domain/timing.ts); no time at all is short. */
export function sectionVerdict(section: SectionId, seconds: number): PaceVerdict {
  const status = sectionStatus(section, seconds);
  return status === 'empty' ? 'short' : status;
}

/** How a whole answer's time compares with the two-to-three-minute window; no time at all is short. */
export function answerVerdict(seconds: number): PaceVerdict {
  const status = answerStatus(seconds);
  return status === 'empty' ? 'short' : status;
}

export interface PracticeSummary {
  runs: number;
  lastAt: number | null;
  /** Mean rating over the last five runs (null with no run). */
  recentRating: number | null;
  /** Mean total over the last five runs. */
  recentSeconds: number | null;
  /** Runs whose total fell in the two-to-three-minute window. */
  inWindow: number;
}

/** A summary of one story's runs, newest first as the log lists them. */
export function summarizeRuns(runs: readonly PracticeRun[]): PracticeSummary {
  const recent = runs.slice(0, 5);
  const mean = (values: number[]): number | null =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  return {
    runs: runs.length,
    lastAt: runs[0]?.practicedAt ?? null,
    recentRating: mean(recent.map((r) => r.rating)),
    recentSeconds: mean(recent.map((r) => r.totalSeconds)),
    inWindow: runs.filter((r) => answerVerdict(r.totalSeconds) === 'ok').length,
  };
}

/**
 * One item picked from a list with a random number in [0, 1) (Math.random in the app, a fixed number in tests),
 * avoiding `avoid` when there is anything else to pick.
 */
export function pickOne<T>(items: readonly T[], random: number, avoid?: T): T | null {
  const pool = items.length > 1 && avoid !== undefined ? items.filter((item) => item !== avoid) : items;
  if (pool.length === 0) return null;
  const index = Math.min(pool.length - 1, Math.max(0, Math.floor(random * pool.length)));
  return pool[index] as T;
}

/**
 * A run in progress: which section is being told, and the time spent on each so far. Pure: every step takes the
 * current time, so the renderer's clock and a test's fixed numbers drive it the same way.
 */
export interface Rehearsal {
  /** The section being told; SECTION_IDS.length once the last one is done. */
  index: number;
  /** Milliseconds spent on each section before the current stretch. */
  spentMs: SectionSeconds;
  /** When the current stretch began. */
  since: number;
}

export function startRehearsal(now: number): Rehearsal {
  return { index: 0, spentMs: emptySectionSeconds(), since: now };
}

export function rehearsalDone(run: Rehearsal): boolean {
  return run.index >= SECTION_IDS.length;
}

export function currentSection(run: Rehearsal): SectionId | null {
  return SECTION_IDS[run.index] ?? null;
}

function closeStretch(run: Rehearsal, now: number): SectionSeconds {
  const spent = { ...run.spentMs };
  const section = currentSection(run);
  if (section) spent[section] += Math.max(0, now - run.since);
  return spent;
}

/** On to the next section (after the last one, the run is done and the clock stops). */
export function nextSection(run: Rehearsal, now: number): Rehearsal {
  if (rehearsalDone(run)) return run;
  return { index: run.index + 1, spentMs: closeStretch(run, now), since: now };
}

/** Back to the previous section; its time keeps adding up from where it was. */
export function previousSection(run: Rehearsal, now: number): Rehearsal {
  if (run.index === 0) return run;
  return { index: run.index - 1, spentMs: closeStretch(run, now), since: now };
}

/** Seconds spent on each section, the one being told included. */
export function rehearsalSeconds(run: Rehearsal, now: number): SectionSeconds {
  const spent = closeStretch(run, now);
  const out = emptySectionSeconds();
  for (const id of SECTION_IDS) out[id] = spent[id] / 1000;
  return out;
}

/**
 * The whole state of a rehearsal on screen, from "ready" to "saved", and the one reducer that moves it: the
 * practice screen dispatches what the user did, with the time it happened, and renders what comes back.
 */
export type RehearsalPhase = 'ready' | 'running' | 'probes' | 'rate' | 'saved';

export interface RehearsalSession {
  phase: RehearsalPhase;
  run: Rehearsal | null;
  /** When the clock stopped (the last section done); null while it runs. */
  stoppedAt: number | null;
  /** The follow-up probe being asked, while phase is 'probes'. */
  probeIndex: number;
  /** Whether the prepared notes for that probe are shown. */
  notesShown: boolean;
  rating: number | null;
  /** Whether the story's text is shown while telling it (off: from memory). */
  showText: boolean;
  /** Why the run could not be saved, when it could not. */
  error: string | null;
}

export type RehearsalAction =
  | { type: 'start'; at: number }
  /** The main button or key: the next section; after the last, the probes (`probes` of them) or the rating. */
  | { type: 'next'; at: number; probes: number }
  | { type: 'back'; at: number }
  | { type: 'stop' }
  | { type: 'toggle-notes' }
  | { type: 'toggle-text' }
  | { type: 'skip-to-rating' }
  | { type: 'rate'; rating: number }
  | { type: 'saved' }
  | { type: 'save-failed'; message: string };

export const READY_SESSION: RehearsalSession = {
  phase: 'ready',
  run: null,
  stoppedAt: null,
  probeIndex: 0,
  notesShown: false,
  rating: null,
  showText: true,
  error: null,
};

export function rehearsalReducer(state: RehearsalSession, action: RehearsalAction): RehearsalSession {
  switch (action.type) {
    case 'start':
      // A new run keeps only the user's choice of showing the text.
      return { ...READY_SESSION, showText: state.showText, phase: 'running', run: startRehearsal(action.at) };
    case 'next': {
      if (state.phase === 'probes') {
        const last = state.probeIndex + 1 >= action.probes;
        return last ? { ...state, notesShown: false, phase: 'rate' } : { ...state, notesShown: false, probeIndex: state.probeIndex + 1 };
      }
      if (state.phase !== 'running' || !state.run) return state;
      const run = nextSection(state.run, action.at);
      if (!rehearsalDone(run)) return { ...state, run };
      return { ...state, run, stoppedAt: action.at, phase: action.probes > 0 ? 'probes' : 'rate' };
    }
    case 'back':
      return state.phase === 'running' && state.run ? { ...state, run: previousSection(state.run, action.at) } : state;
    case 'stop':
      return { ...READY_SESSION, showText: state.showText };
    case 'toggle-notes':
      return state.phase === 'probes' ? { ...state, notesShown: !state.notesShown } : state;
    case 'toggle-text':
      return { ...state, showText: !state.showText };
    case 'skip-to-rating':
      return state.phase === 'probes' ? { ...state, notesShown: false, phase: 'rate' } : state;
    case 'rate':
      return state.phase === 'rate' && action.rating >= MIN_RATING && action.rating <= MAX_RATING ? { ...state, rating: action.rating } : state;
    case 'saved':
      return state.phase === 'rate' ? { ...state, phase: 'saved', error: null } : state;
    case 'save-failed':
      return { ...state, error: action.message };
  }
}
