/** Everything the home page renders: the topic cards, popular articles and top questions. */
import type { SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, SiteData } from '../content/site-data.ts';
import { getFaqIndexPath, getHomePath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import { getDefaultPageLocale, type LanguageLink, type PageHead, type PageLocale } from './common.ts';

export interface HomeCard {
  href: string;
  icon: string;
  title: string;
  description: string;
  /** "4 articles, 2 FAQs"; the FAQs only when there are some. */
  count: string;
}

export interface HomeRouteData {
  head: PageHead;
  cards: HomeCard[];
  featured: ArticleSummary[];
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
    topFaqs: site.topFaqs.map((f) => ({ question: f.question, href: href(f.path) })),
    faqIndexHref: href(getFaqIndexPath(page.route)),
  };
}
