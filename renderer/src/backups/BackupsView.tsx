import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc/reliability.ts';
import { call } from '../api/client.ts';
import { formatBytes, formatWhen, REASON_LABELS, storiesLabel } from './format.ts';

export interface BackupsViewProps {
  /** Saves what is being edited before a backup is taken or restored. */
  flush(): Promise<void>;
}

/** The Backups screen: every backup with its date, size and story count; back up now; restore one. */
export function BackupsView({ flush }: BackupsViewProps): ReactNode {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setBackups(await call('backups.list', {}));
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const backUpNow = async (): Promise<void> => {
    setBusy(true);
    try {
      await flush();
      const made = await call('backups.create', {});
      setMessage({ text: `Backed up ${storiesLabel(made.stories)}.` });
      await load();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (name: string): Promise<void> => {
    setBusy(true);
    try {
      await flush();
      await call('backups.restore', { name });
      // Everything on screen came from the old database: start the window afresh from the restored one.
      window.location.reload();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <section className="backups-view" aria-labelledby="backups-heading" data-testid="backups-view">
      <header className="backups-header">
        <div>
          <h1 id="backups-heading">Backups</h1>
          <p className="hint">
            Taken at start-up, every 15 minutes while you edit, and before updates and restores. Story Bank keeps the
            three newest and one a day for a week (ten at most), each checked after it is written.
          </p>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
      </header>
      {message ? (
        <p className={message.error ? 'backups-message error' : 'backups-message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {backups === null ? null : backups.length === 0 ? (
        <p className="list-note">No backups yet. The first one is taken the next time Story Bank starts with stories in it.</p>
      ) : (
        <table className="backups-table">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Stories</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name} className={backup.ok ? 'backup-row' : 'backup-row bad'} data-testid="backup-row">
                <td>{formatWhen(backup.createdAt)}</td>
                <td>{REASON_LABELS[backup.reason] ?? 'Backup'}</td>
                <td>{backup.ok ? storiesLabel(backup.stories) : 'damaged'}</td>
                <td>{formatBytes(backup.sizeBytes)}</td>
                <td className="backup-actions">
                  {!backup.ok ? null : confirming === backup.name ? (
                    <span className="confirm-row">
                      <span>Replace your stories with this backup? The current state is backed up first.</span>
                      <button type="button" className="danger" disabled={busy} onClick={() => void restore(backup.name)}>
                        Restore
                      </button>
                      <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => setConfirming(backup.name)}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
