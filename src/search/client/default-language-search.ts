/**
 * The default language's search, for a page in another language whose own search finds little
 * (language-fallback.ts). A second Pagefind instance of the same bundle, for the default
 * language's index, with that language's vocabulary (typo correction, stop words). Loaded only
 * when a search needs it.
 */
import { searchHelpCenter, type HelpCenterSearchResult } from '../query.ts';
import { loadSearchEngine, type PagefindResultData } from './pagefind-api.ts';
import { createPagefindInstance, type PagefindModule } from './pagefind-instance.ts';

export interface LanguageSearch {
  search(query: string, filters?: Record<string, string>): Promise<HelpCenterSearchResult<PagefindResultData>>;
}

const loaded = new Map<string, Promise<LanguageSearch>>();

export function loadLanguageSearch(language: string): Promise<LanguageSearch> {
  let search = loaded.get(language);
  if (search) return search;
  search = (async () => {
    const { pagefind, planner } = await loadSearchEngine(language, (bundle, basePath) =>
      createPagefindInstance(bundle as PagefindModule, language, { basePath }),
    );
    return { search: (query, filters) => searchHelpCenter(pagefind, planner.plan(query), filters) };
  })();
  loaded.set(language, search);
  // A failed load (a network blip) is not kept: the next search tries again.
  search.catch(() => loaded.delete(language));
  return search;
}
