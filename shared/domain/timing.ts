import { SECTION_IDS, type SectionId } from './sections.ts';

/**
 * Spoken time of a story. Everyone (lint, editor gauges, CLI) counts words with `countWords` and converts them
 * with `spokenSeconds`, so the numbers agree everywhere.
 */

/** A relaxed interview pace, in words per minute. */
export const DEFAULT_PACE_WPM = 150;
/** Paces outside this range are clamped: they are typos, not speaking speeds. */
export const MIN_PACE_WPM = 60;
export const MAX_PACE_WPM = 300;

/** How long each part of the answer should take when spoken, in seconds. */
export const SECTION_TARGET_SECONDS: Readonly<Record<SectionId, number>> = {
  situation: 30,
  task: 20,
  action: 90,
  result: 20,
  reflection: 15,
};

/** The whole answer should take between two and three minutes. */
export const ANSWER_TARGET_SECONDS = { min: 120, max: 180 } as const;

function isWordCode(c: number): boolean {
  // ASCII digits and letters, then anything outside the punctuation and symbol blocks (letters of other scripts).
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return true;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

/**
 * Counts spoken words: runs of non-space characters holding at least one letter or digit.
 * "follow-up", "40%" and "$1.2M" are one word each; a lone dash or bullet is none.
 */
export function countWords(text: string): number {
  let count = 0;
  let inRun = false;
  let runHasWord = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (inRun && runHasWord) count++;
      inRun = false;
      runHasWord = false;
    } else {
      inRun = true;
      if (!runHasWord && isWordCode(c)) runHasWord = true;
    }
  }
  if (inRun && runHasWord) count++;
  return count;
}

/**
 * Offset where word number `words + 1` starts (words counted as countWords counts them), or text.length when the
 * text has no more words: the point where a section runs past a word budget.
 */
export function wordBoundaryOffset(text: string, words: number): number {
  let count = 0;
  let runStart = -1;
  let runHasWord = false;
  for (let i = 0, n = text.length; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (isSpaceCode(c)) {
      if (runStart >= 0 && runHasWord) {
        if (count === words) return runStart;
        count++;
      }
      runStart = -1;
      runHasWord = false;
    } else {
      if (runStart < 0) runStart = i;
      if (!runHasWord && isWordCode(c)) runHasWord = true;
    }
  }
  return text.length;
}

export function clampPace(pace: number | undefined): number {
  if (pace === undefined || !Number.isFinite(pace)) return DEFAULT_PACE_WPM;
  return Math.min(MAX_PACE_WPM, Math.max(MIN_PACE_WPM, pace));
}

/** Seconds it takes to say `words` words at `pace` words per minute. */
export function spokenSeconds(words: number, pace: number = DEFAULT_PACE_WPM): number {
  return (words * 60) / clampPace(pace);
}

/** How many words fit in `seconds` at `pace`. */
export function wordsForSeconds(seconds: number, pace: number = DEFAULT_PACE_WPM): number {
  return (seconds * clampPace(pace)) / 60;
}

export type TimingStatus = 'empty' | 'short' | 'ok' | 'long';

export interface SectionTiming {
  words: number;
  seconds: number;
  targetSeconds: number;
  /** seconds / targetSeconds: 1 is on target. */
  ratio: number;
}

export interface StoryTiming {
  pace: number;
  sections: Record<SectionId, SectionTiming>;
  total: { words: number; seconds: number; minSeconds: number; maxSeconds: number; status: TimingStatus };
}

export function sectionTiming(section: SectionId, text: string, pace: number = DEFAULT_PACE_WPM): SectionTiming {
  return timingFromWords(section, countWords(text), pace);
}

export function timingFromWords(section: SectionId, words: number, pace: number = DEFAULT_PACE_WPM): SectionTiming {
  const seconds = spokenSeconds(words, pace);
  const targetSeconds = SECTION_TARGET_SECONDS[section];
  return { words, seconds, targetSeconds, ratio: seconds / targetSeconds };
}

/**
 * How a section's spoken time compares with its target: from half the target to a quarter over it counts as on
 * target. The editor's gauges and the practice log both read it from here.
 */
export function sectionStatus(section: SectionId, seconds: number): TimingStatus {
  if (seconds === 0) return 'empty';
  const ratio = seconds / SECTION_TARGET_SECONDS[section];
  if (ratio > 1.25) return 'long';
  if (ratio < 0.5) return 'short';
  return 'ok';
}

export function answerStatus(seconds: number): TimingStatus {
  if (seconds === 0) return 'empty';
  if (seconds < ANSWER_TARGET_SECONDS.min) return 'short';
  if (seconds > ANSWER_TARGET_SECONDS.max) return 'long';
  return 'ok';
}

/** Spoken time of every section and of the whole answer, for the editor's gauges. */
export function storyTiming(sections: Readonly<Record<SectionId, string>>, pace: number = DEFAULT_PACE_WPM): StoryTiming {
  const counts = {} as Record<SectionId, number>;
  for (const id of SECTION_IDS) counts[id] = countWords(sections[id] ?? '');
  return timingFromWordCounts(counts, pace);
}

/** storyTiming from word counts already made (with countWords or an equivalent count). */
export function timingFromWordCounts(counts: Readonly<Record<SectionId, number>>, pace: number = DEFAULT_PACE_WPM): StoryTiming {
  const p = clampPace(pace);
  const out = {} as Record<SectionId, SectionTiming>;
  let words = 0;
  for (const id of SECTION_IDS) {
    const timing = timingFromWords(id, counts[id] ?? 0, p);
    out[id] = timing;
    words += timing.words;
  }
  const seconds = spokenSeconds(words, p);
  return {
    pace: p,
    sections: out,
    total: {
      words,
      seconds,
      minSeconds: ANSWER_TARGET_SECONDS.min,
      maxSeconds: ANSWER_TARGET_SECONDS.max,
      status: answerStatus(seconds),
    },
  };
}

/** "1:05" for 65 seconds. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${m}:${s.toString().padStart(2, '0')}`;
}
