import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { isLevel, type Level } from '../../shared/domain/levels.ts';
import { SECTION_IDS } from '../../shared/domain/sections.ts';
import type { StoryRevision } from '../../shared/domain/revision.ts';
import { makeSnippet } from '../../shared/domain/snippet.ts';
import {
  draftOf,
  emptySections,
  normalizePrompts,
  normalizeTags,
  type PrincipleMapping,
  type Story,
  type StoryDraft,
  type StorySummary,
  UNTITLED,
} from '../../shared/domain/story.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { Db } from './database.ts';
import { makeClock } from './clock.ts';

/** Repository functions over a database handle. Each returns shared/ types; none knows about IPC. */

interface MetaRow {
  seq: number;
  id: string;
  title: string;
  context: string;
  level: string | null;
  principles: string;
  prompts: string;
  tags: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  session_id: string;
}

function parseLevel(value: string | null): Level | null {
  return value !== null && isLevel(value) ? value : null;
}

/** The low bits of a full-text row id: the story's seq (migration 0070). */
const SEQ_MASK = 0xfffff;

/** Section rows are numbered story seq * 8 + section index; see migration 0010. */
const sectionRowId = (seq: number, index: number): number => seq * 8 + index;

function metaParams(draft: StoryDraft): Record<string, string | null> {
  return {
    title: draft.title,
    context: draft.context,
    level: draft.level,
    principles: JSON.stringify(draft.principles),
    prompts: JSON.stringify(normalizePrompts(draft.prompts ?? [])),
    tags: JSON.stringify(normalizeTags(draft.tags)),
  };
}

/** A revision's draft. Snapshots kept before prompts existed have none. */
function snapshotDraft(snapshot: string): StoryDraft {
  const draft = JSON.parse(snapshot) as Partial<StoryDraft> & Omit<StoryDraft, 'prompts'>;
  return { ...draft, prompts: Array.isArray(draft.prompts) ? draft.prompts : [] };
}

const META_COLUMNS = ['title', 'context', 'level', 'principles', 'prompts', 'tags'];

/** How many rows one list call returns unless asked for another page size. */
export const LIST_PAGE = 300;

