/**
 * The published articles and FAQs as flat records: what the assistant files (llms.txt, the `.md`
 * copies), the widget's route map and the MCP server work from. Pure: computed from the loaded
 * content once per build.
 */
import type { LoadedContent } from './load.ts';
import {
  getArticleMarkdownPath,
  getArticlePath,
  getFaqMarkdownPath,
  getFaqPath,
  getFeedbackId,
} from './routes.ts';

export interface HelpRecord {
  kind: 'article' | 'faq';
  /** The feedback id, "article:<slug>" or "faq:<slug>". */
  id: string;
  slug: string;
  category: string;
  categoryTitle: string;
  /** The article's title or the FAQ's question. */
  title: string;
  /** The article's description; empty for a FAQ. */
  description: string;
  /** The site path of the page (without the deployment base). */
  path: string;
  /** The site path of the Markdown copy. */
  markdownPath: string;
  /** The Markdown body (the answer, for a FAQ). */
  markdown: string;
  /** Product path patterns (articles' `appRoutes`). */
  appRoutes: string[];
  /** The source file (absolute), for rendering its relative links. */
  sourcePath: string;
  /** An unlisted article: kept out of llms.txt (as out of the sitemap), still in the widget's route map. */
  unlisted: boolean;
}

/** Categories in their home-page order; within one, articles then FAQs by order and title. */
export function getHelpRecords(content: LoadedContent): HelpRecord[] {
  const categories = [...content.categories].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const rank = new Map(categories.map((c, i) => [c.id, i]));
  const titles = new Map(categories.map((c) => [c.id, c.title]));
  const byOrder = (a: { order?: number; title: string }, b: { order?: number; title: string }) =>
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title);
  const articles = content.articles
    .filter((a) => !a.data.draft)
    .map(
      (a): HelpRecord & { order?: number } => ({
        kind: 'article',
        id: getFeedbackId('article', a.id),
        slug: a.id,
        category: a.category,
        categoryTitle: titles.get(a.category) ?? a.category,
        title: a.data.title,
        description: a.data.description,
        path: getArticlePath(a.category, a.id),
        markdownPath: getArticleMarkdownPath(a.category, a.id),
        markdown: a.body.trim(),
        appRoutes: a.data.appRoutes,
        sourcePath: a.absolutePath,
        unlisted: a.data.unlisted,
        order: a.data.order,
      }),
    );
  const faqs = content.faqs
    .filter((f) => !f.data.draft)
    .map(
      (f): HelpRecord & { order?: number } => ({
        kind: 'faq',
        id: getFeedbackId('faq', f.id),
        slug: f.id,
        category: f.category,
        categoryTitle: titles.get(f.category) ?? f.category,
        title: f.data.question,
        description: '',
        path: getFaqPath(f.id),
        markdownPath: getFaqMarkdownPath(f.id),
        markdown: f.body.trim(),
        appRoutes: [],
        sourcePath: f.absolutePath,
        unlisted: false,
        order: f.data.order,
      }),
    );
  const kindRank = { article: 0, faq: 1 } as const;
  return [...articles, ...faqs]
    .sort(
      (a, b) =>
        (rank.get(a.category) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.category) ?? Number.MAX_SAFE_INTEGER) ||
        kindRank[a.kind] - kindRank[b.kind] ||
        byOrder(a, b),
    )
    .map(({ order: _order, ...record }) => record);
}

/**
 * One translation language's records, in the default records' order: the translation where there
 * is one (appRoutes and order are the source's), else the default record when untranslated pages
 * fall back, else none. Paths carry the locale prefix.
 */
export function getTranslationRecords(
  content: LoadedContent,
  defaults: readonly HelpRecord[],
  locale: string,
  fallback: boolean,
): HelpRecord[] {
  const mine = content.translations.filter((t) => t.locale === locale && t.original);
  const translated = new Map(
    getHelpRecords({
      ...content,
      articles: mine.filter((t) => t.kind === 'article'),
      faqs: mine.filter((t) => t.kind === 'faq'),
    }).map((r) => [r.id, r]),
  );
  return defaults.flatMap((r) => {
    const t = translated.get(r.id);
    if (!t && !fallback) return [];
    const record = t ? { ...t, appRoutes: r.appRoutes } : r;
    return [{ ...record, path: `/${locale}${record.path}`, markdownPath: `/${locale}${record.markdownPath}` }];
  });
}
