import { type ReactNode, useEffect, useRef } from 'react';
import { acceleratorKeys, COMMANDS, CONTEXT_KEYS } from '../../../shared/keyboard/shortcuts.ts';
import { isMacPlatform } from './useCommands.ts';

function Keys({ accelerator, isMac }: { accelerator: string; isMac: boolean }): ReactNode {
  const keys = acceleratorKeys(accelerator, isMac);
  return (
    <span className="keys">
      {keys.map((key, index) => (
        <kbd key={`${key}-${index}`}>{key}</kbd>
      ))}
    </span>
  );
}

/** Every shortcut, from the same list the menu and the key handler use. Opened with F1 or Ctrl+/. */
export function ShortcutsDialog({ onClose }: { onClose(): void }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const isMac = isMacPlatform();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-heading"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === ref.current) ref.current?.close();
      }}
    >
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => ref.current?.close()}>
            ×
          </button>
        </header>
        <table className="shortcuts-table">
          <caption className="visually-hidden">Commands and their shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Command</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {COMMANDS.map((command) => (
              <tr key={command.id} data-command={command.id}>
                <td>{command.label}</td>
                <td>
                  <Keys accelerator={command.accelerator} isMac={isMac} />
                  {(command.alternatives ?? []).map((alt) => (
                    <span key={alt}>
                      {' '}
                      or <Keys accelerator={alt} isMac={isMac} />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>In lists, practice and dialogs</h3>
        <table className="shortcuts-table">
          <caption className="visually-hidden">Keys that work in one place</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {CONTEXT_KEYS.map((row) => (
              <tr key={`${row.where}-${row.keys}`}>
                <td>{row.where}</td>
                <td>
                  <kbd>{row.keys}</kbd>
                </td>
                <td>{row.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
