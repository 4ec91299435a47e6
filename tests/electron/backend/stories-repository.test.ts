import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openStoryDatabase } from '../../../electron/backend/database.ts';
import { createStoriesRepository, type StoriesRepository, toFtsQuery } from '../../../electron/backend/stories-repository.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

let db: Db;
let repo: StoriesRepository;

beforeEach(async () => {
  ({ db } = await openStoryDatabase(path.join(tempDir(), 'bank.sqlite')));
  repo = createStoriesRepository(db);
  return () => db.close();
});

const revisionRows = (id: string) => repo.revisions(id);

describe('stories repository', () => {
  it('creates, reads back every field, and lists newest first', () => {
    const first = repo.create(draftWith('First', { situation: 'alpha' }));
    const second = repo.create(
      draftWith('Second', { result: 'beta' }, {
        principles: [{ id: 'ownership', role: 'primary' }],
        level: 'Senior',
        context: 'Acme',
        tags: ['oncall', ' OnCall ', 'infra'],
      }),
    );
    const loaded = repo.get(second.id);
    expect(loaded.title).toBe('Second');
    expect(loaded.sections.result.text).toBe('beta');
    expect(JSON.parse(loaded.sections.result.json).root.type).toBe('root');
    expect(loaded.principles).toEqual([{ id: 'ownership', role: 'primary' }]);
    expect(loaded.level).toBe('Senior');
    expect(loaded.context).toBe('Acme');
    expect(loaded.tags).toEqual(['oncall', 'infra']);
    expect(repo.list({}).map((s) => s.id)).toEqual([second.id, first.id]);
  });

  it('saves a draft, and each editing session leaves exactly one revision', () => {
    const story = repo.create(draftWith('Draft', {}));
    const a = repo.save(story.id, 'session-aaaa', draftWith('Draft', { action: 'I wrote the patch' }));
    const b = repo.save(story.id, 'session-aaaa', draftWith('Draft', { action: 'I wrote and shipped the patch' }));
    expect(b.updatedAt).toBeGreaterThan(a.updatedAt);
    // Within one session, autosaves write no copies: the live row is that session's state.
    expect(revisionRows(story.id).map((r) => r.sessionId)).toEqual(['session-aaaa', `created-${story.id}`]);
    repo.save(story.id, 'session-bbbb', draftWith('Draft v2', { action: 'Rewritten' }));
    repo.save(story.id, 'session-bbbb', draftWith('Draft v2', { action: 'Rewritten again' }));
    const history = repo.revisions(story.id);
    expect(history.map((r) => [r.id === null ? 'live' : 'kept', r.sessionId])).toEqual([
      ['live', 'session-bbbb'],
      ['kept', 'session-aaaa'],
      ['kept', `created-${story.id}`],
    ]);
    expect(history.map((r) => r.draft.sections.action.text)).toEqual([
      'Rewritten again',
      'I wrote and shipped the patch',
      '',
    ]);
    expect(history[1]?.savedAt).toBe(b.updatedAt);
    expect(repo.get(story.id).sections.action.text).toBe('Rewritten again');
  });

  it('rewrites only the sections that changed, and the index follows the new text', () => {
    const story = repo.create(draftWith('Draft', { situation: 'steady words', action: 'first' }));
    db.exec(`CREATE TEMP TABLE rewritten (section INTEGER);
      CREATE TEMP TRIGGER count_rewrites AFTER UPDATE ON story_sections BEGIN
        INSERT INTO rewritten VALUES (new.section);
      END;`);
    repo.save(story.id, `created-${story.id}`, draftWith('Draft', { situation: 'steady words', action: 'second' }));
    // Only the Action (index 2) was rewritten; the four unchanged sections were left alone.
    expect(db.prepare('SELECT section FROM rewritten').pluck().all()).toEqual([2]);
    expect(repo.list({ query: 'second' }).map((s) => s.id)).toEqual([story.id]);
    expect(repo.list({ query: 'first' })).toEqual([]);
    expect(repo.list({ query: 'steady' }).map((s) => s.id)).toEqual([story.id]);
  });

  it('renames and duplicates', () => {
    const story = repo.create(draftWith('Name', { task: 'own it' }, { tags: ['x'] }));
    repo.rename(story.id, 'Better name');
    expect(repo.get(story.id).title).toBe('Better name');
    const copy = repo.duplicate(story.id);
    expect(copy.id).not.toBe(story.id);
    expect(copy.title).toBe('Better name (copy)');
    expect(copy.sections.task.text).toBe('own it');
    expect(copy.tags).toEqual(['x']);
  });

  it('moves to the trash, restores, deletes forever and empties the trash', () => {
    const a = repo.create(draftWith('A', {}));
    const b = repo.create(draftWith('B', {}));
    repo.trash(a.id);
    expect(repo.list({}).map((s) => s.id)).toEqual([b.id]);
    expect(repo.list({ trash: true }).map((s) => s.id)).toEqual([a.id]);
    expect(() => repo.save(a.id, 'session-cccc', draftWith('A', {}))).toThrow(/trash/);
    repo.restore(a.id);
    expect(repo.list({}).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(() => repo.deleteForever(b.id)).toThrow(/trash before/);
    repo.trash(a.id);
    repo.trash(b.id);
    expect(repo.emptyTrash()).toBe(2);
    expect(repo.list({ trash: true })).toEqual([]);
    expect(() => repo.get(a.id)).toThrow(/no longer exists/);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(0);
  });

  it('finds a story only when every word appears somewhere in it, in any section or the title', () => {
    const story = repo.create(draftWith('Payments outage', { action: 'I rolled back', result: 'errors fell 90%' }));
    repo.create(draftWith('Other', { action: 'I rolled the dice' }));
    expect(repo.list({ query: 'rolled errors' }).map((s) => s.id)).toEqual([story.id]);
    expect(repo.list({ query: 'payments rolled' }).map((s) => s.id)).toEqual([story.id]);
    expect(repo.list({ query: 'rolled' })).toHaveLength(2);
    expect(repo.list({ query: 'dice errors' })).toEqual([]);
  });

  it('finds stories by full text across title and sections, with prefixes, as the text changes', () => {
    const story = repo.create(draftWith('Payments outage', { action: 'I rolled back the deployment' }));
    repo.create(draftWith('Hiring loop', { result: 'We hired three engineers' }));
    expect(repo.list({ query: 'rolled back' }).map((s) => s.id)).toEqual([story.id]);
    expect(repo.list({ query: 'deploy' }).map((s) => s.id)).toEqual([story.id]);
    expect(repo.list({ query: 'paym' }).map((s) => s.id)).toEqual([story.id]);
    expect(repo.list({ query: 'deployment' })[0]?.snippet).toContain('deployment');
    repo.save(story.id, 'session-dddd', draftWith('Payments outage', { action: 'I paged the database team' }));
    expect(repo.list({ query: 'deployment' })).toEqual([]);
    expect(repo.list({ query: 'paged' }).map((s) => s.id)).toEqual([story.id]);
    repo.trash(story.id);
    expect(repo.list({ query: 'paged' })).toEqual([]);
    expect(repo.list({ query: 'paged', trash: true }).map((s) => s.id)).toEqual([story.id]);
  });

  it('gives each of the first results an excerpt from its own first section with a match, and later ones none', () => {
    const expected = new Map<string, string | null>();
    for (let i = 0; i < 30; i++) {
      const situation = i % 2 === 0 ? `alpha beta item${i}` : `no match here ${i}`;
      const action = `closing alpha for story ${i}`;
      const story = repo.create(draftWith(`Story ${i}`, { situation, action }));
      expected.set(story.id, i % 2 === 0 ? situation : action);
    }
    // The newest, so the first result: its only match is in the title.
    const titleOnly = repo.create(draftWith('Alpha launch', { action: 'nothing to see' }));
    expected.set(titleOnly.id, null);
    const results = repo.list({ query: 'alpha' });
    expect(results).toHaveLength(31);
    expect(results[0]?.id).toBe(titleOnly.id);
    results.forEach((result, index) => {
      expect(result.snippet).toBe(index < 25 ? expected.get(result.id) : null);
    });
  });

  it('never fails on search syntax typed by a user', () => {
    repo.create(draftWith('Quotes', { task: 'a "quoted" thing' }));
    for (const query of ['"', 'AND', 'OR NOT', '*', 'a:b', '(((', 'quoted"', '-x', 'NEAR(a b)']) {
      expect(() => repo.list({ query })).not.toThrow();
    }
    expect(repo.list({ query: '"quoted"' })).toHaveLength(1);
    expect(toFtsQuery('  ')).toBeNull();
  });

  it('filters by principle and by tag', () => {
    const a = repo.create(draftWith('A', {}, { principles: [{ id: 'frugality', role: 'secondary' }], tags: ['Cost'] }));
    const b = repo.create(draftWith('B', {}, { principles: [{ id: 'ownership', role: 'primary' }], tags: ['oncall'] }));
    expect(repo.list({ principle: 'frugality' }).map((s) => s.id)).toEqual([a.id]);
    expect(repo.list({ principle: 'ownership' }).map((s) => s.id)).toEqual([b.id]);
    expect(repo.list({ tag: 'cost' }).map((s) => s.id)).toEqual([a.id]);
    expect(repo.list({ tag: 'oncall', principle: 'frugality' })).toEqual([]);
    expect(repo.tags()).toEqual(['Cost', 'oncall']);
  });
});

describe('revision history', () => {
  it('leaves out the blank state a new story was created with', async () => {
    const { db: local } = await openStoryDatabase(path.join(tempDir(), 'bank.sqlite'));
    const stories = createStoriesRepository(local);
    const story = stories.create(draftWith('', {}));
    stories.save(story.id, 'session-1111', draftWith('Named', { task: 'I owned it.' }));
    stories.save(story.id, 'session-2222', draftWith('Named', { task: 'I owned it end to end.' }));
    expect(stories.revisions(story.id).map((r) => r.draft.sections.task.text)).toEqual([
      'I owned it end to end.',
      'I owned it.',
    ]);
    local.close();
  });
});

describe('the search index kept by triggers (one save path)', () => {
  const onDisk = (local: Db): number => Number(local.prepare('SELECT count(*) FROM story_fts').pluck().get());
  const found = (stories: StoriesRepository, query: string): string[] => stories.list({ query }).map((s) => s.id);

  it('finds every autosave at once, keeping one index row per story under its newest edit time', () => {
    const story = repo.create(draftWith('Cache story', { action: 'I profiled the cache' }));
    const other = repo.create(draftWith('Queue story', { action: 'I drained the queue' }));
    expect(onDisk(db)).toBe(2);
    repo.save(story.id, 's1', draftWith('Cache story', { action: 'I profiled the cache and sharded it' }));
    const last = repo.save(story.id, 's1', draftWith('Cache story', { action: 'I profiled the cache and sharded it by tenant' }));
    expect(onDisk(db)).toBe(2);
    expect(found(repo, 'tenant')).toEqual([story.id]);
    expect(found(repo, 'sharded cache')).toEqual([story.id]);
    expect(found(repo, 'story')).toEqual([story.id, other.id]);
    expect(repo.list({})[0]).toMatchObject({ id: story.id, updatedAt: last.updatedAt });
    const key = db.prepare(`SELECT rowid FROM story_fts WHERE story_fts MATCH 'tenant'`).pluck().get();
    expect(key).toBe(last.updatedAt * 1048576 + Number(db.prepare('SELECT seq FROM stories WHERE id = ?').pluck().get(story.id)));
  });

  it('rewrites only the sections that changed', () => {
    const story = repo.create(draftWith('Draft', { situation: 'steady words', action: 'first' }));
    repo.save(story.id, 's1', draftWith('Draft', { situation: 'steady words', action: 'second' }));
    db.exec(`CREATE TEMP TABLE rewritten (section INTEGER);
      CREATE TEMP TRIGGER count_rewrites AFTER UPDATE ON story_sections BEGIN
        INSERT INTO rewritten VALUES (new.section);
      END;`);
    const draft = draftWith('Renamed draft', { situation: 'steady words', action: 'third' }, { tags: ['infra'], level: 'Senior' });
    repo.save(story.id, 's1', draft);
    expect(db.prepare('SELECT section FROM rewritten').pluck().all()).toEqual([2]);
    const saved = repo.get(story.id);
    expect([saved.title, saved.tags, saved.level, saved.sections.action.text]).toEqual(['Renamed draft', ['infra'], 'Senior', 'third']);
    expect(found(repo, 'renamed infra third')).toEqual([story.id]);
    expect(found(repo, 'second')).toEqual([]);
  });

  it('refuses an autosave that arrives after its story went to the trash, and keeps what was saved', () => {
    const story = repo.create(draftWith('Binned', { action: 'one' }));
    repo.save(story.id, 's1', draftWith('Binned', { action: 'two' }));
    repo.trash(story.id);
    expect(() => repo.save(story.id, 's1', draftWith('Binned', { action: 'three' }))).toThrow(/trash/);
    expect(repo.get(story.id).sections.action.text).toBe('two');
    expect(repo.list({ trash: true, query: 'two' }).map((s) => s.id)).toEqual([story.id]);
  });

  it('sees a write by another connection between two autosaves: the next one keeps it as a revision', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const { db: first } = await openStoryDatabase(file);
    const { db: second } = await openStoryDatabase(file);
    try {
      const mine = createStoriesRepository(first);
      const theirs = createStoriesRepository(second);
      const story = mine.create(draftWith('Shared', { task: 'mine one' }));
      mine.save(story.id, 'mine', draftWith('Shared', { task: 'mine two' }));
      theirs.save(story.id, 'theirs', draftWith('Shared', { task: 'theirs' }));
      expect(found(mine, 'theirs')).toEqual([story.id]);
      mine.save(story.id, 'mine', draftWith('Shared', { task: 'mine three' }));
      expect(mine.revisions(story.id).map((r) => r.draft.sections.task.text)).toEqual(['mine three', 'theirs', 'mine two', 'mine one']);
      expect(found(theirs, 'three')).toEqual([story.id]);
      expect(found(theirs, 'theirs')).toEqual([]);
    } finally {
      first.close();
      second.close();
    }
  });

  it('a whole story written by an import is re-indexed, and the next autosave keeps it as a revision', () => {
    const story = repo.create(draftWith('Imported', { action: 'draft one' }));
    repo.save(story.id, 's1', draftWith('Imported', { action: 'draft two' }));
    const copy = repo.get(story.id);
    db.transaction(() => repo.put({ ...copy, sections: { ...copy.sections, action: draftWith('', { action: 'from the file' }).sections.action } }, 'import'))();
    expect(found(repo, 'file')).toEqual([story.id]);
    repo.save(story.id, 's1', draftWith('Imported', { action: 'draft three' }));
    expect(repo.revisions(story.id).map((r) => r.draft.sections.action.text).slice(0, 2)).toEqual(['draft three', 'from the file']);
    expect(found(repo, 'file')).toEqual([]);
    expect(found(repo, 'three')).toEqual([story.id]);
  });
});
