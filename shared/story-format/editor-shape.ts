/**
 * The shape an editor state may have: only the node types the section editor registers, nested at most
 * MAX_EDITOR_DEPTH deep. Checked without recursion, so a hostile 20,000-deep file cannot overflow the stack; the
 * converters (lexical-json.ts) call this first and may then recurse safely.
 *
 * Types: Lexical's core nodes (root, paragraph, text, linebreak, tab) plus ListNode and ListItemNode, which
 * renderer/src/editor/SectionEditor.tsx registers. Anything else (`link`, `html`, `heading`...) the editor would drop.
 *
 * Depth: root > list > listitem > list > ... > text. Each list indent adds two levels, so 100 allows about 48 indent
 * levels, far past anything readable, while keeping every recursive walk a few hundred frames at most.
 */
export const MAX_EDITOR_DEPTH = 100;

export const EDITOR_NODE_TYPES: ReadonlySet<string> = new Set(['root', 'paragraph', 'text', 'linebreak', 'tab', 'list', 'listitem']);

/** Null when the root node fits, else a message for the user. `root` is the "root" node (not the state object). */
export function editorShapeProblem(root: unknown): string | null {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return 'An editor node is not a JSON object.';
    if (depth > MAX_EDITOR_DEPTH) return `The section is nested more than ${MAX_EDITOR_DEPTH} levels deep, more than the editor can hold.`;
    const { type, children } = node as { type?: unknown; children?: unknown };
    if (typeof type !== 'string' || !EDITOR_NODE_TYPES.has(type)) {
      return `The section holds a "${String(type).slice(0, 40)}" node, which the editor does not have (it has ${[...EDITOR_NODE_TYPES].join(', ')}).`;
    }
    if (children === undefined) continue;
    if (!Array.isArray(children)) return `A "${type}" node's children are not a list.`;
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
  return null;
}
