/**
 * The widget's search: the help center's Pagefind bundle and vocabulary loaded across origins on
 * first use, with the same query layer as the help center's own pages (src/search/query.ts).
 */
import { createQueryPlanner, searchHelpCenter, type QueryPlan } from '../search/query.ts';
import type { PagefindResultData } from '../search/client/pagefind-api.ts';
import { getWordCheck } from '../search/client/typing-pause.ts';
import { PAGEFIND_OPTIONS } from '../search/search-options.ts';
import { createPagefindInstance, type PagefindModule } from '../search/client/pagefind-instance.ts';
import { getVocabularyFile, type SearchVocabulary } from '../search/vocabulary.ts';

export interface WidgetSearchResult {
  total: number;
  plan: QueryPlan;
  results: PagefindResultData[];
  /** The first results' scores, best first: the answer card is judged by its lead. */
  scores: number[];
}

export interface WidgetSearch {
  /** `isCurrent` false after the search: the query is outdated, and no result data is loaded. */
  search(query: string, limit: number, isCurrent?: () => boolean): Promise<WidgetSearchResult>;
  /** Starts fetching the index chunks of the query's words (as planned: corrected, stop words dropped). */
  preload(query: string): void;
  /** Whether a word is one of the index's (typing-pause.ts); undefined without a vocabulary. */
  isWord: ((word: string) => boolean) | undefined;
}

const loaded = new Map<string, Promise<WidgetSearch>>();

/** `helpUrl`: the help center's absolute URL with a trailing slash; `language`: the index and vocabulary to search. */
export function loadWidgetSearch(helpUrl: string, language: string): Promise<WidgetSearch> {
  const key = `${language} ${helpUrl}`;
  let search = loaded.get(key);
  if (search) return search;
  search = (async () => {
    const [pagefind, vocabulary] = await Promise.all([
      (async () => {
        const module = (await import(/* @vite-ignore */ `${helpUrl}pagefind/pagefind.js`)) as PagefindModule;
        // Absolute result URLs: the widget's page is on another origin. No worker: a page cannot
        // start one from another origin (Pagefind would try, fail and search on the main thread
        // anyway; under Trusted Types the try is a reported violation).
        const pf = createPagefindInstance(module, language, { basePath: `${helpUrl}pagefind/`, noWorker: true });
        await pf.options({ ...PAGEFIND_OPTIONS, baseUrl: helpUrl });
        await pf.init();
        return pf;
      })(),
      fetch(`${helpUrl}pagefind/${getVocabularyFile(language)}`)
        .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : undefined))
        .catch(() => undefined),
    ]);
    const planner = createQueryPlanner(vocabulary);
    return {
      async search(query, limit, isCurrent = () => true) {
        const found = await searchHelpCenter(pagefind, planner.plan(query));
        const shown = isCurrent() ? found.results.slice(0, limit) : [];
        const results = await Promise.all(shown.map((r) => r.data()));
        const scores = found.answerScores;
        return { total: found.results.length, plan: found.plan, results, scores };
      },
      isWord: getWordCheck(vocabulary),
      preload(query) {
        const { terms } = planner.plan(query);
        if (terms.length > 0) pagefind.preload(terms.join(' ')).catch(() => {});
      },
    };
  })();
  loaded.set(key, search);
  // A failed load (a network blip) is not kept: the next search tries again.
  search.catch(() => loaded.delete(key));
  return search;
}
