import { type ReactNode, useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../../shared/ipc/reliability.ts';
import { call } from '../api/client.ts';
import { RecoveryScreen } from './RecoveryScreen.tsx';
import { StorageBanner } from '../app/StorageBanner.tsx';

const reload = (): void => window.location.reload();

/**
 * Decides what the window shows: the app when the story bank opened, the recovery screen when it could not. When
 * the background check finds damage after start-up, a banner offers the recovery screen instead of taking the
 * editor away mid-sentence.
 */
export function RecoveryGate({ children }: { children: ReactNode }): ReactNode {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [lateDamage, setLateDamage] = useState<RecoveryStatus | null>(null);
  const [showRecovery, setShowRecovery] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = async (first: boolean): Promise<void> => {
      try {
        const next = await call('recovery.status', {});
        if (stopped) return;
        if (first) setStatus(next);
        else if (next.state !== 'ok') setLateDamage(next);
        if (next.state === 'ok' && next.checking) timer = setTimeout(() => void check(false), 1000);
      } catch (error) {
        if (first && !stopped) setFailure(error instanceof Error ? error.message : String(error));
      }
    };
    void check(true);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, []);

  if (failure) {
    return (
      <main className="recovery" role="alert">
        <h1>Story Bank’s backend is not answering</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!status) return null;
  if (status.state !== 'ok') return <RecoveryScreen status={status} onRecovered={reload} />;
  if (showRecovery && lateDamage) return <RecoveryScreen status={lateDamage} onRecovered={reload} />;
  return (
    <>
      {lateDamage ? (
        <div className="banner warning late-damage" role="alert">
          A check found damage in your story database. Copy anything you are writing now, then{' '}
          <button type="button" onClick={() => setShowRecovery(true)}>
            open recovery
          </button>
          .
        </div>
      ) : null}
      <StorageBanner />
      {children}
    </>
  );
}