export interface ListFilter {
  limit?: number | undefined;
  offset?: number | undefined;
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
export function searchWords(input: string): string[] {
  return (input.match(/[\p{L}\p{N}][\p{L}\p{N}'_]*/gu) ?? []).slice(0, 16);
}

export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  return words.map(ftsPrefix).join(' AND ');
}

function ftsPrefix(word: string): string {
  return `"${word.replace(/"/g, '""')}"*`;
}

/** No title and no words in any section: what "New story" creates. */
function isBlankDraft(draft: StoryDraft): boolean {
  return draft.title.trim() === '' && SECTION_IDS.every((section) => draft.sections[section].text.trim() === '');
}

export interface StoriesRepository {
  list(filter: ListFilter): StorySummary[];
  get(id: string): Story;
  create(draft: StoryDraft): Story;
  save(id: string, sessionId: string, draft: StoryDraft): { updatedAt: number };
  rename(id: string, title: string): { updatedAt: number };
  duplicate(id: string): Story;
  trash(id: string): void;
  restore(id: string): void;
  deleteForever(id: string): void;
  emptyTrash(): number;
  tags(): string[];
  count(): number;
  /** Newest first: the live state, then each earlier session's last state. */
  revisions(id: string): StoryRevision[];
  /**
   * Writes a whole story as given, keeping its id and timestamps (a restore from a backup file). A story that
   * exists is replaced, its live state first kept as a revision. Call inside the caller's transaction.
   */
  put(story: Story, sessionId: string): void;
  /** Ids of every story (the trash too when asked), oldest first: what whole-bank records walk. */
  ids(options: { trash: boolean }): string[];
  /** Stories not in the trash, id and title, oldest first (an import matches by title). */
  liveTitles(): Array<{ id: string; title: string }>;
  exists(id: string): boolean;
}

/** A list row with the story's seq, which the index keys and the snippets need. */
type SummaryWithSeq = StorySummary & { seq: number };

export function createStoriesRepository(db: Db): StoriesRepository {
  const now = makeClock();
  const insertMeta = db.prepare(
    `INSERT INTO stories (id, ${META_COLUMNS.join(', ')}, created_at, updated_at, session_id)
     VALUES (@id, ${META_COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now, @sessionId)`,
  );
  const insertSection = db.prepare(
    'INSERT INTO story_sections (id, story_seq, section, json, text) VALUES (@rowId, @seq, @section, @json, @text)',
  );
  const updateMeta = db.prepare(
    `UPDATE stories SET ${META_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, session_id = @sessionId
     WHERE seq = @seq`,
  );
  // Unchanged sections are neither rewritten nor re-indexed.
  const updateSection = db.prepare(
    `INSERT INTO story_sections (id, story_seq, section, json, text) VALUES (@rowId, @seq, @section, @json, @text)
     ON CONFLICT (id) DO UPDATE SET json = excluded.json, text = excluded.text
     WHERE json IS NOT excluded.json OR text IS NOT excluded.text`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (story_id, session_id, saved_at, snapshot) VALUES (@id, @sessionId, @savedAt, @snapshot)
     ON CONFLICT (story_id, session_id) DO UPDATE SET snapshot = excluded.snapshot, saved_at = excluded.saved_at`,
  );
  const selectMeta = db.prepare(
    `SELECT seq, id, ${META_COLUMNS.join(', ')}, created_at, updated_at, deleted_at, session_id FROM stories WHERE id = ?`,
  );
  const insertWhole = db.prepare(
    `INSERT INTO stories (id, ${META_COLUMNS.join(', ')}, created_at, updated_at, deleted_at, session_id)
     VALUES (@id, ${META_COLUMNS.map((c) => `@${c}`).join(', ')}, @createdAt, @updatedAt, @deletedAt, @sessionId)`,
  );
  const updateWhole = db.prepare(
    `UPDATE stories SET ${META_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, created_at = @createdAt,
       updated_at = @updatedAt, deleted_at = @deletedAt, session_id = @sessionId
     WHERE seq = @seq`,
  );
  const selectSections = db.prepare(
    'SELECT section, json, text FROM story_sections WHERE story_seq = ? ORDER BY section',
  );
  const selectRevisions = db.prepare(
    'SELECT id, session_id, saved_at, snapshot FROM revisions WHERE story_id = ? ORDER BY saved_at DESC, id DESC',
  );
  const selectAllIds = db.prepare('SELECT id FROM stories ORDER BY created_at, seq').pluck();
  const selectLiveIds = db.prepare('SELECT id FROM stories WHERE deleted_at IS NULL ORDER BY created_at, seq').pluck();
  const selectTitles = db.prepare('SELECT id, title FROM stories WHERE deleted_at IS NULL ORDER BY created_at, seq');
  const setDeleted = db.prepare('UPDATE stories SET deleted_at = @deletedAt WHERE id = @id');
  const removeOne = db.prepare('DELETE FROM stories WHERE id = ?');
  const removeTrashed = db.prepare('DELETE FROM stories WHERE deleted_at IS NOT NULL');
  const countLive = db.prepare('SELECT count(*) FROM stories WHERE deleted_at IS NULL').pluck();
  const allTags = db
    .prepare(
      `SELECT DISTINCT t.value AS tag FROM stories s, json_each(s.tags) t
       WHERE s.deleted_at IS NULL ORDER BY t.value COLLATE NOCASE`,
    )
    .pluck();

  function metaOf(id: string): MetaRow {
    const row = selectMeta.get(id) as MetaRow | undefined;
    if (!row) throw new AppError('not-found', 'That story no longer exists.');
    return row;
  }

  function liveMeta(id: string): MetaRow {
    const row = metaOf(id);
    if (row.deleted_at !== null) throw new AppError('conflict', 'That story is in the trash: restore it to edit it.');
    return row;
  }

  function toStory(row: MetaRow): Story {
    const sections = emptySections();
    for (const s of selectSections.all(row.seq) as { section: number; json: string; text: string }[]) {
      const key = SECTION_IDS[s.section];
      if (key) sections[key] = { json: s.json, text: s.text };
    }
    return {
      id: row.id,
      title: row.title,
      context: row.context,
      level: parseLevel(row.level),
      principles: JSON.parse(row.principles) as PrincipleMapping[],
      prompts: JSON.parse(row.prompts) as string[],
      tags: JSON.parse(row.tags) as string[],
      sections,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  /** The live state becomes a revision: what a new editing session does before its first write. */
  function keepLiveAsRevision(row: MetaRow): void {
    insertRevision.run({
      id: row.id,
      sessionId: row.session_id,
      savedAt: row.updated_at,
      snapshot: JSON.stringify(draftOf(toStory(row))),
    });
  }

  function writeSections(seq: number, sections: StoryDraft['sections']): void {
    SECTION_IDS.forEach((section, index) => {
      const { json, text } = sections[section];
      updateSection.run({ rowId: sectionRowId(seq, index), seq, section: index, json, text });
    });
  }

  // One save path. A new session keeps the live state as a revision first. Sections are written before the story
  // row, so the trigger on `stories` re-indexes the story once, with its final text (migration 0070). The stamp
  // always moves forward, even when the clock reads no later than the stored time, so the story sorts first.
  const save = db.transaction((id: string, sessionId: string, draft: StoryDraft): { updatedAt: number } => {
    const row = liveMeta(id);
    if (row.session_id !== sessionId) keepLiveAsRevision(row);
    const stamp = Math.max(now(), row.updated_at + 1);
    writeSections(row.seq, draft.sections);
    updateMeta.run({ ...metaParams(draft), seq: row.seq, now: stamp, sessionId });
    return { updatedAt: stamp };
  });

  function put(story: Story, sessionId: string): void {
    const params = {
      ...metaParams(story),
      id: story.id,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      deletedAt: story.deletedAt,
      sessionId,
    };
    const existing = selectMeta.get(story.id) as MetaRow | undefined;
    if (existing) {
      keepLiveAsRevision(existing);
      writeSections(existing.seq, story.sections);
      updateWhole.run({ ...params, seq: existing.seq });
    } else {
      writeSections(Number(insertWhole.run(params).lastInsertRowid), story.sections);
    }
  }

  const createTx = db.transaction((draft: StoryDraft) => {
    const id = randomUUID();
    const stamp = now();
    const seq = Number(
      insertMeta.run({ ...metaParams(draft), id, now: stamp, sessionId: `created-${id}` }).lastInsertRowid,
    );
    SECTION_IDS.forEach((section, index) => {
      const { json, text } = draft.sections[section];
      insertSection.run({ rowId: sectionRowId(seq, index), seq, section: index, json, text });
    });
    return id;
  });

  // Snippets only for the first rows of a result: about as many as a window shows at once.
  const SNIPPETS = 25;
  // Every section of a page's first stories in one statement: one per story cost more than reading them.
  const sectionTextsOf = db
    .prepare(
      `SELECT story_seq, text FROM story_sections WHERE story_seq IN (SELECT value FROM json_each(?)) AND text <> ''
       ORDER BY story_seq, section`,
    )
    .raw();

  /**
   * Stories containing every word (each as a word prefix, anywhere in the story), newest edit first. The index has
   * one row per story keyed by edit time (migration 0070): FTS5 answers the AND itself and hands the matches over
   * newest first, so the query stops once it has a page.
   */
  function search(words: string[], where: string[], params: Record<string, string | number>): StorySummary[] {
    params.match = words.map(ftsPrefix).join(' AND ');
    const rows = summaries(
      `${selectSummaries(`story_fts f JOIN stories s ON s.seq = (f.rowid & ${SEQ_MASK})`, ['story_fts MATCH @match', ...where])}
       ORDER BY f.rowid DESC LIMIT @limit OFFSET @offset`,
      params,
    );
    const snippets = firstSnippets(rows.slice(0, SNIPPETS).map((row) => row.seq), words);
    return rows.map(({ seq, ...row }) => ({ ...row, snippet: snippets.get(seq) ?? null }));
  }

  /** Per story, an excerpt from its first section that has one of the words (a match may be only in the title or tags). */
  function firstSnippets(seqs: number[], words: readonly string[]): Map<number, string> {
    const found = new Map<number, string>();
    for (const [seq, text] of sectionTextsOf.all(JSON.stringify(seqs)) as [number, string][]) {
      if (found.has(seq)) continue;
      const snippet = makeSnippet(text, words);
      if (snippet !== null) found.set(seq, snippet);
    }
    return found;
  }

  interface SummaryRow {
    seq: number;
    id: string;
    title: string;
    level: string | null;
    principles: string;
    tags: string;
    updated_at: number;
    deleted_at: number | null;
  }

  // One statement per shape of filter (a handful), prepared once: preparing costs as much as a small query.
  const statements = new Map<string, Statement>();
  function cachedStatement(sql: string): Statement {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  /** The list row's columns, from stories `s` joined as `from`, filtered by every condition in `where`. */
  const selectSummaries = (from: string, where: string[]): string =>
    `SELECT s.seq, s.id, s.title, s.level, s.principles, s.tags, s.updated_at, s.deleted_at FROM ${from}
     WHERE ${where.join(' AND ')}`;

  function summaries(sql: string, params: Record<string, string | number>): SummaryWithSeq[] {
    return (cachedStatement(sql).all(params) as SummaryRow[]).map((row) => ({
      seq: row.seq,
      id: row.id,
      title: row.title,
      level: parseLevel(row.level),
      principles: JSON.parse(row.principles) as PrincipleMapping[],
      tags: JSON.parse(row.tags) as string[],
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      snippet: null,
    }));
  }

  function list(filter: ListFilter): StorySummary[] {
    const where: string[] = [filter.trash ? 's.deleted_at IS NOT NULL' : 's.deleted_at IS NULL'];
    const params: Record<string, string | number> = { limit: filter.limit ?? LIST_PAGE, offset: filter.offset ?? 0 };
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
    if (filter.query !== undefined && filter.query.trim() !== '') {
      const words = searchWords(filter.query);
      return words.length === 0 ? [] : search(words, where, params);
    }
    // `stories_by_edit` hands the stories over in edit-time order, so the query stops after the page.
    const order = filter.trash ? 's.deleted_at DESC' : 's.updated_at DESC, s.seq DESC';
    return summaries(`${selectSummaries('stories s', where)} ORDER BY ${order} LIMIT @limit OFFSET @offset`, params).map(
      ({ seq: _seq, ...summary }) => summary,
    );
  }

  return {
    list,
    get: (id) => toStory(metaOf(id)),
    create(draft) {
      return toStory(metaOf(createTx(draft)));
    },
    save,
    rename(id, title) {
      const story = toStory(liveMeta(id));
      return save(id, `rename-${randomUUID()}`, { ...draftOf(story), title });
    },
    duplicate(id) {
      const source = toStory(metaOf(id));
      const base = source.title.trim() || UNTITLED;
      return toStory(metaOf(createTx({ ...draftOf(source), title: `${base} (copy)` })));
    },
    trash(id) {
      liveMeta(id);
      setDeleted.run({ id, deletedAt: now() });
    },
    restore(id) {
      metaOf(id);
      setDeleted.run({ id, deletedAt: null });
    },
    deleteForever(id) {
      if (metaOf(id).deleted_at === null) {
        throw new AppError('conflict', 'Move a story to the trash before deleting it.');
      }
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
    put,
    ids: ({ trash }) => (trash ? selectAllIds : selectLiveIds).all() as string[],
    liveTitles: () => selectTitles.all() as Array<{ id: string; title: string }>,
    exists: (id) => selectMeta.get(id) !== undefined,
    revisions(id) {
      const row = metaOf(id);
      const live: StoryRevision = {
        id: null,
        sessionId: row.session_id,
        savedAt: row.updated_at,
        draft: draftOf(toStory(row)),
      };
      const older = (
        selectRevisions.all(id) as { id: number; session_id: string; saved_at: number; snapshot: string }[]
      )
        .map((r) => ({ id: r.id, sessionId: r.session_id, savedAt: r.saved_at, draft: snapshotDraft(r.snapshot) }))
        // The blank state a story had the moment it was created is not worth a place in its history.
        .filter((r) => !isBlankDraft(r.draft));
      return [live, ...older];
    },
  };
}
