import fc from 'fast-check';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { describe, expect, it } from 'vitest';
import {
  blocksToEditorState,
  editorStateToBlocks,
  lexicalJsonToMarkdown,
  lexicalJsonToPlainText,
  markdownToLexicalJson,
} from '../../../shared/story-format/lexical-json.ts';
import { printBody } from '../../../shared/story-format/markdown-body.ts';
import { blocks } from './arbitraries.ts';

/** A headless Lexical 0.52 editor with the nodes the app registers (no DOM needed). */
function headlessEditor(): LexicalEditor {
  return createEditor({ namespace: 'test', nodes: [ListNode, ListItemNode], onError: (error) => { throw error; } });
}

function loadIntoLexical(json: string): { exported: unknown; text: string } {
  const editor = headlessEditor();
  editor.setEditorState(editor.parseEditorState(json));
  const exported = editor.getEditorState().toJSON();
  const text = editor.getEditorState().read(() => $getRoot().getTextContent());
  return { exported, text };
}

const SAMPLE = 'I was the **only** backend *engineer*.\n\n- first\n- second **bold**\n  - nested\n- third\n\n2. two\n3. three\n\nA line\\\nbreak.';

describe('Lexical editor-state JSON', () => {
  it('loads into a real Lexical editor and exports back unchanged', () => {
    const json = markdownToLexicalJson(SAMPLE);
    const { exported, text } = loadIntoLexical(json);
    expect(exported).toEqual(JSON.parse(json));
    expect(text).toBe(lexicalJsonToPlainText(json));
    expect(text).toBe('I was the only backend engineer.\n\nfirst\n\nsecond bold\n\nnested\n\nthird\n\ntwo\n\nthree\n\nA line\nbreak.');
  });

  it('uses the serialized shapes of Lexical 0.52', () => {
    const state = JSON.parse(markdownToLexicalJson('**Hi** there\n\n1. one')) as {
      root: { children: Array<Record<string, unknown> & { children: Array<Record<string, unknown>> }> };
    };
    const [paragraph, list] = state.root.children;
    // A paragraph takes the format of its first text node, as Lexical's reconciler sets it.
    expect(paragraph).toMatchObject({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 1, textStyle: '' });
    expect(paragraph!.children[0]).toEqual({ detail: 0, format: 1, mode: 'normal', style: '', text: 'Hi', type: 'text', version: 1 });
    expect(list).toMatchObject({ type: 'list', listType: 'number', start: 1, tag: 'ol', version: 1 });
    expect(list!.children[0]).toMatchObject({ type: 'listitem', value: 1, indent: 0, version: 1 });
  });

  it('for any body: Lexical loads it, exports it unchanged, and reads the same plain text', () => {
    fc.assert(
      fc.property(blocks, (value) => {
        const json = JSON.stringify(blocksToEditorState(value));
        const { exported, text } = loadIntoLexical(json);
        expect(exported).toEqual(JSON.parse(json));
        expect(lexicalJsonToPlainText(json)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('converts blocks to JSON and back, and Markdown to JSON and back', () => {
    fc.assert(
      fc.property(blocks, (value) => {
        expect(editorStateToBlocks(blocksToEditorState(value))).toEqual(value);
        const md = printBody(value);
        expect(lexicalJsonToMarkdown(markdownToLexicalJson(md))).toBe(md);
      }),
      { numRuns: 300 },
    );
  });

  it('reads state the editor produced itself, including empty paragraphs and other formats', () => {
    const editor = headlessEditor();
    editor.update(
      () => {
        // Built through Lexical's own API rather than our converter.
        const root = $getRoot();
        root.clear();
      },
      { discrete: true },
    );
    const fromEditor = {
      root: {
        children: [
          { children: [{ detail: 0, format: 9, mode: 'normal', style: '', text: 'bold underlined', type: 'text', version: 1 }], direction: 'ltr', format: '', indent: 0, textFormat: 9, textStyle: '', type: 'paragraph', version: 1 },
          { children: [], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', type: 'paragraph', version: 1 },
        ],
        direction: 'ltr',
        format: '',
        indent: 0,
        type: 'root',
        version: 1,
      },
    };
    const json = JSON.stringify(fromEditor);
    expect(loadIntoLexical(json).text).toBe('bold underlined\n\n');
    expect(lexicalJsonToPlainText(json)).toBe('bold underlined\n\n');
    expect(lexicalJsonToMarkdown(json)).toBe('**bold underlined**');
  });

  it('treats an empty or never-edited section as empty, and rejects junk clearly', () => {
    expect(lexicalJsonToPlainText('')).toBe('');
    expect(lexicalJsonToMarkdown('')).toBe('');
    expect(loadIntoLexical(markdownToLexicalJson('')).text).toBe('');
    expect(() => lexicalJsonToPlainText('{not json')).toThrow(/Not valid JSON/);
    expect(() => lexicalJsonToPlainText('{"foo":1}')).toThrow(/"root" node/);
  });
});
