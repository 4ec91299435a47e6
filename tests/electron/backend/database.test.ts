import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError, openStoryDatabase } from '../../../electron/backend/database.ts';
import { latestVersion, MIGRATIONS } from '../../../electron/backend/migrations/index.ts';
import type { Migration } from '../../../electron/backend/migrations/types.ts';
import { createMappingsRepository } from '../../../electron/backend/mappings-repository.ts';
import { createStoriesRepository } from '../../../electron/backend/stories-repository.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the story database', () => {
  it('creates a new database at the latest schema with durable settings', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const { db, readOnlyReason, foundVersion } = await openStoryDatabase(file);
    expect(readOnlyReason).toBeNull();
    expect(foundVersion).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['stories', 'story_sections', 'story_fts', 'revisions', 'settings']));
    const strict = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'stories'").pluck().get() as string;
    expect(strict).toMatch(/\)\s*STRICT$/);
    db.close();
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => [m.version] as const))(
    'migrates a database from version %i to the latest, keeping its stories and backing it up first',
    async (from) => {
      const dir = tempDir();
      const file = path.join(dir, 'bank.sqlite');
      const older = MIGRATIONS.filter((m) => m.version <= from);
      const first = await openStoryDatabase(file, { migrations: older });
      first.db.exec(`INSERT INTO stories (seq, id, title, created_at, updated_at) VALUES (1, 'story-0001', 'Old one', 1, 1);
        INSERT INTO story_sections (id, story_seq, section, text) VALUES (8, 1, 0, 'legacy words');`);
      first.db.close();

      const backups = path.join(dir, 'backups');
      const { db, foundVersion } = await openStoryDatabase(file, { backupDir: backups });
      expect(foundVersion).toBe(from);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      const repo = createStoriesRepository(db);
      expect(repo.get('story-0001').title).toBe('Old one');
      // Columns added since then read as empty for a story written before them.
      expect(repo.get('story-0001').prompts).toEqual([]);
      expect(repo.list({ query: 'legacy' }).map((s) => s.id)).toEqual(['story-0001']);
      const copies = fs.readdirSync(backups);
      expect(copies).toHaveLength(1);
      const copy = new Database(path.join(backups, copies[0] as string), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(from);
      expect(copy.prepare('SELECT title FROM stories').pluck().get()).toBe('Old one');
      copy.close();
      db.close();
    },
  );

  it('keeps a mapped story written before migration 0050 and lets it gain prompts and probe notes', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const before = MIGRATIONS.filter((m) => m.version < 50);
    const first = await openStoryDatabase(file, { migrations: before });
    // Written as the older app did: its stories table has no prompts column yet.
    first.db.exec(`INSERT INTO stories (seq, id, title, principles, tags, created_at, updated_at)
      VALUES (1, 'story-0050', 'Mapped before', '[{"id":"ownership","role":"primary"}]', '["oncall"]', 1, 1)`);
    first.db.close();

    const { db, foundVersion } = await openStoryDatabase(file);
    expect(foundVersion).toBe(before.at(-1)?.version);
    const repo = createStoriesRepository(db);
    const story = repo.get('story-0050');
    expect(story).toMatchObject({
      title: 'Mapped before',
      principles: [{ id: 'ownership', role: 'primary' }],
      tags: ['oncall'],
      prompts: [],
    });
    repo.save('story-0050', 'session-after', { ...story, prompts: ['ownership.production-issue'] });
    expect(repo.get('story-0050').prompts).toEqual(['ownership.production-issue']);
    const mappings = createMappingsRepository(db);
    mappings.saveProbeNote('story-0050', 'ownership.probe.why-you', { note: 'ready', readiness: 'ready' });
    expect(mappings.probeNotes('story-0050')).toHaveLength(1);
    expect(mappings.coverageStories().map((s) => s.id)).toEqual(['story-0050']);
    const strict = db.prepare("SELECT sql FROM sqlite_schema WHERE name IN ('probe_notes', 'dismissed_suggestions')").pluck().all();
    expect(strict).toHaveLength(2);
    for (const sql of strict) expect(sql).toMatch(/STRICT/);
    db.close();
  });

  it('ends an editing session left open at version 80 when it upgrades, so the story is listed and found', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const first = await openStoryDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 80) });
    // Written as that version's repository did (this one needs the columns the upgrade adds). The app crashed
    // during an autosave session: story 2 is still listed as being edited, so it is out of the search index.
    first.db.exec(`
      INSERT INTO stories (seq, id, title, created_at, updated_at) VALUES
        (1, 'story-older', 'Older', 1, 1000), (2, 'story-edited', 'Edited', 1, 2000), (3, 'story-newest', 'Newest', 1, 3000);
      INSERT INTO story_sections (id, story_seq, section, text) VALUES (18, 2, 2, 'I moved the billing cron.');
      INSERT INTO story_search_editing (seq) VALUES (2);
      UPDATE stories SET title = 'Edited at last', updated_at = 4000 WHERE seq = 2;`);
    expect(first.db.prepare('SELECT count(*) FROM story_fts').pluck().get()).toBe(2);
    first.db.close();

    const { db } = await openStoryDatabase(file);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'story_search_editing'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM story_fts').pluck().get()).toBe(3);
    const repo = createStoriesRepository(db);
    expect(repo.list({}).map((s) => s.title)).toEqual(['Edited at last', 'Newest', 'Older']);
    expect(repo.list({ query: 'billing' }).map((s) => s.id)).toEqual(['story-edited']);
    db.close();
  });

  it('brings a version-90 bank with a story mid-session back to one index without losing a word', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const first = await openStoryDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) });
    // As that version's repository left it when the app died during an autosave session: story 2 is listed as being
    // edited (out of story_fts, its live edit time only in the listing), and its autosaves since then wrote the
    // title and a new section text that no index holds yet.
    first.db.exec(`
      INSERT INTO stories (seq, id, title, created_at, updated_at, session_id) VALUES
        (1, 'story-older', 'Older', 1, 1000, 'a'), (2, 'story-edited', 'Edited', 1, 2000, 'b'),
        (3, 'story-newest', 'Newest', 1, 3000, 'c');
      INSERT INTO story_sections (id, story_seq, section, text) VALUES (8, 1, 0, 'A quiet quarter.'), (18, 2, 2, 'I moved the billing cron.');
      INSERT INTO story_search_editing (seq, updated_at, session_id) VALUES (2, 2000, 'live');
      UPDATE story_sections SET text = 'I moved the billing cron and halved the invoice latency.' WHERE id = 18;
      INSERT INTO story_sections (id, story_seq, section, text) VALUES (19, 2, 3, 'Refunds dropped by a third.');
      UPDATE stories SET title = 'Edited at last', session_id = 'live' WHERE seq = 2;
      UPDATE story_search_editing SET updated_at = 5000 WHERE seq = 2;`);
    expect(first.db.prepare('SELECT editing FROM stories WHERE seq = 2').pluck().get()).toBe(1);
    expect(first.db.prepare('SELECT count(*) FROM story_fts').pluck().get()).toBe(2);
    first.db.close();

    const { db, foundVersion } = await openStoryDatabase(file);
    expect(foundVersion).toBe(90);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'story_search_editing'`).pluck().get()).toBe(0);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('stories');
    expect(columns).not.toContain('editing');
    expect(db.prepare('SELECT count(*) FROM story_fts').pluck().get()).toBe(3);
    const repo = createStoriesRepository(db);
    const edited = repo.get('story-edited');
    expect(edited.title).toBe('Edited at last');
    expect(edited.updatedAt).toBe(5000);
    expect(edited.sections.action.text).toBe('I moved the billing cron and halved the invoice latency.');
    expect(edited.sections.result.text).toBe('Refunds dropped by a third.');
    expect(repo.list({}).map((s) => s.title)).toEqual(['Edited at last', 'Newest', 'Older']);
    for (const query of ['invoice latency', 'refunds third', 'edited last', 'billing']) {
      expect(repo.list({ query }).map((s) => s.id), query).toEqual(['story-edited']);
    }
    expect(repo.list({ query: 'quiet' }).map((s) => s.id)).toEqual(['story-older']);
    // The next autosave re-indexes it through the one save path, under its new edit time.
    repo.save('story-edited', 'live', { ...edited, sections: { ...edited.sections, result: { json: '', text: 'Refunds halved.' } } });
    expect(repo.list({ query: 'third' })).toEqual([]);
    expect(repo.list({ query: 'refunds halved' }).map((s) => s.id)).toEqual(['story-edited']);
    db.close();
  });

  it('opens a database from a newer app read-only, with a clear message, and leaves the file untouched', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const { db } = await openStoryDatabase(file);
    createStoriesRepository(db).create(draftWith('Keep me', { task: 'mine' }));
    db.pragma(`user_version = ${latestVersion() + 100}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(file);

    const opened = await openStoryDatabase(file);
    expect(opened.readOnlyReason).toMatch(/newer version of Story Bank/);
    expect(opened.db.readonly).toBe(true);
    const repo = createStoriesRepository(opened.db);
    expect(repo.list({}).map((s) => s.title)).toEqual(['Keep me']);
    expect(() => repo.create(draftWith('New', {}))).toThrow();
    opened.db.close();
    expect(sha(file)).toBe(before);
  });

  it('rolls back a failing migration step completely', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const broken: Migration = {
      version: latestVersion() + 10,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('disk on fire');
      },
    };
    await expect(openStoryDatabase(file, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow('disk on fire');
    const { db } = await openStoryDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses migrations listed out of order', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    const reversed = [...MIGRATIONS].reverse();
    await expect(openStoryDatabase(file, { migrations: reversed })).rejects.toThrow(/out of order/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reports a file that is not a database instead of overwriting it', async () => {
    const file = path.join(tempDir(), 'bank.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    const before = sha(file);
    await expect(openStoryDatabase(file)).rejects.toBeInstanceOf(DatabaseDamagedError);
    expect(sha(file)).toBe(before);
  });
});
