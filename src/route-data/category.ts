/** Everything a category page renders: its sections, articles, FAQs, breadcrumbs and their JSON-LD. */
import type { Category, SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, FaqSummary, SiteData } from '../content/site-data.ts';
import { getBreadcrumbs, type BreadcrumbItem, type PageHead } from './common.ts';
import { SECTION_TEXT } from './section-text.ts';

/** A section longer than this many articles shows the first SECTION_PREVIEW and a "See all N" control for the rest. */
export const SECTION_LONG_AFTER = 8;
export const SECTION_PREVIEW = 6;

/** One group of articles on the category page: a section, or the articles in no section. */
export interface ArticleGroup {
  /** The heading's id (a section's anchor, which article breadcrumbs link to). */
  anchor: string;
  title: string;
  description: string | undefined;
  /** Shown at once. */
  articles: ArticleSummary[];
  /** The rest of a long section, behind a "See all N" disclosure; undefined when the group is short. */
  more: { label: string; articles: ArticleSummary[] } | undefined;
}

export interface FaqGroup {
  /** The section's title; undefined for FAQs in no section, and for a category without sections. */
  title: string | undefined;
  faqs: FaqSummary[];
}

export interface CategoryRouteData {
  head: PageHead;
  breadcrumbs: BreadcrumbItem[];
  category: Category;
  /** Every listed article, in page order. */
  articles: ArticleSummary[];
  faqs: FaqSummary[];
  /** The sections that have articles, in order, then the articles in no section (if any). */
  groups: ArticleGroup[];
  /** Links to the sections at the top of the page, when there are at least two groups. */
  sectionNav: Array<{ title: string; href: string }>;
  sectionNavLabel: string;
  /** The FAQs by section, in the same order. */
  faqGroups: FaqGroup[];
  /** "Questions about billing": the heading of the FAQ section. */
  faqHeading: string;
}

/** The group's articles, split into the ones shown and "See all N" for a long section. */
export function splitLongList(articles: ArticleSummary[], title: string): Pick<ArticleGroup, 'articles' | 'more'> {
  if (articles.length <= SECTION_LONG_AFTER) return { articles, more: undefined };
  return {
    articles: articles.slice(0, SECTION_PREVIEW),
    more: { label: SECTION_TEXT.seeAll(articles.length, title), articles: articles.slice(SECTION_PREVIEW) },
  };
}

/** @throws when the site has no category with this id. */
export function getCategoryRouteData(site: SiteData, settings: SiteSettings, id: string): CategoryRouteData {
  const view = site.categoryById.get(id);
  if (!view) throw new Error(`No category "${id}"`);
  const crumbs = getBreadcrumbs([{ name: view.category.title, path: view.path }], settings);
  const groups: ArticleGroup[] = view.sections
    .filter((s) => s.articles.length > 0)
    .map((s) => ({
      anchor: s.anchor,
      title: s.section.title,
      description: s.section.description,
      ...splitLongList(s.articles, s.section.title),
    }));
  if (view.unsectioned.articles.length > 0) {
    const title = groups.length > 0 ? SECTION_TEXT.otherArticlesHeading : SECTION_TEXT.articlesHeading;
    groups.push({
      anchor: 'articles-heading',
      title,
      description: undefined,
      ...splitLongList(view.unsectioned.articles, title),
    });
  }
  const hasSections = view.sections.length > 0;
  const faqGroups: FaqGroup[] = view.sections
    .filter((s) => s.faqs.length > 0)
    .map((s) => ({ title: s.section.title, faqs: s.faqs }));
  if (view.unsectioned.faqs.length > 0) {
    const title = faqGroups.length > 0 ? SECTION_TEXT.otherQuestionsHeading : undefined;
    faqGroups.push({ title, faqs: view.unsectioned.faqs });
  }
  return {
    head: { title: view.category.title, description: view.category.description, path: view.path, jsonLd: [crumbs.ld] },
    breadcrumbs: crumbs.items,
    category: view.category,
    articles: view.articles,
    faqs: view.faqs,
    groups,
    sectionNav: hasSections && groups.length > 1 ? groups.map((g) => ({ title: g.title, href: `#${g.anchor}` })) : [],
    sectionNavLabel: SECTION_TEXT.sectionsNavLabel,
    faqGroups,
    faqHeading: `Questions about ${view.category.title.toLowerCase()}`,
  };
}
