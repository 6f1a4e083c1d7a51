/** Everything an article page renders, from the site data, the settings and the article's headings. */
import type { Category, SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, ArticleView, CategoryView, SiteData } from '../content/site-data.ts';
import { absoluteUrl, href } from '../site/urls.ts';
import { getArticleLd } from '../site/json-ld.ts';
import { formatLongDate } from '../site/format-date.ts';
import { getArticleMarkdownPath, getArticlePath, getSectionAnchor } from '../content/routes.ts';
import { getLanguageNameIn } from '../content/locales.ts';
import {
  getBreadcrumbs,
  getDefaultPageLocale,
  type BreadcrumbItem,
  type LanguageLink,
  type PageHead,
  type PageLocale,
} from './common.ts';

/** A notice above a translated page's content: not translated yet, or a translation that may be out of date. */
export interface TranslationNotice {
  kind: 'fallback' | 'stale';
  text: string;
  /** The page in the default language. */
  original: { href: string; label: string; language: string };
}

/** A heading as Astro's render() returns it (MarkdownHeading). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A table of contents helps once an article scrolls (this many words) and has this many h2/h3 sections. */
export const TOC_MIN_HEADINGS = 3;
export const TOC_MIN_WORDS = 400;

export interface ArticleRouteData {
  head: PageHead;
  breadcrumbs: BreadcrumbItem[];
  article: ArticleView;
  category: Category;
  /** The "Updated" date: `datetime` for the <time> element, `text` as readers see it. */
  lastUpdated: { datetime: string; text: string } | undefined;
  readingMinutes: number;
  /** "4 min read", in the page's language. */
  readingTime: string;
  /** "Updated", "On this page", "Related articles"...: the strings the article page and its footer show. */
  labels: {
    /** The text around the date of "Updated {date}": the page puts a <time> between them. */
    updated: { before: string; after: string };
    toc: string;
    edit: string;
    related: string;
    moreIn: string;
    previous: string;
    next: string;
  };
  /** Set on a translated or fallback page that needs one. */
  notice: TranslationNotice | undefined;
  /** The language of the article's text when it is not the page's (a fallback page). */
  contentLanguage: string | undefined;
  /** That text's writing direction: English shown on an Arabic page must still run left to right. */
  contentDir: 'ltr' | 'rtl' | undefined;
  toc: { show: boolean; headings: Heading[] };
  /** "Edit this page": site.yaml's editUrl joined with the article's file, if editUrl is set. */
  editUrl: string | undefined;
  related: ArticleSummary[];
  /** The side list beside the article on wide screens: its section's (or category's) articles. */
  categoryNav: CategoryNav;
  /** The pager within the category, links with the base applied. */
  previous: { title: string; href: string } | undefined;
  next: { title: string; href: string } | undefined;
}

/** The "Articles in {category}" list: the article's neighbours, the article itself marked current. */
export interface CategoryNav {
  /** "Articles in Billing": the list's name. */
  label: string;
  /** The list's heading, a link to the category page (or the section on it). */
  title: string;
  href: string;
  items: Array<{ title: string; href: string; current: boolean }>;
}

/** At most this many entries in the side list; a longer section shows a window around the article. */
export const CATEGORY_NAV_MAX = 12;

/** A window of at most `max` items that keeps the item at `index` (-1: none) in it. */
export function getWindow<T>(items: readonly T[], index: number, max = CATEGORY_NAV_MAX): T[] {
  if (items.length <= max) return [...items];
  const start = Math.min(Math.max(0, index - Math.floor(max / 2)), items.length - max);
  return items.slice(start, start + max);
}

/** The h2 and h3 headings, and whether the article is long enough, and has enough of them, for a TOC. */
export function getToc(headings: readonly Heading[], wordCount: number): ArticleRouteData['toc'] {
  const tocHeadings = headings.filter((h) => h.depth === 2 || h.depth === 3);
  return { show: tocHeadings.length >= TOC_MIN_HEADINGS && wordCount >= TOC_MIN_WORDS, headings: tocHeadings };
}

/** `https://github.com/acme/help/edit/main/` + `content/articles/a/b.md`, with exactly one slash between. */
export function getEditUrl(editUrl: string | undefined, file: string): string | undefined {
  return editUrl ? `${editUrl.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}` : undefined;
}

