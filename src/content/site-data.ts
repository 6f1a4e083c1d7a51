/**
 * Everything the pages need, computed ONCE per build from the content entries: category order,
 * article order, previous/next, related articles, featured lists, reading time, dates. Pages look
 * their data up here; no page scans all articles. Pure: no astro:* imports, no I/O.
 */
import type { ArticleFrontmatter, Category, FaqFrontmatter } from './schema.ts';
import { getArticlePath, getCategoryPath, getFaqPath } from './routes.ts';

export interface ArticleInput {
  slug: string;
  category: string;
  /** Path relative to the project root, e.g. "content/articles/billing/refunds.md". */
  file: string;
  body: string;
  data: ArticleFrontmatter;
}

export interface FaqInput {
  slug: string;
  category: string;
  file: string;
  body: string;
  data: FaqFrontmatter;
}

export interface ArticleSummary {
  slug: string;
  category: string;
  title: string;
  description: string;
  path: string;
}

export interface FaqSummary {
  slug: string;
  category: string;
  question: string;
  path: string;
}

export interface ArticleView extends ArticleSummary {
  categoryTitle: string;
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

export interface CategoryView {
  category: Category;
  path: string;
  articles: ArticleSummary[];
  faqs: FaqSummary[];
}

export interface SiteData {
  categories: CategoryView[];
  categoryById: Map<string, CategoryView>;
  articleBySlug: Map<string, ArticleView>;
  featured: ArticleSummary[];
  topFaqs: FaqSummary[];
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
  for (const category of sortedCategories) {
    categoryById.set(category.id, { category, path: getCategoryPath(category.id), articles: [], faqs: [] });
  }

  const sortedArticles = [...articles].sort(byOrder((a) => a.data.title));
  const summaries = new Map<string, ArticleSummary>();
  const position = new Map<string, number>();
  for (const a of sortedArticles) {
    const summary: ArticleSummary = {
      slug: a.slug,
      category: a.category,
      title: a.data.title,
      description: a.data.description,
      path: getArticlePath(a.category, a.slug),
    };
    summaries.set(a.slug, summary);
    const list = categoryById.get(a.category)?.articles;
    if (list) position.set(a.slug, list.push(summary) - 1);
  }
  for (const f of [...faqs].sort(byOrder((f) => f.data.question))) {
    categoryById.get(f.category)?.faqs.push({
      slug: f.slug,
      category: f.category,
      question: f.data.question,
      path: getFaqPath(f.slug),
    });
  }

  const byTag = new Map<string, string[]>();
  for (const a of sortedArticles) {
    for (const tag of new Set(a.data.tags.map((t) => t.toLowerCase()))) {
      const list = byTag.get(tag) ?? [];
      if (list.length < TAG_CANDIDATES) list.push(a.slug);
      byTag.set(tag, list);
    }
  }

  const articleBySlug = new Map<string, ArticleView>();
  for (const a of sortedArticles) {
    const view = categoryById.get(a.category);
    const siblings = view?.articles ?? [];
    const index = position.get(a.slug) ?? -1;
    const wordCount = countWords(a.body);
    articleBySlug.set(a.slug, {
      ...summaries.get(a.slug)!,
      categoryTitle: view?.category.title ?? a.category,
      tags: a.data.tags,
      owner: a.data.owner,
      file: a.file,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
      lastUpdated: a.data.updated ? new Date(`${a.data.updated}T00:00:00Z`) : lastChanged.get(a.file),
      previous: index > 0 ? siblings[index - 1] : undefined,
      next: index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : undefined,
      related: getRelated(a, summaries, byTag, maxRelated),
    });
  }

  const featured = sortedArticles
    .filter((a) => a.data.featured)
    .slice(0, maxFeatured)
    .map((a) => summaries.get(a.slug)!);
  const topFaqs = [...faqs]
    .sort(byOrder((f) => f.data.question))
    .slice(0, maxTopFaqs)
    .map((f) => ({ slug: f.slug, category: f.category, question: f.data.question, path: getFaqPath(f.slug) }));

  const categoryViews = [...categoryById.values()];
  return {
    categories: categoryViews,
    categoryById,
    articleBySlug,
    featured,
    topFaqs,
    articleCount: articles.length,
    faqCount: faqs.length,
  };
}

/** Explicit `related` first, then articles sharing the most tags; never itself, never twice. */
function getRelated(
  article: ArticleInput,
  summaries: ReadonlyMap<string, ArticleSummary>,
  byTag: ReadonlyMap<string, string[]>,
  max: number,
): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  const seen = new Set([article.slug]);
  for (const slug of article.data.related) {
    const s = summaries.get(slug);
    if (s && !seen.has(slug) && out.length < max) {
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
