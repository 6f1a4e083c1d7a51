/** Everything the home page renders: the topic cards, popular articles and top questions. */
import type { SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, SiteData } from '../content/site-data.ts';
import { getFaqIndexPath, getHomePath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import type { PageHead } from './common.ts';
import { plural } from '../lib/plural.ts';

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

export function getHomeRouteData(site: SiteData, settings: SiteSettings): HomeRouteData {
  return {
    head: {
      title: settings.name,
      description: `Answers and how-to guides from ${settings.name}: search or browse by topic.`,
      path: getHomePath(),
    },
    cards: site.categories.map((c) => ({
      href: href(c.path),
      icon: c.category.icon,
      title: c.category.title,
      description: c.category.description,
      count: `${plural(c.articles.length, 'article')}${c.faqs.length > 0 ? `, ${plural(c.faqs.length, 'FAQ')}` : ''}`,
    })),
    featured: site.featured,
    topFaqs: site.topFaqs.map((f) => ({ question: f.question, href: href(f.path) })),
    faqIndexHref: href(getFaqIndexPath()),
  };
}
