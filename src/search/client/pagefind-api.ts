/**
 * The small part of Pagefind's browser API this site uses, and the site's search on top of it
 * (query.ts: stop words, typo correction, partial matches). Loaded once, when a reader starts to search.
 */
import { createQueryPlanner, searchHelpCenter, type HelpCenterSearchResult } from '../query.ts';
import { PAGEFIND_OPTIONS } from '../search-options.ts';
import { getVocabularyFile, type SearchVocabulary } from '../vocabulary.ts';
import { createResultText, type ResultText } from './render-results.ts';
import { getWordCheck } from './typing-pause.ts';

export interface PagefindWordLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: PagefindWordLocation[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  word_count?: number;
}

export interface PagefindSearch {
  results: Array<{ id: string; score: number; data: () => Promise<PagefindResultData> }>;
}

export interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  /** `language` overrides the page's `<html lang>` (Node has no page). */
  init(language?: string): Promise<void> | void;
  search(term: string, opts?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  /** Fetches the index chunks `term` needs, without searching. */
  preload(term: string, opts?: { filters?: Record<string, string> }): Promise<void>;
}

export interface HelpCenterSearch {
  search(query: string, filters?: Record<string, string>): Promise<HelpCenterSearchResult<PagefindResultData>>;
  /** Starts fetching the index chunks of the query's words (as planned: corrected, stop words dropped). */
  preload(query: string): void;
  /** The result list's strings in the page's language. */
  text: ResultText;
  /** Whether a word (lowercase, accents folded) is one of the index's; undefined without a vocabulary. */
  isWord: ((word: string) => boolean) | undefined;
}

let loaded: Promise<HelpCenterSearch> | undefined;

/**
 * A ready Pagefind and a planner with the language's vocabulary, fetched together. `open` picks
 * the instance: the bundle itself (Pagefind takes the page's `<html lang>`), or a second instance
 * of it for another language's index (default-language-search.ts). Without the vocabulary (an
 * older build, a failed request), search still works, uncorrected.
 */
export async function loadSearchEngine(language: string, open: (bundle: unknown, basePath: string) => Pagefind) {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const [pagefind, vocabulary] = await Promise.all([
    (async () => {
      const pf = open(await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`), `${base}pagefind/`);
      await pf.options({ ...PAGEFIND_OPTIONS, baseUrl: base });
      await pf.init();
      return pf;
    })(),
    fetch(`${base}pagefind/${getVocabularyFile(language)}`)
      .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : undefined))
      .catch(() => undefined),
  ]);
  return { pagefind, planner: createQueryPlanner(vocabulary), vocabulary };
}

export function loadHelpCenterSearch(): Promise<HelpCenterSearch> {
  loaded ??= (async () => {
    const language = document.documentElement.lang || 'en';
    const { pagefind, planner, vocabulary } = await loadSearchEngine(language, (bundle) => bundle as Pagefind);
    return {
      search: (query, filters) => searchHelpCenter(pagefind, planner.plan(query), filters),
      preload: (query) => {
        const { terms } = planner.plan(query);
        if (terms.length > 0) pagefind.preload(terms.join(' ')).catch(() => {});
      },
      text: createResultText(vocabulary?.ui, language),
      isWord: getWordCheck(vocabulary),
    };
  })();
  // A failed load (a network blip) is not kept: the next search tries again.
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
