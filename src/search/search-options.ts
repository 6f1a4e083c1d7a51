/**
 * Pagefind's browser options, in one place: the site's search (client/pagefind-api.ts) and the
 * Node search that tests and the benchmark use (node-search.ts) both pass exactly these, so the
 * benchmark measures the ranking readers get. Change a figure here, then run `npm run bench:search`.
 */

/** Pagefind ranking parameters (https://pagefind.app/docs/ranking/). Omitted ones keep Pagefind's defaults. */
export interface PagefindRanking {
  termFrequency?: number;
  pageLength?: number;
  termSaturation?: number;
  termSimilarity?: number;
  /** Boost for matches in metadata fields, by field name (Pagefind ≥ 1.5: title defaults to 5). */
  metaWeights?: Record<string, number>;
}

export interface PagefindOptions {
  /** Words in each result's excerpt. */
  excerptLength: number;
  ranking: PagefindRanking;
}

export const PAGEFIND_OPTIONS: PagefindOptions = {
  excerptLength: 22,
  ranking: {
    // Every page whose metadata field matches gets the same boost (field weight × IDF × coverage²),
    // so the synonym tiers are what rank "the page about refunds" above "a page that mentions one".
    // A synonym of the title counts less than the title itself (Pagefind's default title weight is 5).
    // Measured: docs/search.md.
    metaWeights: {
      synonyms: 3,
      question_synonyms: 2.5,
      description_synonyms: 2,
      heading_synonyms: 1,
      body_synonyms: 0.2,
    },
    // Half term frequency, half weighted word count (default 1 = frequency only): long articles
    // that use a word often are no longer outranked by short FAQ answers that use it once.
    // 0.5 is the middle of a plateau of equal scores (docs/search.md, "Figures").
    termFrequency: 0.5,
  },
};
