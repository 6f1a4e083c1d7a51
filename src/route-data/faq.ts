/** Everything the FAQ page renders: the questions by topic, the FAQPage and breadcrumb JSON-LD. */
import type { Category, SiteSettings } from '../content/schema.ts';
import type { FaqSummary, SiteData } from '../content/site-data.ts';
import { getFaqIndexPath, getFaqPath } from '../content/routes.ts';
import { absoluteUrl } from '../site/urls.ts';
import { getFaqPageLd } from '../site/json-ld.ts';
import {
  getBreadcrumbs,
  getDefaultPageLocale,
  type BreadcrumbItem,
  type LanguageLink,
  type PageHead,
  type PageLocale,
} from './common.ts';

/** What the FAQPage's answers are made of: a FAQ entry's rendered HTML, or its Markdown body. */
export interface FaqAnswerSource {
  body?: string;
  rendered?: { html?: string };
}

export interface FaqSection {
  category: Category;
  /** The section heading's id, which the topic links point to. */
  anchor: string;
  faqs: FaqSummary[];
}

export interface FaqRouteData {
  head: PageHead;
  breadcrumbs: BreadcrumbItem[];
  /** Categories with at least one FAQ, in category order. */
  sections: FaqSection[];
  topicsHeading: string;
}

/** The id of a topic's heading on the FAQ page. */
export const getFaqTopicAnchor = (categoryId: string) => `topic-${categoryId}`;

/**
 * @param answers The FAQ entries by slug (LoadedSite's `faqs`), for the answers in the JSON-LD:
 * schema.org's Answer text may hold HTML (links, lists), so the rendered HTML is used when there is one.
 */
export function getFaqRouteData(
  site: SiteData,
  settings: SiteSettings,
  answers: ReadonlyMap<string, FaqAnswerSource>,
  page: PageLocale = getDefaultPageLocale(settings),
  languages?: LanguageLink[],
): FaqRouteData {
  const { ui } = page;
  const path = getFaqIndexPath(page.route);
  const sections = site.categories
    .filter((c) => c.faqs.length > 0)
    .map((c) => ({ category: c.category, anchor: getFaqTopicAnchor(c.category.id), faqs: c.faqs }));
  const items = sections.flatMap((s) =>
    s.faqs.map((f) => ({
      question: f.question,
      answer: answers.get(f.slug)?.rendered?.html ?? answers.get(f.slug)?.body ?? '',
      url: absoluteUrl(getFaqPath(f.slug, page.route), settings.url),
    })),
  );
  const title = ui.t('faq.title');
  const crumbs = getBreadcrumbs([{ name: ui.t('faq.short'), ldName: title, path }], settings, page);
  return {
    head: {
      title,
      description: ui.t('faq.description', { site: settings.name }),
      path,
      jsonLd: [getFaqPageLd(absoluteUrl(path, settings.url), items), crumbs.ld],
      locale: page.locale,
      languages,
    },
    breadcrumbs: crumbs.items,
    sections,
    topicsHeading: ui.t('faq.topics'),
  };
}
