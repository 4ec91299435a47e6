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
  /** One autosave: the changed sections, the story row, its re-indexed search row, in one transaction. */
  autosaveP95Ms: number;
  autosaveMedianMs: number;
  /** A search run right after an autosave of a story it finds (the index row was just rewritten). */
  searchAfterSaveP95Ms: number;
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

    // Autosaves of one story, as while typing: each round adds a sentence to the Action, and the save writes the
    // changed section and the story row, and the triggers rewrite the story's row in the one search index
    // (migration 0100); only the first save of a session also keeps the story's previous state as a revision. Each autosave is followed by a search that finds
    // the story, as when the user switches to the search box.
    const target = repo.list({})[200]!.id;
    const draft = makeDraft(random, 500);
    const paragraphs = draft.sections.action.text.split('\n\n');
    const saveTimes: number[] = [];
    const searchAfterSaveTimes: number[] = [];
    for (let i = 0; i < 300; i++) {
      paragraphs[paragraphs.length - 1] += ` I added step ${i}.`;
      draft.sections.action = { json: paragraphsToLexicalJson(paragraphs), text: paragraphs.join('\n\n') };
      let start = performance.now();
      repo.save(target, 'bench-session', draft);
      saveTimes.push(performance.now() - start);
      start = performance.now();
      const found = repo.list({ query: `step ${i}` });
      searchAfterSaveTimes.push(performance.now() - start);
      if (found[0]?.id !== target) throw new Error('the saved story was not found');
    }
    db.close();
    return {
      stories: count,
      openAndListMs: median(openTimes),
      integrityCheckMs,
      databaseMb: fs.statSync(file).size / 1e6,
      searchP95Ms: percentile(searchTimes, 95),
      searchMedianMs: median(searchTimes),
      autosaveP95Ms: percentile(saveTimes, 95),
      autosaveMedianMs: median(saveTimes),
      searchAfterSaveP95Ms: percentile(searchAfterSaveTimes, 95),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
