import { randomUUID } from 'node:crypto';
import { loopBodySchema, SAVED_LOOP_LIMITS, type SavedLoop } from '../../shared/ipc/loop-channels.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { LoopPin } from '../../shared/loop/solve.ts';
import { makeClock } from './clock.ts';
import type { Db } from './database.ts';

/** What a loop holds besides its id and times: checked by loopBodySchema before it is written. */
export interface LoopBody {
  loop: SavedLoop['loop'];
  pins: LoopPin[];
  bans: string[];
}

export interface LoopsRepository {
  list(): SavedLoop[];
  get(id: string): SavedLoop;
  create(body: LoopBody): SavedLoop;
  save(id: string, body: LoopBody): SavedLoop;
  remove(id: string): void;
  /** Puts a whole loop back as a backup holds it (same id and times), replacing one with that id. */
  restore(record: SavedLoop): void;
}

interface LoopRow {
  id: string;
  body: string;
  created_at: number;
  updated_at: number;
}

/** A stored row back as a loop; a body that no longer passes the schema (hand-edited, another version) is skipped. */
function fromRow(row: LoopRow): SavedLoop | null {
  let data: unknown;
  try {
    data = JSON.parse(row.body);
  } catch {
    return null;
  }
  const parsed = loopBodySchema.safeParse(data);
  if (!parsed.success) return null;
  const { loop, pins, bans } = parsed.data;
  return { id: row.id, loop, pins, bans, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Checks a body as the channel does, so a caller other than IPC (an import) cannot store what a save refuses. */
function checked(body: LoopBody): string {
  const parsed = loopBodySchema.safeParse(body);
  if (!parsed.success) throw new AppError('invalid-input', parsed.error.issues[0]?.message ?? 'That loop is not valid.');
  return JSON.stringify(parsed.data);
}

/** The interview loops (migration 0110), one row each. */
export function createLoopsRepository(db: Db, now: () => number = makeClock()): LoopsRepository {
  const selectAll = db.prepare('SELECT id, body, created_at, updated_at FROM loops ORDER BY updated_at DESC, id');
  const selectOne = db.prepare('SELECT id, body, created_at, updated_at FROM loops WHERE id = ?');
  const count = db.prepare('SELECT count(*) FROM loops').pluck();
  const insert = db.prepare('INSERT INTO loops (id, body, created_at, updated_at) VALUES (@id, @body, @createdAt, @updatedAt)');
  const update = db.prepare('UPDATE loops SET body = @body, updated_at = @updatedAt WHERE id = @id');
  const remove = db.prepare('DELETE FROM loops WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO loops (id, body, created_at, updated_at) VALUES (@id, @body, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  );

  const get = (id: string): SavedLoop => {
    const row = selectOne.get(id) as LoopRow | undefined;
    const loop = row && fromRow(row);
    if (!loop) throw new AppError('not-found', 'That loop no longer exists.');
    return loop;
  };

  return {
    list() {
      return (selectAll.all() as LoopRow[]).flatMap((row) => fromRow(row) ?? []);
    },
    get,
    create(body) {
      const json = checked(body);
      if ((count.get() as number) >= SAVED_LOOP_LIMITS.loops) {
        throw new AppError('invalid-input', `A bank keeps at most ${SAVED_LOOP_LIMITS.loops} loops; delete one you no longer need.`);
      }
      const id = randomUUID();
      const at = now();
      insert.run({ id, body: json, createdAt: at, updatedAt: at });
      return get(id);
    },
    save(id, body) {
      const json = checked(body);
      const { changes } = update.run({ id, body: json, updatedAt: now() });
      if (changes === 0) throw new AppError('not-found', 'That loop no longer exists.');
      return get(id);
    },
    remove(id) {
      remove.run(id);
    },
    restore(record) {
      upsert.run({ id: record.id, body: checked({ loop: record.loop, pins: record.pins, bans: record.bans }), createdAt: record.createdAt, updatedAt: record.updatedAt });
    },
  };
}
