import { describe, expect, it } from 'vitest';
import type { Story } from '../../../shared/domain/story.ts';
import type { SavedLoop } from '../../../shared/ipc/loop-channels.ts';
import { LOOP_TEMPLATES, loopFromTemplate, type Loop } from '../../../shared/loop/loop.ts';
import { callOk as ok, callRefused as refused, openTestBackend as open } from '../../support/backend.ts';
import { tempDir } from '../../support/temp-dir.ts';

const onsite = (): Loop => loopFromTemplate(LOOP_TEMPLATES[0]!, 'Senior', 'Acme onsite');

describe('loop channels', () => {
  it('create, list newest edit first, get, save and delete loops, kept across a restart', async () => {
    const dir = tempDir();
    let b = await open(dir);
    const story = await ok<Story>(b, 'stories.create', { title: 'Retry layer' });
    const first = await ok<SavedLoop>(b, 'loops.create', { loop: onsite() });
    expect(first).toMatchObject({ loop: { name: 'Acme onsite', level: 'Senior', date: null }, pins: [], bans: [] });
    expect(first.createdAt).toBe(first.updatedAt);
    const second = await ok<SavedLoop>(b, 'loops.create', { loop: { ...onsite(), name: 'Phone screen', interviewers: [{ name: 'Recruiter', principles: ['ownership'] }] } });
    expect(second.loop.interviewers[0]).toEqual({ name: 'Recruiter', principles: ['ownership'], barRaiser: false, shareStories: false });

    const pins = [{ interviewer: 0, principle: 'ownership', storyId: story.id }];
    const saved = await ok<SavedLoop>(b, 'loops.save', { id: first.id, loop: { ...onsite(), date: '2027-01-15' }, pins, bans: [] });
    expect(saved).toMatchObject({ id: first.id, createdAt: first.createdAt, pins, loop: { date: '2027-01-15' } });
    expect((await ok<SavedLoop[]>(b, 'loops.list', {})).map((l) => l.id)).toEqual([first.id, second.id]);

    await b.close();
    b = await open(dir);
    expect(await ok<SavedLoop>(b, 'loops.get', { id: first.id })).toEqual(saved);
    await ok(b, 'loops.delete', { id: second.id });
    expect((await ok<SavedLoop[]>(b, 'loops.list', {})).map((l) => l.id)).toEqual([first.id]);
    expect((await refused(b, 'loops.get', { id: second.id })).code).toBe('not-found');
    expect((await refused(b, 'loops.save', { id: second.id, loop: onsite() })).code).toBe('not-found');
    await b.close();
  });

  it('refuse a bad loop with a message naming what is wrong, and write nothing', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', { title: 'One' });
    const loop = onsite();
    const cases: Array<[unknown, RegExp]> = [
      [{ loop: { ...loop, interviewers: [] } }, /at least one interviewer/],
      [{ loop: { ...loop, interviewers: [{ name: 'A', principles: ['owner-ship'] }] } }, /"owner-ship" is not a principle id/],
      [{ loop: { ...loop, interviewers: [{ name: 'A', principles: ['ownership'] }, { name: 'a', principles: ['dive-deep'] }] } }, /names must differ/],
      [{ loop: { ...loop, level: 'L9' } }, /must be one of/],
      [{ loop, pins: [{ interviewer: 7, principle: 'ownership', storyId: story.id }] }, /no interviewer 8/],
      [{ loop, pins: [{ interviewer: 0, principle: 'frugality', storyId: story.id }] }, /Hiring manager does not hold "frugality"/],
      [{ loop, pins: [0, 1].map(() => ({ interviewer: 0, principle: 'ownership', storyId: story.id })) }, /Two pins are on Hiring manager's "ownership"/],
      [{ loop, bans: [story.id, story.id] }, /banned twice/],
      [{ loop, extra: true }, /./],
    ];
    for (const [input, message] of cases) {
      const error = await refused(b, 'loops.create', input);
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('invalid-input');
      expect(error.message).toMatch(message);
    }
    expect(await ok<SavedLoop[]>(b, 'loops.list', {})).toEqual([]);
    await b.close();
  });

  it('skips a stored loop that no longer passes the schema instead of failing the list', async () => {
    const b = await open();
    const kept = await ok<SavedLoop>(b, 'loops.create', { loop: onsite() });
    b.db.prepare("INSERT INTO loops (id, body, created_at, updated_at) VALUES ('hand-edited-1', '{\"loop\":{}}', 1, 1)").run();
    expect((await ok<SavedLoop[]>(b, 'loops.list', {})).map((l) => l.id)).toEqual([kept.id]);
    expect((await refused(b, 'loops.get', { id: 'hand-edited-1' })).code).toBe('not-found');
    await b.close();
  });
});
