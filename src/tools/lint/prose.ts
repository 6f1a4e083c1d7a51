/** The text of a document that readers see: frontmatter values and body prose, at file offsets. */
import type { LintDocument } from './context.ts';

export interface ProseSegment {
  /** Offset of `text` in the whole file. */
  start: number;
  text: string;
}

export function getProse(doc: LintDocument): ProseSegment[] {
  const firstLineEnd = doc.entry.source.indexOf('\n') + 1;
  const out: ProseSegment[] = [{ start: firstLineEnd, text: doc.entry.source.slice(firstLineEnd, doc.bodyStart) }];
  for (const t of doc.facts.text) out.push({ start: doc.bodyStart + t.offset, text: t.text });
  return out;
}

/** True when the text has any character outside ASCII (most prose does not, and can be skipped). */
export function hasNonAscii(text: string): boolean {
  return /[^\p{ASCII}]/u.test(text);
}
