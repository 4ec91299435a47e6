import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend.ts';
import { CHANNEL_NAMES, contract } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { emptyDraft } from '../../../shared/domain/story.ts';
import { tempDir } from '../../support/temp-dir.ts';

async function backend() {
  const b = await createBackend({ dataDir: tempDir(), appVersion: 'test' });
  const counts = () =>
    b.db.prepare("SELECT (SELECT count(*) FROM stories) || ':' || (SELECT count(*) FROM revisions)").pluck().get();
  return { b, counts };
}

describe('the IPC contract', () => {
  it('has a schema for every channel', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(5);
    for (const name of CHANNEL_NAMES) expect(contract[name].input).toBeDefined();
  });

  it('answers a valid call with ok and a value', async () => {
    const { b } = await backend();
    const created = await dispatch(b.handlers, 'stories.create', { title: 'Hello' });
    expect(created.ok).toBe(true);
    const list = await dispatch(b.handlers, 'stories.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ title: 'Hello' }] });
    await b.close();
  });

  it('rejects wrong types, oversize values, extra fields and unknown channels without writing', async () => {
    const { b, counts } = await backend();
    const story = await dispatch(b.handlers, 'stories.create', { title: 'Target' });
    if (!story.ok) throw new Error('create failed');
    const id = (story.value as { id: string }).id;
    const before = counts();
    const draft = emptyDraft('x');
    const bad: Array<[string, unknown]> = [
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, title: 42 } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, title: 'x'.repeat(301) } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, tags: Array(31).fill('t') } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, principles: [{ id: 'telepathy', role: 'primary' }] } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, level: 'Wizard' } }],
      ['stories.save', { id, sessionId: 'session-1234', draft, sneaky: true }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, extra: 1 } }],
      ['stories.save', { id, sessionId: 'session-1234', draft: { ...draft, sections: { ...draft.sections, task: { json: '', text: 'x'.repeat(2_000_001) } } } }],
      ['stories.rename', { id: '../../etc/passwd', title: 'x' }],
      ['stories.create', { title: ['array'] }],
      ['stories.create', null],
      ['stories.trash', {}],
      ['stories.emptyTrash', { everything: true }],
      ['stories.drop', {}],
    ];
    for (const [channel, input] of bad) {
      const result = await dispatch(b.handlers, channel, input);
      expect(result.ok, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(['invalid-input', 'unknown-channel']).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(5);
      }
    }
    expect(counts()).toBe(before);
    await b.close();
  });

  it('turns a handler failure into an error result with the backend’s message', async () => {
    const { b } = await backend();
    const result = await dispatch(b.handlers, 'stories.get', { id: 'no-such-story' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'That story no longer exists.' } });
    await b.close();
  });
});
