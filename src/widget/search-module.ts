/**
 * The widget's search, loaded on the first search as its own module (`/widget/search.js`, like
 * the contact form), so a product page downloads none of it before the customer searches: the
 * query layer, Pagefind's loading, the answer card and its strength, and the fallback to the
 * default language's results (language-fallback.ts).
 */
import { getAnswerCard, type AnswerCard } from '../search/client/answer-card.ts';
import type { PagefindResultData } from '../search/client/pagefind-api.ts';
import type { BrowserText } from '../i18n/browser-text.ts';
import { getResultLanguageLabel, mergeLanguageFallback, needsLanguageFallback } from '../search/language-fallback.ts';
import { loadWidgetSearch, type WidgetSearchResult } from './widget-search.ts';

export { loadWidgetSearch };

/** Starts fetching the index chunks `query` will need, while the reader's typing pause runs. */
export function preloadWidgetSearch(helpUrl: string, language: string, query: string): void {
  loadWidgetSearch(helpUrl, language)
    .then((s) => s.preload(query))
    .catch(() => {});
}

export interface WidgetSearchRequest {
  helpUrl: string;
  query: string;
  limit: number;
  /** The widget's language, and the site's default one. */
  language: string;
  defaultLanguage: string;
  /** The widget's strings, for the "In English" label. */
  text: Pick<BrowserText, 't'>;
  /** False once a newer query waits: result data is then not loaded. */
  isCurrent?: () => boolean;
}

export interface WidgetSearchOutcome {
  total: number;
  /** Best first; `label` ("In English") and `language` on a result of the default language's search. */
  results: Array<{ result: PagefindResultData; language?: string; label?: string }>;
  /** The answer card, when the first result of the widget's own language matches strongly. */
  card: AnswerCard | undefined;
  /** The vocabulary's words, for the typing pause of the next queries (typing-pause.ts). */
  isWord: ((word: string) => boolean) | undefined;
}

export async function searchWidget(request: WidgetSearchRequest): Promise<WidgetSearchOutcome> {
  const { helpUrl, query, limit, language, defaultLanguage, isCurrent } = request;
  const own = await loadWidgetSearch(helpUrl, language);
  const found = await own.search(query, limit, isCurrent);
  // In a language with few translations: the default language's results after the reader's, marked.
  let fallback: WidgetSearchResult | undefined;
  if ((isCurrent?.() ?? true) && needsLanguageFallback(language, defaultLanguage, found.total)) {
    fallback = await loadWidgetSearch(helpUrl, defaultLanguage)
      .then((s) => s.search(query, limit, isCurrent))
      .catch(() => undefined);
  }
  const merged = mergeLanguageFallback(found.results, fallback?.results ?? [], {
    language: defaultLanguage,
    localePrefix: language,
    limit,
  });
  return {
    total: found.total + (fallback?.total ?? 0) - merged.skipped,
    results: merged.results.map((m) =>
      m.language
        ? { ...m, label: getResultLanguageLabel({ code: m.language, pageLanguage: language }, request.text) }
        : m,
    ),
    card: getAnswerCard(found.results[0], { plan: found.plan, scores: found.scores, language }),
    isWord: own.isWord,
  };
}
