/** Everything an article page renders, from the site data, the settings and the article's headings. */
import type { Category, SiteSettings } from '../content/schema.ts';
import type { ArticleSummary, ArticleView, SiteData } from '../content/site-data.ts';
import { absoluteUrl, href } from '../site/urls.ts';
import { getArticleLd } from '../site/json-ld.ts';
import { formatLongDate } from '../site/format-date.ts';
import { getSectionAnchor } from '../content/routes.ts';
import { getBreadcrumbs, type BreadcrumbItem, type PageHead } from './common.ts';

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
  toc: { show: boolean; headings: Heading[] };
  /** "Edit this page": site.yaml's editUrl joined with the article's file, if editUrl is set. */
  editUrl: string | undefined;
  related: ArticleSummary[];
  /** The pager within the category, links with the base applied. */
  previous: { title: string; href: string } | undefined;
  next: { title: string; href: string } | undefined;
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
): ArticleRouteData {
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
  );
  const articleLd = getArticleLd({
    title: article.title,
    description: article.description,
    url: absoluteUrl(article.path, settings.url),
    dateModified: article.lastUpdated,
    publisher: settings.name,
    language: settings.language,
  });
  const link = (s: ArticleSummary | undefined) => (s ? { title: s.title, href: href(s.path) } : undefined);
  return {
    head: {
      title: article.title,
      description: article.description,
      path: article.path,
      ogType: 'article',
      jsonLd: [articleLd, crumbs.ld],
      // Unlisted: reachable by its URL, but kept out of search engines as out of every list.
      noindex: article.unlisted,
    },
    breadcrumbs: crumbs.items,
    article,
    category: category.category,
    lastUpdated: article.lastUpdated
      ? {
          datetime: article.lastUpdated.toISOString().slice(0, 10),
          text: formatLongDate(article.lastUpdated, settings.language),
        }
      : undefined,
    readingMinutes: article.readingMinutes,
    toc: getToc(headings, article.wordCount),
    editUrl: getEditUrl(settings.editUrl, article.file),
    related: article.related,
    previous: link(article.previous),
    next: link(article.next),
  };
}
