/**
 * Translation freshness by revision, not by date (docs/languages.md). A source's revision is a
 * short hash of its Markdown body, so editing only its frontmatter (tags, owner, reviewBy) never
 * makes a translation stale. A translation records the revision it was made from in
 * `sourceRevision`; it is stale when the source's revision has moved on, unless the source marks
 * its current body as a minor edit of that revision (`minorRevisionOf`).
 */
import { createHash } from 'node:crypto';

/** The revision of a source's body: line endings and trailing whitespace do not count. */
export function getContentRevision(body: string): string {
  const normalised = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 10);
}

export type Freshness =
  | { state: 'fresh' }
  | { state: 'stale'; sourceRevision: string; currentRevision: string }
  /** The translation does not say which revision it was made from. */
  | { state: 'unknown'; currentRevision: string };

export function getFreshness(
  source: { body: string; data: { minorRevisionOf?: string } },
  translation: { data: { sourceRevision?: string } },
): Freshness {
  const currentRevision = getContentRevision(source.body);
  const made = translation.data.sourceRevision;
  if (!made) return { state: 'unknown', currentRevision };
  if (made === currentRevision || made === source.data.minorRevisionOf) return { state: 'fresh' };
  return { state: 'stale', sourceRevision: made, currentRevision };
}
