/**
 * The Astro side of site data: reads the collections once per build and hands them to the pure
 * builder. Every page calls getSiteData(); the work happens on the first call only.
 */
import { getCollection } from 'astro:content';
import { buildSiteData, type SiteData } from '../content/site-data.ts';
import { getBuildRevision, loadGitHistory, type GitHistory } from '../content/git-history.ts';
import { contentCheckSlot } from '../build/content-check-slot.ts';
import { CategoriesFileSchema, type ArticleFrontmatter, type FaqFrontmatter } from '../content/schema.ts';
import { readYamlData } from './read-yaml-data.ts';
import { parseEntryId } from '../content/entry-id.ts';
import { CATEGORIES_FILE, getProjectRoot } from '../content/paths.ts';
import { getHelpCenterConfig } from './config.ts';
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
export type ArticleEntry = HelpCenterEntry<'articles', ArticleFrontmatter>;
export type FaqEntry = HelpCenterEntry<'faqs', FaqFrontmatter>;

export interface LoadedSite {
  data: SiteData;
  articles: Map<string, ArticleEntry>;
  faqs: Map<string, FaqEntry>;
  revision: string;
}

let pending: Promise<LoadedSite> | undefined;

const isPublished = (entry: { data: { draft: boolean } }) => !import.meta.env.PROD || !entry.data.draft;

export function getSite(): Promise<LoadedSite> {
  pending ??= loadSite();
  return pending;
}

async function loadSite(): Promise<LoadedSite> {
  const { root: astroRoot, contentDir } = getHelpCenterConfig();
  const root = getProjectRoot(contentDir);
  const [articles, faqs] = (await Promise.all([
    getCollection('articles', isPublished),
    getCollection('faqs', isPublished),
  ])) as [ArticleEntry[], FaqEntry[]];
  const categories = readYamlData(path.join(contentDir, CATEGORIES_FILE), CategoriesFileSchema) ?? [];
  const history = getContentHistory(root, contentDir);
  const toFile = (entry: { filePath?: string }) =>
    path
      .relative(root, path.resolve(astroRoot, entry.filePath ?? ''))
      .split(path.sep)
      .join('/');
  const data = buildSiteData(
    categories,
    articles.map((e) => ({ ...parseEntryId(e.id), file: toFile(e), body: e.body ?? '', data: e.data })),
    faqs.map((e) => ({ ...parseEntryId(e.id), file: toFile(e), body: e.body ?? '', data: e.data })),
    { lastChanged: history.lastChanged },
  );
  return {
    data,
    articles: new Map(articles.map((e) => [parseEntryId(e.id).slug, e])),
    faqs: new Map(faqs.map((e) => [parseEntryId(e.id).slug, e])),
    revision: getBuildRevision(history) ?? 'unknown',
  };
}

/** `astro build` has the git dates from its content check (read on a worker thread); dev reads them here. */
function getContentHistory(root: string, contentDir: string): Pick<GitHistory, 'lastChanged' | 'revision'> {
  const checked = contentCheckSlot.get();
  if (checked) return checked.history;
  return loadGitHistory(root, path.relative(root, contentDir) || '.', { renames: false });
}
