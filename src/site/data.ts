/**
 * The Astro side of site data: reads the collections once per build and hands them to the pure
 * builder, once per language. Every page calls getSite(); the work happens on the first call for
 * each language only. A language other than the default one gets each translation in place of
 * its source, and for an entry without one, the source (`missingTranslation: fallback`, marked so
 * the page shows a notice) or nothing (`omit`).
 */
import { getCollection } from 'astro:content';
import { buildSiteData, type SiteData, type TranslationState } from '../content/site-data.ts';
import { getBuildRevision, loadGitHistory, type GitHistory } from '../content/git-history.ts';
import { getBuildSession } from 'virtual:helpdesk-kit/build-session';
import {
  CategoriesFileSchema,
  CategoryTranslationsFileSchema,
  type ArticleFrontmatter,
  type Category,
  type FaqFrontmatter,
} from '../content/schema.ts';
import { getFreshness } from '../content/revision.ts';
import { splitTranslationId, type Locale } from '../content/locales.ts';
import { readYamlData } from './read-yaml-data.ts';
import { parseEntryId } from '../content/entry-id.ts';
import { CATEGORIES_FILE, getProjectRoot } from '../content/paths.ts';
import { getHelpCenterConfig } from './config.ts';
import { getPageLanguage, getSiteLocales } from './languages.ts';
import path from 'node:path';

/**
 * An entry of our collections, as getCollection() returns it. Typed here, not with Astro's
 * generated CollectionEntry, so the compiled package does not depend on a project's `astro sync`.
 */
export interface HelpCenterEntry<C extends string, T> {
  id: string;
  collection: C;
  filePath?: string;
  body?: string;
  data: T;
}
export type ArticleEntry = HelpCenterEntry<'articles' | 'articleTranslations', ArticleFrontmatter>;
export type FaqEntry = HelpCenterEntry<'faqs' | 'faqTranslations', FaqFrontmatter>;

export interface LoadedSite {
  data: SiteData;
  /** The entry each page of this language renders, by slug: its translation, or the source it falls back to. */
  articles: Map<string, ArticleEntry>;
  faqs: Map<string, FaqEntry>;
  revision: string;
  locale: Locale;
}

/** Which languages have a real translation (not a fallback) of each entry: "article:<slug>" -> locale codes. */
export type Availability = ReadonlyMap<string, ReadonlySet<string>>;

interface Collections {
  articles: ArticleEntry[];
  faqs: FaqEntry[];
  articleTranslations: ArticleEntry[];
  faqTranslations: FaqEntry[];
  categories: Category[];
  history: Pick<GitHistory, 'lastChanged' | 'revision'>;
  availability: Map<string, Set<string>>;
}

let collections: Promise<Collections> | undefined;
const sites = new Map<string, Promise<LoadedSite>>();

const isPublished = (entry: { data: { draft: boolean } }) => !import.meta.env.PROD || !entry.data.draft;
/** The source id ("billing/refunds") of a default-language entry or of a translation. */
const sourceIdOf = (entry: { id: string; collection: string }) =>
  entry.collection.endsWith('Translations') ? splitTranslationId(entry.id).sourceId : entry.id;

/** The site's data in one language (the default one without a prefix). */
export function getSite(prefix?: string): Promise<LoadedSite> {
  const key = prefix ?? '';
  let pending = sites.get(key);
  if (!pending) {
    pending = loadSite(prefix);
    sites.set(key, pending);
  }
  return pending;
}

/** Which languages have each article and FAQ, for the language switcher and hreflang alternates. */
export async function getAvailability(): Promise<Availability> {
  return (await loadCollections()).availability;
}

function loadCollections(): Promise<Collections> {
  collections ??= (async () => {
    const { contentDir, hasFaqs } = getHelpCenterConfig();
    const root = getProjectRoot(contentDir);
    const translated = getSiteLocales().length > 1;
    const [articles, faqs, articleTranslations, faqTranslations] = (await Promise.all([
      getCollection('articles', isPublished),
      hasFaqs ? getCollection('faqs', isPublished) : [],
      translated ? getCollection('articleTranslations' as 'articles', isPublished) : [],
      translated && hasFaqs ? getCollection('faqTranslations' as 'faqs', isPublished) : [],
    ])) as [ArticleEntry[], FaqEntry[], ArticleEntry[], FaqEntry[]];
    const categories = readYamlData(path.join(contentDir, CATEGORIES_FILE), CategoriesFileSchema) ?? [];
    const history = getContentHistory(root, contentDir);
    const defaultCode = getSiteLocales()[0]!.code;
    const availability = new Map<string, Set<string>>();
    const mark = (kind: string, entries: ArticleEntry[] | FaqEntry[], code: (e: { id: string }) => string) => {
      for (const e of entries) {
        const key = `${kind}:${parseEntryId(sourceIdOf(e)).slug}`;
        const set = availability.get(key) ?? new Set<string>();
        set.add(code(e));
        availability.set(key, set);
      }
    };
    mark('article', articles, () => defaultCode);
    mark('faq', faqs, () => defaultCode);
    mark('article', articleTranslations, (e) => splitTranslationId(e.id).locale);
    mark('faq', faqTranslations, (e) => splitTranslationId(e.id).locale);
    return { articles, faqs, articleTranslations, faqTranslations, categories, history, availability };
  })();
  return collections;
}

