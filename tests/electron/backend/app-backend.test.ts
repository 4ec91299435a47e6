import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type AppBackend, openAppBackend } from '../../../electron/backend/app-backend.ts';
import { BACKUP_DIR, listBackups, parseBackupName } from '../../../electron/backend/backups.ts';
import { DATABASE_FILE } from '../../../electron/backend/data-dir.ts';
import { openStoryDatabase } from '../../../electron/backend/database.ts';
import { latestVersion, MIGRATIONS } from '../../../electron/backend/migrations/index.ts';
import { MARKER_FILE, readMarker } from '../../../electron/backend/story-count-marker.ts';
import type { RecoveryStatus } from '../../../shared/ipc/reliability.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

async function call<T>(app: AppBackend, channel: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(app.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function open(dataDir: string): Promise<AppBackend> {
  return openAppBackend({ dataDir, appVersion: 'test', backupIntervalMs: 0 });
}

async function seed(dataDir: string, titles: string[]): Promise<void> {
  const app = await open(dataDir);
  for (const title of titles) {
    const story = await call<{ id: string }>(app, 'stories.create', { title });
    await call(app, 'stories.save', {
      id: story.id,
      sessionId: 'session-seed-1',
      draft: draftWith(title, { action: `I did the ${title} work.` }),
    });
  }
  await app.close();
  // A second start backs the seeded bank up, as the app does at every start-up.
  const again = await open(dataDir);
  await again.startupBackup;
  await again.close();
}

const titles = async (app: AppBackend): Promise<string[]> =>
  (await call<{ title: string }[]>(app, 'stories.list', {})).map((s) => s.title).sort();

describe('backups', () => {
  it('backs up at start-up with the online backup API, checked, listed with date, size and story count', async () => {
    const dir = tempDir();
    await seed(dir, ['One', 'Two']);
    const app = await open(dir);
    const startup = await app.startupBackup;
    expect(startup?.reason).toBe('startup');
    const list = await call<{ name: string; ok: boolean; stories: number; sizeBytes: number; createdAt: number }[]>(app, 'backups.list');
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list[0]).toMatchObject({ ok: true, stories: 2 });
    expect(list[0]?.sizeBytes).toBeGreaterThan(4096);
    expect(Math.abs((list[0]?.createdAt ?? 0) - Date.now())).toBeLessThan(60_000);
    // No partial copies left behind.
    expect(fs.readdirSync(path.join(dir, BACKUP_DIR)).every((n) => n.endsWith('.sqlite'))).toBe(true);
    await app.close();
  });

  it('does not back up an empty new bank at start-up', async () => {
    const app = await open(tempDir());
    expect(await app.startupBackup).toBeNull();
    await app.close();
  });

  it('writes an interval backup only when something changed since the last one', async () => {
    const dir = tempDir();
    await seed(dir, ['One']);
    const app = await open(dir);
    await app.startupBackup;
    expect(await app.backupIfChanged()).toBeNull();
    await call(app, 'stories.create', { title: 'Three' });
    const written = await app.backupIfChanged();
    expect(written?.reason).toBe('interval');
    expect(written?.stories).toBe(2);
    expect(await app.backupIfChanged()).toBeNull();
    // Reads are not changes.
    await call(app, 'stories.list', {});
    expect(await app.backupIfChanged()).toBeNull();
    await app.close();
  });

  it('restores a backup after backing up the current state, and reopens the bank', async () => {
    const dir = tempDir();
    await seed(dir, ['Before']);
    const app = await open(dir);
    const startup = await app.startupBackup;
    await call(app, 'stories.create', { title: 'Added later' });
    expect(await titles(app)).toEqual(['Added later', 'Before']);

    const outcome = await call<{ restored: string; safetyBackup: string; stories: number }>(app, 'backups.restore', {
      name: startup?.name,
    });
    expect(outcome).toMatchObject({ restored: startup?.name, stories: 1 });
    expect(await titles(app)).toEqual(['Before']);
    // The replaced state was backed up first and can itself be restored.
    expect(parseBackupName(outcome.safetyBackup)?.reason).toBe('before-restore');
    await call(app, 'backups.restore', { name: outcome.safetyBackup });
    expect(await titles(app)).toEqual(['Added later', 'Before']);
    // Writes work on the reopened database.
    await call(app, 'stories.create', { title: 'After restore' });
    expect(await titles(app)).toContain('After restore');
    await app.close();
  });

  it('refuses a backup name that is a path, and a damaged backup', async () => {
    const dir = tempDir();
    await seed(dir, ['One']);
    const app = await open(dir);
    const startup = await app.startupBackup;
    const traversal = await dispatch(app.handlers, 'backups.restore', { name: '../story-bank.sqlite' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const file = path.join(dir, BACKUP_DIR, startup?.name ?? '');
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x41));
    const damaged = await dispatch(app.handlers, 'backups.restore', { name: startup?.name });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await titles(app)).toEqual(['One']);
    await app.close();
  });

  it('takes the pre-migration backup through the same checked path', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const older = await openStoryDatabase(file, { migrations: MIGRATIONS.slice(0, -1) });
    older.db.exec("INSERT INTO stories (seq, id, title, created_at, updated_at) VALUES (1, 'story-0001', 'Old', 1, 1)");
    older.db.close();
    const app = await open(dir);
    expect(await titles(app)).toEqual(['Old']);
    const all = await listBackups(path.join(dir, BACKUP_DIR));
    expect(all.some((b) => b.reason === 'pre-migration' && b.ok && b.schemaVersion === latestVersion() - 10)).toBe(true);
    await app.close();
  });
});

