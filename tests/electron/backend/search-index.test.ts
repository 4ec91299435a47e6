import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Db, openStoryDatabase } from '../../../electron/backend/database.ts';
import { createStoriesRepository, type StoriesRepository } from '../../../electron/backend/stories-repository.ts';
import { SECTION_IDS, type SectionId } from '../../../shared/domain/sections.ts';
import type { Story } from '../../../shared/domain/story.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The full-text index is kept by triggers on two tables and re-keyed on every edit (migrations 0070 and 0100), the
 * story being edited included. This property runs random
 * sequences of every write the repository offers, from two connections (a second process on the same file), with
 * crashes and clean closes between them. After every step each search is compared with a plain scan of the stories:
 * the same stories, newest edit first, the same when read a page at a time, and no index rows left over.
 */

const VOCABULARY = ['alpha', 'alphabet', 'beta', 'gamma', 'delta', 'Épsilon'] as const;
const QUERIES = ['alpha', 'alph', 'alphabet', 'beta gamma', 'delta alpha', 'epsilon', 'gam', 'zeta'];

const words = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 4 }).map((list) => list.join(' '));
const section = fc.constantFrom<SectionId>(...SECTION_IDS);
const target = fc.nat({ max: 7 });

type Op =
  | { kind: 'create'; title: string; section: SectionId; text: string }
  | { kind: 'save'; target: number; section: SectionId; text: string; tags: string; autosaves: number }
  | { kind: 'rename'; target: number; title: string }
  | { kind: 'duplicate'; target: number }
  | { kind: 'trash'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'delete'; target: number }
  | { kind: 'emptyTrash' }
  | { kind: 'put'; target: number; section: SectionId; text: string; sameTime: boolean }
  | { kind: 'other'; target: number; section: SectionId; text: string }
  | { kind: 'crash' }
  | { kind: 'close' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), title: words, section, text: words }),
  // A save, and the autosaves of the same session after it (no revision is kept for them), each adding a word.
  fc.record({ kind: fc.constant('save' as const), target, section, text: words, tags: words, autosaves: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('rename' as const), target, title: words }),
  fc.record({ kind: fc.constant('duplicate' as const), target }),
  fc.record({ kind: fc.constant('trash' as const), target }),
  fc.record({ kind: fc.constant('restore' as const), target }),
  fc.record({ kind: fc.constant('delete' as const), target }),
  fc.record({ kind: fc.constant('emptyTrash' as const) }),
  fc.record({ kind: fc.constant('put' as const), target, section, text: words, sameTime: fc.boolean() }),
  // A save from another connection (another process with the bank open).
  fc.record({ kind: fc.constant('other' as const), target, section, text: words }),
  // The process dies with a story being edited; or closes as it should.
  fc.record({ kind: fc.constant('crash' as const) }),
  fc.record({ kind: fc.constant('close' as const) }),
);

/** What a search must return, worked out the slow way: every query word starts some word of the story. */
function expected(stories: Story[], query: string, trash: boolean): string[] {
  const fold = (text: string): string[] =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const wanted = fold(query);
  return stories
    .filter((story) => (story.deletedAt !== null) === trash)
    .filter((story) => {
      const all = fold([story.title, story.context, story.tags.join(' '), ...SECTION_IDS.map((s) => story.sections[s].text)].join(' '));
      return wanted.every((word) => all.some((have) => have.startsWith(word)));
    })
    .map((story) => story.id)
    .sort();
}

function apply(repo: StoriesRepository, other: StoriesRepository, ids: string[], step: Op, run: (fn: () => void) => void): void {
  const pick = (n: number): string | undefined => ids[n % Math.max(1, ids.length)];
  const attempt = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // A write the repository refuses (editing a story in the trash, say) changes nothing; the index must agree.
    }
  };
  switch (step.kind) {
    case 'create':
      ids.push(repo.create(draftWith(step.title, { [step.section]: step.text })).id);
      return;
    case 'save':
    case 'rename':
    case 'duplicate':
    case 'trash':
    case 'restore':
    case 'delete':
    case 'put':
    case 'other': {
      const id = pick(step.target);
      if (!id) return;
      attempt(() => {
        if (step.kind === 'save' || step.kind === 'other') {
          const writer = step.kind === 'save' ? repo : other;
          const story = writer.get(id);
          const tags = step.kind === 'save' ? step.tags.split(' ').filter(Boolean) : story.tags;
          const draft = { ...story, tags };
          draft.sections = { ...story.sections, [step.section]: draftWith('', { [step.section]: step.text }).sections[step.section] };
          writer.save(id, `${step.kind}-session-${step.target}`, draft);
          const more = step.kind === 'save' ? step.autosaves : 0;
          for (let n = 1; n <= more; n++) {
            const text = `${step.text} ${VOCABULARY[n % VOCABULARY.length]}`;
            const next = { ...draft, sections: { ...draft.sections, [step.section]: draftWith('', { [step.section]: text }).sections[step.section] } };
            writer.save(id, `${step.kind}-session-${step.target}`, next);
          }
        } else if (step.kind === 'rename') repo.rename(id, step.title);
        else if (step.kind === 'duplicate') ids.push(repo.duplicate(id).id);
        else if (step.kind === 'trash') repo.trash(id);
        else if (step.kind === 'restore') repo.restore(id);
        else if (step.kind === 'delete') repo.deleteForever(id);
        else {
          const story = repo.get(id);
          const sections = { ...story.sections, [step.section]: draftWith('', { [step.section]: step.text }).sections[step.section] };
          // A restored copy may carry a later edit time, or the very one the live story has.
          const updatedAt = step.sameTime ? story.updatedAt : story.updatedAt + 1;
          run(() => repo.put({ ...story, sections, updatedAt }, 'import-session'));
        }
      });
      return;
    }
    case 'emptyTrash':
      repo.emptyTrash();
      return;
    case 'crash':
    case 'close':
      // Handled by the test, which owns the connections.
      return;
  }
}

