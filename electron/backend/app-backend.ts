import fs from 'node:fs';
import path from 'node:path';
import { CHANNEL_NAMES, type CoreChannelName, type HostHandlers } from '../../shared/ipc/contract.ts';
import type { BackupInfo, RecoveryState, RecoveryStatus, RestoreOutcome } from '../../shared/ipc/reliability.ts';
import { reliabilityChannels } from '../../shared/ipc/reliability.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { type Backend, createBackend } from './backend.ts';
import {
  BACKUP_DIR,
  BackupError,
  checkRestorable,
  copyDatabaseInto,
  listBackups,
  pruneBackups,
  writeBackup,
} from './backups.ts';
import { DATABASE_FILE } from './data-dir.ts';
import { type Db, DatabaseDamagedError } from './database.ts';
import { latestVersion } from './migrations/index.ts';
import { storageErrorFor } from './storage-errors.ts';
import { readMarker, writeMarker } from './story-count-marker.ts';

/** Backups while edits happen: at most this often, and only when something changed since the last one. */
export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;

export interface AppBackendOptions {
  dataDir: string;
  appVersion: string;
  /** Defaults to BACKUP_INTERVAL_MS; 0 turns the timer off (tests call backupIfChanged themselves). */
  backupIntervalMs?: number;
}

export interface AppBackend {
  /** Every channel of the contract, the backup and recovery ones included. */
  handlers: HostHandlers;
  dataDir: string;
  databasePath: string;
  /** The open story bank, or null in recovery mode. */
  current(): Backend | null;
  /** Settles once the start-up backup is written (null when there was nothing to back up). */
  startupBackup: Promise<BackupInfo | null>;
  /** What the 15-minute timer runs: a backup when anything changed since the last one. */
  backupIfChanged(): Promise<BackupInfo | null>;
  /**
   * The quit path: stops the backup timer, refuses new calls, waits for the calls, backups, restore and integrity
   * check under way, then checkpoints and closes the database. Once it settles nothing writes into dataDir.
   */
  close(): Promise<void>;
}

interface Recovery {
  state: Exclude<RecoveryState, 'ok'>;
  detail: string;
  fileInPlace: boolean;
  movedAsideTo: string | null;
}

const RELIABILITY = new Set<string>(Object.keys(reliabilityChannels));

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * The story bank as a host serves it: the backend's handlers plus backups, restore and a recovery mode. Opening
 * never throws for a damaged, truncated or foreign file, nor for a bank that lost its stories: the host starts in
 * recovery mode, where only the recovery and backup channels work, and the renderer shows the recovery screen.
 */
