import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import type { PracticeRun } from '../../../shared/domain/practice.ts';
import type { StoryRevision } from '../../../shared/domain/revision.ts';
import { emptyDraft, type Story, type StoryDraft } from '../../../shared/domain/story.ts';
import type { SamplesState } from '../../../shared/ipc/samples-channels.ts';
import { callOk as ok, callRefused, openTestBackend as open } from '../../support/backend.ts';

const refused = async (b: Backend, channel: string, input: unknown): Promise<string> =>
  (await callRefused(b, channel, input)).code;

function withAction(draft: StoryDraft, text: string): StoryDraft {
  return { ...draft, sections: { ...draft.sections, action: { json: '', text } } };
}

const SECONDS = { situation: 31.04, task: 18, action: 95.5, result: 20, reflection: 12 };

describe('practice log channels', () => {
  it('log runs per story, newest first, with the total, and list them per story or for the bank', async () => {
    const b = await open();
    const one = await ok<Story>(b, 'stories.create', { title: 'One' });
    const two = await ok<Story>(b, 'stories.create', { title: 'Two' });
    const first = await ok<PracticeRun>(b, 'practice.log', { storyId: one.id, promptId: 'ownership.production-issue', sections: SECONDS, rating: 3 });
    expect(first).toMatchObject({ storyId: one.id, promptId: 'ownership.production-issue', rating: 3, totalSeconds: 176.5 });
    expect(first.sections.situation).toBe(31);
    await ok(b, 'practice.log', { storyId: two.id, promptId: null, sections: SECONDS, rating: 5 });
    const second = await ok<PracticeRun>(b, 'practice.log', { storyId: one.id, promptId: null, sections: { ...SECONDS, action: 60 }, rating: 4 });

    const ofOne = await ok<PracticeRun[]>(b, 'practice.list', { storyId: one.id });
    expect(ofOne.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(await ok<PracticeRun[]>(b, 'practice.list', {})).toHaveLength(3);
    expect(await ok<PracticeRun[]>(b, 'practice.list', { limit: 1 })).toEqual([second]);

    await ok(b, 'practice.delete', { id: first.id });
    expect((await ok<PracticeRun[]>(b, 'practice.list', { storyId: one.id })).map((r) => r.id)).toEqual([second.id]);
    expect(await refused(b, 'practice.delete', { id: first.id })).toBe('not-found');
  });

  it('refuse bad runs without writing, and runs of stories in the trash', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', { title: 'Target' });
    const count = () => b.db.prepare('SELECT count(*) FROM practice_runs').pluck().get();
    for (const bad of [
      { storyId: story.id, promptId: null, sections: SECONDS, rating: 0 },
      { storyId: story.id, promptId: null, sections: SECONDS, rating: 6 },
      { storyId: story.id, promptId: null, sections: SECONDS, rating: 4.5 },
      { storyId: story.id, promptId: null, sections: { ...SECONDS, task: -1 }, rating: 3 },
      { storyId: story.id, promptId: null, sections: { ...SECONDS, task: 3601 }, rating: 3 },
      { storyId: story.id, promptId: null, sections: { situation: 1 }, rating: 3 },
      { storyId: story.id, promptId: 'Not a prompt', sections: SECONDS, rating: 3 },
      { storyId: story.id, sections: SECONDS, rating: 3 },
      { storyId: story.id, promptId: null, sections: SECONDS, rating: 3, extra: 1 },
    ]) {
      expect(await refused(b, 'practice.log', bad)).toBe('invalid-input');
    }
    expect(await refused(b, 'practice.log', { storyId: 'no-such-story', promptId: null, sections: SECONDS, rating: 3 })).toBe('not-found');
    await ok(b, 'stories.trash', { id: story.id });
    expect(await refused(b, 'practice.log', { storyId: story.id, promptId: null, sections: SECONDS, rating: 3 })).toBe('conflict');
    expect(count()).toBe(0);
  });

  it('delete a story’s runs with the story', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', { title: 'Gone soon' });
    await ok(b, 'practice.log', { storyId: story.id, promptId: null, sections: SECONDS, rating: 2 });
    await ok(b, 'stories.trash', { id: story.id });
    expect(await ok<PracticeRun[]>(b, 'practice.list', { storyId: story.id })).toHaveLength(1);
    await ok(b, 'stories.deleteForever', { id: story.id });
    expect(await ok<PracticeRun[]>(b, 'practice.list', {})).toHaveLength(0);
  });
});

