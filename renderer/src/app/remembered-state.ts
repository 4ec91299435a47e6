import { useEffect, useRef, useState } from 'react';
import { DEFAULT_UI_STATE, type UiState } from '../../../shared/settings/preferences.ts';
import { getSetting, setSetting } from '../api/settings.ts';

/** Writes wait this long after the last change, so typing in the search box is one write, not one per key. */
export const REMEMBER_DELAY_MS = 500;

/**
 * What the window showed last (the open story, the list's filters, hidden panels), kept in the 'ui.state'
 * setting so Electron and the browser shell behave the same. `restore` runs once with what was stored; after
 * that, every change of `current` is written back.
 */
export function useRememberedUiState(current: UiState, restore: (stored: UiState) => void): boolean {
  const [restored, setRestored] = useState(false);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  const written = useRef<string>(JSON.stringify(DEFAULT_UI_STATE));

  useEffect(() => {
    let live = true;
    getSetting('ui.state').then(
      (stored) => {
        if (!live) return;
        written.current = JSON.stringify(stored);
        restoreRef.current(stored);
        setRestored(true);
      },
      () => live && setRestored(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const serialized = JSON.stringify(current);
  useEffect(() => {
    if (!restored || serialized === written.current) return;
    const timer = setTimeout(() => {
      written.current = serialized;
      setSetting('ui.state', JSON.parse(serialized) as UiState).catch(() => {
        // Remembering the window's state is a comfort; a read-only bank simply does not remember.
      });
    }, REMEMBER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [serialized, restored]);

  return restored;
}
