import { type ReactNode, useState } from 'react';
import type { BackupInfo, RecoveryStatus } from '../../../shared/ipc/reliability.ts';
import { call } from '../api/client.ts';
import { formatBytes, formatWhen, REASON_LABELS, storiesLabel } from './format.ts';
import { ErrorNote } from '../app/ErrorNote.tsx';

export interface RecoveryScreenProps {
  status: RecoveryStatus;
  /** Called once the bank is usable again (the page reloads). */
  onRecovered(): void;
}

/**
 * What the window shows when the story database cannot be used: what happened, and the three ways on — move the
 * damaged file aside (renamed, never deleted), restore a backup, or start an empty bank.
 */
export function RecoveryScreen({ status: initial, onRecovered }: RecoveryScreenProps): ReactNode {
  const [status, setStatus] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const damaged = status.state === 'damaged';

  const run = async (step: () => Promise<unknown>, reload: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await step();
      if (reload) onRecovered();
      else setStatus(await call('recovery.status', {}));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const newest: BackupInfo | undefined = status.backups[0];
  return (
    <main className="recovery" aria-labelledby="recovery-heading" data-testid="recovery-screen">
      <h1 id="recovery-heading">{damaged ? 'Story Bank could not open your stories' : 'Your stories seem to be missing'}</h1>
      <p className="recovery-detail">{status.detail}</p>
      <p>
        Nothing has been deleted. {damaged ? 'The damaged file' : 'The database file'} is{' '}
        {status.movedAsideTo ? (
          <>
            now kept as <code>{status.movedAsideTo}</code>
          </>
        ) : status.fileInPlace ? (
          <>
            still at <code>{status.databasePath}</code>
          </>
        ) : (
          'not there'
        )}
        .
      </p>
      <ErrorNote message={error} className="recovery-error" />

      <ol className="recovery-steps">
        {status.fileInPlace ? (
          <li>
            <h2>Move the {damaged ? 'damaged' : 'empty'} file aside</h2>
            <p>
              It is renamed with today’s date and kept next to where it was, so it can still be examined or rescued
              later. Restoring a backup or starting fresh does this for you too.
            </p>
            <button type="button" disabled={busy} onClick={() => void run(() => call('recovery.moveAside', {}), false)}>
              Move the file aside
            </button>
          </li>
        ) : null}
        <li>
          <h2>Restore a backup</h2>
          {newest ? (
            <>
              <p>Story Bank backs your stories up at start-up and every 15 minutes while you edit. These backups passed their check:</p>
              <ul className="backup-choices" aria-label="Backups you can restore">
                {status.backups.map((backup, index) => (
                  <li key={backup.name} className={index === 0 ? 'backup-choice newest' : 'backup-choice'}>
                    <span className="backup-when">{formatWhen(backup.createdAt)}</span>
                    <span className="backup-meta">
                      {storiesLabel(backup.stories)} · {formatBytes(backup.sizeBytes)} · {REASON_LABELS[backup.reason] ?? 'Backup'}
                    </span>
                    <button
                      type="button"
                      className={index === 0 ? 'primary' : ''}
                      disabled={busy}
                      onClick={() => void run(() => call('recovery.restoreBackup', { name: backup.name }), true)}
                    >
                      {index === 0 ? 'Restore the newest backup' : 'Restore this one'}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>There is no good backup to restore.</p>
          )}
        </li>
        <li>
          <h2>Start with an empty story bank</h2>
          <p>
            {status.storiesBefore
              ? `Your bank held ${storiesLabel(status.storiesBefore)}. Starting fresh does not bring them back; the old file stays aside.`
              : 'The old file stays aside; a new, empty bank is created.'}
          </p>
          {confirmFresh ? (
            <div className="confirm-row">
              <button type="button" className="danger" disabled={busy} onClick={() => void run(() => call('recovery.startFresh', {}), true)}>
                Yes, start an empty bank
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirmFresh(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirmFresh(true)}>
              Start fresh…
            </button>
          )}
        </li>
      </ol>
    </main>
  );
}
