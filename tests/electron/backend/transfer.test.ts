import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend.ts';
import { DATABASE_FILE } from '../../../electron/backend/data-dir.ts';
import { findChromium } from '../../../electron/backend/prep-sheet/chromium-pdf.ts';
import { stagedSheet } from '../../../electron/backend/prep-sheet/staged-sheets.ts';
import type { StoryRevision } from '../../../shared/domain/revision.ts';
import type { Story, StoryDraft } from '../../../shared/domain/story.ts';
import type { BackupExport, PrintAnswer, SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import type { SavedLoop } from '../../../shared/ipc/loop-channels.ts';
import { LOOP_TEMPLATES, loopFromTemplate } from '../../../shared/loop/loop.ts';
import { buildPrepSheet } from '../../../shared/prep-sheet/index.ts';
import { printStoryMarkdown } from '../../../shared/story-format/story-markdown.ts';
import { parseBackup } from '../../../shared/transfer/backup.ts';
import type { ImportFile, ImportOutcome, ImportPreview } from '../../../shared/transfer/import-files.ts';
import type { MarkdownFile } from '../../../shared/transfer/markdown-files.ts';
import { contentDumpOf, fullDumpOf } from '../../support/bank-dump.ts';
import { SAMPLE_STORIES, sampleDrafts } from '../../support/sample-stories.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { callOk as ok, callRefused as refused, openTestBackend as open } from '../../support/backend.ts';
import { framework, options, rubric } from '../../shared/prep-sheet/fixture.ts';

/** A bank with the three sample stories and everything kept about them: notes, ignored findings, dismissals, runs, settings, trash. */
async function seededBank(): Promise<{ backend: Backend; stories: Story[] }> {
  const b = await open();
  const stories: Story[] = [];
  for (const [i, draft] of sampleDrafts().entries()) {
    const created = await ok<Story>(b, 'stories.create', {});
    await ok(b, 'stories.save', { id: created.id, sessionId: `session-seed-${i}`, draft });
    stories.push(await ok<Story>(b, 'stories.get', { id: created.id }));
  }
  const [first, second, third] = stories as [Story, Story, Story];
  await ok(b, 'probes.save', { storyId: first.id, probeId: 'customer-obsession.probe.how-measured', note: 'Per issuer, from gateway logs.', readiness: 'ready' });
  await ok(b, 'probes.save', { storyId: first.id, probeId: 'dive-deep.probe.numbers', note: '', readiness: 'gap' });
  await ok(b, 'lint.suppress', { storyId: second.id, suppression: { ruleId: 'missing-metric', section: 'result', fingerprint: 'fingerprint-1', reason: 'Stated elsewhere.' } });
  await ok(b, 'suggestions.dismiss', { storyId: second.id, kind: 'principle', id: 'dive-deep' });
  await ok(b, 'suggestions.dismiss', { storyId: first.id, kind: 'prompt', id: 'ownership.production-issue' });
  await ok(b, 'practice.log', { storyId: first.id, promptId: null, sections: { situation: 25, task: 15, action: 80, result: 20, reflection: 10 }, rating: 4 });
  await ok(b, 'settings.set', { key: 'lint.pace', value: 135 });
  await ok(b, 'settings.set', { key: 'coverage.targets', value: { storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 4 } });
  await ok(b, 'stories.trash', { id: third.id });
  const loop = loopFromTemplate(LOOP_TEMPLATES[0]!, 'Senior', 'Acme onsite');
  await ok(b, 'loops.create', { loop, pins: [{ interviewer: 0, principle: 'ownership', storyId: first.id }], bans: [second.id] });
  await ok(b, 'loops.create', { loop: { ...loop, name: 'Phone screen', interviewers: [{ name: 'Recruiter', principles: ['customer-obsession'] }] } });
  return { backend: b, stories: await Promise.all(stories.map((s) => ok<Story>(b, 'stories.get', { id: s.id }))) };
}

function markdownInputs(files: MarkdownFile[]): ImportFile[] {
  return files.map((f) => ({ name: f.name, content: f.content }));
}

function draftOf(story: Story): StoryDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...draft } = story;
  return draft;
}