async function loadSite(prefix: string | undefined): Promise<LoadedSite> {
  const { root: astroRoot, contentDir, settings } = getHelpCenterConfig();
  const root = getProjectRoot(contentDir);
  const { locale, route } = getPageLanguage(prefix);
  const all = await loadCollections();
  const toFile = (entry: { filePath?: string }) =>
    path
      .relative(root, path.resolve(astroRoot, entry.filePath ?? ''))
      .split(path.sep)
      .join('/');

  const articles = pickForLocale(all.articles, all.articleTranslations, locale, settings.missingTranslation);
  const faqs = pickForLocale(all.faqs, all.faqTranslations, locale, settings.missingTranslation);
  const categories = locale.isDefault ? all.categories : translateCategories(all.categories, contentDir, locale);
  const input = <E extends ArticleEntry | FaqEntry>(p: Picked<E>) => ({
    ...parseEntryId(sourceIdOf(p.entry)),
    file: toFile(p.entry),
    body: p.entry.body ?? '',
    data: p.entry.data,
    translation: p.translation,
  });
  const data = buildSiteData(
    categories,
    articles.map((p) => input(p) as Parameters<typeof buildSiteData>[1][number]),
    faqs.map((p) => input(p) as Parameters<typeof buildSiteData>[2][number]),
    { lastChanged: all.history.lastChanged, route },
  );
  if (!locale.isDefault && settings.missingTranslation === 'omit') {
    data.categories = data.categories.filter((c) => c.articles.length > 0 || c.faqs.length > 0);
  }
  return {
    data,
    articles: new Map(articles.map((p) => [parseEntryId(sourceIdOf(p.entry)).slug, p.entry])),
    faqs: new Map(faqs.map((p) => [parseEntryId(sourceIdOf(p.entry)).slug, p.entry])),
    revision: getBuildRevision(all.history) ?? 'unknown',
    locale,
  };
}

interface Picked<E> {
  entry: E;
  translation: TranslationState | undefined;
}

/**
 * The entries a language shows, in the sources' order: the translation where there is one (with
 * its freshness), else the source as a fallback, or nothing when the site omits missing pages.
 * A translation's frontmatter is its own, but its place in the site (order, featured, related)
 * is the source's, so every language has the same structure.
 */
function pickForLocale<E extends ArticleEntry | FaqEntry>(
  sources: readonly E[],
  translations: readonly E[],
  locale: Locale,
  missing: 'fallback' | 'omit',
): Array<Picked<E>> {
  if (locale.isDefault) return sources.map((entry) => ({ entry, translation: undefined }));
  const mine = new Map<string, E>();
  for (const t of translations) {
    const { locale: code, sourceId } = splitTranslationId(t.id);
    if (code === locale.code) mine.set(sourceId, t);
  }
  const out: Array<Picked<E>> = [];
  for (const source of sources) {
    const translation = mine.get(source.id);
    if (translation) {
      const structure = source.data as Partial<ArticleFrontmatter>;
      const data = {
        ...translation.data,
        order: source.data.order,
        related: source.data.related,
        ...('featured' in structure && { featured: structure.featured, unlisted: structure.unlisted }),
        ...('owner' in structure && { owner: (translation.data as ArticleFrontmatter).owner ?? structure.owner }),
      };
      out.push({
        entry: { ...translation, data },
        translation: {
          fallback: false,
          freshness: getFreshness({ body: source.body ?? '', data: source.data }, translation),
        },
      });
    } else if (missing === 'fallback') {
      out.push({ entry: source, translation: { fallback: true } });
    }
  }
  return out;
}

/** The categories with their titles and descriptions from content/<locale>/categories.yaml, where given. */
function translateCategories(categories: readonly Category[], contentDir: string, locale: Locale): Category[] {
  const file = path.join(contentDir, locale.code, CATEGORIES_FILE);
  const byId = new Map((readYamlData(file, CategoryTranslationsFileSchema) ?? []).map((t) => [t.id, t]));
  return categories.map((c) => {
    const t = byId.get(c.id);
    if (!t) return c;
    const sections = new Map(t.sections.map((s) => [s.id, s]));
    return {
      ...c,
      title: t.title,
      description: t.description ?? c.description,
      sections: c.sections.map((s) => {
        const ts = sections.get(s.id);
        return ts ? { ...s, title: ts.title, description: ts.description ?? s.description } : s;
      }),
    };
  });
}

/** `astro build` has the git dates from its content check (read on a worker thread); dev reads them here. */
function getContentHistory(root: string, contentDir: string): Pick<GitHistory, 'lastChanged' | 'revision'> {
  const checked = getBuildSession()?.checkedContent;
  if (checked) return checked.history;
  return loadGitHistory(root, path.relative(root, contentDir) || '.', { renames: false });
}
