import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProbeReadiness } from '../../../shared/coverage/probes.ts';
import { call } from '../api/client.ts';

/** A note is sent this long after the last keystroke (a readiness click is sent at once). */
export const PROBE_SAVE_DELAY_MS = 500;

export interface ProbeDraft {
  note: string;
  readiness: ProbeReadiness | null;
}

export type ProbeSaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * The probe notes of one story: loaded once, edited locally, and saved per probe through 'probes.save' after a
 * short pause. Saves of one probe never overlap (a newer edit waits for the older save), and whatever is still
 * pending is sent when the panel goes away (another story opened, the view changed).
 */
export function useProbeNotes(storyId: string): {
  loaded: boolean;
  loadError: string | null;
  notes: Readonly<Record<string, ProbeDraft>>;
  states: Readonly<Record<string, ProbeSaveState>>;
  change(probeId: string, next: ProbeDraft, immediately?: boolean): void;
  retry(probeId: string): void;
} {
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, ProbeDraft>>({});
  const [states, setStates] = useState<Record<string, ProbeSaveState>>({});
  const latest = useRef<Record<string, ProbeDraft>>({});
  const pending = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    let live = true;
    call('probes.get', { storyId }).then(
      (records) => {
        if (!live) return;
        const next: Record<string, ProbeDraft> = {};
        for (const r of records) next[r.probeId] = { note: r.note, readiness: r.readiness };
        latest.current = next;
        setNotes(next);
        setLoaded(true);
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(error instanceof Error ? error.message : String(error));
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [storyId]);

  const setState = (probeId: string, state: ProbeSaveState): void => {
    if (mounted.current) setStates((all) => ({ ...all, [probeId]: state }));
  };

  const send = useCallback(
    (probeId: string): Promise<void> => {
      const timer = timers.current.get(probeId);
      if (timer !== undefined) clearTimeout(timer);
      timers.current.delete(probeId);
      const before = inFlight.current.get(probeId) ?? Promise.resolve();
      const attempt = before.then(async () => {
        if (!pending.current.has(probeId)) return;
        pending.current.delete(probeId);
        const draft = latest.current[probeId] ?? { note: '', readiness: null };
        try {
          await call('probes.save', { storyId, probeId, note: draft.note, readiness: draft.readiness });
          if (!pending.current.has(probeId)) setState(probeId, { kind: 'saved' });
        } catch (error) {
          pending.current.add(probeId);
          setState(probeId, { kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      });
      inFlight.current.set(probeId, attempt);
      return attempt;
    },
    [storyId],
  );

  const change = useCallback(
    (probeId: string, next: ProbeDraft, immediately = false) => {
      latest.current = { ...latest.current, [probeId]: next };
      setNotes(latest.current);
      pending.current.add(probeId);
      setState(probeId, { kind: 'saving' });
      const timer = timers.current.get(probeId);
      if (timer !== undefined) clearTimeout(timer);
      if (immediately) void send(probeId);
      else timers.current.set(probeId, setTimeout(() => void send(probeId), PROBE_SAVE_DELAY_MS));
    },
    [send],
  );

  const retry = useCallback(
    (probeId: string) => {
      pending.current.add(probeId);
      setState(probeId, { kind: 'saving' });
      void send(probeId);
    },
    [send],
  );

  // Leaving: send every edit that is still waiting for its pause.
  useEffect(
    () => () => {
      mounted.current = false;
      for (const probeId of [...pending.current]) void send(probeId);
    },
    [send],
  );

  return { loaded, loadError, notes, states, change, retry };
}