/** The list against a plain scan of the stories. */
function checkList(repo: StoriesRepository, db: Db, label: string): void {
  const rows = db
    .prepare('SELECT id, updated_at AS t FROM stories WHERE deleted_at IS NULL ORDER BY t DESC, seq DESC')
    .all() as { id: string; t: number }[];
  const live = rows.map((row) => row.id);
  const listed = repo.list({ limit: 1000 });
  expect(listed.map((s) => [s.id, s.updatedAt]), `${label}: the list`).toEqual(rows.map((row) => [row.id, row.t]));
  for (const story of listed) expect(repo.get(story.id).updatedAt, `${label}: get`).toBe(story.updatedAt);
  expect(repo.count(), `${label}: the count`).toBe(live.length);
  for (const limit of [1, 2, 3]) {
    const paged: string[] = [];
    for (let offset = 0; offset <= live.length; offset += limit) paged.push(...repo.list({ limit, offset }).map((s) => s.id));
    expect(paged, `${label}: list pages of ${limit}`).toEqual(live);
  }
  const trashed = repo.list({ trash: true, limit: 1000 });
  const inTrash = db.prepare('SELECT id FROM stories WHERE deleted_at IS NOT NULL ORDER BY id').pluck().all();
  expect(trashed.map((s) => s.id).sort(), `${label}: the trash`).toEqual(inTrash);
  const times = trashed.map((s) => s.deletedAt ?? 0);
  expect(times, `${label}: trash, newest first`).toEqual([...times].sort((a, b) => b - a));
}

function checkSearches(repo: StoriesRepository, db: Db, label: string): void {
  checkList(repo, db, label);
  const stories = [...repo.list({ limit: 1000 }), ...repo.list({ trash: true, limit: 1000 })].map((s) => repo.get(s.id));
  for (const query of QUERIES) {
    for (const trash of [false, true]) {
      const found = repo.list({ query, trash, limit: 1000 });
      const where = `${label}: ${query} (trash: ${trash})`;
      expect(found.map((s) => s.id).sort(), where).toEqual(expected(stories, query, trash));
      for (const story of found) expect(story.updatedAt, `${where}: edit time`).toBe(repo.get(story.id).updatedAt);
      const times = found.map((s) => s.updatedAt);
      expect(times, `${where}: newest edit first`).toEqual([...times].sort((a, b) => b - a));
      for (const limit of [1, 2, 3]) {
        const paged: string[] = [];
        for (let offset = 0; offset <= found.length; offset += limit) {
          paged.push(...repo.list({ query, trash, limit, offset }).map((s) => s.id));
        }
        expect(paged, `${where}: pages of ${limit}`).toEqual(found.map((s) => s.id));
      }
    }
  }
  // One index row per story, and none left behind by deleted ones.
  const indexed = db.prepare('SELECT count(*) FROM story_fts').pluck().get();
  expect(Number(indexed), `${label}: index rows`).toBe(stories.length);
}

describe('the full-text index', () => {
  it('agrees, as does the list, with a plain scan of the stories after every step of any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const file = path.join(tempDir(), 'bank.sqlite');
        const open = async (): Promise<{ db: Db; repo: StoriesRepository }> => {
          const { db } = await openStoryDatabase(file);
          return { db, repo: createStoriesRepository(db) };
        };
        let main = await open();
        const second = await open();
        try {
          const ids: string[] = [];
          for (const [index, step] of ops.entries()) {
            if (step.kind === 'crash' || step.kind === 'close') {
              // A crash leaves the log as it is; a clean close checkpoints it first, as the backend does.
              if (step.kind === 'close') main.db.pragma('wal_checkpoint(TRUNCATE)');
              main.db.close();
              main = await open();
            } else {
              apply(main.repo, second.repo, ids, step, (fn) => main.db.transaction(fn)());
            }
            checkSearches(main.repo, main.db, `step ${index} (${step.kind})`);
            checkSearches(second.repo, second.db, `step ${index} (${step.kind}), other connection`);
          }
        } finally {
          main.db.close();
          second.db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
