import { describe, expect, it } from 'vitest';
import { sectionSchema } from '../../../shared/ipc/schemas.ts';
import { EDITOR_NODE_TYPES, MAX_EDITOR_DEPTH, editorShapeProblem } from '../../../shared/story-format/editor-shape.ts';
import {
  lexicalJsonToMarkdown,
  lexicalJsonToPlainText,
  markdownToLexicalJson,
} from '../../../shared/story-format/lexical-json.ts';

/**
 * An editor state whose root holds `levels` lists nested inside each other, with one word at the bottom. Built as a
 * string: JSON.stringify itself recurses and would overflow on the deepest case, as a hostile file need not.
 */
function nestedLists(levels: number): string {
  const open = '{"type":"list","listType":"bullet","start":1,"tag":"ul","version":1,"children":[{"type":"listitem","value":1,"version":1,"children":[';
  const close = ']}]}';
  const word = '{"type":"text","text":"deep","format":0,"detail":0,"mode":"normal","style":"","version":1}';
  return `{"root":{"type":"root","version":1,"children":[${open.repeat(levels)}${word}${close.repeat(levels)}]}}`;
}

function withNode(extra: Record<string, unknown>): string {
  const state = JSON.parse(markdownToLexicalJson('Some words.')) as { root: { children: unknown[] } };
  state.root.children.push({ type: 'paragraph', children: [extra], direction: null, format: '', indent: 0, version: 1 });
  return JSON.stringify(state);
}

const section = (json: string) => ({ json, text: 'x' });

describe('the editor shape a section may have', () => {
  it('accepts what the editor itself writes, including nested lists', () => {
    const json = markdownToLexicalJson('**Bold** and *italic*\n\n- one\n  - two\n    - three\n\n1. first\\\nline');
    expect(editorShapeProblem((JSON.parse(json) as { root: unknown }).root)).toBeNull();
    expect(sectionSchema.safeParse(section(json)).success).toBe(true);
  });

  it('refuses a section 20,000 levels deep with a message, without overflowing the stack', () => {
    const json = nestedLists(10_000); // two nodes per level: 20,001 deep
    const result = sectionSchema.safeParse(section(json));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/nested more than 100 levels deep/);
    // The converters check the shape first instead of recursing into it.
    expect(() => lexicalJsonToMarkdown(json)).toThrow(/nested more than 100 levels/);
    expect(() => lexicalJsonToPlainText(json)).toThrow(/nested more than 100 levels/);
  });

  it('draws the depth line at MAX_EDITOR_DEPTH exactly', () => {
    // root(1) > list > listitem > ... > text: depth is 2 * levels + 2.
    const fits = Math.floor((MAX_EDITOR_DEPTH - 2) / 2);
    expect(sectionSchema.safeParse(section(nestedLists(fits))).success).toBe(true);
    expect(lexicalJsonToPlainText(nestedLists(fits))).toBe('deep');
    expect(sectionSchema.safeParse(section(nestedLists(fits + 1))).success).toBe(false);
  });

  it.each(['link', 'html', 'heading', 'image'])('refuses a "%s" node the editor does not have, naming it', (type) => {
    const json = withNode({ type, children: [], version: 1 });
    const result = sectionSchema.safeParse(section(json));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(`"${type}" node`);
    expect(() => lexicalJsonToMarkdown(json)).toThrow(`"${type}" node`);
  });

  it('refuses nodes that are not objects, have no type, or have children that are not a list', () => {
    expect(editorShapeProblem({ type: 'root', children: [42] })).toMatch(/not a JSON object/);
    expect(editorShapeProblem({ type: 'root', children: [{ children: [] }] })).toMatch(/"undefined" node/);
    expect(editorShapeProblem({ type: 'root', children: { 0: {} } })).toMatch(/children are not a list/);
  });

  it('lists every node type the section editor registers', () => {
    // Lexical's core nodes plus @lexical/list's, which SectionEditor registers; nothing more.
    expect([...EDITOR_NODE_TYPES].sort()).toEqual(['linebreak', 'list', 'listitem', 'paragraph', 'root', 'tab', 'text']);
  });
});
