/**
 * The HTML of search results and of the states around them, as strings (no DOM), so the wording
 * and markup are unit-tested. Pagefind's excerpts are already HTML (escaped text with <mark>s);
 * everything else is escaped here.
 */
import { escapeHtml } from '../../lib/html.ts';
import type { QueryPlan } from '../query.ts';
import type { PagefindResultData, PagefindSubResult } from './pagefind-api.ts';

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
 * for a long article, links to the sections that match.
 */
export function renderResult(r: PagefindResultData, maxSections: number): string {
  const isFaq = r.filters.type?.includes('faq');
  const title = escapeHtml(r.meta.title ?? r.url);
  const meta = [r.meta.category, r.meta.section, isFaq ? 'FAQ' : 'Article']
    .filter(Boolean)
    .map((m) => escapeHtml(m!))
    .join(' · ');
  const sections = getMatchingSections(r, maxSections);
  const sectionList = sections.length
    ? `<ul class="result-sub" aria-label="Matching sections of ${title}">${sections
        .map((s) => `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></li>`)
        .join('')}</ul>`
    : '';
  return (
    `<li><a class="result" href="${escapeHtml(r.url)}"><span class="result-title">${title}</span> ` +
    `<span class="result-meta">${meta}</span><span class="result-excerpt">${r.excerpt}</span></a>${sectionList}</li>`
  );
}

/** The live status line: how many results, and what was searched for when a typo was corrected. */
export function renderStatus(query: string, total: number, shown: number, plan: QueryPlan): string {
  if (total === 0) return `No results for “${query}”.`;
  const corrected = plan.corrections.length > 0 ? `, searched as “${plan.terms.join(' ')}”` : '';
  const more = total > shown ? `, showing the first ${shown}` : '';
  return `${total} result${total === 1 ? '' : 's'} for “${query}”${corrected}${more}.`;
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
    `<p>Without the filters, “${escapeHtml(query)}” finds ${totalWithoutFilters} result${totalWithoutFilters === 1 ? '' : 's'}` +
    `${topics.length ? ' in these topics:' : '.'}</p>${topics.length ? `<ul class="link-list">${links}</ul>` : ''}` +
    `<p><a href="${escapeHtml(`${searchPath}?q=${q}`)}">Search all topics for “${escapeHtml(query)}”</a></p>`
  );
}

/** Under a search box without its own page (header, home): where to go from no results. */
export function renderNoResultsHint(query: string, searchPath: string): string {
  const url = `${searchPath}?q=${encodeURIComponent(query)}`;
  return `<p>Try other words, or <a href="${escapeHtml(url)}">see ways to contact us</a>.</p>`;
}
