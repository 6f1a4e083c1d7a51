/**
 * How a reader's query becomes Pagefind searches; the same code runs in the browser
 * (client/pagefind-api.ts) and in Node for tests and the benchmark (node-search.ts).
 *
 * 1. Words that only glue a question together ("how do I ... my") are dropped: Pagefind returns
 *    only pages that contain every word, so "how do I reset my password" would miss the article.
 * 2. A word that is in no page (checked against the build's vocabulary) is corrected to the
 *    closest word that is ("pasword" -> "password"), or dropped when nothing is close.
 * 3. When few pages contain all the words, pages that contain some of them follow, ranked by the
 *    sum of their per-word scores, so a long, chatty question still finds its answer.
 * 4. The first results are ranked again by their best section and the page's search weight
 *    (section-rank.ts): a focused section beats the same words scattered through a long page.
 */
import { getEditDistance } from '../lib/edit-distance.ts';
import { rankBySections, SECTION_RANK_DEPTH } from './section-rank.ts';
import { getWords, type SearchVocabulary } from './vocabulary.ts';

export interface QueryPlan {
  /** The words searched for, in the reader's order. */
  terms: string[];
  /** Words that were in no page and were replaced by the closest word that is. */
  corrections: Array<{ from: string; to: string }>;
  /** Words that were in no page and had no close match; they are left out. */
  unknown: string[];
  /** Brand words (the site's name) that a term is a strict prefix of: their matches are discounted. */
  brandPrefixes?: string[];
}

export interface QueryPlanner {
  plan(query: string): QueryPlan;
}

/** Words shorter than this are never corrected (too many near neighbours). */
const MIN_CORRECTABLE = 4;
/** Allowed edits: 1 up to this many letters, 2 above. */
const ONE_EDIT_UP_TO = 7;

export function createQueryPlanner(vocabulary: SearchVocabulary | undefined): QueryPlanner {
  const stopWords = new Set((vocabulary?.stopWords ?? []).flatMap(getWords));
  const brandWords = vocabulary?.brandWords ?? [];
  const words = vocabulary?.words ?? [];
  const known = new Set(words);
  const sorted = [...words].sort();
  const isPrefixOfKnown = (w: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.startsWith(w);
  };
  const correct = (w: string): string | undefined => {
    const max = w.length <= ONE_EDIT_UP_TO ? 1 : 2;
    let best: string | undefined;
    let bestDistance = max + 1;
    // `words` is most frequent first, so on a tie the more common word wins.
    for (const candidate of words) {
      if (Math.abs(candidate.length - w.length) > max) continue;
      const d = getEditDistance(w, candidate, max);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        if (d === 1) break;
      }
    }
    return best;
  };

  return {
    plan(query) {
      const tokens = query
        .toLowerCase()
        .split(/\s+/)
        .filter((t) => getWords(t).length > 0);
      const content = tokens.filter((t) => !getWords(t).every((w) => stopWords.has(w)));
      const candidates = content.length > 0 ? content : tokens;
      const plan: QueryPlan = { terms: [], corrections: [], unknown: [] };
      for (const token of candidates) {
        const parts = getWords(token);
        const word = parts[0]!;
        const checkable =
          words.length > 0 && parts.length === 1 && /^\p{L}+$/u.test(word) && word.length >= MIN_CORRECTABLE;
        if (!checkable || known.has(word) || isPrefixOfKnown(word)) {
          plan.terms.push(token);
          continue;
        }
        const fixed = correct(word);
        if (fixed) {
          plan.terms.push(fixed);
          plan.corrections.push({ from: token, to: fixed });
        } else plan.unknown.push(token);
      }
      const brands = brandWords.filter(
        (b) => plan.terms.some((t) => b.startsWith(t) && b !== t) && !plan.terms.includes(b),
      );
      if (brands.length > 0) plan.brandPrefixes = brands;
      return plan;
    },
  };
}

/** One Pagefind result before its data is loaded. */
export interface RankedResult<D> {
  id: string;
  score: number;
  /** The text-match score before the section ranking scaled it (section-rank.ts); an answer card is judged on it. */
  matchScore?: number;
  /** Set once the section ranking has seen its data: the share of the terms its best section holds. */
  coverage?: number;
  data: () => Promise<D>;
}

export interface PagefindSearcher<D> {
  search(term: string, opts?: { filters?: Record<string, string> }): Promise<{ results: Array<RankedResult<D>> }>;
}

export interface HelpCenterSearchResult<D> {
  results: Array<RankedResult<D>>;
  plan: QueryPlan;
  /** True when pages with only some of the words were added. */
  relaxed: boolean;
  /**
   * What an answer card is judged on (client/answer-strength.ts): the first result's text-match
   * score, then the best of the other ranked pages with every word. Scores before the section
   * ranking scaled them, which already favours a page whose heading says the words and would
   * count that twice; the best other, not the second, because that ranking may have moved a page
   * with a higher match below the first. Pages with only some of the words do not compete.
   */
  answerScores: number[];
}

