import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_CRITICAL, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { type ReactNode, useEffect, useState } from 'react';
import { LIMITS } from '../../../shared/ipc/schemas.ts';
import { cleanPastedHtml } from '../../../shared/security/paste-html.ts';

/** The longest paste a section takes: what the backend would accept as a whole section. */
export const PASTE_LIMIT = LIMITS.sectionTextLength;

function describeLength(length: number): string {
  return length >= 1_000_000 ? `${(length / 1_000_000).toFixed(1)} million characters` : `${length.toLocaleString()} characters`;
}

function clipboardOf(event: ClipboardEvent | KeyboardEvent | InputEvent): DataTransfer | null {
  return 'clipboardData' in event ? event.clipboardData : null;
}

/**
 * Guards what a paste puts into a section:
 * - a paste longer than a section can hold is refused before the editor builds it (building millions of
 *   characters into the page would freeze the window only for the save to be refused), with a message by the
 *   section;
 * - pasted HTML is reduced to bare structural tags (shared/security/paste-html.ts) before it is parsed, so no
 *   attribute, script or embedded document from the clipboard ever reaches a DOM parser.
 */
export function PasteGuardPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = clipboardOf(event);
            const length = Math.max(data?.getData('text/plain').length ?? 0, data?.getData('text/html').length ?? 0);
            if (length <= PASTE_LIMIT) {
              setRefused(null);
              return false;
            }
            event.preventDefault();
            setRefused(`Not pasted: that is ${describeLength(length)}, and a section holds up to ${describeLength(PASTE_LIMIT)}. Paste a shorter part.`);
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = clipboardOf(event);
            const html = data?.getData('text/html') ?? '';
            // Copies between Lexical editors carry their own JSON format: the editor handles those itself.
            if (!data || html === '' || data.types.includes('application/x-lexical-editor')) return false;
            event.preventDefault();
            editor.update(() => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              const dom = new DOMParser().parseFromString(cleanPastedHtml(html), 'text/html');
              $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return refused ? (
    <p className="paste-refused" role="alert" data-testid="paste-refused">
      {refused}
    </p>
  ) : null;
}
