/**
 * Ranks the first results by their best section, not the whole page. Pagefind scores a page by
 * all its matches, so a long reference page that mentions each query word somewhere beats a short
 * page, or one section of a long page, that is about exactly those words. Pagefind's result data
 * has the page's text (`raw_content`, one entry per word position) and its headings with their
 * positions (`anchors`), so each section (a heading to the next one; the part before the first
 * heading is led by the page title) can be checked for which query words it holds, and which of
 * them its heading or the page title says. The page's Pagefind score is then scaled by its best
 * section's focus and by the page's search weight (`searchWeight` in front matter, the
 * category's `searchWeight`: meta `search_weight`). Measured: docs/search.md.
 */
import { FAQ_SYNONYM_FIELDS, SYNONYM_FIELDS } from './synonyms.ts';
import { getWords } from './vocabulary.ts';

/** The part of Pagefind's result data this uses; anything missing leaves the page's score as it is. */
export interface SectionRankData {
  raw_content?: string;
  anchors?: ReadonlyArray<{ text: string; location: number }>;
  meta?: Record<string, string | undefined>;
}

/** One result, as query.ts ranks them. */
interface Ranked<D> {
  id: string;
  score: number;
  matchScore?: number;
  /** Set on the results this ranked: its best section's share of the terms (SectionMatch.coverage). */
  coverage?: number;
  data: () => Promise<D>;
}

/**
 * How many of the first results are ranked again: their data is loaded first, so this is what
 * the header's result list shows (DROPDOWN_LIMIT in client/search-ui.ts), which adds no request
 * there. 6, 10 and 20 measured the same (docs/search.md).
 */
export const SECTION_RANK_DEPTH = 6;
/** A page whose best section holds none of the words keeps this share of its score. */
const FOCUS_FLOOR = 0.5;
/** The meta field a page's search weight is in (article-records.ts writes it). */
export const SEARCH_WEIGHT_META = 'search_weight';

/**
 * Whether a word of the page is a query term's match: Pagefind matches a term as a prefix of a
 * word, after stemming; without the stemmer, a shared start of all but the term's last two
 * letters (at least 5) stands in for it ("patterns" / "pattern", "translate" / "translations").
 */
export function matchesTerm(word: string, term: string): boolean {
  if (word.startsWith(term)) return true;
  return term.length >= 6 && word.startsWith(term.slice(0, Math.max(5, term.length - 2)));
}

function termsIn(words: readonly string[], terms: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (const w of words) terms.forEach((t, i) => matchesTerm(w, t) && found.add(i));
  return found;
}

/** The metadata fields the synonyms of a page are indexed in (synonyms.ts). */
const SYNONYM_META = [
  ...new Set([...Object.values(SYNONYM_FIELDS), ...Object.values(FAQ_SYNONYM_FIELDS)].map((f) => f.meta)),
];

/** How well a page's best section answers the terms (getSectionMatch). */
export interface SectionMatch {
  /** From 0 (no section holds any term) to 2 (one holds them all and its heading or the page title says them all). */
  focus: number;
  /** The largest share of the terms one section holds (its heading and the page title included), 0 to 1. */
  coverage: number;
}

/**
 * The page's best section: coverage squared, so a section with every word beats two sections
 * with half each, times one plus the share its heading or the page title says.
 */
export function getSectionMatch(data: SectionRankData, terms: readonly string[]): SectionMatch {
  const words = terms.flatMap((t) => getWords(t));
  const best: SectionMatch = { focus: 0, coverage: 0 };
  if (words.length === 0 || data.raw_content === undefined) return best;
  const tokens = data.raw_content.split(/\s+/).filter(Boolean);
  const anchors = [...(data.anchors ?? [])]
    .filter((a) => a.location < tokens.length)
    .sort((a, b) => a.location - b.location);
  const meta = data.meta ?? {};
  // A word the page has only through a synonym group is in its metadata, not its text: it counts
  // as in every section (not as said by a heading: the tiers already weigh where the group was found).
  const metaWords = (fields: readonly string[]) => fields.flatMap((f) => getWords(meta[f] ?? ''));
  const title = termsIn(getWords(meta.title ?? ''), words);
  const anywhere = termsIn(metaWords(SYNONYM_META), words);
  const starts = [0, ...anchors.map((a) => a.location)];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? tokens.length;
    if (end <= start && i > 0) return;
    const heading = i === 0 ? new Set<number>() : termsIn(getWords(anchors[i - 1]!.text), words);
    const body = termsIn(
      tokens.slice(start, end).flatMap((t) => getWords(t)),
      words,
    );
    const said = new Set([...title, ...heading]);
    const covered = new Set([...body, ...said, ...anywhere]);
    const coverage = covered.size / words.length;
    const focus = coverage * coverage * (1 + said.size / words.length);
    if (focus > best.focus) best.focus = focus;
    if (coverage > best.coverage) best.coverage = coverage;
  });
  return best;
}

/** The best section's focus (getSectionMatch), 0 to 2. */
export function getSectionFocus(data: SectionRankData, terms: readonly string[]): number {
  return getSectionMatch(data, terms).focus;
}

/** The page's search weight from its meta (default 1; 0 to 10). */
export function getPageSearchWeight(data: SectionRankData): number {
  const raw = data.meta?.[SEARCH_WEIGHT_META];
  const weight = raw === undefined ? 1 : Number(raw);
  return Number.isFinite(weight) ? Math.min(10, Math.max(0, weight)) : 1;
}

/**
 * The first `depth` results ordered by score × (FOCUS_FLOOR + section focus) × page weight, the
 * rest after them as they were. Each result's data is loaded once and kept (the list renders it).
 */
export async function rankBySections<D>(
  results: ReadonlyArray<Ranked<D>>,
  terms: readonly string[],
  depth = SECTION_RANK_DEPTH,
): Promise<Array<Ranked<D>>> {
  const head = results.slice(0, depth);
  if (head.length === 0) return [...results];
  const loaded = await Promise.all(head.map((r) => r.data()));
  const top = Math.max(...head.map((r) => r.score), Number.MIN_VALUE);
  const ranked = head.map((r, i) => {
    const data = loaded[i]!;
    // Results from another searcher (the assistant's records) have none of Pagefind's fields: focus 0, weight 1.
    const page = (typeof data === 'object' && data !== null ? data : {}) as SectionRankData;
    const { focus, coverage } = getSectionMatch(page, terms);
    const score = (Math.max(r.score, 0) / top) * (FOCUS_FLOOR + focus) * getPageSearchWeight(page);
    return {
      id: r.id,
      score,
      matchScore: r.matchScore ?? r.score,
      ...(page.raw_content === undefined ? {} : { coverage }),
      data: () => Promise.resolve(data),
    };
  });
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...ranked, ...results.slice(depth)];
}
