/**
 * The sitemap's entries: in every language, home, the FAQ page (if there are FAQs), every category
 * and every listed article with its date. A page of another language that only falls back to the
 * default language's is left out (its canonical is the original); each entry lists its language
 * versions as `xhtml:link` alternates.
 */
import type { SiteData } from '../content/site-data.ts';
import { getArticlePath, getFaqIndexPath, getHomePath, type RouteOptions } from '../content/routes.ts';
import type { Locale } from '../content/locales.ts';
import { absoluteUrl } from '../site/urls.ts';
import type { SitemapEntry } from '../site/sitemap.ts';

export interface SitemapLanguage {
  locale: Locale;
  site: SiteData;
}

export function getSitemapEntries(
  site: SiteData,
  siteUrl: URL | string,
  others: readonly SitemapLanguage[] = [],
): SitemapEntry[] {
  const url = (p: string) => absoluteUrl(p, siteUrl);
  const languages = others.length > 0 ? others : undefined;
  const all = (pathIn: (route: RouteOptions) => string, has: (l: SitemapLanguage) => boolean) =>
    languages?.filter(has).map((l) => ({ hreflang: l.locale.code, href: url(pathIn({ locale: l.locale.prefix })) }));
  const hasFaqs = site.categories.some((c) => c.faqs.length > 0);
  const entries: SitemapEntry[] = [];
  for (const l of languages ?? [{ locale: undefined, site }]) {
    const data = l.site;
    const route: RouteOptions = { locale: l.locale?.prefix };
    const everywhere = () => true;
    entries.push(
      { url: url(getHomePath(route)), alternates: all(getHomePath, everywhere) },
      ...(hasFaqs ? [{ url: url(getFaqIndexPath(route)), alternates: all(getFaqIndexPath, everywhere) }] : []),
      ...data.categories.map((c) => ({ url: url(c.path) })),
      ...[...data.articleBySlug.values()]
        .filter((a) => !a.unlisted && !a.translation?.fallback)
        .map((a) => ({
          url: url(a.path),
          lastModified: a.lastUpdated,
          alternates: all(
            (r) => getArticlePath(a.category, a.slug, r),
            (other) => {
              const there = other.site.articleBySlug.get(a.slug);
              return there !== undefined && !there.translation?.fallback;
            },
          ),
        })),
    );
  }
  return entries;
}
