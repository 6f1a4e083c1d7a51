/**
 * "Do these two questions ask the same thing?" Questions become sets of word stems (lowercased,
 * accents and stop words removed, light English stemming); two sets are similar when their
 * Jaccard index reaches a threshold. Candidate pairs come from prefix filtering (each set indexes
 * only its rarest tokens, enough to guarantee that every pair above the threshold shares one), so
 * 1,000 questions cost milliseconds instead of half a million comparisons.
 */

/** Words that carry no meaning for "what is this question about". */
const STOP_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be been before being but by can cannot could did do does doing done ' +
    'for from get gets getting got had has have having he her here hers him his how i if in into is it its just me might ' +
    'more most much must my no nor not now of off on once only or other our ours out over own please same shall she should so ' +
    'some such than that the their theirs them then there these they this those through to too under until up us very was we ' +
    'were what when where which while who whom whose why will with would you your yours yourself'
  ).split(' '),
);

/** Token stems of a question, without duplicates. */
export function getTokens(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\bcan['’]t\b/g, 'cannot')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not')
    .match(/[\p{L}\p{N}]+/gu);
  const out = new Set<string>();
  for (const word of words ?? []) if (!STOP_WORDS.has(word)) out.add(stem(word));
  return [...out];
}

/** A light English stemmer: plural, -ing, -ed, -ly and a final -e or -y, so "refunds", "refunded" and "refunding" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  // Undo doubled consonants everywhere, so "cancel"/"cancelled" and "call"/"called" meet alike.
  if (/([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && /[ey]$/.test(w)) w = w.slice(0, -1);
  return w;
}

export interface SimilarPair {
  /** Indexes into the input list, a < b. */
  a: number;
  b: number;
  similarity: number;
}

export interface SimilarityOptions {
  /** Jaccard index from 0 to 1 at or above which two texts are similar. */
  threshold?: number;
  /** Shared tokens needed besides the threshold (one-word questions need a full match). */
  minShared?: number;
}

/** All pairs of texts whose token sets are at least `threshold` similar. */
export function findSimilarPairs(texts: readonly string[], options: SimilarityOptions = {}): SimilarPair[] {
  const threshold = options.threshold ?? 0.6;
  const minShared = options.minShared ?? 2;
  const sets = texts.map(getTokens);
  const frequency = new Map<string, number>();
  for (const set of sets) for (const t of set) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  // Rarest first, ties by the token itself, so every set is ordered the same way.
  const ordered = sets.map((set) =>
    [...set].sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0)),
  );
  const index = new Map<string, number[]>();
  const pairs: SimilarPair[] = [];
  ordered.forEach((tokens, b) => {
    if (tokens.length === 0) return;
    const prefix = tokens.length - Math.ceil(threshold * tokens.length) + 1;
    const candidates = new Set<number>();
    for (const t of tokens.slice(0, prefix)) for (const a of index.get(t) ?? []) candidates.add(a);
    const mine = new Set(tokens);
    for (const a of candidates) {
      const other = sets[a]!;
      let shared = 0;
      for (const t of other) if (mine.has(t)) shared++;
      const similarity = shared / (mine.size + other.length - shared);
      if (similarity >= threshold && shared >= Math.min(minShared, mine.size, other.length))
        pairs.push({ a, b, similarity });
    }
    for (const t of tokens.slice(0, prefix)) {
      const list = index.get(t) ?? [];
      list.push(b);
      index.set(t, list);
    }
  });
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}
