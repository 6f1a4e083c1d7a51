/**
 * YAML parsing that remembers where every field is, so a finding can name its line and column.
 */
import { CORE_SCHEMA, load as loadYamlValue } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Where the field at `path` is written, or the closest parent that exists. */
  locate: (path: ReadonlyArray<PropertyKey>) => Position;
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

/**
 * Frontmatter, fast: the value from js-yaml (the parser Astro's content layer uses, much faster
 * than building a document with positions, docs/performance.md), and positions only when a finding
 * needs one: `locate` parses the text again with positions on its first call. Text js-yaml
 * rejects is parsed with positions at once, so the error names its line and column.
 */
export function parseFrontmatterYaml(text: string, lineOffset = 0): ParsedYaml {
  let value: unknown;
  try {
    // The YAML 1.2 core schema, as the `yaml` package reads it: a date stays the text the writer
    // typed, so "2026-02-30" is reported instead of rolling over to 2 March.
    value = loadYamlValue(text, { schema: CORE_SCHEMA });
  } catch (err) {
    const withPositions = parseYamlWithPositions(text, lineOffset); // throws YamlSyntaxError with the position
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    const reason = (err as Error).message.split('\n')[0]!.replace(/ \(\d+:\d+\)$/, '');
    if (mark) throw new YamlSyntaxError(reason, { line: mark.line + 1 + lineOffset, column: mark.column + 1 });
    return withPositions;
  }
  let located: ParsedYaml | undefined;
  return {
    value,
    locate: (path) => {
      try {
        located ??= parseYamlWithPositions(text, lineOffset);
      } catch {
        return { line: lineOffset + 1, column: 1 };
      }
      return located.locate(path);
    },
  };
}

function locateInDocument(
  doc: Document,
  path: ReadonlyArray<PropertyKey>,
  toPosition: (offset: number) => Position,
  start: Position,
): Position {
  let node: Node | null | undefined = doc.contents;
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
