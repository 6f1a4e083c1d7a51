/**
 * "Did you mean ...?" for what writers and operators type (slugs, rule ids, callout names, page
 * paths): the one metric that the build, the linter, the rule settings and the search benchmark
 * share, so the same typo gets the same suggestion everywhere.
 */
import { getEditDistance } from './edit-distance.ts';

/** Case, hyphens, underscores and spaces do not make two names different to a reader. */
const normalize = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The candidate a mistyped `word` most likely meant, or undefined when none is close: an exact
 * match; else one that differs only in case or separators; else the closest within a few edits
 * (a swap of neighbouring letters is one edit; up to a quarter of the word or 2, and fewer
 * than half its letters, so a short word is not 'close' to every other short word);
 * else one that contains the word or is contained in it (":::warn" for ":::warning").
 * `keyOf` picks what to compare when a candidate is more than its name (a URL by its slug).
 */
export function findClosest<T>(
  word: string,
  candidates: Iterable<T>,
  keyOf: (candidate: T) => string = String,
): T | undefined {
  const keyed = [...candidates].map((candidate) => ({ candidate, key: keyOf(candidate) }));
  const exact = keyed.find((c) => c.key === word);
  if (exact) return exact.candidate;
  const wanted = normalize(word);
  if (!wanted) return undefined;
  const normalized = keyed.map((c) => ({ ...c, key: normalize(c.key) }));
  const same = normalized.find((c) => c.key === wanted);
  if (same) return same.candidate;
  const limit = Math.min(Math.max(2, Math.floor(wanted.length / 4)), Math.ceil(wanted.length / 2) - 1);
  let best: { candidate: T; distance: number } | undefined;
  for (const c of normalized) {
    const distance = getEditDistance(wanted, c.key, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate: c.candidate, distance };
  }
  if (best) return best.candidate;
  if (wanted.length < 3) return undefined;
  let contained: { candidate: T; extra: number } | undefined;
  for (const c of normalized) {
    if (c.key.length < 3 || !(c.key.includes(wanted) || wanted.includes(c.key))) continue;
    const extra = Math.abs(c.key.length - wanted.length);
    if (!contained || extra < contained.extra) contained = { candidate: c.candidate, extra };
  }
  return contained?.candidate;
}
