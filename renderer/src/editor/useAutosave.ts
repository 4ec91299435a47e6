import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { StoryDraft } from '../../../shared/domain/story.ts';
import type { SaveAck } from '../../../shared/ipc/contract.ts';

/** How long after the last keystroke a save is sent; with the commit itself this stays within one second. */
export const AUTOSAVE_DELAY_MS = 400;
const RETRY_DELAY_MS = 4000;

export type SaveStatus =
  | { kind: 'saved'; at: number | null }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

/**
 * Autosave for one open story: the latest draft is sent AUTOSAVE_DELAY_MS after the last change, at once on
 * flush() (blur, switching story, window close), and again after a failure. "Saved" is shown only once the
 * backend acknowledged the commit of the newest draft; a failure keeps the draft and says why.
 */
export function useAutosave(
  save: (draft: StoryDraft) => Promise<SaveAck>,
  onSaved: (ack: SaveAck, draft: StoryDraft) => void,
): { status: SaveStatus; change(draft: StoryDraft): void; flush(): Promise<void> } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const pending = useRef<StoryDraft | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  const onSavedRef = useRef(onSaved);
  saveRef.current = save;
  onSavedRef.current = onSaved;

  const clearTimer = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<void> => {
    clearTimer();
    if (inFlight.current) await inFlight.current;
    const draft = pending.current;
    if (draft === null) return;
    pending.current = null;
    const attempt = (async () => {
      try {
        const ack = await saveRef.current(draft);
        onSavedRef.current(ack, draft);
        if (pending.current === null) setStatus({ kind: 'saved', at: ack.updatedAt });
      } catch (error) {
        // Keep the draft: a newer edit wins, otherwise this one is tried again.
        if (pending.current === null) pending.current = draft;
        const message = error instanceof Error ? error.message : String(error);
        setStatus({ kind: 'failed', message });
        clearTimer();
        timer.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
    if (pending.current !== null && timer.current === null) await flush();
  }, []);

  const change = useCallback(
    (draft: StoryDraft): void => {
      pending.current = draft;
      // Only the first edit after a save changes the status, and as a transition: typing renders nothing here.
      startTransition(() => setStatus((current) => (current.kind === 'saved' ? { kind: 'saving' } : current)));
      clearTimer();
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = (): void => void flush();
    window.addEventListener('pagehide', onHide);
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { status, change, flush };
}
