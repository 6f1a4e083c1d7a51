/**
 * YAML parsing that remembers where every field is, so a finding can name its line and column.
 */
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Where the field at `path` is written, or the closest parent that exists. */
  locate(path: ReadonlyArray<string | number>): Position;
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

/**
 * Parse YAML text whose first line sits at `lineOffset + 1` in its file.
 * Throws YamlSyntaxError with the file position of the first problem.
 */
export function parseYamlWithPositions(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new YamlSyntaxError(reason, { line: pos.line + lineOffset, column: pos.col });
  }
  const toPosition = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  return {
    value: doc.toJS(),
    locate: (path) => locateInDocument(doc, path, toPosition, toPosition(Math.max(0, text.search(/\S/)))),
  };
}

function locateInDocument(
  doc: Document,
  path: ReadonlyArray<string | number>,
  toPosition: (offset: number) => Position,
  start: Position,
): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let found: Position = start;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) found = toPosition(keyNode.range[0]);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      if (item.range) found = toPosition(item.range[0]);
      node = item;
    } else break;
  }
  return found;
}
