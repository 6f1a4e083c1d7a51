/**
 * Everything the pages need, computed ONCE per build from the content entries: category order,
 * article order, previous/next, related articles, featured lists, reading time, dates. Pages look
 * their data up here; no page scans all articles. Pure: no astro:* imports, no I/O.
 */
import type { ArticleFrontmatter, Category, FaqFrontmatter, Section } from './schema.ts';
import { getArticlePath, getCategoryPath, getFaqPath, getSectionAnchor } from './routes.ts';

export interface ArticleInput {
  slug: string;
  category: string;
  /** The section folder, if the article is in one (not part of its URL). */
  section?: string | undefined;
  /** Path relative to the project root, e.g. "content/articles/billing/refunds.md". */
  file: string;
  body: string;
  data: ArticleFrontmatter;
}

export interface FaqInput {
  slug: string;
  category: string;
  section?: string | undefined;
  file: string;
  body: string;
  data: FaqFrontmatter;
}

export interface ArticleSummary {
  slug: string;
  category: string;
  /** The id of the article's section, if its category declares it. */
  section: string | undefined;
  title: string;
  description: string;
  path: string;
}

export interface FaqSummary {
  slug: string;
  category: string;
  section: string | undefined;
  question: string;
  path: string;
}

export interface ArticleView extends ArticleSummary {
  categoryTitle: string;
  /** The declared section the article is in, for breadcrumbs and search. */
  sectionInfo: Section | undefined;
  /** Built and reachable by URL, but in no list, pager, related list, search or sitemap. */
  unlisted: boolean;
  tags: string[];
  owner: string | undefined;
  file: string;
  readingMinutes: number;
  wordCount: number;
  lastUpdated: Date | undefined;
  previous: ArticleSummary | undefined;
  next: ArticleSummary | undefined;
  related: ArticleSummary[];
}

/** A declared section of a category with its listed articles and FAQs, in order. */
export interface SectionView {
  section: Section;
  /** The id of the section's heading on the category page. */
  anchor: string;
  articles: ArticleSummary[];
  faqs: FaqSummary[];
}

export interface CategoryView {
  category: Category;
  path: string;
  /** Every listed article, in the order of the category page: section by section, then those in no section. */
  articles: ArticleSummary[];
  /** Every FAQ, in the same order. */
  faqs: FaqSummary[];
  /** The declared sections in order (empty for a category without sections). */
  sections: SectionView[];
  /** The articles and FAQs directly in the category folder, in no section. */
  unsectioned: { articles: ArticleSummary[]; faqs: FaqSummary[] };
}

export interface SiteData {
  categories: CategoryView[];
  categoryById: Map<string, CategoryView>;
  articleBySlug: Map<string, ArticleView>;
  featured: ArticleSummary[];
  topFaqs: FaqSummary[];
  /** Listed articles (unlisted ones are built but not counted anywhere readers see). */
  articleCount: number;
  faqCount: number;
}

export interface SiteDataOptions {
  /** Last change per project-relative file path (from one git pass). */
  lastChanged?: ReadonlyMap<string, Date>;
  maxRelated?: number;
  maxFeatured?: number;
  maxTopFaqs?: number;
}

const WORDS_PER_MINUTE = 220;
/** Only this many articles per tag are considered for "related", so cost stays bounded. */
const TAG_CANDIDATES = 50;

