/** Everything the search page renders around the search box: the topic filter and the topic links. */
import type { SiteData } from '../content/site-data.ts';
import { getSearchPath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import type { PageHead } from './common.ts';

export interface SearchRouteData {
  head: PageHead;
  /** The categories, for the topic filter (id) and the "Browse by topic" links (href). */
  topics: Array<{ id: string; title: string; href: string }>;
}

export function getSearchRouteData(site: SiteData): SearchRouteData {
  return {
    head: {
      title: 'Search',
      description: 'Search all help articles and frequently asked questions.',
      path: getSearchPath(),
      headerSearch: false,
      noindex: true,
    },
    topics: site.categories.map((c) => ({ id: c.category.id, title: c.category.title, href: href(c.path) })),
  };
}
