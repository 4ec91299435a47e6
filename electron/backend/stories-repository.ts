import { randomUUID } from 'node:crypto';
import { isLevel, type Level } from '../../shared/domain/levels.ts';
import { SECTION_IDS } from '../../shared/domain/sections.ts';
import {
  type PrincipleMapping,
  type Story,
  type StoryDraft,
  type StorySummary,
  UNTITLED,
} from '../../shared/domain/story.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { Db } from './database.ts';

/** Repository functions over a database handle. Each returns shared/ types; none knows about IPC. */

interface StoryRow {
  id: string;
  title: string;
  context: string;
  level: string | null;
  principles: string;
  tags: string;
  situation_json: string;
  situation_text: string;
  task_json: string;
  task_text: string;
  action_json: string;
  action_text: string;
  result_json: string;
  result_text: string;
  reflection_json: string;
  reflection_text: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

interface SummaryRow {
  id: string;
  title: string;
  level: string | null;
  principles: string;
  tags: string;
  updated_at: number;
  deleted_at: number | null;
  snippet?: string | null;
}

function parseLevel(value: string | null): Level | null {
  return value !== null && isLevel(value) ? value : null;
}

function rowToSummary(row: SummaryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    level: parseLevel(row.level),
    principles: JSON.parse(row.principles) as PrincipleMapping[],
    tags: JSON.parse(row.tags) as string[],
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    snippet: row.snippet ?? null,
  };
}

