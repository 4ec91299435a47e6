import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend.ts';
import { openStoryDatabase } from '../../../electron/backend/database.ts';
import { checkIntegrityInBackground } from '../../../electron/backend/integrity-check.ts';
import { createStoriesRepository } from '../../../electron/backend/stories-repository.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('the background integrity check', () => {
  it('passes a healthy database and reports it through app.info', async () => {
    const backend = await createBackend({ dataDir: tempDir(), appVersion: 'test' });
    expect(await backend.integrity).toEqual({ ok: true });
    expect(backend.handlers['app.info']({})).toMatchObject({ integrity: 'ok' });
    await backend.close();
  });

  it('finds damage in a database whose pages were overwritten', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const { db } = await openStoryDatabase(file);
    const repo = createStoriesRepository(db);
    for (let i = 0; i < 200; i++) repo.create(draftWith(`Story ${i}`, { action: 'I did a thing. '.repeat(50) }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over a few interior pages, leaving the header intact so the file still opens.
    for (let page = 3; page < 12; page++) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
    fs.writeFileSync(file, bytes);
    const verdict = await checkIntegrityInBackground(file).verdict;
    expect(verdict.ok).toBe(false);
  });
});
