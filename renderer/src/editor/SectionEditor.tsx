import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListItemNode,
  ListNode,
  type ListType,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type EditorState,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  TextNode,
  UNDO_COMMAND,
} from 'lexical';
import { memo, type ReactNode, useEffect, useState } from 'react';
import { PasteGuardPlugin } from './PasteGuardPlugin.tsx';

/** Text formats a story keeps: bold and italic. Anything else pasted in (underline, code, colours) is dropped. */
const KEPT_FORMATS = 1 | 2;

const theme = {
  paragraph: 'rt-paragraph',
  text: { bold: 'rt-bold', italic: 'rt-italic' },
  list: { ul: 'rt-ul', ol: 'rt-ol', listitem: 'rt-li', nested: { listitem: 'rt-nested' } },
};

/**
 * Reduces whatever was pasted or typed to what a story section holds: paragraphs, bold, italic, bullet and
 * numbered lists (a pasted checklist becomes bullets).
 */
function ReduceToStoryFormatPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          const format = node.getFormat();
          if ((format & ~KEPT_FORMATS) !== 0) node.setFormat(format & KEPT_FORMATS);
          if (node.getStyle() !== '') node.setStyle('');
        }),
        editor.registerNodeTransform(ListNode, (node) => {
          if (node.getListType() === 'check') node.setListType('bullet');
        }),
      ),
    [editor],
  );
  return null;
}

/** The type of the innermost list holding the selection, or null outside lists. Read inside an editor state. */
function $selectedListType(): ListType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return $getNearestNodeOfType(selection.anchor.getNode(), ListNode)?.getListType() ?? null;
}

/**
 * Makes the selection a list of `type`; when it already is one, turns it back into paragraphs. A list of the
 * other type changes type (Lexical's insert commands replace the innermost list).
 */
function toggleList(editor: LexicalEditor, type: 'bullet' | 'number'): void {
  const current = editor.getEditorState().read($selectedListType);
  if (current === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
}

function Toolbar({ label }: { label: string }): ReactNode {
  const [editor] = useLexicalComposerContext();
  const [bold, setBold] = useState(false);
  const [italic, setItalic] = useState(false);
  const [listType, setListType] = useState<ListType | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(() => {
    const refresh = (): void => {
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return;
        setBold(selection.hasFormat('bold'));
        setItalic(selection.hasFormat('italic'));
        setListType($selectedListType());
      });
    };
    return mergeRegister(
      editor.registerUpdateListener(refresh),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          refresh();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (value) => {
          setCanUndo(value);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (value) => {
          setCanRedo(value);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  const press = (action: () => void) => (event: React.MouseEvent) => {
    event.preventDefault();
    action();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={`${label} formatting`}>
      <button
        type="button"
        aria-pressed={bold}
        title="Bold (Ctrl+B)"
        aria-label="Bold"
        onMouseDown={press(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))}
      >
        <b>B</b>
      </button>
      <button
        type="button"
        aria-pressed={italic}
        title="Italic (Ctrl+I)"
        aria-label="Italic"
        onMouseDown={press(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))}
      >
        <i>I</i>
      </button>
      <button
        type="button"
        aria-pressed={listType === 'bullet'}
        title="Bullet list (Ctrl+Shift+8)"
        aria-label="Bullet list"
        onMouseDown={press(() => toggleList(editor, 'bullet'))}
      >
        •
      </button>
      <button
        type="button"
        aria-pressed={listType === 'number'}
        title="Numbered list (Ctrl+Shift+7)"
        aria-label="Numbered list"
        onMouseDown={press(() => toggleList(editor, 'number'))}
      >
        {/* Drawn, not typed: "1." as text would be words the button's name must contain. */}
        <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" className="toolbar-icon">
          <path d="M2 2.5h1.5v4M2 6.5h3M1.8 10.2q1.7-1.4 2.8 0q0.4 1-2.8 3.3h3" fill="none" stroke="currentColor" strokeWidth="1.1" />
          <path d="M7.5 4.5h7M7.5 12h7" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        type="button"
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
        aria-label="Undo"
        onMouseDown={press(() => editor.dispatchCommand(UNDO_COMMAND, undefined))}
      >
        ↶
      </button>
      <button
        type="button"
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
        aria-label="Redo"
        onMouseDown={press(() => editor.dispatchCommand(REDO_COMMAND, undefined))}
      >
        ↷
      </button>
    </div>
  );
}

/** Ctrl/Cmd+Shift+8 toggles a bullet list and Ctrl/Cmd+Shift+7 a numbered one, as in most word processors. */
function ListShortcutPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    return editor.registerRootListener((root, previous) => {
      const onKey = (event: KeyboardEvent): void => {
        if (!(event.ctrlKey || event.metaKey) || !event.shiftKey) return;
        // event.code names the key whatever the layout or the shifted character ("*" or "&" on US keyboards).
        const type = event.code === 'Digit8' || event.key === '*' ? 'bullet' : event.code === 'Digit7' ? 'number' : null;
        if (type === null) return;
        event.preventDefault();
        toggleList(editor, type);
      };
      previous?.removeEventListener('keydown', onKey);
      root?.addEventListener('keydown', onKey);
    });
  }, [editor]);
  return null;
}

function EditorHandlePlugin({ onReady }: { onReady: (editor: LexicalEditor) => void | (() => void) }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => onReady(editor), [editor, onReady]);
  return null;
}

export interface SectionEditorProps {
  id: string;
  label: string;
  hint: string;
  initialJson: string;
  readOnly?: boolean;
  /** Called on every edit with the new state and its plain text; the JSON is made only when it is saved. */
  onChange(state: EditorState, text: string): void;
  onBlur(): void;
  /** The editor, once it exists; may return a cleanup run when the editor goes. */
  onReady?(editor: LexicalEditor): void | (() => void);
  children?: ReactNode;
}

/** One STAR section as a Lexical rich-text field. */
export const SectionEditor = memo(function SectionEditor(props: SectionEditorProps): ReactNode {
  const { id, label, hint, initialJson, readOnly, onChange, onBlur, onReady, children } = props;
  const initialConfig = {
    namespace: `story-section-${id}`,
    editable: !readOnly,
    nodes: [ListNode, ListItemNode],
    theme,
    editorState: initialJson || undefined,
    onError(error: Error) {
      console.error(error);
    },
  };
  const handleChange = (state: EditorState): void => {
    onChange(state, state.read(() => $getRoot().getTextContent()));
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="section-field" data-section={id}>
        <Toolbar label={label} />
        <div className="section-input-wrap">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="section-input"
                aria-label={label}
                data-testid={`section-${id}`}
                onBlur={onBlur}
                aria-placeholder={hint}
                placeholder={<div className="section-placeholder">{hint}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        {children}
      </div>
      <PasteGuardPlugin />
      <HistoryPlugin />
      <ListPlugin />
      <ReduceToStoryFormatPlugin />
      <ListShortcutPlugin />
      <OnChangePlugin ignoreSelectionChange onChange={handleChange} />
      {onReady ? <EditorHandlePlugin onReady={onReady} /> : null}
    </LexicalComposer>
  );
});
