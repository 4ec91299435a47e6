import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openStoryDatabase } from '../../../electron/backend/database.ts';
import { createMappingsRepository, type MappingsRepository } from '../../../electron/backend/mappings-repository.ts';
import { createStoriesRepository, type StoriesRepository } from '../../../electron/backend/stories-repository.ts';
import { createSuppressionsRepository } from '../../../electron/backend/suppressions-repository.ts';
import { LIMITS } from '../../../shared/ipc/schemas.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

let db: Db;
let stories: StoriesRepository;
let mappings: MappingsRepository;

beforeEach(async () => {
  ({ db } = await openStoryDatabase(path.join(tempDir(), 'bank.sqlite')));
  stories = createStoriesRepository(db);
  mappings = createMappingsRepository(db);
  return () => db.close();
});

const rows = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('prompts on a story', () => {
  it('stores the prompts a story answers with the draft, once each, in the order chosen', () => {
    const story = stories.create(draftWith('Outage', {}, { prompts: ['ownership.production-issue'] }));
    expect(stories.get(story.id).prompts).toEqual(['ownership.production-issue']);
    stories.save(
      story.id,
      'session-aaaa',
      draftWith('Outage', {}, { prompts: ['dive-deep.root-cause', 'ownership.production-issue', 'dive-deep.root-cause'] }),
    );
    expect(stories.get(story.id).prompts).toEqual(['dive-deep.root-cause', 'ownership.production-issue']);
    // The previous session's state, prompts included, is kept as a revision.
    expect(stories.revisions(story.id)[1]?.draft.prompts).toEqual(['ownership.production-issue']);
    expect(stories.duplicate(story.id).prompts).toEqual(['dive-deep.root-cause', 'ownership.production-issue']);
  });

  it('reads a revision saved before prompts existed as answering none', () => {
    const story = stories.create(draftWith('Old', {}));
    const { prompts: _dropped, ...legacy } = draftWith('Old', { task: 'legacy' });
    db.prepare("INSERT INTO revisions (story_id, session_id, saved_at, snapshot) VALUES (?, 'legacy-session', 1, ?)").run(
      story.id,
      JSON.stringify(legacy),
    );
    const old = stories.revisions(story.id).find((r) => r.sessionId === 'legacy-session');
    expect(old?.draft.prompts).toEqual([]);
    expect(old?.draft.sections.task.text).toBe('legacy');
  });
});

describe('probe notes', () => {
  it('saves, updates and reads back notes with their readiness', () => {
    const story = stories.create(draftWith('A', {}));
    expect(mappings.probeNotes(story.id)).toEqual([]);
    const first = mappings.saveProbeNote(story.id, 'ownership.probe.why-you', { note: 'The owners were asleep', readiness: null });
    expect(first).toMatchObject({ probeId: 'ownership.probe.why-you', note: 'The owners were asleep', readiness: null });
    const second = mappings.saveProbeNote(story.id, 'ownership.probe.why-you', { note: 'Paged them first', readiness: 'partial' });
    expect(second?.updatedAt).toBeGreaterThan(first?.updatedAt ?? Infinity);
    mappings.saveProbeNote(story.id, 'dive-deep.probe.how-found', { note: '', readiness: 'gap' });
    expect(mappings.probeNotes(story.id)).toEqual([
      { probeId: 'dive-deep.probe.how-found', note: '', readiness: 'gap', updatedAt: expect.any(Number) },
      { probeId: 'ownership.probe.why-you', note: 'Paged them first', readiness: 'partial', updatedAt: second?.updatedAt },
    ]);
  });

  it('removes a note that is blank and unmarked', () => {
    const story = stories.create(draftWith('A', {}));
    mappings.saveProbeNote(story.id, 'ownership.probe.why-you', { note: 'something', readiness: 'ready' });
    expect(mappings.saveProbeNote(story.id, 'ownership.probe.why-you', { note: '   ', readiness: null })).toBeNull();
    expect(mappings.probeNotes(story.id)).toEqual([]);
    expect(rows('probe_notes')).toBe(0);
  });

  it('keeps notes of each story apart, keeps them through the trash and deletes them with the story', () => {
    const a = stories.create(draftWith('A', {}));
    const b = stories.create(draftWith('B', {}));
    mappings.saveProbeNote(a.id, 'ownership.probe.why-you', { note: 'for A', readiness: 'ready' });
    mappings.saveProbeNote(b.id, 'ownership.probe.why-you', { note: 'for B', readiness: 'gap' });
    expect(mappings.probeNotes(a.id).map((n) => n.note)).toEqual(['for A']);
    stories.trash(a.id);
    expect(() => mappings.saveProbeNote(a.id, 'ownership.probe.why-you', { note: 'x', readiness: null })).toThrow(/trash/);
    expect(mappings.probeNotes(a.id).map((n) => n.note)).toEqual(['for A']);
    stories.deleteForever(a.id);
    expect(rows('probe_notes')).toBe(1);
    expect(() => mappings.probeNotes(a.id)).toThrow(/no longer exists/);
  });

  it('refuses a note for a story that does not exist, and more notes than a story may keep', () => {
    expect(() => mappings.saveProbeNote('no-such-story', 'ownership.probe.why-you', { note: 'x', readiness: null })).toThrow(
      /no longer exists/,
    );
    const story = stories.create(draftWith('A', {}));
    for (let i = 0; i < LIMITS.probeNotesPerStory; i++) {
      mappings.saveProbeNote(story.id, `ownership.probe.n${i}`, { note: 'x', readiness: null });
    }
    expect(() => mappings.saveProbeNote(story.id, 'ownership.probe.one-more', { note: 'x', readiness: null })).toThrow(
      /at most/,
    );
    // An existing note can still be edited at the limit.
    expect(mappings.saveProbeNote(story.id, 'ownership.probe.n0', { note: 'edited', readiness: 'ready' })?.note).toBe('edited');
    expect(rows('probe_notes')).toBe(LIMITS.probeNotesPerStory);
  });

  it('rejects a readiness outside ready, partial and gap at the database level', () => {
    const story = stories.create(draftWith('A', {}));
    expect(() =>
      db
        .prepare("INSERT INTO probe_notes (story_id, probe_id, notes, readiness, updated_at) VALUES (?, 'p.q', '', 'maybe', 1)")
        .run(story.id),
    ).toThrow(/CHECK/);
  });
});