describe('the JSON backup', () => {
  it('is validated by the backup schema and holds every story, the trash included, with all that is kept about it', async () => {
    const { backend, stories } = await seededBank();
    const exported = await ok<BackupExport>(backend, 'transfer.exportBackup', {});
    expect(exported.fileName).toMatch(/^story-bank-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.stories).toBe(3);
    const parsed = parseBackup(exported.content);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const byId = new Map(parsed.backup.stories.map((s) => [s.id, s]));
    expect(byId.get(stories[2]!.id)!.deletedAt).not.toBeNull();
    expect(byId.get(stories[0]!.id)!.sections.action.json).toBe(stories[0]!.sections.action.json);
    expect(byId.get(stories[0]!.id)!.probeNotes.map((n) => [n.probeId, n.note, n.readiness])).toEqual([
      ['customer-obsession.probe.how-measured', 'Per issuer, from gateway logs.', 'ready'],
      ['dive-deep.probe.numbers', '', 'gap'],
    ]);
    expect(byId.get(stories[1]!.id)!.suppressions).toMatchObject([{ ruleId: 'missing-metric', fingerprint: 'fingerprint-1', reason: 'Stated elsewhere.' }]);
    expect(byId.get(stories[1]!.id)!.dismissedSuggestions).toMatchObject([{ kind: 'principle', id: 'dive-deep' }]);
    expect(byId.get(stories[0]!.id)!.practiceRuns).toMatchObject([{ rating: 4, totalSeconds: 150 }]);
    expect(parsed.backup.settings).toEqual({ 'lint.pace': 135, 'coverage.targets': { storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 4 } });
    expect(parsed.backup.loops.map((l) => l.loop.name)).toEqual(['Acme onsite', 'Phone screen']);
    expect(parsed.backup.loops[0]).toMatchObject({ pins: [{ interviewer: 0, principle: 'ownership', storyId: stories[0]!.id }], bans: [stories[1]!.id] });
  });

  it('round-trips: imported into an empty bank, it gives the same bank', async () => {
    const { backend: a } = await seededBank();
    const exported = await ok<BackupExport>(a, 'transfer.exportBackup', {});
    const b = await open();
    const files = [{ name: exported.fileName, content: exported.content }];
    const preview = await ok<ImportPreview>(b, 'transfer.previewImport', { files });
    expect(preview).toMatchObject({ kind: 'backup', problems: [], counts: { add: 3, replace: 0, unchanged: 0 } });
    expect(preview.settings).toEqual([
      { key: 'coverage.targets', action: 'add' },
      { key: 'lint.pace', action: 'add' },
    ]);
    expect(preview.loops).toEqual([
      { name: 'Acme onsite', action: 'add' },
      { name: 'Phone screen', action: 'add' },
    ]);
    const outcome = await ok<ImportOutcome>(b, 'transfer.applyImport', { files });
    expect(outcome).toMatchObject({ added: 3, replaced: 0, unchanged: 0, settingsChanged: 2, loopsChanged: 2 });
    expect(await ok<SavedLoop[]>(b, 'loops.list', {})).toEqual(await ok<SavedLoop[]>(a, 'loops.list', {}));
    expect(contentDumpOf(b.db)).toEqual(contentDumpOf(a.db));
    // Search works on what was imported (the full-text index is kept by the same triggers).
    expect((await ok<Array<{ title: string }>>(b, 'stories.list', { query: 'retry storm' })).map((s) => s.title)).toEqual([
      'Cut checkout timeouts during the holiday sale',
    ]);
  });

  it('imported into the bank it came from, changes nothing at all', async () => {
    const { backend: a } = await seededBank();
    const exported = await ok<BackupExport>(a, 'transfer.exportBackup', {});
    const before = fullDumpOf(a.db);
    const files = [{ name: exported.fileName, content: exported.content }];
    const preview = await ok<ImportPreview>(a, 'transfer.previewImport', { files });
    expect(preview.counts).toEqual({ add: 0, replace: 0, unchanged: 3 });
    expect(preview.settings.every((s) => s.action === 'unchanged')).toBe(true);
    expect(preview.loops.map((l) => l.action)).toEqual(['unchanged', 'unchanged']);
    expect(await ok<ImportOutcome>(a, 'transfer.applyImport', { files })).toMatchObject({ added: 0, replaced: 0, unchanged: 3, settingsChanged: 0, loopsChanged: 0 });
    expect(fullDumpOf(a.db)).toEqual(before);
  });

  it('replaces a story with the same id, keeping the replaced text as a revision', async () => {
    const { backend: a, stories } = await seededBank();
    const exported = await ok<BackupExport>(a, 'transfer.exportBackup', {});
    const first = stories[0]!;
    // After the backup, the story changes in the bank; importing the backup brings the backed-up version back.
    await ok(a, 'stories.save', { id: first.id, sessionId: 'session-later-1', draft: { ...draftOf(first), title: 'Retitled later' } });
    await ok(a, 'probes.save', { storyId: first.id, probeId: 'customer-obsession.probe.how-measured', note: 'Changed later.', readiness: 'partial' });
    const files = [{ name: 'backup.json', content: exported.content }];
    const preview = await ok<ImportPreview>(a, 'transfer.previewImport', { files });
    expect(preview.items.find((i) => i.existing?.id === first.id)).toMatchObject({ action: 'replace', match: 'id', title: first.title, existing: { title: 'Retitled later' } });
    expect(preview.counts).toEqual({ add: 0, replace: 1, unchanged: 2 });
    await ok(a, 'transfer.applyImport', { files });
    const back = await ok<Story>(a, 'stories.get', { id: first.id });
    expect(back.title).toBe(first.title);
    expect(back.updatedAt).toBe(first.updatedAt);
    expect((await ok<Array<{ note: string }>>(a, 'probes.get', { storyId: first.id })).map((n) => n.note)).toContain('Per issuer, from gateway logs.');
    const history = await ok<StoryRevision[]>(a, 'stories.revisions', { id: first.id });
    expect(history.some((r) => r.draft.title === 'Retitled later')).toBe(true);
  });
});

