/**
 * The widget's search: the help center's Pagefind bundle and vocabulary loaded across origins on
 * first use, with the same query layer as the help center's own pages (src/search/query.ts).
 */
import { createQueryPlanner, searchHelpCenter, type QueryPlan } from '../search/query.ts';
import type { Pagefind, PagefindResultData } from '../search/client/pagefind-api.ts';
import { PAGEFIND_OPTIONS } from '../search/search-options.ts';
import { VOCABULARY_FILE, type SearchVocabulary } from '../search/vocabulary.ts';

export interface WidgetSearchResult {
  total: number;
  plan: QueryPlan;
  results: PagefindResultData[];
}

export interface WidgetSearch {
  search(query: string, limit: number): Promise<WidgetSearchResult>;
}

const loaded = new Map<string, Promise<WidgetSearch>>();

/** `helpUrl`: the help center's absolute URL with a trailing slash. */
export function loadWidgetSearch(helpUrl: string): Promise<WidgetSearch> {
  let search = loaded.get(helpUrl);
  if (search) return search;
  search = (async () => {
    const [pagefind, vocabulary] = await Promise.all([
      (async () => {
        const pf = (await import(/* @vite-ignore */ `${helpUrl}pagefind/pagefind.js`)) as Pagefind;
        // Absolute result URLs: the widget's page is on another origin. No worker: a page cannot
        // start one from another origin (Pagefind would try, fail and search on the main thread
        // anyway; under Trusted Types the try is a reported violation).
        await pf.options({ ...PAGEFIND_OPTIONS, baseUrl: helpUrl, noWorker: true });
        await pf.init();
        return pf;
      })(),
      fetch(`${helpUrl}pagefind/${VOCABULARY_FILE}`)
        .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : undefined))
        .catch(() => undefined),
    ]);
    const planner = createQueryPlanner(vocabulary);
    return {
      async search(query, limit) {
        const found = await searchHelpCenter(pagefind, planner.plan(query));
        const results = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
        return { total: found.results.length, plan: found.plan, results };
      },
    };
  })();
  loaded.set(helpUrl, search);
  // A failed load (a network blip) is not kept: the next search tries again.
  search.catch(() => loaded.delete(helpUrl));
  return search;
}

/** The article or FAQ a result is, from its URL: ".../<category>/<slug>/" or ".../faq/#<slug>". */
export function getResultItem(r: Pick<PagefindResultData, 'url' | 'filters'>): {
  kind: 'article' | 'faq';
  slug: string;
} {
  const url = new URL(r.url, 'https://x.invalid/');
  if (r.filters.type?.includes('faq')) return { kind: 'faq', slug: url.hash.slice(1) };
  const parts = url.pathname.split('/').filter(Boolean);
  return { kind: 'article', slug: parts[parts.length - 1] ?? '' };
}
