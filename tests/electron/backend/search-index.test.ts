import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStoryDatabase } from '../../../electron/backend/database.ts';
import { createStoriesRepository, type StoriesRepository } from '../../../electron/backend/stories-repository.ts';
import { SECTION_IDS, type SectionId } from '../../../shared/domain/sections.ts';
import type { Story } from '../../../shared/domain/story.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The full-text index is kept by triggers on two tables and re-keyed on every edit (migration 0070). This property
 * runs random sequences of every write the repository offers, then compares each search with a plain scan of the
 * stories: the same stories, newest edit first, and no index rows left over.
 */

const VOCABULARY = ['alpha', 'alphabet', 'beta', 'gamma', 'delta', 'Épsilon'] as const;
const QUERIES = ['alpha', 'alph', 'alphabet', 'beta gamma', 'delta alpha', 'epsilon', 'gam', 'zeta'];

const words = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 4 }).map((list) => list.join(' '));
const section = fc.constantFrom<SectionId>(...SECTION_IDS);
const target = fc.nat({ max: 7 });

type Op =
  | { kind: 'create'; title: string; section: SectionId; text: string }
  | { kind: 'save'; target: number; section: SectionId; text: string; tags: string }
  | { kind: 'rename'; target: number; title: string }
  | { kind: 'duplicate'; target: number }
  | { kind: 'trash'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'delete'; target: number }
  | { kind: 'emptyTrash' }
  | { kind: 'put'; target: number; section: SectionId; text: string; sameTime: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), title: words, section, text: words }),
  fc.record({ kind: fc.constant('save' as const), target, section, text: words, tags: words }),
  fc.record({ kind: fc.constant('rename' as const), target, title: words }),
  fc.record({ kind: fc.constant('duplicate' as const), target }),
  fc.record({ kind: fc.constant('trash' as const), target }),
  fc.record({ kind: fc.constant('restore' as const), target }),
  fc.record({ kind: fc.constant('delete' as const), target }),
  fc.record({ kind: fc.constant('emptyTrash' as const) }),
  fc.record({ kind: fc.constant('put' as const), target, section, text: words, sameTime: fc.boolean() }),
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

function apply(repo: StoriesRepository, ids: string[], step: Op, run: (fn: () => void) => void): void {
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
    case 'put': {
      const id = pick(step.target);
      if (!id) return;
      attempt(() => {
        if (step.kind === 'save') {
          const story = repo.get(id);
          const draft = { ...story, tags: step.tags.split(' ').filter(Boolean) };
          draft.sections = { ...story.sections, [step.section]: draftWith('', { [step.section]: step.text }).sections[step.section] };
          repo.save(id, `session-${step.target}`, draft);
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
  }
}

describe('the full-text index', () => {
  it('agrees with a plain scan of the stories after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { db } = await openStoryDatabase(path.join(tempDir(), 'bank.sqlite'));
        try {
          const repo = createStoriesRepository(db);
          const ids: string[] = [];
          for (const step of ops) apply(repo, ids, step, (fn) => db.transaction(fn)());
          const stories = [...repo.list({ limit: 1000 }), ...repo.list({ trash: true, limit: 1000 })].map((s) => repo.get(s.id));
          for (const query of QUERIES) {
            for (const trash of [false, true]) {
              const found = repo.list({ query, trash, limit: 1000 });
              expect(found.map((s) => s.id).sort(), `${query} (trash: ${trash})`).toEqual(expected(stories, query, trash));
              const times = found.map((s) => s.updatedAt);
              expect(times, 'newest edit first').toEqual([...times].sort((a, b) => b - a));
            }
          }
          // One index row per story and none left behind by deleted ones.
          expect(db.prepare('SELECT count(*) FROM story_fts').pluck().get()).toBe(stories.length);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
