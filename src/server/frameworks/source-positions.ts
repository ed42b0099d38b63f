import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Finds where a path of the tree is written in the file. A path that ends on a key of a mapping
 * points at the key (the line the officer wrote "threshold:" on); an item of a list at the item. A
 * path that does not exist in the file (a missing field) points at the nearest part that does: the
 * mapping the field is missing from.
 */
export function positionOf(
  document: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
): SourcePosition | null {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  if (offset === null) return null;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | null {
  const range = (node as Partial<Node> | null | undefined)?.range;
  return range ? range[0] : null;
}

function keyText(key: unknown): string | null {
  return isScalar(key) ? String(key.value) : null;
}