/** @throws when the site has no article with this slug, or the article's category is not listed. */
export function getArticleRouteData(
  site: SiteData,
  settings: SiteSettings,
  slug: string,
  headings: readonly Heading[],
  page: PageLocale = getDefaultPageLocale(settings),
  languages?: LanguageLink[],
): ArticleRouteData {
  const { ui } = page;
  const article = site.articleBySlug.get(slug);
  if (!article) throw new Error(`No article "${slug}"`);
  const category = site.categoryById.get(article.category);
  if (!category) throw new Error(`Article "${slug}" is in the unknown category "${article.category}"`);
  const section = article.sectionInfo;
  const crumbs = getBreadcrumbs(
    [
      { name: category.category.title, path: category.path },
      ...(section ? [{ name: section.title, path: `${category.path}#${getSectionAnchor(section.id)}` }] : []),
      { name: article.title, path: article.path },
    ],
    settings,
    page,
  );
  const articleLd = getArticleLd({
    title: article.title,
    description: article.description,
    url: absoluteUrl(article.path, settings.url),
    dateModified: article.lastUpdated,
    publisher: settings.name,
    language: article.translation?.fallback ? page.defaultLocale.code : page.locale.code,
  });
  const nameOf = (code: string) => getLanguageNameIn(code, page.locale.code);
  const originalPath = getArticlePath(article.category, article.slug, { locale: page.defaultLocale.prefix });
  const original = {
    href: href(originalPath),
    label: ui.t('notice.readOriginal', { language: nameOf(page.defaultLocale.code) }),
    language: page.defaultLocale.code,
  };
  const { translation } = article;
  const notice: TranslationNotice | undefined = translation?.fallback
    ? {
        kind: 'fallback',
        text: ui.t('notice.fallback', { language: nameOf(page.locale.code), source: nameOf(page.defaultLocale.code) }),
        original,
      }
    : translation?.freshness?.state === 'stale'
      ? { kind: 'stale', text: ui.t('notice.stale'), original }
      : undefined;
  const link = (s: ArticleSummary | undefined) => (s ? { title: s.title, href: href(s.path) } : undefined);
  return {
    head: {
      title: article.title,
      description: article.description,
      path: article.path,
      ogType: 'article',
      jsonLd: [articleLd, crumbs.ld],
      locale: page.locale,
      languages,
      canonicalPath: translation?.fallback ? originalPath : undefined,
      // A translation has its own copy (/de/…/x.md); a fallback page shows the default language's.
      markdownPath: getArticleMarkdownPath(
        article.category,
        article.slug,
        page.locale.isDefault || translation?.fallback ? undefined : { locale: page.locale.prefix },
      ),
      // Unlisted: reachable by its URL, but kept out of search engines as out of every list.
      noindex: article.unlisted,
    },
    breadcrumbs: crumbs.items,
    article,
    category: category.category,
    lastUpdated: article.lastUpdated
      ? {
          datetime: article.lastUpdated.toISOString().slice(0, 10),
          text: formatLongDate(article.lastUpdated, page.locale.code),
        }
      : undefined,
    readingMinutes: article.readingMinutes,
    readingTime: ui.t('article.readingTime', { minutes: article.readingMinutes }),
    labels: {
      updated: splitAround(ui.t('article.updated'), '{date}'),
      toc: ui.t('article.toc'),
      edit: ui.t('article.edit'),
      related: ui.t('article.related'),
      moreIn: ui.t('article.moreIn', { category: category.category.title }),
      previous: ui.t('article.previous'),
      next: ui.t('article.next'),
    },
    notice,
    contentLanguage: translation?.fallback ? page.defaultLocale.code : undefined,
    contentDir: translation?.fallback ? page.defaultLocale.dir : undefined,
    toc: getToc(headings, article.wordCount),
    editUrl: getEditUrl(settings.editUrl, article.file),
    related: article.related,
    categoryNav: getCategoryNav(article, category, ui.t('article.categoryNav', { category: category.category.title })),
    previous: link(article.previous),
    next: link(article.next),
  };
}

/** The article's section's articles (its category's when it is in no section), the article marked. */
function getCategoryNav(article: ArticleView, category: CategoryView, label: string): CategoryNav {
  const sectionView = article.section ? category.sections.find((s) => s.section.id === article.section) : undefined;
  const list = sectionView?.articles ?? category.articles;
  const items = getWindow(
    list,
    list.findIndex((a) => a.slug === article.slug),
  ).map((a) => ({ title: a.title, href: href(a.path), current: a.slug === article.slug }));
  return {
    label,
    title: sectionView?.section.title ?? category.category.title,
    href: href(sectionView ? `${category.path}#${sectionView.anchor}` : category.path),
    items,
  };
}

/** "Updated {date}" -> { before: "Updated ", after: "" }. */
function splitAround(text: string, placeholder: string): { before: string; after: string } {
  const at = text.indexOf(placeholder);
  return at < 0
    ? { before: `${text} `, after: '' }
    : { before: text.slice(0, at), after: text.slice(at + placeholder.length) };
}
