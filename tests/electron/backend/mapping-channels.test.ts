import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import { emptyDraft, type Story } from '../../../shared/domain/story.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { LIMITS } from '../../../shared/ipc/schemas.ts';
import { callOk as ok, openTestBackend as open } from '../../support/backend.ts';

/** Every row the mapping channels can write, so a refused call can be shown to have written nothing. */
function snapshot(b: Backend): unknown {
  return {
    stories: b.db.prepare('SELECT id, principles, prompts, updated_at FROM stories ORDER BY seq').all(),
    notes: b.db.prepare('SELECT * FROM probe_notes ORDER BY story_id, probe_id').all(),
    dismissed: b.db.prepare('SELECT * FROM dismissed_suggestions ORDER BY story_id, target_id').all(),
    settings: b.db.prepare('SELECT * FROM settings ORDER BY key').all(),
  };
}

describe('mapping, probe, suggestion, coverage and settings channels', () => {
  it('create a story pre-mapped to a principle and prompt, and save prompts with the draft', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', {
      principles: ['ownership', 'dive-deep', 'ownership'],
      prompts: ['ownership.production-issue'],
    });
    expect(story.principles).toEqual([
      { id: 'ownership', role: 'primary' },
      { id: 'dive-deep', role: 'secondary' },
    ]);
    expect(story.prompts).toEqual(['ownership.production-issue']);
    const draft = { ...emptyDraft('Pre-mapped'), principles: story.principles, prompts: ['dive-deep.root-cause'] };
    await ok(b, 'stories.save', { id: story.id, sessionId: 'session-1234', draft });
    expect((await ok<Story>(b, 'stories.get', { id: story.id })).prompts).toEqual(['dive-deep.root-cause']);
    expect(await ok(b, 'coverage.stories', {})).toMatchObject([
      { id: story.id, title: 'Pre-mapped', principles: story.principles, prompts: ['dive-deep.root-cause'], score: null },
    ]);
  });

  it('save and read probe notes, dismiss and restore suggestions, and get and set targets', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', { title: 'S' });
    const saved = await ok<{ readiness: string }>(b, 'probes.save', {
      storyId: story.id,
      probeId: 'ownership.probe.why-you',
      note: 'The owning team was offline.',
      readiness: 'ready',
    });
    expect(saved.readiness).toBe('ready');
    expect(await ok(b, 'probes.get', { storyId: story.id })).toEqual([
      { probeId: 'ownership.probe.why-you', note: 'The owning team was offline.', readiness: 'ready', updatedAt: expect.any(Number) },
    ]);
    await ok(b, 'suggestions.dismiss', { storyId: story.id, kind: 'principle', id: 'frugality' });
    await ok(b, 'suggestions.dismiss', { storyId: story.id, kind: 'prompt', id: 'frugality.cut-costs' });
    expect(await ok(b, 'suggestions.dismissed', { storyId: story.id })).toEqual({
      principles: ['frugality'],
      prompts: ['frugality.cut-costs'],
    });
    await ok(b, 'suggestions.restore', { storyId: story.id, kind: 'principle', id: 'frugality' });
    expect(await ok(b, 'suggestions.dismissed', { storyId: story.id })).toEqual({ principles: [], prompts: ['frugality.cut-costs'] });

    expect(await ok(b, 'settings.get', { key: 'coverage.targets' })).toEqual({
      storiesPerPrinciple: 2,
      promptsPerPrinciple: 3,
      maxPrinciplesPerStory: 4,
    });
    const targets = { storiesPerPrinciple: 3, promptsPerPrinciple: 1, maxPrinciplesPerStory: 3 };
    await ok(b, 'settings.set', { key: 'coverage.targets', value: targets });
    expect(await ok(b, 'settings.get', { key: 'coverage.targets' })).toEqual(targets);
  });

  it('reject bad input without writing anything', async () => {
    const b = await open();
    const story = await ok<Story>(b, 'stories.create', { title: 'Target', principles: ['ownership'] });
    await ok(b, 'probes.save', { storyId: story.id, probeId: 'ownership.probe.why-you', note: 'kept', readiness: 'gap' });
    const id = story.id;
    const draft = { ...emptyDraft('x'), principles: story.principles };
    const before = snapshot(b);
    const targets = { storiesPerPrinciple: 2, promptsPerPrinciple: 3, maxPrinciplesPerStory: 4 };
    const bad: Array<[string, unknown]> = [
      // Prompts in a draft: format, duplicates, count, type.
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: ['Not An Id'] } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: ['ownership'] } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: ['ownership.x', 'ownership.x'] } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: Array.from({ length: LIMITS.prompts + 1 }, (_, i) => `ownership.p${i}`) } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: [`ownership.${'x'.repeat(200)}`] } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: 'ownership.x' } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, prompts: undefined } }],
      ['stories.create', { prompts: ['../etc'] }],
      ['stories.create', { principles: ['telepathy'] }],
      // Probe notes.
      ['probes.save', { storyId: id, probeId: 'ownership.probe.why-you', note: 'x'.repeat(LIMITS.probeNoteLength + 1), readiness: 'ready' }],
      ['probes.save', { storyId: id, probeId: 'ownership.probe.why-you', note: 'x', readiness: 'maybe' }],
      ['probes.save', { storyId: id, probeId: 'DROP TABLE', note: 'x', readiness: 'ready' }],
      ['probes.save', { storyId: id, probeId: 'ownership.probe.why-you', note: 'x' }],
      ['probes.save', { storyId: id, probeId: 'ownership.probe.why-you', note: 'x', readiness: 'ready', extra: 1 }],
      ['probes.save', { storyId: '../../x', probeId: 'ownership.probe.why-you', note: 'x', readiness: 'ready' }],
      ['probes.get', { storyId: 42 }],
      // Suggestions.
      ['suggestions.dismiss', { storyId: id, kind: 'principle', id: 'telepathy' }],
      ['suggestions.dismiss', { storyId: id, kind: 'prompt', id: 'No Such Format' }],
      ['suggestions.dismiss', { storyId: id, kind: 'tag', id: 'x' }],
      ['suggestions.dismiss', { storyId: id, kind: 'principle', id: 'frugality', extra: true }],
      ['suggestions.restore', { storyId: id, kind: 'principle' }],
      // Coverage and settings.
      ['coverage.stories', { all: true }],
      ['settings.get', { key: 'theme' }],
      ['settings.get', { key: '__proto__' }],
      ['settings.set', { key: 'coverage.targets', value: { ...targets, storiesPerPrinciple: 0 } }],
      ['settings.set', { key: 'coverage.targets', value: { ...targets, maxPrinciplesPerStory: 1.5 } }],
      ['settings.set', { key: 'coverage.targets', value: { ...targets, sneaky: 1 } }],
      ['settings.set', { key: 'coverage.targets', value: 'big' }],
      ['settings.set', { key: 'theme', value: 'dark' }],
      ['settings.set', { key: 'coverage.targets' }],
    ];
    for (const [channel, input] of bad) {
      const result = await dispatch(b.handlers, channel, input);
      expect(result.ok, `${channel} ${JSON.stringify(input).slice(0, 100)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-input');
    }
    expect(snapshot(b)).toEqual(before);
  });

  it('answer not-found for a story that does not exist, and refuse writes to a story in the trash', async () => {
    const b = await open();
    expect(await dispatch(b.handlers, 'probes.get', { storyId: 'missing-story' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const story = await ok<Story>(b, 'stories.create', { title: 'Soon trashed' });
    await ok(b, 'stories.trash', { id: story.id });
    const before = snapshot(b);
    const result = await dispatch(b.handlers, 'probes.save', {
      storyId: story.id,
      probeId: 'ownership.probe.why-you',
      note: 'x',
      readiness: 'ready',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok(b, 'coverage.stories', {})).toMatchObject([]);
    expect(snapshot(b)).toEqual(before);
  });
});
