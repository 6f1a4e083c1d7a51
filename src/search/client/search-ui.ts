/**
 * The search UI: results as you type under any search box, the /search/ page with its filters,
 * and keyboard movement through results (arrows, Enter, Escape). Loaded only when a reader
 * starts to search.
 */
import { loadHelpCenterSearch, type HelpCenterSearch } from './pagefind-api.ts';
import { getOpenedPath, getSearchInsights } from './search-insights.ts';
import { getAnswerCard, getAnswerCardTexts, renderAnswerCard } from './answer-card.ts';
import { bindAnswerCardVote, readAnswerVoteConfig } from './answer-card-vote.ts';
import { loadLanguageSearch, type LanguageSearch } from './default-language-search.ts';
import { mergeLanguageFallback, needsLanguageFallback } from '../language-fallback.ts';
import type { HelpCenterSearchResult } from '../query.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { getSearchDelay, shouldPreload } from './typing-pause.ts';
import {
  getTopicCounts,
  renderMoreResults,
  renderNoResultsHint,
  renderOtherTopics,
  renderResult,
  renderStatus,
} from './render-results.ts';

interface Filters {
  category?: string;
  type?: string;
}

const DROPDOWN_LIMIT = 6;
const PAGE_LIMIT = 20;
/** Matching sections shown under a long article. */
const DROPDOWN_SECTIONS = 2;
const PAGE_SECTIONS = 3;
/** Results looked at to suggest other topics when the filters leave nothing. */
const TOPIC_SAMPLE = 30;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A text field of a form; '' when it is missing (a file input is never one of ours). */
const formText = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/** The search once loaded: its vocabulary tells a finished word from one still being typed. */
let ready: HelpCenterSearch | undefined;

export function enhanceAll(boxes: HTMLElement[]): void {
  for (const box of boxes) {
    if (box.dataset.enhanced) continue;
    box.dataset.enhanced = 'true';
    enhance(box);
  }
  // The reader has just focused a box: load Pagefind (script, WebAssembly, vocabulary) while the
  // first query is typed, not after it. A failure here is retried by the first search.
  void loadHelpCenterSearch()
    .then((h) => (ready = h))
    .catch(() => {});
}