describe('revision channels', () => {
  it('list the live state and each earlier session, and restore one as a new revision', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', { title: 'History' });
    const draft = { ...emptyDraft('History'), level: null };
    await ok(b, 'stories.save', { id: story.id, sessionId: 'session-aaaa', draft: withAction(draft, 'First version.') });
    await ok(b, 'stories.save', { id: story.id, sessionId: 'session-bbbb', draft: withAction(draft, 'Second version.') });
    await ok(b, 'stories.save', { id: story.id, sessionId: 'session-cccc', draft: withAction(draft, 'Third version.') });

    const before = await ok<StoryRevision[]>(b, 'stories.revisions', { id: story.id });
    expect(before.map((r) => r.draft.sections.action.text)).toEqual(['Third version.', 'Second version.', 'First version.', '']);
    expect(before[0]?.id).toBeNull();
    const first = before.find((r) => r.draft.sections.action.text === 'First version.') as StoryRevision;

    const restored = await ok<Story>(b, 'stories.restoreRevision', { id: story.id, revisionId: first.id });
    expect(restored.sections.action.text).toBe('First version.');
    expect((await ok<Story>(b, 'stories.get', { id: story.id })).sections.action.text).toBe('First version.');
    const after = await ok<StoryRevision[]>(b, 'stories.revisions', { id: story.id });
    // The state it replaced is kept: the restore can itself be undone.
    expect(after.map((r) => r.draft.sections.action.text)).toEqual(['First version.', 'Third version.', 'Second version.', 'First version.', '']);

    const third = after.find((r) => r.id !== null && r.draft.sections.action.text === 'Third version.') as StoryRevision;
    await ok(b, 'stories.restoreRevision', { id: story.id, revisionId: third.id });
    expect((await ok<Story>(b, 'stories.get', { id: story.id })).sections.action.text).toBe('Third version.');
  });

  it('refuse unknown revisions, another story’s revision, and stories in the trash', async () => {
    const b = await open();
    const one = await ok<Story>(b, 'stories.create', { title: 'One' });
    const two = await ok<Story>(b, 'stories.create', { title: 'Two' });
    await ok(b, 'stories.save', { id: one.id, sessionId: 'session-aaaa', draft: withAction(emptyDraft('One'), 'x') });
    await ok(b, 'stories.save', { id: one.id, sessionId: 'session-bbbb', draft: withAction(emptyDraft('One'), 'y') });
    const revision = (await ok<StoryRevision[]>(b, 'stories.revisions', { id: one.id }))[1] as StoryRevision;
    expect(await refused(b, 'stories.restoreRevision', { id: two.id, revisionId: revision.id })).toBe('not-found');
    expect(await refused(b, 'stories.restoreRevision', { id: one.id, revisionId: 999_999 })).toBe('not-found');
    expect(await refused(b, 'stories.restoreRevision', { id: one.id, revisionId: 0 })).toBe('invalid-input');
    expect(await refused(b, 'stories.restoreRevision', { id: one.id, revisionId: null })).toBe('invalid-input');
    await ok(b, 'stories.trash', { id: one.id });
    expect(await refused(b, 'stories.restoreRevision', { id: one.id, revisionId: revision.id })).toBe('conflict');
    expect(await refused(b, 'stories.revisions', { id: 'no-such-story' })).toBe('not-found');
  });
});

describe('sample channels and the default level', () => {
  it('add the samples once, tagged, and remove exactly them', async () => {
    const b = await open();
    const mine = await ok<Story>(b, 'stories.create', { title: 'Mine' });
    await ok(b, 'stories.save', { id: mine.id, sessionId: 'session-aaaa', draft: { ...emptyDraft('Mine'), tags: ['sample'] } });
    const empty = await ok<SamplesState>(b, 'samples.list', {});
    expect(empty.ids).toEqual([]);
    expect(empty.available).toBeGreaterThanOrEqual(4);

    const added = await ok<SamplesState & { added: number }>(b, 'samples.add', {});
    expect(added.added).toBe(empty.available);
    expect(added.ids).toHaveLength(empty.available);
    const samples = await Promise.all(added.ids.map((id) => ok<Story>(b, 'stories.get', { id })));
    for (const story of samples) {
      expect(story.tags).toContain('sample');
      expect(story.title).toMatch(/^Sample: /);
    }
    expect(new Set(samples.flatMap((s) => s.principles.map((p) => p.id))).size).toBeGreaterThanOrEqual(4);
    // The list shows the first sample file on top (newest first).
    const list = await ok<Array<{ title: string }>>(b, 'stories.list', {});
    expect(list[0]?.title).toBe('Sample: Fixed the deploy pipeline nobody owned');

    expect((await ok<{ added: number }>(b, 'samples.add', {})).added).toBe(0);
    await ok(b, 'stories.trash', { id: added.ids[0] });
    expect(await ok<{ removed: number }>(b, 'samples.remove', {})).toEqual({ removed: empty.available });
    const left = await ok<Array<{ id: string }>>(b, 'stories.list', {});
    expect(left.map((s) => s.id)).toEqual([mine.id]);
    expect(await ok<Array<{ id: string }>>(b, 'stories.list', { trash: true })).toEqual([]);
    expect((await ok<SamplesState>(b, 'samples.list', {})).ids).toEqual([]);
  });

  it('start a new story at the default level from Settings', async () => {
    const b = await open();
    expect((await ok<Story>(b, 'stories.create', {})).level).toBeNull();
    await ok(b, 'settings.set', { key: 'stories.defaultLevel', value: 'Principal' });
    expect((await ok<Story>(b, 'stories.create', {})).level).toBe('Principal');
  });
});