export async function openAppBackend(options: AppBackendOptions): Promise<AppBackend> {
  const { dataDir, appVersion } = options;
  const databasePath = path.join(dataDir, DATABASE_FILE);
  const backupDir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dataDir, { recursive: true });

  let inner: Backend | null = null;
  let recovery: Recovery | null = null;
  let integrityPending = false;
  /** Set while a restore or recovery step swaps the database: other calls wait for it to finish. */
  let swapping: Promise<unknown> | null = null;
  /** Backups being written: a swap waits for them before it closes the database they read from. */
  const backupsInFlight = new Set<Promise<unknown>>();
  /** Core channel calls under way (an import awaits between its writes): close() waits for them. */
  const callsInFlight = new Set<Promise<unknown>>();
  let closed = false;
  let changesAtLastBackup = 0;
  let changesAtLastMarker = 0;
  let markedStories: number | null = readMarker(dataDir)?.stories ?? null;

  const totalChanges = (db: Db): number => Number(db.prepare('SELECT total_changes()').pluck().get());
  const storyCount = (db: Db): number => Number(db.prepare('SELECT count(*) FROM stories').pluck().get());

  function mark(stories: number): void {
    if (markedStories === stories) return;
    try {
      writeMarker(dataDir, stories);
      markedStories = stories;
    } catch {
      // The marker is a safety net; a full disk will be reported by the save itself.
    }
  }

  function enterRecovery(state: Recovery['state'], detail: string, fileInPlace: boolean): void {
    recovery = { state, detail, fileInPlace, movedAsideTo: null };
  }

  /** Opens the database file as it is now, or enters recovery mode. */
  async function open(): Promise<void> {
    recovery = null;
    const before = readMarker(dataDir);
    if (!fs.existsSync(databasePath) && before !== null && before.stories > 0) {
      enterRecovery(
        'missing-data',
        `Your story bank held ${before.stories} ${before.stories === 1 ? 'story' : 'stories'} the last time it was ` +
          `open, but its database file is missing.`,
        false,
      );
      return;
    }
    let opened: Backend;
    try {
      opened = await createBackend({ dataDir, appVersion });
    } catch (error) {
      if (error instanceof DatabaseDamagedError) {
        enterRecovery('damaged', error.message, true);
        return;
      }
      throw error;
    }
    const count = storyCount(opened.db);
    if (count === 0 && before !== null && before.stories > 0) {
      await opened.close();
      enterRecovery(
        'missing-data',
        `Your story bank held ${before.stories} ${before.stories === 1 ? 'story' : 'stories'} the last time it was ` +
          'open, but its database is now empty.',
        true,
      );
      return;
    }
    inner = opened;
    changesAtLastBackup = 0;
    changesAtLastMarker = 0;
    markedStories = before?.stories ?? null;
    mark(count);
    integrityPending = true;
    void opened.integrity.then((verdict) => {
      if (inner !== opened) return;
      integrityPending = false;
      if (!verdict.ok) enterRecovery('damaged', `A check of the story database found damage (${verdict.detail}).`, true);
    });
  }

  function afterCall(backend: Backend): void {
    if (backend.db.readonly || !backend.db.open) return;
    const changes = totalChanges(backend.db);
    if (changes === changesAtLastMarker) return;
    changesAtLastMarker = changes;
    mark(storyCount(backend.db));
  }

  function tracked<T>(backup: Promise<T>): Promise<T> {
    backupsInFlight.add(backup);
    void backup.catch(() => undefined).finally(() => backupsInFlight.delete(backup));
    return backup;
  }

  async function settleBackups(): Promise<void> {
    await Promise.allSettled([...backupsInFlight]);
  }

  async function waitForSwap(): Promise<void> {
    while (swapping) await swapping.catch(() => undefined);
  }

  /** Runs one database swap at a time; calls that arrive meanwhile wait for it. */
  async function exclusive<T>(step: () => Promise<T>): Promise<T> {
    await waitForSwap();
    if (closed) throw closingError();
    const running = settleBackups().then(step);
    swapping = running;
    try {
      return await running;
    } finally {
      if (swapping === running) swapping = null;
    }
  }

  async function closeInner(): Promise<void> {
    const closing = inner;
    inner = null;
    integrityPending = false;
    await closing?.close();
  }

  async function moveAside(): Promise<string> {
    const kind = recovery?.state === 'missing-data' ? 'emptied' : 'damaged';
    const target = path.join(dataDir, `story-bank.${kind}-${stamp()}.sqlite`);
    await closeInner();
    fs.renameSync(databasePath, target);
    // The write-ahead log may hold committed pages: it travels with its database, never deleted.
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, target + suffix);
    }
    if (recovery) {
      recovery.fileInPlace = false;
      recovery.movedAsideTo = target;
    }
    return target;
  }

  async function restore(name: string, fromRecovery: boolean): Promise<RestoreOutcome> {
    const chosen = await checkRestorable(backupDir, name, latestVersion()).catch((error: unknown) => {
      throw error instanceof BackupError ? new AppError('conflict', error.message) : error;
    });
    let safetyBackup: string | null = null;
    if (fromRecovery) {
      if (recovery?.fileInPlace && fs.existsSync(databasePath)) await moveAside();
    } else if (inner) {
      // The current state first, so a restore can itself be undone. Pruning waits until the restore is done, so
      // the backup being restored cannot be pruned away in between.
      safetyBackup = (await writeBackup(inner.db, backupDir, 'before-restore', new Date(), { prune: false })).name;
    }
    await closeInner();
    await copyDatabaseInto(path.join(backupDir, name), databasePath);
    const stories = chosen.stories ?? 0;
    writeMarker(dataDir, stories);
    await open();
    pruneBackups(backupDir, Date.now());
    if (recovery) throw new AppError('storage-failed', `The restored backup could not be opened: ${recovery.detail}`);
    return { restored: name, safetyBackup, stories };
  }

  function closingError(): AppError {
    return new AppError('storage-failed', 'Story Bank is closing: try again once it has started again.');
  }

  function requireRecovery(): Recovery {
    if (!recovery) throw new AppError('conflict', 'The story bank is open and healthy: there is nothing to recover.');
    return recovery;
  }

  function unavailable(): AppError {
    return new AppError(
      'storage-failed',
      recovery?.state === 'missing-data'
        ? 'Your stories are missing from the story database: use the recovery screen to restore a backup.'
        : 'Your story database could not be opened: use the recovery screen to move it aside and restore a backup.',
    );
  }

  const reliabilityHandlers: Pick<HostHandlers, keyof typeof reliabilityChannels> = {
    'backups.list': () => listBackups(backupDir),
    'backups.create': async () => {
      await waitForSwap();
      if (closed) throw closingError();
      if (!inner || recovery) throw unavailable();
      changesAtLastBackup = totalChanges(inner.db);
      return tracked(writeBackup(inner.db, backupDir, 'manual'));
    },
    'backups.restore': ({ name }) => exclusive(() => restore(name, recovery !== null)),
    'recovery.status': async () => {
      await waitForSwap();
      const backups = (await listBackups(backupDir)).filter((b) => b.ok);
      return {
        state: recovery?.state ?? 'ok',
        detail: recovery?.detail ?? null,
        databasePath,
        fileInPlace: recovery ? recovery.fileInPlace : true,
        movedAsideTo: recovery?.movedAsideTo ?? null,
        storiesBefore: markedStories,
        backups,
        checking: integrityPending,
      } satisfies RecoveryStatus;
    },
    'recovery.moveAside': () =>
      exclusive(async () => {
        const current = requireRecovery();
        if (!current.fileInPlace || !fs.existsSync(databasePath)) {
          throw new AppError('conflict', 'The damaged file has already been moved aside.');
        }
        return { movedTo: await moveAside() };
      }),
    'recovery.restoreBackup': ({ name }) =>
      exclusive(async () => {
        requireRecovery();
        return restore(name, true);
      }),
    'recovery.startFresh': () =>
      exclusive(async () => {
        const current = requireRecovery();
        if (current.fileInPlace && fs.existsSync(databasePath)) await moveAside();
        await closeInner();
        writeMarker(dataDir, 0);
        markedStories = 0;
        await open();
        if (recovery) throw new AppError('storage-failed', `A new story bank could not be started: ${recovery.detail}`);
        return null;
      }),
  };

  const handlers: Record<string, (input: never) => unknown> = { ...reliabilityHandlers };
  for (const name of CHANNEL_NAMES) {
    if (RELIABILITY.has(name)) continue;
    const channel = name as CoreChannelName;
    handlers[channel] = (input: never) => {
      if (closed) return Promise.reject(closingError());
      const call = serve(channel, input);
      callsInFlight.add(call);
      void call.catch(() => undefined).finally(() => callsInFlight.delete(call));
      return call;
    };
  }

  async function serve(channel: CoreChannelName, input: never): Promise<unknown> {
    await waitForSwap();
    // A database found damaged after start-up keeps serving until the user moves it aside: text being typed still
    // has somewhere to go.
    const backend = inner;
    if (!backend) throw unavailable();
    try {
      const handler = backend.handlers[channel] as (input: never) => unknown;
      const value = await handler(input);
      afterCall(backend);
      return value;
    } catch (error) {
      throw storageErrorFor(error) ?? error;
    }
  }

  const current = (): Backend | null => inner;

  await open();

  const startupBackup: Promise<BackupInfo | null> = (async () => {
    const db = current()?.db;
    if (!db || storyCount(db) === 0) return null;
    changesAtLastBackup = totalChanges(db);
    return tracked(writeBackup(db, backupDir, 'startup'));
  })().catch(() => null);

  async function backupIfChanged(): Promise<BackupInfo | null> {
    await startupBackup;
    const backend = current();
    if (closed || swapping || backend === null || recovery !== null || backend.db.readonly) return null;
    const db = backend.db;
    const changes = totalChanges(db);
    if (changes === changesAtLastBackup) return null;
    changesAtLastBackup = changes;
    return tracked(writeBackup(db, backupDir, 'interval'));
  }

  let closing: Promise<void> | null = null;
  const interval = options.backupIntervalMs ?? BACKUP_INTERVAL_MS;
  const timer = interval > 0 ? setInterval(() => void backupIfChanged().catch(() => null), interval) : null;
  timer?.unref();

  return {
    handlers: handlers as unknown as HostHandlers,
    dataDir,
    databasePath,
    current,
    startupBackup,
    backupIfChanged,
    close() {
      closing ??= (async () => {
        closed = true;
        if (timer) clearInterval(timer);
        await startupBackup;
        // A call or swap can start a backup, and a backup's end can let a waiting call run: settle until quiet.
        while (swapping || callsInFlight.size > 0 || backupsInFlight.size > 0) {
          await waitForSwap();
          await Promise.allSettled([...callsInFlight]);
          await settleBackups();
        }
        await closeInner();
      })();
      return closing;
    },
  };
}
