/** Everything a category page renders: its articles, its FAQs, breadcrumbs and their JSON-LD. */
import type { Category, SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, FaqSummary, SiteData } from '../content/site-data.ts';
import {
  getBreadcrumbs,
  getDefaultPageLocale,
  type BreadcrumbItem,
  type LanguageLink,
  type PageHead,
  type PageLocale,
} from './common.ts';

export interface CategoryRouteData {
  head: PageHead;
  breadcrumbs: BreadcrumbItem[];
  category: Category;
  articles: ArticleSummary[];
  faqs: FaqSummary[];
  /** "Questions about billing": the heading of the FAQ section. */
  faqHeading: string;
  /** The heading of the article list. */
  articlesHeading: string;
}

/** @throws when the site has no category with this id. */
export function getCategoryRouteData(
  site: SiteData,
  settings: SiteSettings,
  id: string,
  page: PageLocale = getDefaultPageLocale(settings),
  languages?: LanguageLink[],
): CategoryRouteData {
  const view = site.categoryById.get(id);
  if (!view) throw new Error(`No category "${id}"`);
  const crumbs = getBreadcrumbs([{ name: view.category.title, path: view.path }], settings, page);
  const title = view.category.title;
  return {
    head: {
      title,
      description: view.category.description,
      path: view.path,
      jsonLd: [crumbs.ld],
      locale: page.locale,
      languages,
    },
    breadcrumbs: crumbs.items,
    category: view.category,
    articles: view.articles,
    faqs: view.faqs,
    faqHeading: page.ui.t('category.faqHeading', {
      category: title,
      categoryLower: title.toLocaleLowerCase(page.locale.code),
    }),
    articlesHeading: page.ui.t('category.articles'),
  };
}
