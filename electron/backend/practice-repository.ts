import { emptySectionSeconds, type PracticeRun, type PracticeRunInput, totalSeconds } from '../../shared/domain/practice.ts';
import { SECTION_IDS } from '../../shared/domain/sections.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { BackupStory } from '../../shared/transfer/backup.ts';
import type { Db } from './database.ts';
import { makeClock } from './clock.ts';

/** The practice log (migration 0060): plain functions over a database handle, returning shared/ types. */

interface RunRow {
  id: number;
  story_id: string;
  prompt_id: string | null;
  practiced_at: number;
  sections: string;
  total_seconds: number;
  rating: number;
}

export interface PracticeRepository {
  /** Keeps a finished run; the story must exist and be out of the trash. */
  log(input: PracticeRunInput): PracticeRun;
  /** Newest first; one story's runs, or everyone's. */
  list(filter: { storyId?: string | undefined; limit?: number | undefined }): PracticeRun[];
  remove(id: number): void;
  /** A story's whole practice log, oldest first, without row ids: what a whole-bank record keeps. */
  records(storyId: string): PracticeRecord[];
  /** Replaces a story's practice log with these runs (an import). Call inside the caller's transaction. */
  replaceAll(storyId: string, runs: readonly PracticeRecord[]): void;
}

export type PracticeRecord = BackupStory['practiceRuns'][number];

/** How many runs one list call returns unless asked for another number. */
export const PRACTICE_PAGE = 100;

/** Seconds are kept to a tenth: the timer is no more precise than a person pressing a key. */
const tenth = (value: number): number => Math.round(value * 10) / 10;

function toRun(row: RunRow): PracticeRun {
  const sections = emptySectionSeconds();
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.sections);
  } catch {
    parsed = {};
  }
  for (const id of SECTION_IDS) {
    const value = (parsed as Record<string, unknown>)[id];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) sections[id] = value;
  }
  return {
    id: row.id,
    storyId: row.story_id,
    promptId: row.prompt_id,
    practicedAt: row.practiced_at,
    sections,
    totalSeconds: row.total_seconds,
    rating: row.rating,
  };
}

export function createPracticeRepository(db: Db): PracticeRepository {
  const now = makeClock();
  const storyState = db.prepare('SELECT deleted_at FROM stories WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO practice_runs (story_id, prompt_id, practiced_at, sections, total_seconds, rating)
     VALUES (@storyId, @promptId, @at, @sections, @total, @rating)`,
  );
  const selectOne = db.prepare('SELECT * FROM practice_runs WHERE id = ?');
  const selectAll = db.prepare('SELECT * FROM practice_runs ORDER BY practiced_at DESC, id DESC LIMIT ?');
  const selectByStory = db.prepare(
    'SELECT * FROM practice_runs WHERE story_id = ? ORDER BY practiced_at DESC, id DESC LIMIT ?',
  );
  const deleteOne = db.prepare('DELETE FROM practice_runs WHERE id = ?');
  const selectOldestFirst = db.prepare('SELECT * FROM practice_runs WHERE story_id = ? ORDER BY practiced_at, id');
  const deleteOfStory = db.prepare('DELETE FROM practice_runs WHERE story_id = ?');
  const insertRecord = db.prepare(
    `INSERT INTO practice_runs (story_id, prompt_id, practiced_at, sections, total_seconds, rating)
     VALUES (@storyId, @promptId, @practicedAt, @sections, @totalSeconds, @rating)`,
  );

  return {
    log(input) {
      const row = storyState.get(input.storyId) as { deleted_at: number | null } | undefined;
      if (!row) throw new AppError('not-found', 'That story no longer exists.');
      if (row.deleted_at !== null) throw new AppError('conflict', 'That story is in the trash: restore it to practice it.');
      const sections = emptySectionSeconds();
      for (const id of SECTION_IDS) sections[id] = tenth(input.sections[id]);
      const id = Number(
        insert.run({
          storyId: input.storyId,
          promptId: input.promptId,
          at: now(),
          sections: JSON.stringify(sections),
          total: tenth(totalSeconds(sections)),
          rating: input.rating,
        }).lastInsertRowid,
      );
      return toRun(selectOne.get(id) as RunRow);
    },
    list({ storyId, limit }) {
      const rows = storyId
        ? selectByStory.all(storyId, limit ?? PRACTICE_PAGE)
        : selectAll.all(limit ?? PRACTICE_PAGE);
      return (rows as RunRow[]).map(toRun);
    },
    remove(id) {
      if (deleteOne.run(id).changes === 0) throw new AppError('not-found', 'That practice run is no longer in the log.');
    },
    records(storyId) {
      return (selectOldestFirst.all(storyId) as RunRow[]).map((row) => {
        const { promptId, practicedAt, sections, totalSeconds: total, rating } = toRun(row);
        return { promptId, practicedAt, sections, totalSeconds: total, rating };
      });
    },
    replaceAll(storyId, runs) {
      deleteOfStory.run(storyId);
      for (const run of runs) insertRecord.run({ storyId, ...run, sections: JSON.stringify(run.sections) });
    },
  };
}
