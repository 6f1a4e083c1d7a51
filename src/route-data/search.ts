/** Everything the search page renders around the search box: the topic filter and the topic links. */
import type { SiteData } from '../content/site-data.ts';
import { getSearchPath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import { getDefaultPageLocale, type LanguageLink, type PageHead, type PageLocale } from './common.ts';
import type { SiteSettings } from '../content/schema.ts';

export interface SearchRouteData {
  head: PageHead;
  /** The categories, for the topic filter (id) and the "Browse by topic" links (href). */
  topics: Array<{ id: string; title: string; href: string }>;
}

export function getSearchRouteData(
  site: SiteData,
  settings?: SiteSettings,
  page: PageLocale = getDefaultPageLocale(settings ?? { language: 'en', locales: [], defaultLocalePrefix: false }),
  languages?: LanguageLink[],
): SearchRouteData {
  return {
    head: {
      title: page.ui.t('search.title'),
      description: page.ui.t('search.description'),
      path: getSearchPath(page.route),
      locale: page.locale,
      languages,
      headerSearch: false,
      noindex: true,
    },
    topics: site.categories.map((c) => ({ id: c.category.id, title: c.category.title, href: href(c.path) })),
  };
}