describe('dismissed suggestions', () => {
  it('remembers dismissals per story, once each, and restores them', () => {
    const a = stories.create(draftWith('A', {}));
    const b = stories.create(draftWith('B', {}));
    mappings.dismiss(a.id, 'principle', 'frugality');
    mappings.dismiss(a.id, 'prompt', 'ownership.production-issue');
    mappings.dismiss(a.id, 'principle', 'frugality');
    expect(mappings.dismissed(a.id)).toEqual({ principles: ['frugality'], prompts: ['ownership.production-issue'] });
    expect(mappings.dismissed(b.id)).toEqual({ principles: [], prompts: [] });
    mappings.restore(a.id, 'principle', 'frugality');
    expect(mappings.dismissed(a.id)).toEqual({ principles: [], prompts: ['ownership.production-issue'] });
    stories.trash(a.id);
    stories.deleteForever(a.id);
    expect(rows('dismissed_suggestions')).toBe(0);
  });

  it('refuses dismissals on a story in the trash or missing', () => {
    const a = stories.create(draftWith('A', {}));
    stories.trash(a.id);
    expect(() => mappings.dismiss(a.id, 'principle', 'frugality')).toThrow(/trash/);
    expect(() => mappings.dismiss('missing-story', 'principle', 'frugality')).toThrow(/no longer exists/);
    expect(rows('dismissed_suggestions')).toBe(0);
  });
});

describe('coverage rows', () => {
  it('lists every live story oldest first with its principles, prompts and text for scoring', () => {
    const a = stories.create(
      draftWith('First', {}, { principles: [{ id: 'ownership', role: 'primary' }], prompts: ['ownership.production-issue'] }),
    );
    const b = stories.create(draftWith('Second', {}, { principles: [{ id: 'frugality', role: 'secondary' }] }));
    const c = stories.create(draftWith('Trashed', {}, { principles: [{ id: 'dive-deep', role: 'primary' }] }));
    stories.trash(c.id);
    // Editing the first story does not move its column.
    stories.save(a.id, 'session-eeee', draftWith('First, edited', {}, { principles: [{ id: 'ownership', role: 'primary' }] }));
    const rows = mappings.coverageStories();
    expect(rows).toMatchObject([
      { id: a.id, title: 'First, edited', principles: [{ id: 'ownership', role: 'primary' }], prompts: [], score: null },
      { id: b.id, title: 'Second', principles: [{ id: 'frugality', role: 'secondary' }], prompts: [], score: null },
    ]);
    expect(rows.map((r) => r.suppressions)).toEqual([[], []]);
    expect(rows[0]?.texts).toEqual({ situation: '', task: '', action: '', result: '', reflection: '' });
  });
});

describe('coverage rows for scoring', () => {
  it('carry each story’s section texts and its ignored findings', async () => {
    const { db } = await openStoryDatabase(path.join(tempDir(), 'bank.sqlite'));
    const stories = createStoriesRepository(db);
    const mappings = createMappingsRepository(db);
    const suppressions = createSuppressionsRepository(db);
    const story = stories.create(draftWith('Scored', { action: 'I rebuilt the cache.', result: 'Latency fell 40%.' }));
    suppressions.add(story.id, { ruleId: 'generic-reflection', section: 'reflection', fingerprint: 'fp-1' });
    const [row] = mappings.coverageStories();
    expect(row?.texts.action).toBe('I rebuilt the cache.');
    expect(row?.texts.result).toBe('Latency fell 40%.');
    expect(row?.suppressions).toEqual([{ ruleId: 'generic-reflection', section: 'reflection', fingerprint: 'fp-1' }]);
    db.close();
  });
});
