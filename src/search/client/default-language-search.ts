/**
 * The default language's search, for a page in another language whose own search finds little
 * (language-fallback.ts). A second Pagefind instance of the same bundle, for the default
 * language's index, with that language's vocabulary (typo correction, stop words). Loaded only
 * when a search needs it.
 */
import { createQueryPlanner, searchHelpCenter, type HelpCenterSearchResult } from '../query.ts';
import { PAGEFIND_OPTIONS } from '../search-options.ts';
import { getVocabularyFile, type SearchVocabulary } from '../vocabulary.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { createPagefindInstance, type PagefindModule } from './pagefind-instance.ts';

export interface LanguageSearch {
  search(query: string, filters?: Record<string, string>): Promise<HelpCenterSearchResult<PagefindResultData>>;
}

const loaded = new Map<string, Promise<LanguageSearch>>();

export function loadLanguageSearch(language: string): Promise<LanguageSearch> {
  let search = loaded.get(language);
  if (search) return search;
  search = (async () => {
    const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
    const [pagefind, vocabulary] = await Promise.all([
      (async () => {
        const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
        const pf = createPagefindInstance(module, language, { basePath: `${base}pagefind/` });
        await pf.options({ ...PAGEFIND_OPTIONS, baseUrl: base });
        await pf.init();
        return pf;
      })(),
      fetch(`${base}pagefind/${getVocabularyFile(language)}`)
        .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : undefined))
        .catch(() => undefined),
    ]);
    const planner = createQueryPlanner(vocabulary);
    return { search: (query, filters) => searchHelpCenter(pagefind, planner.plan(query), filters) };
  })();
  loaded.set(language, search);
  // A failed load (a network blip) is not kept: the next search tries again.
  search.catch(() => loaded.delete(language));
  return search;
}
