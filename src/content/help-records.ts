/**
 * The published articles and FAQs as flat records: what the assistant files (llms.txt, the `.md`
 * copies), the widget's route map and the MCP server work from. Pure: computed from the loaded
 * content once per build.
 */
import type { ArticleEntry, FaqEntry, LoadedContent, TranslationEntry } from './load.ts';
import type { Locale } from './locales.ts';
import {
  getArticleMarkdownPath,
  getArticlePath,
  getFaqMarkdownPath,
  getFaqPath,
  getFeedbackId,
} from './routes.ts';

export interface HelpRecord {
  kind: 'article' | 'faq';
  /** The language of the text: site.yaml's `language`, or the locale code of a translation. */
  language: string;
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
  return getRecords(content, content.site?.language ?? 'en', undefined, new Map());
}

/**
 * The published translations of one locale as records, in the default language's order, with
 * the locale's URLs; `categoryTitles` holds the locale's category names (content/<locale>/categories.yaml).
 */
export function getTranslatedHelpRecords(
  content: LoadedContent,
  locale: string,
  categoryTitles: ReadonlyMap<string, string>,
): HelpRecord[] {
  const mine = content.translations.filter((t) => t.locale === locale && t.original);
  return getRecords(
    {
      ...content,
      articles: mine.filter((t): t is TranslationEntry & ArticleEntry => t.kind === 'article'),
      faqs: mine.filter((t): t is TranslationEntry & FaqEntry => t.kind === 'faq'),
    },
    locale,
    locale,
    categoryTitles,
  );
}

function getRecords(
  content: Pick<LoadedContent, 'categories' | 'articles' | 'faqs'>,
  language: string,
  locale: string | undefined,
  localTitles: ReadonlyMap<string, string>,
): HelpRecord[] {
  const opts = locale ? { locale } : undefined;
  const categories = [...content.categories].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const rank = new Map(categories.map((c, i) => [c.id, i]));
  const titles = new Map(categories.map((c) => [c.id, localTitles.get(c.id) ?? c.title]));
  const byOrder = (a: { order?: number; title: string }, b: { order?: number; title: string }) =>
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title);
  const articles = content.articles
    .filter((a) => !a.data.draft)
    .map(
      (a): HelpRecord & { order?: number } => ({
        kind: 'article',
        language,
        id: getFeedbackId('article', a.id),
        slug: a.id,
        category: a.category,
        categoryTitle: titles.get(a.category) ?? a.category,
        title: a.data.title,
        description: a.data.description,
        path: getArticlePath(a.category, a.id, opts),
        markdownPath: getArticleMarkdownPath(a.category, a.id, opts),
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
        language,
        id: getFeedbackId('faq', f.id),
        slug: f.id,
        category: f.category,
        categoryTitle: titles.get(f.category) ?? f.category,
        title: f.data.question,
        description: '',
        path: getFaqPath(f.id, opts),
        markdownPath: getFaqMarkdownPath(f.id, opts),
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
 * One translation language's records for the widget, in the default records' order: the
 * translation where there is one (appRoutes are the source's), else the default record under the
 * language's prefix when untranslated pages fall back, else none.
 */
export function getWidgetTranslationRecords(
  defaults: readonly HelpRecord[],
  translated: readonly HelpRecord[],
  locale: Pick<Locale, 'code' | 'prefix'>,
  fallback: boolean,
): HelpRecord[] {
  const mine = new Map(translated.filter((t) => t.language === locale.code).map((t) => [t.id, t]));
  const prefix = `/${locale.prefix ?? locale.code}`;
  return defaults.flatMap((r) => {
    const t = mine.get(r.id);
    if (t) return [{ ...t, appRoutes: r.appRoutes }];
    if (!fallback) return [];
    return [{ ...r, path: `${prefix}${r.path}`, markdownPath: `${prefix}${r.markdownPath}` }];
  });
}