describe('Markdown export and import', () => {
  it('exports one file per story outside the trash, in the story format', async () => {
    const { backend, stories } = await seededBank();
    const { files } = await ok<{ files: MarkdownFile[] }>(backend, 'transfer.exportMarkdown', {});
    expect(files.map((f) => f.storyId).sort()).toEqual([stories[0]!.id, stories[1]!.id].sort());
    for (const f of files) {
      const story = stories.find((s) => s.id === f.storyId)!;
      expect(f.content).toBe(printStoryMarkdown(draftOf(story)));
    }
    const chosen = await ok<{ files: MarkdownFile[] }>(backend, 'transfer.exportMarkdown', { ids: [stories[2]!.id] });
    expect(chosen.files).toHaveLength(1);
    expect((await refused(backend, 'transfer.exportMarkdown', { ids: ['no-such-story-0000'] })).code).toBe('not-found');
  });

  it('round-trips into an empty bank: the same stories, text and mappings', async () => {
    const { backend: a } = await seededBank();
    const { files } = await ok<{ files: MarkdownFile[] }>(a, 'transfer.exportMarkdown', {});
    const b = await open();
    expect(await ok<ImportOutcome>(b, 'transfer.applyImport', { files: markdownInputs(files) })).toMatchObject({ added: 2, replaced: 0 });
    const content = (db: Backend['db']) =>
      db
        .prepare(
          `SELECT s.title, s.context, s.level, s.principles, s.prompts, s.tags, group_concat(x.json, '|') AS json, group_concat(x.text, '|') AS text
           FROM stories s JOIN story_sections x ON x.story_seq = s.seq WHERE s.deleted_at IS NULL GROUP BY s.seq ORDER BY s.title`,
        )
        .all();
    expect(content(b.db)).toEqual(content(a.db));
  });

  it('imported into the bank it came from, changes nothing at all', async () => {
    const { backend: a } = await seededBank();
    const { files } = await ok<{ files: MarkdownFile[] }>(a, 'transfer.exportMarkdown', {});
    const before = fullDumpOf(a.db);
    const preview = await ok<ImportPreview>(a, 'transfer.previewImport', { files: markdownInputs(files) });
    expect(preview.items.map((i) => [i.action, i.match])).toEqual([
      ['unchanged', 'title'],
      ['unchanged', 'title'],
    ]);
    await ok(a, 'transfer.applyImport', { files: markdownInputs(files) });
    expect(fullDumpOf(a.db)).toEqual(before);
  });

  it('replaces the story with the same title, keeping its notes and the old text as a revision', async () => {
    const { backend: a, stories } = await seededBank();
    const first = stories[0]!;
    const edited = SAMPLE_STORIES[0]!.markdown.replace('Checkout timeouts fell from 6% to 0.4%', 'Checkout timeouts fell from 6% to 0.2%');
    const files = [{ name: 'checkout.md', content: edited.replace('title: Cut checkout', 'title: CUT checkout') }];
    const preview = await ok<ImportPreview>(a, 'transfer.previewImport', { files });
    expect(preview.items).toMatchObject([{ action: 'replace', match: 'title', existing: { id: first.id } }]);
    await ok(a, 'transfer.applyImport', { files });
    const after = await ok<Story>(a, 'stories.get', { id: first.id });
    expect(after.sections.result.text).toContain('0.2%');
    expect(after.title).toBe('CUT checkout timeouts during the holiday sale');
    expect((await ok<unknown[]>(a, 'probes.get', { storyId: first.id })).length).toBe(2);
    const history = await ok<StoryRevision[]>(a, 'stories.revisions', { id: first.id });
    expect(history.some((r) => r.draft.sections.result.text.includes('0.4%'))).toBe(true);
  });

  it('adds a story as new when several stories share its title, or another file already replaces it', async () => {
    const { backend: a, stories } = await seededBank();
    await ok(a, 'stories.duplicate', { id: stories[1]!.id });
    await ok(a, 'stories.rename', { id: (await ok<Array<{ id: string; title: string }>>(a, 'stories.list', {})).find((s) => s.title.endsWith('(copy)'))!.id, title: stories[1]!.title });
    const twice = { name: 'ci.md', content: SAMPLE_STORIES[1]!.markdown.replace('9 minutes', '8 minutes') };
    expect((await ok<ImportPreview>(a, 'transfer.previewImport', { files: [twice] })).items[0]).toMatchObject({ action: 'add', note: expect.stringContaining('2 stories in the bank already have this title') });
    const edited = SAMPLE_STORIES[0]!.markdown.replace('0.4%', '0.3%');
    const items = (await ok<ImportPreview>(a, 'transfer.previewImport', { files: [{ name: 'one.md', content: edited }, { name: 'two.md', content: edited.replace('0.3%', '0.1%') }] })).items;
    expect(items.map((i) => i.action)).toEqual(['replace', 'add']);
    expect(items[1]!.note).toContain('one.md already replaces');
  });
});

