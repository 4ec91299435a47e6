import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { isLevel, type Level } from '../../shared/domain/levels.ts';
import { SECTION_IDS } from '../../shared/domain/sections.ts';
import { makeSnippet } from '../../shared/domain/snippet.ts';
import {
  draftOf,
  emptySections,
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
/** Numbers each repository's in-memory search table (two repositories may share a connection). */
let repositoryCount = 0;

/** The latest edit time a full-text row id can hold; later ones are clamped to it (migration 0070). */
const MAX_KEY_TIME = 4398046511103;

/** Section rows are numbered story seq * 8 + section index; see migration 0010. */
const sectionRowId = (seq: number, index: number): number => seq * 8 + index;

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

/** Prompt ids kept once each, in the order the user chose them. */
export function normalizePrompts(prompts: readonly string[]): string[] {
  return [...new Set(prompts)];
}

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

export interface StoryRevision {
  /** null for the live state (the current session). */
  id: number | null;
  sessionId: string;
  savedAt: number;
  draft: StoryDraft;
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
   * exists is replaced (its editing session ended), its live state first kept as a revision. Call inside the caller's
   * transaction.
   */
  put(story: Story, sessionId: string): void;
  /**
   * Ends any editing session (migrations 0080 and 0090): the story being edited gets its live edit time back in its
   * row and goes back into the on-disk indexes. Call before closing the database; opening a repository does it too,
   * for sessions a crash left open.
   */
  endEditing(): void;
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
  // A story being edited has its live edit time in its listing (migration 0090).
  const selectMeta = db.prepare(
    `SELECT s.seq, s.id, ${META_COLUMNS.map((c) => `s.${c}`).join(', ')}, s.created_at,
       coalesce(e.updated_at, s.updated_at) AS updated_at, s.deleted_at, s.session_id
     FROM stories s LEFT JOIN story_search_editing e ON e.seq = s.seq WHERE s.id = ?`,
  );
  // The editing session (migrations 0080 and 0090). The listing holds the live edit time and the session; the
  // short path's guard on both makes it safe: nothing else has written the story since this repository did, for
  // every other write either moves that time (a save) or ends the session (a trash, an import or restore, a delete).
  const endOtherEditing = db.prepare('DELETE FROM story_search_editing WHERE seq <> ?');
  const listEditing = db.prepare(
    `INSERT INTO story_search_editing (seq, updated_at, session_id) VALUES (@seq, @now, @sessionId)
     ON CONFLICT (seq) DO UPDATE SET updated_at = excluded.updated_at, session_id = excluded.session_id`,
  );
  const endEditingOf = db.prepare('DELETE FROM story_search_editing WHERE seq = ?');
  const endAllEditing = db.prepare('DELETE FROM story_search_editing');
  const stampEditing = db.prepare(
    `UPDATE story_search_editing SET updated_at = @now
     WHERE seq = @seq AND updated_at = @expected AND session_id = @sessionId`,
  );
  // The last save wrote every section, so the row is there (the upsert stays as a fallback) and is known to differ.
  const rewriteSection = db.prepare('UPDATE story_sections SET json = ?, text = ? WHERE id = ?');
  // The story is flagged as being edited, so this does not re-index it.
  const rewriteMeta = db.prepare(
    `UPDATE stories SET ${META_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`,
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
  const setDeleted = db.prepare('UPDATE stories SET deleted_at = @deletedAt WHERE id = @id');
  const removeOne = db.prepare('DELETE FROM stories WHERE id = ?');
  const removeTrashed = db.prepare('DELETE FROM stories WHERE deleted_at IS NOT NULL');
  // The story being edited is not in `stories_by_edit` (migration 0090): it is counted through its listing.
  const countLive = db
    .prepare(
      `SELECT (SELECT count(*) FROM stories WHERE deleted_at IS NULL AND editing = 0)
            + (SELECT count(*) FROM story_search_editing e CROSS JOIN stories s ON s.seq = e.seq WHERE s.deleted_at IS NULL)`,
    )
    .pluck();
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

  /** What the last save of the story being edited wrote, so the next autosave can write only what changed. */
  interface EditingState {
    seq: number;
    id: string;
    sessionId: string;
    updatedAt: number;
    meta: Record<string, string | null>;
    sections: StoryDraft['sections'];
  }
  let editing: EditingState | null = null;

  const sameMeta = (a: Record<string, string | null>, b: Record<string, string | null>): boolean =>
    META_COLUMNS.every((column) => a[column] === b[column]);

  /**
   * The short path of an autosave: the same story and session as the last save, and nothing else has written it
   * since. One guarded update moves the live edit time in the story's listing; then the metadata, if it changed,
   * and only the sections that changed are written. Returns null when the guard does not hold.
   */
  function saveEditing(id: string, sessionId: string, draft: StoryDraft): { updatedAt: number } | null {
    const state = editing;
    if (!state || state.id !== id || state.sessionId !== sessionId) return null;
    const meta = metaParams(draft);
    const stamp = Math.max(now(), state.updatedAt + 1);
    const guard = { seq: state.seq, expected: state.updatedAt, sessionId, now: stamp };
    if (stampEditing.run(guard).changes !== 1) return null;
    if (!sameMeta(meta, state.meta)) rewriteMeta.run({ ...meta, seq: state.seq });
    SECTION_IDS.forEach((section, index) => {
      const { json, text } = draft.sections[section];
      const before = state.sections[section];
      if (json === before.json && text === before.text) return;
      const rowId = sectionRowId(state.seq, index);
      if (rewriteSection.run(json, text, rowId).changes !== 1) {
        updateSection.run({ rowId, seq: state.seq, section: index, json, text });
      }
    });
    editing = { ...state, updatedAt: stamp, meta, sections: { ...draft.sections } };
    return { updatedAt: stamp };
  }

  // The long path: the first save of a session, or of a story written by something else since. The story becomes
  // the one being edited (ending any other's session, which writes that story back into the index), so neither
  // this write nor the autosaves after it re-index it. The stamp always moves forward, even when the clock reads
  // no later than the stored time, so the story sorts first.
  const saveTx = db.transaction((id: string, sessionId: string, draft: StoryDraft) => {
    const short = saveEditing(id, sessionId, draft);
    if (short) return short;
    const row = liveMeta(id);
    if (row.session_id !== sessionId) keepLiveAsRevision(row);
    const stamp = Math.max(now(), row.updated_at + 1);
    endOtherEditing.run(row.seq);
    listEditing.run({ seq: row.seq, now: stamp, sessionId });
    writeSections(row.seq, draft.sections);
    const meta = metaParams(draft);
    updateMeta.run({ ...meta, seq: row.seq, now: stamp, sessionId });
    editing = { seq: row.seq, id, sessionId, updatedAt: stamp, meta, sections: { ...draft.sections } };
    return { updatedAt: stamp };
  });

  function save(id: string, sessionId: string, draft: StoryDraft): { updatedAt: number } {
    try {
      return saveTx(id, sessionId, draft);
    } catch (error) {
      // The transaction rolled back; what this repository remembers of the last save may not be what is stored.
      editing = null;
      throw error;
    }
  }

  function endEditing(): void {
    editing = null;
    if (!db.readonly) endAllEditing.run();
  }

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
      // A whole story written from outside ends its editing session first, so the write below re-indexes it (and
      // this repository's next autosave of it, finding no listing, takes the long path).
      endEditingOf.run(existing.seq);
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
    const editingMatches = indexEditingInMemory() ? matchesBeingEdited(where, params) : [];
    const rows = editingMatches.length === 0 ? onDiskPage(where, params) : mergePage(editingMatches, where, params);
    const snippets = firstSnippets(rows.slice(0, SNIPPETS).map((row) => row.seq), words);
    return rows.map(({ seq, ...row }) => ({ ...row, snippet: snippets.get(seq) ?? null }));
  }

  /** A page of the on-disk matches, newest edit first (the row id's order). */
  function onDiskPage(where: string[], params: Record<string, string | number>): SummaryWithSeq[] {
    return summaries(
      `${selectSummaries(`story_fts f JOIN stories s ON s.seq = (f.rowid & ${SEQ_MASK})`, ['story_fts MATCH @match', ...where])}
       ORDER BY f.rowid DESC LIMIT @limit OFFSET @offset`,
      params,
    );
  }

  // A story being edited is out of `story_fts` (migration 0080). A search indexes it in a TEMP FTS5 table (same
  // tokenizer, same text) when anything may have changed since it last did: a commit by this connection (its change
  // count moved) or by another one (the data version moved). Each repository has its own table.
  const memoryTable = `story_fts_editing_${++repositoryCount}`;
  const selectEditing = db.prepare('SELECT seq FROM story_search_editing').pluck();
  const changeMark = db.prepare('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version');
  let inMemory: { clear: Statement; insert: Statement; mark: string } | null = null;
  const changeMarkNow = (): string => JSON.stringify(changeMark.get());

  /** Whether a story is being edited; if so, the memory table holds it as it is now. */
  function indexEditingInMemory(): boolean {
    const listed = selectEditing.all() as number[];
    // Rows left from a session that has ended are never read: the search joins the table with the listing.
    if (listed.length === 0) return false;
    if (inMemory === null) {
      db.exec(
        `CREATE VIRTUAL TABLE temp.${memoryTable} USING fts5 (
           text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
         )`,
      );
      inMemory = {
        clear: db.prepare(`INSERT INTO temp.${memoryTable} (${memoryTable}) VALUES ('delete-all')`),
        insert: db.prepare(`INSERT INTO temp.${memoryTable} (rowid, text) SELECT seq, text FROM story_search WHERE seq = ?`),
        mark: '',
      };
    }
    const memory = inMemory;
    if (changeMarkNow() !== memory.mark) {
      memory.clear.run();
      for (const seq of listed) memory.insert.run(seq);
      memory.mark = changeMarkNow();
    }
    return true;
  }

  /** Stories being edited that match, newest edit first (the same order as the on-disk key). */
  function matchesBeingEdited(where: string[], params: Record<string, string | number>): SummaryWithSeq[] {
    return summaries(
      `${selectSummaries(
        `temp.${memoryTable} m JOIN story_search_editing e ON e.seq = m.rowid JOIN stories s ON s.seq = e.seq`,
        [`${memoryTable} MATCH @match`, ...where],
        'e.updated_at',
      )} ORDER BY min(e.updated_at, ${MAX_KEY_TIME}) DESC, s.seq DESC`,
      params,
    );
  }

  /**
   * One page of the on-disk matches and the matches being edited, in key order. With h stories being edited, the
   * on-disk rows that can land on the page are those from h before the page's start to its end, read in one
   * query. Each row's place in the merged order is its place on disk plus the edited stories with a newer key; an
   * edited story's place is the number of on-disk rows newer than it plus the edited stories before it. (A save
   * ends every other session, so h is at most 1; the merge does not rely on that.)
   */
  function mergePage(editingRows: SummaryWithSeq[], where: string[], params: Record<string, string | number>): SummaryWithSeq[] {
    const offset = Number(params.offset);
    const limit = Number(params.limit);
    const from = Math.max(0, offset - editingRows.length);
    const window = onDiskPage(where, { ...params, limit: offset + limit - from, offset: from });
    const keyTime = (row: SummaryWithSeq): number => Math.min(row.updatedAt, MAX_KEY_TIME);
    const newer = (a: SummaryWithSeq, b: SummaryWithSeq): boolean =>
      keyTime(a) > keyTime(b) || (keyTime(a) === keyTime(b) && a.seq > b.seq);
    const placed: { row: SummaryWithSeq; place: number }[] = window.map((row, index) => ({
      row,
      place: from + index + editingRows.filter((edited) => newer(edited, row)).length,
    }));
    // An edited story newer than the whole window may have fewer on-disk rows before it than `from`, and one older
    // than a full window more than the window holds; either way the place worked out here is on the same side of
    // the page as the true one, so the filter below drops it all the same.
    editingRows.forEach((row, index) => {
      const newerOnDisk = window.filter((onDisk) => newer(onDisk, row)).length;
      placed.push({ row, place: from + newerOnDisk + index });
    });
    return placed
      .filter(({ place }) => place >= offset && place < offset + limit)
      .sort((a, b) => a.place - b.place)
      .map(({ row }) => row);
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

  /**
   * The list row's columns, from stories `s` joined as `from`, filtered by every condition in `where`. Stories
   * being edited are read through their listing `e`, which has their live edit time (migration 0090).
   */
  const selectSummaries = (from: string, where: string[], updatedAt = 's.updated_at'): string =>
    `SELECT s.seq, s.id, s.title, s.level, s.principles, s.tags, ${updatedAt} AS updated_at, s.deleted_at FROM ${from}
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
    // The stories not being edited come from `stories_by_edit` in edit-time order, so the query stops after the
    // page; the one being edited is out of that index (migration 0090) and comes through its listing.
    const order = filter.trash ? 'deleted_at DESC' : 'updated_at DESC, seq DESC';
    return summaries(
      `${selectSummaries('stories s', ['s.editing = 0', ...where])}
       UNION ALL ${selectSummaries('story_search_editing e CROSS JOIN stories s ON s.seq = e.seq', where, 'e.updated_at')}
       ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      params,
    ).map(({ seq: _seq, ...summary }) => summary);
  }

  // Sessions a crash (or another process) left open: those stories go back into the on-disk index.
  endEditing();

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
    trash: db.transaction((id: string) => {
      // The story's editing session ends (so an autosave still on its way finds it gone and is refused).
      endEditingOf.run(liveMeta(id).seq);
      setDeleted.run({ id, deletedAt: now() });
    }),
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
    endEditing,
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
