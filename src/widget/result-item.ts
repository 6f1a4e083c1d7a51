/** The article or FAQ a search result is, from its URL: ".../<category>/<slug>/" or ".../faq/#<slug>". */
import type { PagefindResultData } from '../search/client/pagefind-api.ts';

export function getResultItem(r: Pick<PagefindResultData, 'url' | 'filters'>): {
  kind: 'article' | 'faq';
  slug: string;
} {
  const url = new URL(r.url, 'https://x.invalid/');
  if (r.filters.type?.includes('faq')) return { kind: 'faq', slug: url.hash.slice(1) };
  const parts = url.pathname.split('/').filter(Boolean);
  return { kind: 'article', slug: parts[parts.length - 1] ?? '' };
}
