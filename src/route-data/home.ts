/** Everything the home page renders: the topic cards, popular and recently updated articles, top questions. */
import type { SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, SiteData } from '../content/site-data.ts';
import { getFaqIndexPath, getHomePath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import { formatLongDate } from '../site/format-date.ts';
import { getDefaultPageLocale, type LanguageLink, type PageHead, type PageLocale } from './common.ts';

export interface HomeCard {
  href: string;
  icon: string;
  title: string;
  description: string;
  /** "4 articles, 2 FAQs"; the FAQs only when there are some. */
  count: string;
}

/** An article with the date it was last updated, as the `<time>` element and readers want it. */
export interface DatedArticle extends ArticleSummary {
  updated: { datetime: string; text: string };
}

/** How many articles "Recently updated" lists. */
export const RECENT_ARTICLES = 5;

export interface HomeRouteData {
  head: PageHead;
  cards: HomeCard[];
  /** "Popular articles": the ones writers mark `featured: true` (the build has no page-view counts). */
  featured: ArticleSummary[];
  /** "Recently updated": listed articles by their last update (frontmatter `updated`, else git), newest first. */
  recent: DatedArticle[];
  topFaqs: Array<{ question: string; href: string }>;
  /** The "All questions" link. */
  faqIndexHref: string;
}

export function getHomeRouteData(
  site: SiteData,
  settings: SiteSettings,
  page: PageLocale = getDefaultPageLocale(settings),
  languages?: LanguageLink[],
): HomeRouteData {
  const { ui } = page;
  return {
    head: {
      title: settings.name,
      description: ui.t('home.description', { site: settings.name }),
      path: getHomePath(page.route),
      locale: page.locale,
      languages,
      // The hero has the page's search box: the header's would be a second, identical one.
      headerSearch: false,
    },
    cards: site.categories.map((c) => ({
      href: href(c.path),
      icon: c.category.icon,
      title: c.category.title,
      description: c.category.description,
      count: `${ui.plural('home.articleCount', c.articles.length)}${c.faqs.length > 0 ? `, ${ui.plural('home.faqCount', c.faqs.length)}` : ''}`,
    })),
    featured: site.featured,
    recent: getRecentArticles(site, page.locale.code),
    topFaqs: site.topFaqs.map((f) => ({ question: f.question, href: href(f.path) })),
    faqIndexHref: href(getFaqIndexPath(page.route)),
  };
}

/**
 * The listed articles updated most recently, newest first; ties (one commit touching many files)
 * in category order. Articles with no date (no git history, no `updated`) are left out.
 */
export function getRecentArticles(site: SiteData, language: string, max = RECENT_ARTICLES): DatedArticle[] {
  const listed = site.categories.flatMap((c) => c.articles);
  return listed
    .map((summary, order) => ({ summary, order, date: site.articleBySlug.get(summary.slug)?.lastUpdated }))
    .filter((a): a is typeof a & { date: Date } => a.date !== undefined)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.order - b.order)
    .slice(0, max)
    .map(({ summary, date }) => ({
      ...summary,
      updated: { datetime: date.toISOString().slice(0, 10), text: formatLongDate(date, language) },
    }));
}
