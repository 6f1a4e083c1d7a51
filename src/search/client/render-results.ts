/**
 * The HTML of search results and of the states around them, as strings (no DOM), so the wording
 * and markup are unit-tested. Every string from the index is escaped here: titles, categories,
 * URLs (only http(s) or site-relative ones become links), and Pagefind's excerpts, which are
 * split into text and highlights (index-strings.ts) and rebuilt, never passed through as HTML.
 */
import { escapeHtml } from '../../lib/html.ts';
import { getExcerptParts, getResultHref } from './index-strings.ts';
import type { QueryPlan } from '../query.ts';
import type { PagefindResultData, PagefindSubResult } from './pagefind-api.ts';
import EN_RESULTS from '../../i18n/dictionaries/en-results.ts';
import { createBrowserText, type BrowserText } from '../../i18n/browser-text.ts';
import { getResultLanguageLabel, type ResultLanguage } from '../language-fallback.ts';

/** The result list's strings in the page's language (from the vocabulary file), with their plurals. */
export type ResultText = BrowserText;

export function createResultText(strings: Readonly<Record<string, string>> = {}, language = 'en'): ResultText {
  return createBrowserText(strings, language, EN_RESULTS);
}

const ENGLISH = createResultText();

/** A Pagefind excerpt as escaped text with `<mark>` around the matched words, and nothing else. */
export function renderExcerpt(excerpt: string): string {
  return getExcerptParts(excerpt)
    .map((part) => (part.marked ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text)))
    .join('');
}

/** Articles at least this long show their best-matching sections under the result. */
export const LONG_ARTICLE_WORDS = 300;

const getSectionScore = (s: PagefindSubResult) =>
  (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);

/** The sections of a long article that match, best first (not the page's own top section). */
export function getMatchingSections(r: PagefindResultData, max: number): PagefindSubResult[] {
  if (r.filters.type?.includes('faq') || (r.word_count ?? 0) < LONG_ARTICLE_WORDS) return [];
  return r.sub_results
    .filter((s) => s.url.includes('#') && s.title !== r.meta.title)
    .map((s, i) => ({ s, i, score: getSectionScore(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .map(({ s }) => s);
}

/**
 * One result: the title (a FAQ's question), the category, the section (if any) and kind, the highlighted excerpt and,
 * for a long article, links to the sections that match. A result in another language than the
 * page's (`language`) carries its `lang` and says so ("In English").
 */
export function renderResult(
  r: PagefindResultData,
  maxSections: number,
  text: ResultText = ENGLISH,
  language?: ResultLanguage,
): string {
  const isFaq = r.filters.type?.includes('faq');
  const title = escapeHtml(r.meta.title ?? r.url);
  const meta =
    [r.meta.category, r.meta.section, text.t(isFaq ? 'results.faq' : 'results.article')]
      .filter(Boolean)
      .map((m) => escapeHtml(m!))
      .join(' · ') +
    (language
      ? ` · <span class="result-language" lang="${escapeHtml(language.pageLanguage)}">${escapeHtml(getResultLanguageLabel(language, text))}</span>`
      : '');
  const sections = getMatchingSections(r, maxSections);
  const sectionList = sections.length
    ? `<ul class="result-sub" aria-label="${text.t('results.sections', { title })}">${sections
        .map((s) => `<li><a href="${escapeHtml(getResultHref(s.url))}">${escapeHtml(s.title)}</a></li>`)
        .join('')}</ul>`
    : '';
  return (
    `<li${language ? ` lang="${escapeHtml(language.code)}"` : ''}><a class="result" href="${escapeHtml(getResultHref(r.url))}"><span class="result-title">${title}</span> ` +
    `<span class="result-meta">${meta}</span><span class="result-excerpt">${renderExcerpt(r.excerpt)}</span></a>${sectionList}</li>`
  );
}

/**
 * Past the results shown: in the dropdown a link to all of them on the search page, on the search
 * page a button for the next page.
 */
export function renderMoreResults(
  query: string,
  total: number,
  shown: number,
  isPage: boolean,
  searchPath: string,
): string {
  if (isPage) {
    const next = Math.min(total - shown, 20);
    return `<p class="result-more"><button type="button" data-search-more>Show ${next} more result${next === 1 ? '' : 's'}</button></p>`;
  }
  const url = `${searchPath}?q=${encodeURIComponent(query)}`;
  return `<p class="result-more"><a class="result-all" href="${escapeHtml(url)}">See all ${total} results</a></p>`;
}

/** The live status line: how many results, and what was searched for when a typo was corrected. */
export function renderStatus(
  query: string,
  total: number,
  shown: number,
  plan: QueryPlan,
  text: ResultText = ENGLISH,
): string {
  if (total === 0) return text.t('results.none', { query });
  const corrected = plan.corrections.length > 0 ? text.t('results.corrected', { terms: plan.terms.join(' ') }) : '';
  const more = total > shown ? text.t('results.showingFirst', { shown }) : '';
  return `${text.plural('results.count', total, { query })}${corrected}${more}.`;
}

export interface TopicCount {
  /** Category id, as used by the category filter. */
  id: string;
  title: string;
  count: number;
}

/** The categories of some results, most results first. */
export function getTopicCounts(results: readonly PagefindResultData[]): TopicCount[] {
  const byId = new Map<string, TopicCount>();
  for (const r of results) {
    const id = r.filters.category?.[0];
    if (!id) continue;
    const entry = byId.get(id) ?? { id, title: r.meta.category ?? id, count: 0 };
    entry.count += 1;
    byId.set(id, entry);
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

/**
 * For a search page with filters that left nothing: the topics where the same words do find
 * something, each a link that keeps the query, plus one to search everything.
 */
export function renderOtherTopics(
  query: string,
  searchPath: string,
  topics: readonly TopicCount[],
  totalWithoutFilters: number,
  text: ResultText = ENGLISH,
): string {
  if (totalWithoutFilters === 0) return '';
  const q = encodeURIComponent(query);
  const links = topics
    .map(
      (t) =>
        `<li><a href="${escapeHtml(`${searchPath}?q=${q}&category=${encodeURIComponent(t.id)}`)}">${escapeHtml(t.title)}</a> (${t.count})</li>`,
    )
    .join('');
  return (
    `<p>${text.plural('results.otherTopics', totalWithoutFilters, { query: escapeHtml(query) })}` +
    `${topics.length ? text.t('results.inTopics') : '.'}</p>${topics.length ? `<ul class="link-list">${links}</ul>` : ''}` +
    `<p><a href="${escapeHtml(`${searchPath}?q=${q}`)}">${text.t('results.searchAll', { query: escapeHtml(query) })}</a></p>`
  );
}

/** Under a search box without its own page (header, home): where to go from no results. */
export function renderNoResultsHint(query: string, searchPath: string, text: ResultText = ENGLISH): string {
  const url = `${searchPath}?q=${encodeURIComponent(query)}`;
  return `<p>${text.t('results.noneHint', { url: escapeHtml(url) })}</p>`;
}