function enhance(box: HTMLElement): void {
  const input = box.querySelector<HTMLInputElement>('[data-search-input]')!;
  const results = box.querySelector<HTMLElement>('[data-search-results]')!;
  const status = box.querySelector<HTMLElement>('[data-search-status]')!;
  const isPage = box.dataset.search === 'page';
  const form = box.querySelector('form');
  const filterForm = isPage ? document.querySelector<HTMLFormElement>('[data-search-filters]') : null;
  const noResults = isPage ? document.querySelector<HTMLElement>('[data-search-empty]') : null;
  const limit = isPage ? PAGE_LIMIT : DROPDOWN_LIMIT;
  /** Results shown on the search page: one more page each time the reader asks for more. */
  let pageSize = limit;
  let lastQuery = '';
  const sections = isPage ? PAGE_SECTIONS : DROPDOWN_SECTIONS;
  const searchPath = form?.getAttribute('action') ?? '';
  const insights = getSearchInsights(box);
  const answerVotes = readAnswerVoteConfig(box);
  // On a page in another language than the site's: the default language, searched when this one finds little.
  const fallbackLanguage = box.dataset.searchFallback;
  const localePrefix = box.dataset.searchPrefix;
  const pageLanguage = document.documentElement.lang || 'en';
  let generation = 0;
  /** When the reader last typed: a query settles a pause after that, however slow its results. */
  let keystrokeAt = -Infinity;
  /** The query and filters of the results on screen: a key that leaves them the same (a space) searches nothing. */
  let shownKey = '';
  /**
   * The search running now. One at a time: Pagefind answers in order, so searches started at
   * every pause of a fast typist would queue up, and the last query would wait behind them all.
   */
  let running: Promise<unknown> = Promise.resolve();

  const getFilters = (): Filters => {
    if (!filterForm) return {};
    const data = new FormData(filterForm);
    const category = formText(data, 'category');
    const type = formText(data, 'type');
    return { ...(category ? { category } : {}), ...(type ? { type } : {}) };
  };

  const close = () => {
    if (isPage) return;
    results.hidden = true;
  };

  const render = async (term: string, debounce: boolean, more = false) => {
    const mine = ++generation;
    const query = term.trim();
    if (!more) pageSize = limit;
    lastQuery = query;
    if (isPage) syncUrl(query, getFilters());
    if (!query) {
      insights?.observe('', 0);
      shownKey = '';
      results.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const key = JSON.stringify([query, getFilters()]);
    if (debounce) {
      if (key === shownKey) return;
      // The index chunks load while the pause runs; a word still too short to search, or no word
      // of the index yet, waits for the reader to pause (typing-pause.ts).
      const delay = getSearchDelay(query, ready?.isWord);
      if (shouldPreload(query, ready?.isWord))
        void loadHelpCenterSearch()
          .then((h) => h.preload(query))
          .catch(() => {});
      await wait(delay);
      if (mine !== generation) return;
    }
    const helpCenter = await loadHelpCenterSearch();
    ready = helpCenter;
    await running;
    if (mine !== generation) return;
    const filters = getFilters();
    const job = (async () => {
      const search = await helpCenter.search(query, filters as Record<string, string>);
      // A newer query is waiting: do not load result data no one will see.
      if (mine !== generation) return undefined;
      const fallback =
        fallbackLanguage && needsLanguageFallback(pageLanguage, fallbackLanguage, search.results.length)
          ? await searchFallback(loadLanguageSearch(fallbackLanguage), query, filters)
          : undefined;
      if (mine !== generation) return undefined;
      const own = await Promise.all(search.results.slice(0, pageSize).map((r) => r.data()));
      const extra = fallback?.results.slice(0, Math.max(0, pageSize - own.length)) ?? [];
      return { search, fallback, own, fromFallback: await Promise.all(extra.map((r) => r.data())) };
    })();
    running = job.catch(() => {});
    const done = await job;
    if (!done || mine !== generation) return;
    const { search, fallback, own, fromFallback } = done;
    const merged = mergeLanguageFallback(own, fromFallback, {
      language: fallbackLanguage ?? '',
      localePrefix,
      limit: pageSize,
    });
    const page = merged.results.map((m) => m.result);
    // Pages the reader has in their language were left out of the fallback's.
    const total = search.results.length + (fallback?.results.length ?? 0) - merged.skipped;
    let html: string;
    // Only from the reader's own language: the card quotes the answer, in their language.
    const card = getAnswerCard(own[0], {
      plan: search.plan,
      scores: search.answerScores,
      language: document.documentElement.lang || 'en',
    });
    if (total > 0) {
      html =
        (card ? renderAnswerCard(card, Boolean(answerVotes), getAnswerCardTexts(helpCenter.text)) : '') +
        `<ul class="result-list">${merged.results
          .map((m) =>
            renderResult(
              m.result,
              sections,
              helpCenter.text,
              m.language ? { code: m.language, pageLanguage } : undefined,
            ),
          )
          .join('')}</ul>`;
      if (total > page.length) html += renderMoreResults(query, total, page.length, isPage, searchPath);
    } else if (isPage && noResults) {
      const other = Object.keys(filters).length > 0 ? await getOtherTopics(helpCenter, query, searchPath) : '';
      if (mine !== generation) return;
      html = noResults.innerHTML + other;
    } else {
      html = renderNoResultsHint(query, searchPath, helpCenter.text);
    }
    status.textContent = renderStatus(query, total, page.length, search.plan, helpCenter.text);
    results.innerHTML = html;
    shownKey = key;
    if (card && answerVotes && total > 0)
      bindAnswerCardVote(results, card, answerVotes, helpCenter.text, (vote) => {
        // A "Yes" on the card: the reader found the answer without leaving, as good as opening it.
        if (vote === 'up') insights?.opened(getOpenedPath(new URL(card.url, location.href)));
      });
    results.hidden = false;
    insights?.observe(query, total, performance.now() - keystrokeAt);
  };

  input.setAttribute('aria-controls', results.id);
  input.addEventListener('input', () => {
    keystrokeAt = performance.now();
    insights?.typing();
    void render(input.value, true);
  });
  filterForm?.addEventListener('change', () => void render(input.value, false));
  results.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('[data-search-more]');
    if (!button) return;
    const firstNew = pageSize;
    pageSize += PAGE_LIMIT;
    void render(lastQuery, false, true).then(() => {
      results.querySelectorAll<HTMLAnchorElement>('.result-list > li > a.result')[firstNew]?.focus();
    });
  });
  form?.addEventListener('submit', (event) => {
    if (!isPage) return;
    event.preventDefault();
    void render(input.value, false);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = results.querySelector<HTMLAnchorElement>('a');
      if (first && !results.hidden) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      // A search input clears itself on Escape; the reader only wants the results out of the way.
      event.preventDefault();
      close();
    }
  });
  results.addEventListener('keydown', (event) => {
    const links = Array.from(results.querySelectorAll<HTMLAnchorElement>('a'));
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
      close();
    }
  });
  if (!isPage) {
    box.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !box.contains(next)) close();
    });
    input.addEventListener('focus', () => {
      if (results.childElementCount > 0 && input.value.trim()) results.hidden = false;
    });
  }

  if (isPage) {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? input.value;
    if (filterForm) {
      for (const name of ['category', 'type'] as const) {
        const el = filterForm.elements.namedItem(name) as HTMLSelectElement | null;
        const v = params.get(name);
        if (el && v) el.value = v;
      }
    }
  }
  if (input.value.trim()) void render(input.value, false);
}

/**
 * The default language's results for a page whose own search found little. A topic filter is
 * the page language's category title, which the other index does not have: then none. A failed
 * load shows the reader's own results alone.
 */
async function searchFallback(
  loading: Promise<LanguageSearch>,
  query: string,
  filters: Filters,
): Promise<HelpCenterSearchResult<PagefindResultData> | undefined> {
  if (filters.category) return undefined;
  try {
    return await (await loading).search(query, filters.type ? { type: filters.type } : undefined);
  } catch {
    return undefined;
  }
}

/** When the filters leave nothing: the topics where the same query finds something. */
async function getOtherTopics(helpCenter: HelpCenterSearch, query: string, searchPath: string): Promise<string> {
  const all = await helpCenter.search(query);
  const sample = await Promise.all(all.results.slice(0, TOPIC_SAMPLE).map((r) => r.data()));
  return renderOtherTopics(query, searchPath, getTopicCounts(sample), all.results.length, helpCenter.text);
}

function syncUrl(query: string, filters: Filters): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (filters.category) params.set('category', filters.category);
  if (filters.type) params.set('type', filters.type);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}