describe('a bad import', () => {
  it('is refused whole, naming the file and the problem, and changes nothing', async () => {
    const { backend: a } = await seededBank();
    const before = fullDumpOf(a.db);
    const files = [
      { name: 'fine.md', content: SAMPLE_STORIES[0]!.markdown.replace('title: Cut', 'title: Also cut') },
      { name: 'broken.md', content: '---\ntitle: Broken\nlevel: Wizard\n---\n\n## Situation\n\nText.\n' },
    ];
    const preview = await ok<ImportPreview>(a, 'transfer.previewImport', { files });
    expect(preview.items).toEqual([]);
    expect(preview.problems).toEqual([{ file: 'broken.md', line: 3, message: expect.stringContaining('level "Wizard" is not one of') }]);
    const error = await refused(a, 'transfer.applyImport', { files });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^Nothing was imported\. broken\.md, line 3: level "Wizard"/);
    expect(fullDumpOf(a.db)).toEqual(before);
  });

  it('is refused whole when a backup does not validate, and changes nothing', async () => {
    const { backend: a } = await seededBank();
    const exported = await ok<BackupExport>(a, 'transfer.exportBackup', {});
    const data = JSON.parse(exported.content) as { stories: Array<{ title: string; probeNotes: Array<{ readiness: string }> }> };
    data.stories[0]!.title = 'Changed';
    data.stories[1]!.probeNotes = [{ readiness: 'maybe' } as never];
    const before = fullDumpOf(a.db);
    const error = await refused(a, 'transfer.applyImport', { files: [{ name: 'edited.json', content: JSON.stringify(data) }] });
    expect(error.message).toMatch(/edited\.json, at stories\[1\]\.probeNotes\[0\]/);
    expect(fullDumpOf(a.db)).toEqual(before);
  });

  it('rolls back everything when the database refuses a row part-way through', async () => {
    const dir = tempDir();
    const a = await open(dir);
    a.db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON stories WHEN new.title = 'Boom' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;`);
    const before = fullDumpOf(a.db);
    const files = [
      ...SAMPLE_STORIES.map((s, i) => ({ name: `ok-${i}.md`, content: s.markdown })),
      { name: 'boom.md', content: '---\ntitle: Boom\n---\n\n## Situation\n\nText.\n' },
    ];
    const error = await refused(a, 'transfer.applyImport', { files });
    expect(error.message).toContain('refused by test');
    expect(fullDumpOf(a.db)).toEqual(before);
    expect(path.basename(a.db.name)).toBe(DATABASE_FILE);
  });
});

describe('prep sheet channels', () => {
  it('read stories with their probe notes and ignored findings, in the order asked', async () => {
    const { backend, stories } = await seededBank();
    const records = await ok<SheetStoryRecord[]>(backend, 'prepSheet.stories', { ids: [stories[1]!.id, stories[0]!.id] });
    expect(records.map((r) => r.story.id)).toEqual([stories[1]!.id, stories[0]!.id]);
    expect(records[0]!.suppressions).toEqual([{ ruleId: 'missing-metric', section: 'result', fingerprint: 'fingerprint-1', reason: 'Stated elsewhere.' }]);
    expect(records[1]!.probeNotes).toHaveLength(2);
    expect((await refused(backend, 'prepSheet.stories', { ids: Array.from({ length: 51 }, (_, i) => `story-id-${String(i).padStart(4, '0')}`) })).code).toBe('invalid-input');
  });

  it('print only HTML that starts with the sheet policy', async () => {
    const { backend } = await seededBank();
    const html = '<!DOCTYPE html><html><body><script>alert(1)</script>';
    for (const [channel, input] of [['prepSheet.pdf', { html, paper: 'a4' }], ['prepSheet.print', { html }]] as const) {
      const error = await refused(backend, channel, input);
      expect(error).toEqual({ code: 'invalid-input', message: 'Only a prep sheet made by Story Bank can be printed here.' });
    }
  });

  it('stage a sheet for the browser to print, at a one-off address', async () => {
    const { backend, stories } = await seededBank();
    const records = await ok<SheetStoryRecord[]>(backend, 'prepSheet.stories', { ids: [stories[0]!.id] });
    const html = buildPrepSheet({ stories: records, framework, rubric, options: options() });
    const answer = await ok<PrintAnswer>(backend, 'prepSheet.print', { html });
    expect(answer.mode).toBe('browser');
    if (answer.mode !== 'browser') return;
    expect(answer.url).toMatch(/^\/prep-sheets\/[A-Za-z0-9_-]{32}$/);
    expect(stagedSheet(answer.url.slice('/prep-sheets/'.length))).toBe(html);
    expect(stagedSheet('A'.repeat(32))).toBeNull();
  });

  it.skipIf(findChromium() === null)('make a PDF with the Chromium on this machine', async () => {
    const { backend, stories } = await seededBank();
    const records = await ok<SheetStoryRecord[]>(backend, 'prepSheet.stories', { ids: [stories[0]!.id, stories[1]!.id] });
    const html = buildPrepSheet({ stories: records, framework, rubric, options: options({ paper: 'letter' }) });
    const { pdfBase64, bytes } = await ok<{ pdfBase64: string; bytes: number }>(backend, 'prepSheet.pdf', { html, paper: 'letter' });
    const pdf = Buffer.from(pdfBase64, 'base64');
    expect(pdf.length).toBe(bytes);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('loops in the JSON backup', () => {
  it('puts back a loop edited or deleted since the backup, and reads a backup from before loops as having none', async () => {
    const { backend: a } = await seededBank();
    const exported = await ok<BackupExport>(a, 'transfer.exportBackup', {});
    const files = [{ name: exported.fileName, content: exported.content }];
    const [onsite, phone] = await ok<SavedLoop[]>(a, 'loops.list', {}).then((list) => list.sort((x, y) => x.createdAt - y.createdAt));
    await ok(a, 'loops.save', { id: onsite!.id, loop: { ...onsite!.loop, name: 'Renamed' }, pins: [], bans: [] });
    await ok(a, 'loops.delete', { id: phone!.id });
    const preview = await ok<ImportPreview>(a, 'transfer.previewImport', { files });
    expect(preview.loops).toEqual([
      { name: 'Acme onsite', action: 'replace' },
      { name: 'Phone screen', action: 'add' },
    ]);
    expect(await ok<ImportOutcome>(a, 'transfer.applyImport', { files })).toMatchObject({ loopsChanged: 2 });
    const back = await ok<SavedLoop[]>(a, 'loops.list', {});
    expect(back.find((l) => l.id === onsite!.id)).toEqual(onsite);
    expect(back.find((l) => l.id === phone!.id)).toEqual(phone);

    const old = JSON.parse(exported.content) as Record<string, unknown>;
    delete old.loops;
    const parsed = parseBackup(JSON.stringify(old));
    expect(parsed.ok && parsed.backup.loops).toEqual([]);
  });

  it('refuses a backup whose loop would not pass a save, naming the loop field, and imports nothing', async () => {
    const { backend: a } = await seededBank();
    const exported = await ok<BackupExport>(a, 'transfer.exportBackup', {});
    const data = JSON.parse(exported.content) as { loops: Array<{ loop: { interviewers: Array<{ principles: string[] }> } }> };
    data.loops[0]!.loop.interviewers[0]!.principles = ['owner-ship'];
    const b = await open();
    const files = [{ name: 'bad.json', content: JSON.stringify(data) }];
    const error = await refused(b, 'transfer.applyImport', { files });
    expect(error.message).toMatch(/loops\[0\]\.loop\.interviewers\[0\]\.principles\[0\].*"owner-ship" is not a principle id/);
    expect(await ok<SavedLoop[]>(b, 'loops.list', {})).toEqual([]);
    expect(await ok<unknown[]>(b, 'stories.list', {})).toEqual([]);
  });
});
