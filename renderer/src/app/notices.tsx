import { type ReactNode, useCallback, useEffect, useState } from 'react';

/** A short message at the foot of the window; one at a time, the newest replacing the last. */
export interface Notice {
  text: string;
  /** Offered as an Undo button; pressing it also closes the notice. */
  undo?: () => void;
  /** Errors stay up until dismissed and are announced as alerts. */
  error?: boolean;
}

/** How long a notice that is not an error stays up (one with an Undo gets the same: time to read and act). */
export const NOTICE_MS = 10_000;

export interface Notices {
  notice: Notice | null;
  show(notice: Notice): void;
  /** Shows a failure as an error notice. */
  report(error: unknown): void;
  dismiss(): void;
}

export function useNotices(): Notices {
  const [notice, setNotice] = useState<Notice | null>(null);

  // A notice that is not an error goes by itself after a while, so it never sits over the page for good.
  useEffect(() => {
    if (!notice || notice.error) return;
    const timer = setTimeout(() => setNotice((current) => (current === notice ? null : current)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const report = useCallback((error: unknown) => {
    setNotice({ text: error instanceof Error ? error.message : String(error), error: true });
  }, []);
  const dismiss = useCallback(() => setNotice(null), []);

  return { notice, show: setNotice, report, dismiss };
}

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }): ReactNode {
  if (!notice) return null;
  return (
    <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      {notice.undo ? (
        <button
          type="button"
          onClick={() => {
            notice.undo?.();
            onDismiss();
          }}
        >
          Undo
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
