import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';

/** Where one text node sits in the section's plain text (what $getRoot().getTextContent() returns). */
export interface TextSegment {
  key: NodeKey;
  start: number;
  end: number;
}

/**
 * Walks the editor state with the same rules as Lexical's getTextContent (block children joined by a blank line,
 * a line break counts as one character), recording each text node's span. Lint offsets are into that text.
 */
export function $buildTextMap(): TextSegment[] {
  const segments: TextSegment[] = [];
  let offset = 0;
  const walk = (element: ElementNode): void => {
    const children = element.getChildren();
    children.forEach((child, index) => {
      if ($isTextNode(child)) {
        const length = child.getTextContentSize();
        segments.push({ key: child.getKey(), start: offset, end: offset + length });
        offset += length;
      } else if ($isLineBreakNode(child)) {
        offset += 1;
      } else if ($isElementNode(child)) {
        walk(child);
        if (index !== children.length - 1 && !child.isInline()) offset += 2;
      } else {
        offset += child.getTextContentSize();
      }
    });
  };
  walk($getRoot());
  return segments;
}

export function textMapOf(editor: LexicalEditor): TextSegment[] {
  return editor.read($buildTextMap);
}

/** The segment holding a plain-text offset (an offset at a boundary belongs to the segment it ends). */
export function segmentAt(segments: readonly TextSegment[], offset: number, preferEnd = false): TextSegment | null {
  for (const segment of segments) {
    if (offset > segment.start && offset < segment.end) return segment;
    if (offset === segment.start && !preferEnd) return segment;
    if (offset === segment.end && preferEnd) return segment;
  }
  return segments.find((s) => offset >= s.start && offset <= s.end) ?? null;
}

/** A DOM Range over plain-text [start, end) of one editor, or null when it cannot be mapped. */
export function domRangeFor(
  editor: LexicalEditor,
  segments: readonly TextSegment[],
  start: number,
  end: number,
): Range | null {
  const from = segmentAt(segments, start);
  const to = segmentAt(segments, end, true);
  if (!from || !to) return null;
  const fromNode = editor.getElementByKey(from.key)?.firstChild;
  const toNode = editor.getElementByKey(to.key)?.firstChild;
  if (!fromNode || !toNode || fromNode.nodeType !== Node.TEXT_NODE || toNode.nodeType !== Node.TEXT_NODE) return null;
  const range = document.createRange();
  try {
    range.setStart(fromNode, Math.min(start - from.start, fromNode.textContent?.length ?? 0));
    range.setEnd(toNode, Math.min(end - to.start, toNode.textContent?.length ?? 0));
  } catch {
    return null;
  }
  return range;
}
