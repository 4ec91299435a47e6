import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStoryDatabase } from '../../electron/backend/database.ts';
import { checkIntegrityInBackground } from '../../electron/backend/integrity-check.ts';
import { createStoriesRepository, LIST_PAGE } from '../../electron/backend/stories-repository.ts';
import { paragraphsToLexicalJson } from '../../shared/story-format/index.ts';
import { makeDraft, rng } from './corpus.ts';
import { median, percentile } from './stats.ts';

export interface DatabaseFigures {
  stories: number;
  openAndListMs: number;
  integrityCheckMs: number;
  databaseMb: number;
  searchP95Ms: number;
  searchMedianMs: number;
  autosaveMs: number;
  rawUpsertMs: number;
  autosaveRatio: number;
  /** What an autosave that also wrote one sentence into the on-disk index could not go below (see below). */
  floorMs: number;
  floorRatio: number;
  /** Searches while a story is being edited, its index in memory already built (typing in the search box). */
  searchEditingP95Ms: number;
  /** The first search after an autosave: it indexes the edited story in memory first. */
  firstSearchAfterEditMs: number;
  /** Ending the editing session: the story goes back into the on-disk index. */
  endEditingMs: number;
  /** The list's first page while a story is being edited (merged into it by edit time: migration 0090). */
  listEditingMs: number;
}

