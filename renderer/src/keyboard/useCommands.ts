import { useEffect, useRef } from 'react';
import { type CommandId, commandForKey, isCommandId } from '../../../shared/keyboard/shortcuts.ts';

/** True on a Mac, where the primary modifier is Cmd rather than Ctrl. */
export function isMacPlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** A menu click and the page's own key handler can both see one key press: the second within this window is dropped. */
const DUPLICATE_WINDOW_MS = 300;

/**
 * Runs the app's commands from the keyboard (the shortcuts in shared/keyboard) and from Electron's menu. The
 * handler may change on every render; it is registered once.
 */
export function useCommands(handler: (command: CommandId) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const isMac = isMacPlatform();
    let last: { command: CommandId; at: number; source: 'key' | 'menu' } | null = null;
    let live = true;
    const run = (command: CommandId, source: 'key' | 'menu'): void => {
      const now = Date.now();
      if (last && last.command === command && last.source !== source && now - last.at < DUPLICATE_WINDOW_MS) return;
      last = { command, at: now, source };
      ref.current(command);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(event, isMac);
      if (!command) return;
      event.preventDefault();
      run(command, 'key');
    };
    window.addEventListener('keydown', onKey);
    // The bridge has no way to unsubscribe: the listener stays, and does nothing once this effect is gone.
    window.storyBankHost?.onMenuCommand((command) => {
      if (live && isCommandId(command)) run(command, 'menu');
    });
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