export function buildSiteData(
  categories: readonly Category[],
  articles: readonly ArticleInput[],
  faqs: readonly FaqInput[],
  options: SiteDataOptions = {},
): SiteData {
  const { lastChanged = new Map<string, Date>(), maxRelated = 4, maxFeatured = 6, maxTopFaqs = 6 } = options;
  const byOrder = <T extends { data: { order?: number } }>(label: (x: T) => string) => (a: T, b: T) =>
    (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) || label(a).localeCompare(label(b));

  const sortedCategories = [...categories].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const categoryById = new Map<string, CategoryView>();
  const sectionByKey = new Map<string, SectionView>();
  for (const category of sortedCategories) {
    const sections = getSortedSections(category.sections).map((section) => {
      const view: SectionView = { section, anchor: getSectionAnchor(section.id), articles: [], faqs: [] };
      sectionByKey.set(`${category.id}/${section.id}`, view);
      return view;
    });
    categoryById.set(category.id, {
      category,
      path: getCategoryPath(category.id),
      articles: [],
      faqs: [],
      sections,
      unsectioned: { articles: [], faqs: [] },
    });
  }
  /** The list an entry goes on: its section's, or its category's own when it is in none (or an undeclared one). */
  const listsOf = (category: string, section: string | undefined) =>
    (section !== undefined ? sectionByKey.get(`${category}/${section}`) : undefined) ??
    categoryById.get(category)?.unsectioned;
  const sectionOf = (category: string, section: string | undefined) =>
    section !== undefined ? sectionByKey.get(`${category}/${section}`)?.section : undefined;

  const sortedArticles = [...articles].sort(byOrder((a) => a.data.title));
  const listedArticles = sortedArticles.filter((a) => !a.data.unlisted);
  const summaries = new Map<string, ArticleSummary>();
  for (const a of sortedArticles) {
    const summary: ArticleSummary = {
      slug: a.slug,
      category: a.category,
      section: sectionOf(a.category, a.section)?.id,
      title: a.data.title,
      description: a.data.description,
      path: getArticlePath(a.category, a.slug),
    };
    summaries.set(a.slug, summary);
    if (!a.data.unlisted) listsOf(a.category, a.section)?.articles.push(summary);
  }
  const faqSummaries = [...faqs].sort(byOrder((f) => f.data.question)).map((f) => {
    const summary: FaqSummary = {
      slug: f.slug,
      category: f.category,
      section: sectionOf(f.category, f.section)?.id,
      question: f.data.question,
      path: getFaqPath(f.slug),
    };
    listsOf(f.category, f.section)?.faqs.push(summary);
    return summary;
  });
  const position = new Map<string, number>();
  for (const view of categoryById.values()) {
    const groups = [...view.sections, view.unsectioned];
    view.articles = groups.flatMap((g) => g.articles);
    view.faqs = groups.flatMap((g) => g.faqs);
    view.articles.forEach((a, i) => position.set(a.slug, i));
  }

  const byTag = new Map<string, string[]>();
  for (const a of listedArticles) {
    for (const tag of new Set(a.data.tags.map((t) => t.toLowerCase()))) {
      const list = byTag.get(tag) ?? [];
      if (list.length < TAG_CANDIDATES) list.push(a.slug);
      byTag.set(tag, list);
    }
  }

  const unlistedSlugs = new Set(sortedArticles.filter((a) => a.data.unlisted).map((a) => a.slug));
  const articleBySlug = new Map<string, ArticleView>();
  for (const a of sortedArticles) {
    const view = categoryById.get(a.category);
    const siblings = view?.articles ?? [];
    const index = position.get(a.slug) ?? -1; // -1 for an unlisted article: no pager
    const wordCount = countWords(a.body);
    const previous = index > 0 ? siblings[index - 1] : undefined;
    const next = index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : undefined;
    articleBySlug.set(a.slug, {
      ...summaries.get(a.slug)!,
      categoryTitle: view?.category.title ?? a.category,
      sectionInfo: sectionOf(a.category, a.section),
      unlisted: a.data.unlisted,
      tags: a.data.tags,
      owner: a.data.owner,
      file: a.file,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
      lastUpdated: a.data.updated ? new Date(`${a.data.updated}T00:00:00Z`) : lastChanged.get(a.file),
      previous,
      next,
      related: getRelated(a, summaries, byTag, unlistedSlugs, maxRelated),
    });
  }

  const featured = listedArticles
    .filter((a) => a.data.featured)
    .slice(0, maxFeatured)
    .map((a) => summaries.get(a.slug)!);
  const topFaqs = faqSummaries.slice(0, maxTopFaqs);

  const categoryViews = [...categoryById.values()];
  return {
    categories: categoryViews,
    categoryById,
    articleBySlug,
    featured,
    topFaqs,
    articleCount: listedArticles.length,
    faqCount: faqs.length,
  };
}

/** Sections by `order` (those without one after), ties in the order categories.yaml lists them. */
function getSortedSections(sections: readonly Section[]): Section[] {
  return sections
    .map((section, i) => ({ section, i }))
    .sort((a, b) => (a.section.order ?? Number.MAX_SAFE_INTEGER) - (b.section.order ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map(({ section }) => section);
}

/** Explicit `related` first, then articles sharing the most tags; never itself, never twice. */
function getRelated(
  article: ArticleInput,
  summaries: ReadonlyMap<string, ArticleSummary>,
  byTag: ReadonlyMap<string, string[]>,
  unlisted: ReadonlySet<string>,
  max: number,
): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  const seen = new Set([article.slug]);
  for (const slug of article.data.related) {
    const s = summaries.get(slug);
    if (s && !unlisted.has(slug) && !seen.has(slug) && out.length < max) {
      out.push(s);
      seen.add(slug);
    }
  }
  if (out.length >= max) return out;
  const shared = new Map<string, number>();
  for (const tag of new Set(article.data.tags.map((t) => t.toLowerCase()))) {
    for (const slug of byTag.get(tag) ?? []) {
      if (!seen.has(slug)) shared.set(slug, (shared.get(slug) ?? 0) + 1);
    }
  }
  const ranked = [...shared.entries()].sort((a, b) => b[1] - a[1]);
  for (const [slug] of ranked) {
    if (out.length >= max) break;
    out.push(summaries.get(slug)!);
  }
  return out;
}

/** Words a reader reads: Markdown syntax, code fences and URLs are not counted. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#>*_`|:[\]-]/g, ' ');
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu);
  return matches ? matches.length : 0;
}