export async function runDatabaseBench(count = 10_000): Promise<DatabaseFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  try {
    const random = rng(42);
    {
      const { db } = await openStoryDatabase(file);
      const repo = createStoriesRepository(db);
      db.transaction(() => {
        for (let i = 0; i < count; i++) repo.create(makeDraft(random, i));
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }

    // Open + list, as at start-up: open (pragmas, schema version; the quick_check runs in a worker meanwhile,
    // timed on its own below), then the full story list.
    const openTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      const { db } = await openStoryDatabase(file, { integrityCheck: 'later' });
      // The first page the window shows (the list pages in more as the user scrolls).
      const list = createStoriesRepository(db).list({});
      openTimes.push(performance.now() - start);
      if (list.length !== Math.min(count, LIST_PAGE)) throw new Error(`listed ${list.length}`);
      db.close();
    }

    const checkStart = performance.now();
    const verdict = await checkIntegrityInBackground(file).verdict;
    const integrityCheckMs = performance.now() - checkStart;
    if (!verdict.ok) throw new Error(`integrity check failed: ${verdict.detail}`);

    const { db } = await openStoryDatabase(file, { integrityCheck: 'later' });
    const repo = createStoriesRepository(db);
    // What people type: a system, a problem, a tool, a prefix still being typed, two words, a common word.
    const queries = ['billing', 'memory leak', 'Kafka', 'postg', 'ledger deadlock', 'alert fatigue', 'renewed', 'forecast', 'rollback plan', 'customer'];
    for (const q of queries) repo.list({ query: q }); // warm the page cache
    const searchTimes: number[] = [];
    for (let round = 0; round < 30; round++) {
      for (const query of queries) {
        const start = performance.now();
        repo.list({ query });
        searchTimes.push(performance.now() - start);
      }
    }

    // One autosave (section JSON + plain text + FTS + revision) against a raw single-row upsert, same file and
    // pragmas. Each round the user has added a sentence to the Action; the autosave stores that edit through the
    // repository, and the raw upsert stores the very same Action JSON and text in a bare table, with no metadata,
    // index or history. The story's revision is kept by the first save of the session, and the story leaves the
    // on-disk search index and the list's index then (migrations 0080 and 0090), its live edit time kept in a
    // one-row table: searches and the list meanwhile merge it in, timed below, and so is the end of the session,
    // which writes it back.
    db.exec('CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, json TEXT NOT NULL, text TEXT NOT NULL) STRICT');
    const raw = db.prepare(
      'INSERT INTO bench_raw (id, json, text) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, text = excluded.text',
    );
    // The floor for an autosave that writes the on-disk index in its own transaction: a section upsert of its own
    // row (so it writes the new text, as the raw upsert does), the story's new edit time in a table shaped and
    // indexed like `stories` (as many rows), and one sentence-long row replaced in an FTS5 table configured like
    // the story index.
    db.exec(
      `CREATE TABLE IF NOT EXISTS bench_floor_story (seq INTEGER PRIMARY KEY, deleted_at INTEGER, updated_at INTEGER NOT NULL) STRICT;
       CREATE INDEX IF NOT EXISTS bench_floor_story_by_edit ON bench_floor_story (deleted_at, updated_at DESC);
       INSERT INTO bench_floor_story (seq, updated_at) SELECT seq, updated_at FROM stories;
       CREATE VIRTUAL TABLE IF NOT EXISTS bench_floor_fts USING fts5 (
         text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
       );`,
    );
    const floorStamp = db.prepare('UPDATE bench_floor_story SET updated_at = updated_at + 1 WHERE seq = 201');
    const floorFtsDelete = db.prepare('DELETE FROM bench_floor_fts WHERE rowid = 1');
    const floorFtsInsert = db.prepare('INSERT INTO bench_floor_fts (rowid, text) VALUES (1, ?)');
    const floorSave = db.transaction((json: string, text: string, sentence: string) => {
      raw.run('floor-row', json, text);
      floorStamp.run();
      floorFtsDelete.run();
      floorFtsInsert.run(sentence);
    });
    const target = repo.list({})[200]!.id;
    const draft = makeDraft(random, 500);
    const paragraphs = draft.sections.action.text.split('\n\n');
    const saveTimes: number[] = [];
    const rawTimes: number[] = [];
    const floorTimes: number[] = [];
    const firstSearchTimes: number[] = [];
    const searchEditingTimes: number[] = [];
    const endTimes: number[] = [];
    const listEditingTimes: number[] = [];
    // The three take turns going first. On this machine a commit that follows another within microseconds costs
    // less than one after a pause, whatever it writes (a raw upsert timed first costs up to twice the same upsert
    // timed second), so a fixed order would charge that pause to whichever write always came first.
    const writes: [number[], (i: number) => void][] = [
      [saveTimes, () => repo.save(target, 'bench-session', draft)],
      [rawTimes, () => raw.run('bench-row', draft.sections.action.json, draft.sections.action.text)],
      [floorTimes, (i) => floorSave(draft.sections.action.json, draft.sections.action.text, `I added step ${i}.`)],
    ];
    for (let i = 0; i < 210; i++) {
      paragraphs[paragraphs.length - 1] += ' I added one more step.';
      draft.sections.action = { json: paragraphsToLexicalJson(paragraphs), text: paragraphs.join('\n\n') };
      for (let k = 0; k < writes.length; k++) {
        const [times, write] = writes[(i + k) % writes.length]!;
        const start = performance.now();
        write(i);
        times.push(performance.now() - start);
      }
    }
    // Searches while the story is open: after each autosave the first search indexes it in memory, the next ones
    // (the rest of the word being typed) reuse that. Timed apart from the autosaves above, so those stay a plain
    // comparison of writes.
    for (let round = 0; round < 20; round++) {
      paragraphs[paragraphs.length - 1] += ' I searched for something.';
      draft.sections.action = { json: paragraphsToLexicalJson(paragraphs), text: paragraphs.join('\n\n') };
      repo.save(target, 'bench-session', draft);
      let start = performance.now();
      const first = repo.list({});
      listEditingTimes.push(performance.now() - start);
      if (first[0]?.id !== target || first.length !== LIST_PAGE) throw new Error('the edited story is not first');
      start = performance.now();
      repo.list({ query: queries[round % queries.length]! });
      firstSearchTimes.push(performance.now() - start);
      for (const query of queries) {
        start = performance.now();
        repo.list({ query });
        searchEditingTimes.push(performance.now() - start);
      }
    }
    // The session ends (the user opens another story, or closes the window): the story goes back into the index.
    for (let i = 0; i < 30; i++) {
      repo.save(target, `bench-session-${i}`, draft);
      const start = performance.now();
      repo.endEditing();
      endTimes.push(performance.now() - start);
    }
    db.close();
    const autosaveMs = median(saveTimes);
    const rawUpsertMs = median(rawTimes);
    const floorMs = median(floorTimes);
    return {
      stories: count,
      openAndListMs: median(openTimes),
      integrityCheckMs,
      databaseMb: fs.statSync(file).size / 1e6,
      searchP95Ms: percentile(searchTimes, 95),
      searchMedianMs: median(searchTimes),
      autosaveMs,
      rawUpsertMs,
      autosaveRatio: autosaveMs / rawUpsertMs,
      floorMs,
      floorRatio: floorMs / rawUpsertMs,
      searchEditingP95Ms: percentile(searchEditingTimes, 95),
      firstSearchAfterEditMs: median(firstSearchTimes),
      endEditingMs: median(endTimes),
      listEditingMs: median(listEditingTimes),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