function getAnswerScores(
  full: ReadonlyArray<RankedResult<unknown>>,
  some: ReadonlyArray<RankedResult<unknown>>,
): number[] {
  const [first, ...others] = (full.length > 0 ? full : some).slice(0, SECTION_RANK_DEPTH);
  if (!first) return [];
  const match = (r: RankedResult<unknown>) => r.matchScore ?? r.score;
  return others.length > 0 ? [match(first), Math.max(...others.map(match))] : [match(first)];
}

/** Below this many pages with every word, pages with some of the words are added after them. */
export const RELAX_BELOW = 3;

export async function searchHelpCenter<D>(
  pagefind: PagefindSearcher<D>,
  plan: QueryPlan,
  filters?: Record<string, string>,
): Promise<HelpCenterSearchResult<D>> {
  const opts = filters && Object.keys(filters).length > 0 ? { filters } : undefined;
  if (plan.terms.length === 0) return { results: [], plan, relaxed: false, answerScores: [] };
  const all = {
    results: await discountBrand(pagefind, plan, opts, [
      ...(await pagefind.search(plan.terms.join(' '), opts)).results,
    ]),
  };
  const ranked = await rankBySections(all.results, plan.terms);
  // Pages with every word come first, unless none of the first has a section that holds them
  // (nearly) all: then each word is somewhere on those pages, and a page with most of the words in
  // one section may answer better, so they compete with the pages that have some of the words.
  const together = ranked.slice(0, SECTION_RANK_DEPTH).filter(isTogether);
  if (plan.terms.length === 1 || (all.results.length >= RELAX_BELOW && together.length > 0)) {
    return { results: ranked, plan, relaxed: false, answerScores: getAnswerScores(ranked, []) };
  }
  const perTerm = await Promise.all(
    plan.terms.map(async (term) => {
      const brandPrefixes = plan.brandPrefixes?.filter((b) => b.startsWith(term));
      const { results } = await pagefind.search(term, opts);
      return { results: await discountBrand(pagefind, { ...plan, brandPrefixes }, opts, [...results]) };
    }),
  );
  const seen = new Set(together.map((r) => r.id));
  const fullIds = new Set(all.results.map((r) => r.id));
  const rest = mergeByScore(perTerm.map((s) => s.results)).filter((r) => !seen.has(r.id));
  // Pages with every word in one section stay first: a sum of per-word scores is not comparable to one score.
  const some = await rankBySections(rest, plan.terms, Math.max(0, SECTION_RANK_DEPTH - together.length));
  return {
    results: [...together, ...some],
    plan,
    relaxed: rest.some((r) => !fullIds.has(r.id)),
    answerScores: getAnswerScores(together, some),
  };
}

/**
 * The share of the terms one section must hold for its page to rank with the pages that hold every
 * word: all of two or three, all but one of four or more ("not", "added" rarely decide a section).
 */
const TOGETHER_COVERAGE = 0.75;

/** Whether a ranked page has a section that holds (nearly) every term; a page of unknown sections counts. */
const isTogether = (r: RankedResult<unknown>): boolean => r.coverage === undefined || r.coverage >= TOGETHER_COVERAGE;

/**
 * Pagefind matches a word as a prefix too, so "parcel" also matches the brand "Parcelo" on nearly
 * every page and swamps the pages about parcels. Each page's score for the brand word alone is
 * taken off its score, which leaves what the reader's own word earned.
 */
async function discountBrand<D>(
  pagefind: PagefindSearcher<D>,
  plan: QueryPlan,
  opts: { filters: Record<string, string> } | undefined,
  results: Array<RankedResult<D>>,
): Promise<Array<RankedResult<D>>> {
  if (!plan.brandPrefixes?.length) return results.sort(byRank);
  const brand = new Map<string, number>();
  for (const word of plan.brandPrefixes)
    for (const r of (await pagefind.search(word, opts)).results) brand.set(r.id, (brand.get(r.id) ?? 0) + r.score);
  return results.map((r) => ({ ...r, score: r.score - (brand.get(r.id) ?? 0) })).sort(byRank);
}

/** Pages found by any of several searches, best summed score first (each keeps its best excerpt). */
export function mergeByScore<D>(lists: ReadonlyArray<ReadonlyArray<RankedResult<D>>>): Array<RankedResult<D>> {
  const byId = new Map<string, { best: RankedResult<D>; sum: number }>();
  for (const list of lists) {
    for (const r of list) {
      const entry = byId.get(r.id);
      if (!entry) byId.set(r.id, { best: r, sum: r.score });
      else {
        entry.sum += r.score;
        if (r.score > entry.best.score) entry.best = r;
      }
    }
  }
  return [...byId.values()].map(({ best, sum }) => ({ id: best.id, score: sum, data: best.data })).sort(byRank);
}

/**
 * Best score first; equal scores by result id. Pagefind keeps equal scores in the order pages were
 * indexed, which the build does not fix (pages are indexed as Astro finishes them); the id is a
 * hash of the page's indexed content, so the same content always ranks the same way.
 */
export function byRank(a: { id: string; score: number }, b: { id: string; score: number }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
