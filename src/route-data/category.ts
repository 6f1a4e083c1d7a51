/** Everything a category page renders: its articles, its FAQs, breadcrumbs and their JSON-LD. */
import type { Category, SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, FaqSummary, SiteData } from '../content/site-data.ts';
import { getBreadcrumbs, type BreadcrumbItem, type PageHead } from './common.ts';

export interface CategoryRouteData {
  head: PageHead;
  breadcrumbs: BreadcrumbItem[];
  category: Category;
  articles: ArticleSummary[];
  faqs: FaqSummary[];
  /** "Questions about billing": the heading of the FAQ section. */
  faqHeading: string;
}

/** @throws when the site has no category with this id. */
export function getCategoryRouteData(site: SiteData, settings: SiteSettings, id: string): CategoryRouteData {
  const view = site.categoryById.get(id);
  if (!view) throw new Error(`No category "${id}"`);
  const crumbs = getBreadcrumbs([{ name: view.category.title, path: view.path }], settings);
  return {
    head: { title: view.category.title, description: view.category.description, path: view.path, jsonLd: [crumbs.ld] },
    breadcrumbs: crumbs.items,
    category: view.category,
    articles: view.articles,
    faqs: view.faqs,
    faqHeading: `Questions about ${view.category.title.toLowerCase()}`,
  };
}