export function rowToStory(row: StoryRow): Story {
  return {
    id: row.id,
    title: row.title,
    context: row.context,
    level: parseLevel(row.level),
    principles: JSON.parse(row.principles) as PrincipleMapping[],
    tags: JSON.parse(row.tags) as string[],
    sections: {
      situation: { json: row.situation_json, text: row.situation_text },
      task: { json: row.task_json, text: row.task_text },
      action: { json: row.action_json, text: row.action_text },
      result: { json: row.result_json, text: row.result_text },
      reflection: { json: row.reflection_json, text: row.reflection_text },
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Tags are trimmed and kept once each, in the order the user gave them. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

function draftParams(draft: StoryDraft): Record<string, string | null> {
  const params: Record<string, string | null> = {
    title: draft.title,
    context: draft.context,
    level: draft.level,
    principles: JSON.stringify(draft.principles),
    tags: JSON.stringify(normalizeTags(draft.tags)),
  };
  for (const section of SECTION_IDS) {
    params[`${section}_json`] = draft.sections[section].json;
    params[`${section}_text`] = draft.sections[section].text;
  }
  return params;
}

function storyToDraft(story: Story): StoryDraft {
  return {
    title: story.title,
    sections: story.sections,
    principles: story.principles,
    level: story.level,
    context: story.context,
    tags: story.tags,
  };
}

const SUMMARY_COLUMNS = 's.id, s.title, s.level, s.principles, s.tags, s.updated_at, s.deleted_at';
const DRAFT_COLUMNS = [
  'title',
  'context',
  'level',
  'principles',
  'tags',
  ...SECTION_IDS.flatMap((s) => [`${s}_json`, `${s}_text`]),
];

export interface ListFilter {
  query?: string | undefined;
  principle?: string | undefined;
  tag?: string | undefined;
  trash?: boolean | undefined;
}

/**
 * Turns what the user typed into an FTS5 query: every word must appear as the start of a word (so results follow
 * the typing: "deploy" finds "deployment"), with FTS syntax neutralised (`"`, `*`, `-` or `OR` in a search box
 * never cause a syntax error).
 */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}][\p{L}\p{N}'_]*/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 16)
    .map((word) => `"${word.replace(/"/g, '""')}"*`)
    .join(' AND ');
}

/** A clock that never goes backwards between two saves, so "last edited" always orders edits. */
function makeClock(): () => number {
  let last = 0;
  return () => {
    const now = Date.now();
    last = now > last ? now : last + 1;
    return last;
  };
}

export interface StoriesRepository {
  list(filter: ListFilter): StorySummary[];
  get(id: string): Story;
  create(draft: StoryDraft): Story;
  save(id: string, sessionId: string, draft: StoryDraft): { updatedAt: number; revisionId: number };
  rename(id: string, title: string): { updatedAt: number; revisionId: number };
  duplicate(id: string): Story;
  trash(id: string): void;
  restore(id: string): void;
  deleteForever(id: string): void;
  emptyTrash(): number;
  tags(): string[];
  count(): number;
}

export function createStoriesRepository(db: Db): StoriesRepository {
  const now = makeClock();
  const insert = db.prepare(
    `INSERT INTO stories (id, ${DRAFT_COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (@id, ${DRAFT_COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE stories SET ${DRAFT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const upsertRevision = db.prepare(
    `INSERT INTO revisions (story_id, session_id, created_at, updated_at, snapshot)
     VALUES (@id, @sessionId, @now, @now, @snapshot)
     ON CONFLICT (story_id, session_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at
     RETURNING id`,
  );
  const selectOne = db.prepare('SELECT * FROM stories WHERE id = ?');
  const selectState = db.prepare('SELECT deleted_at FROM stories WHERE id = ?');
  const setDeleted = db.prepare('UPDATE stories SET deleted_at = @deletedAt WHERE id = @id');
  const removeOne = db.prepare('DELETE FROM stories WHERE id = ?');
  const removeTrashed = db.prepare('DELETE FROM stories WHERE deleted_at IS NOT NULL');
  const countLive = db.prepare('SELECT count(*) AS n FROM stories WHERE deleted_at IS NULL').pluck();
  const allTags = db
    .prepare(
      `SELECT DISTINCT t.value AS tag FROM stories s, json_each(s.tags) t
       WHERE s.deleted_at IS NULL ORDER BY t.value COLLATE NOCASE`,
    )
    .pluck();

  function mustGet(id: string): Story {
    const row = selectOne.get(id) as StoryRow | undefined;
    if (!row) throw new AppError('not-found', 'That story no longer exists.');
    return rowToStory(row);
  }

  function mustBeLive(id: string): void {
    const row = selectState.get(id) as { deleted_at: number | null } | undefined;
    if (!row) throw new AppError('not-found', 'That story no longer exists.');
    if (row.deleted_at !== null) throw new AppError('conflict', 'That story is in the trash: restore it to edit it.');
  }

  const saveTx = db.transaction((id: string, sessionId: string, draft: StoryDraft) => {
    mustBeLive(id);
    const stamp = now();
    update.run({ ...draftParams(draft), id, now: stamp });
    const revision = upsertRevision.get({ id, sessionId, now: stamp, snapshot: JSON.stringify(draft) }) as {
      id: number;
    };
    return { updatedAt: stamp, revisionId: revision.id };
  });

  const createTx = db.transaction((draft: StoryDraft) => {
    const id = randomUUID();
    const stamp = now();
    insert.run({ ...draftParams(draft), id, now: stamp });
    upsertRevision.get({ id, sessionId: `created-${id}`, now: stamp, snapshot: JSON.stringify(draft) });
    return id;
  });

  function list(filter: ListFilter): StorySummary[] {
    const where: string[] = [filter.trash ? 's.deleted_at IS NOT NULL' : 's.deleted_at IS NULL'];
    const params: Record<string, string> = {};
    if (filter.principle) {
      where.push(
        "EXISTS (SELECT 1 FROM json_each(s.principles) p WHERE json_extract(p.value, '$.id') = @principle)",
      );
      params.principle = filter.principle;
    }
    if (filter.tag) {
      where.push('EXISTS (SELECT 1 FROM json_each(s.tags) t WHERE t.value = @tag COLLATE NOCASE)');
      params.tag = filter.tag;
    }
    const fts = filter.query ? toFtsQuery(filter.query) : null;
    if (fts) {
      params.fts = fts;
      const sql = `SELECT ${SUMMARY_COLUMNS}, snippet(stories_fts, -1, '', '', '…', 10) AS snippet
        FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
        WHERE stories_fts MATCH @fts AND ${where.join(' AND ')}
        ORDER BY bm25(stories_fts, 8.0, 2.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0), s.updated_at DESC
        LIMIT 500`;
      return (db.prepare(sql).all(params) as SummaryRow[]).map(rowToSummary);
    }
    if (filter.query && !fts) return [];
    const order = filter.trash ? 's.deleted_at DESC' : 's.updated_at DESC';
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE ${where.join(' AND ')} ORDER BY ${order}`;
    return (db.prepare(sql).all(params) as SummaryRow[]).map(rowToSummary);
  }

  return {
    list,
    get: mustGet,
    create(draft) {
      return mustGet(createTx(draft));
    },
    save(id, sessionId, draft) {
      return saveTx(id, sessionId, draft);
    },
    rename(id, title) {
      const story = mustGet(id);
      return saveTx(id, `rename-${randomUUID()}`, { ...storyToDraft(story), title });
    },
    duplicate(id) {
      const source = mustGet(id);
      const base = source.title.trim() || UNTITLED;
      return mustGet(createTx({ ...storyToDraft(source), title: `${base} (copy)` }));
    },
    trash(id) {
      mustBeLive(id);
      setDeleted.run({ id, deletedAt: now() });
    },
    restore(id) {
      mustGet(id);
      setDeleted.run({ id, deletedAt: null });
    },
    deleteForever(id) {
      const story = mustGet(id);
      if (story.deletedAt === null) throw new AppError('conflict', 'Move a story to the trash before deleting it.');
      removeOne.run(id);
    },
    emptyTrash() {
      return removeTrashed.run().changes;
    },
    tags() {
      return allTags.all() as string[];
    },
    count() {
      return countLive.get() as number;
    },
  };
}

