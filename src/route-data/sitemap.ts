/** The sitemap's entries: home, the FAQ page, every category and every listed article with its date. */
import type { SiteData } from '../content/site-data.ts';
import { getFaqIndexPath, getHomePath } from '../content/routes.ts';
import { absoluteUrl } from '../site/urls.ts';
import type { SitemapEntry } from '../site/sitemap.ts';

export function getSitemapEntries(site: SiteData, siteUrl: URL | string): SitemapEntry[] {
  const url = (p: string) => absoluteUrl(p, siteUrl);
  return [
    { url: url(getHomePath()) },
    { url: url(getFaqIndexPath()) },
    ...site.categories.map((c) => ({ url: url(c.path) })),
    ...[...site.articleBySlug.values()]
      .filter((a) => !a.unlisted)
      .map((a) => ({ url: url(a.path), lastModified: a.lastUpdated })),
  ];
}