describe('recovery mode', () => {
  const corruptions: Array<[string, (file: string) => void]> = [
    ['a file that is not a database', (file) => fs.writeFileSync(file, 'my notes, not a database\n'.repeat(400))],
    ['a truncated database', (file) => fs.truncateSync(file, 1000)],
    [
      'a database with a scribbled header',
      (file) => {
        const bytes = fs.readFileSync(file);
        bytes.fill(0x00, 0, 100);
        fs.writeFileSync(file, bytes);
      },
    ],
  ];

  it.each(corruptions)('starts in recovery mode for %s, moves it aside and restores the newest good backup', async (_name, corrupt) => {
    const dir = tempDir();
    await seed(dir, ['Keep me', 'Me too']);
    const first = await open(dir);
    await first.startupBackup;
    await first.close();
    const file = path.join(dir, DATABASE_FILE);
    corrupt(file);
    const damagedBytes = fs.readFileSync(file);

    const app = await open(dir);
    const status = await call<RecoveryStatus>(app, 'recovery.status');
    expect(status.state).toBe('damaged');
    expect(status.detail).toMatch(/cannot be read/);
    expect(status.fileInPlace).toBe(true);
    expect(status.backups.length).toBeGreaterThan(0);
    expect(status.backups.every((b) => b.ok)).toBe(true);
    // Story channels fail clearly instead of crashing.
    const list = await dispatch(app.handlers, 'stories.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    if (!list.ok) expect(list.error.message).toMatch(/recovery screen/);

    const moved = await call<{ movedTo: string }>(app, 'recovery.moveAside');
    expect(path.dirname(moved.movedTo)).toBe(dir);
    expect(path.basename(moved.movedTo)).toMatch(/^story-bank\.damaged-.*\.sqlite$/);
    // Moved, never deleted: the bytes are all there.
    expect(fs.readFileSync(moved.movedTo).equals(damagedBytes)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);

    await call(app, 'recovery.restoreBackup', { name: status.backups[0]?.name });
    expect(await titles(app)).toEqual(['Keep me', 'Me too']);
    expect((await call<RecoveryStatus>(app, 'recovery.status')).state).toBe('ok');
    await app.close();
  });

  it('starts fresh on request, keeping the damaged file aside', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'garbage'.repeat(1000));
    const app = await open(dir);
    expect((await call<RecoveryStatus>(app, 'recovery.status')).state).toBe('damaged');
    await call(app, 'recovery.startFresh');
    expect(await titles(app)).toEqual([]);
    const aside = fs.readdirSync(dir).filter((n) => n.startsWith('story-bank.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('garbage'.repeat(1000));
    await app.close();
  });

  it('refuses recovery steps when nothing needs recovering', async () => {
    const app = await open(tempDir());
    expect(await dispatch(app.handlers, 'recovery.startFresh', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch(app.handlers, 'recovery.moveAside', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await app.close();
  });

  it('keeps a marker of the story count and warns when the database file is gone', async () => {
    const dir = tempDir();
    await seed(dir, ['A', 'B', 'C']);
    expect(readMarker(dir)?.stories).toBe(3);
    fs.rmSync(path.join(dir, DATABASE_FILE));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, DATABASE_FILE + suffix), { force: true });

    const app = await open(dir);
    const status = await call<RecoveryStatus>(app, 'recovery.status');
    expect(status).toMatchObject({ state: 'missing-data', storiesBefore: 3, fileInPlace: false });
    expect(status.detail).toMatch(/held 3 stories/);
    // No new empty database was created behind the user's back.
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
    await call(app, 'recovery.restoreBackup', { name: status.backups[0]?.name });
    expect(await titles(app)).toEqual(['A', 'B', 'C']);
    await app.close();
  });

  it('warns when the database turned up empty although it held stories', async () => {
    const dir = tempDir();
    await seed(dir, ['A']);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec('DELETE FROM stories');
    raw.close();
    const app = await open(dir);
    const status = await call<RecoveryStatus>(app, 'recovery.status');
    expect(status).toMatchObject({ state: 'missing-data', storiesBefore: 1, fileInPlace: true });
    await call(app, 'recovery.startFresh');
    expect(readMarker(dir)?.stories).toBe(0);
    expect(fs.readdirSync(dir).some((n) => n.startsWith('story-bank.emptied-'))).toBe(true);
    await app.close();
    // Deleting every story on purpose updates the marker: no warning next time.
    const again = await open(dir);
    expect((await call<RecoveryStatus>(again, 'recovery.status')).state).toBe('ok');
    await again.close();
  });

  it('updates the marker as stories come and go', async () => {
    const dir = tempDir();
    const app = await open(dir);
    const story = await call<{ id: string }>(app, 'stories.create', { title: 'x' });
    expect(readMarker(dir)?.stories).toBe(1);
    await call(app, 'stories.trash', { id: story.id });
    await call(app, 'stories.emptyTrash', {});
    expect(readMarker(dir)?.stories).toBe(0);
    expect(fs.existsSync(path.join(dir, MARKER_FILE))).toBe(true);
    await app.close();
  });
});

describe('storage failures', () => {
  it('answers a full disk with storage-full and a message a person can act on, and saves again once there is room', async () => {
    const dir = tempDir();
    const app = await open(dir);
    const story = await call<{ id: string }>(app, 'stories.create', { title: 'Big' });
    const db = app.current()?.db;
    if (!db) throw new Error('no db');
    const pages = Number(db.pragma('page_count', { simple: true }));
    // SQLite's own limit on the file's size: past it every write fails with SQLITE_FULL, as on a full disk.
    db.pragma(`max_page_count = ${pages + 2}`);
    const big = draftWith('Big', { action: 'x'.repeat(200_000) });
    const result = await dispatch(app.handlers, 'stories.save', { id: story.id, sessionId: 'session-full-1', draft: big });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    if (!result.ok) expect(result.error.message).toMatch(/disk is full.*kept in the editor/s);
    // Nothing half-written: the story is as it was.
    expect((await call<{ sections: { action: { text: string } } }>(app, 'stories.get', { id: story.id })).sections.action.text).toBe('');
    db.pragma('max_page_count = 1073741823');
    const retried = await dispatch(app.handlers, 'stories.save', { id: story.id, sessionId: 'session-full-1', draft: big });
    expect(retried.ok).toBe(true);
    await app.close();
  });

  it('answers a read-only database file with read-only', async () => {
    const app = await open(tempDir());
    const story = await call<{ id: string }>(app, 'stories.create', { title: 'x' });
    app.current()?.db.pragma('query_only = ON');
    const result = await dispatch(app.handlers, 'stories.rename', { id: story.id, title: 'y' });
    expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
    if (!result.ok) expect(result.error.message).toMatch(/read-only/);
    await app.close();
  });
});

/** Every file under dir with its size, so a write after close() shows as a change. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
      return `${name}:${stat?.isFile() ? stat.size : 'dir'}`;
    })
    .sort();
}

describe('closing the bank', () => {
  it('waits for the start-up backup, the integrity check and the calls under way: nothing writes after close()', async () => {
    const dir = tempDir();
    await seed(dir, ['One', 'Two', 'Three']);
    const app = await openAppBackend({ dataDir: dir, appVersion: 'test', backupIntervalMs: 60_000 });
    // Close at once, while the start-up backup is being copied and checked and the integrity check runs, with a
    // save in flight.
    const story = (await call<{ id: string }[]>(app, 'stories.list', {}))[0];
    const saving = dispatch(app.handlers, 'stories.save', {
      id: story?.id,
      sessionId: 'session-close-1',
      draft: draftWith('One', { action: 'Written just before quitting.' }),
    });
    await app.close();
    expect(await saving).toMatchObject({ ok: true });
    const backups = fs.readdirSync(path.join(dir, BACKUP_DIR));
    expect(backups.filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
    expect(backups.filter((name) => name.endsWith('-startup.sqlite'))).toHaveLength(2);
    // The log was checkpointed and the connection closed: no -wal or -shm beside the database.
    expect(fs.readdirSync(dir).filter((name) => /-(wal|shm)$/.test(name))).toEqual([]);
    const before = listing(dir);
    // Removing the folder must succeed in one go (no retries) and nothing may bring it back.
    fs.rmSync(dir, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fs.existsSync(dir)).toBe(false);
    expect(before.length).toBeGreaterThan(0);
    const refused = await dispatch(app.handlers, 'stories.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
  });

  it('leaves the story just saved in the on-disk index and the log checkpointed', async () => {
    const dir = tempDir();
    const app = await open(dir);
    const story = await call<{ id: string }>(app, 'stories.create', { title: 'Open story' });
    await call(app, 'stories.save', { id: story.id, sessionId: 'session-open-1', draft: draftWith('Open story', { result: 'churn fell' }) });
    await app.close();
    expect(fs.existsSync(path.join(dir, `${DATABASE_FILE}-wal`))).toBe(false);
    const file = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(file.prepare(`SELECT count(*) FROM story_fts WHERE story_fts MATCH 'churn'`).pluck().get()).toBe(1);
    } finally {
      file.close();
    }
  });
});
