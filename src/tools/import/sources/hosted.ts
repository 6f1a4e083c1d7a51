/**
 * Hosted help desks, from their API's JSON saved to disk (README: "Moving from ..."). Each reader
 * collects the categories, sections and articles from every `.json` file in the folder (one file
 * per API list, or several pages of one list), converts the HTML bodies and keeps each
 * article's public URL as an old path that redirects.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getFeedbackId } from '../../../content/routes.ts';
import {
  formatVoteBaseline,
  readVoteBaseline,
  VOTE_BASELINE_FILE,
  VoteBaselineError,
  type VoteBaselineEntry,
} from '../../../feedback/vote-baseline.ts';
import { htmlToMarkdown, htmlToText, recordAltFromFileName, recordUnsafeHtml } from '../html-to-markdown.ts';
import { toSlug } from '../slugs.ts';
import type { ConversionCounts, ImportSource, PlannedFile, SourceGroup, SourcePage, SourceSet } from '../types.ts';

type HostedSource = Extract<ImportSource, 'zendesk' | 'intercom' | 'helpscout' | 'freshdesk'>;
type Json = Record<string, unknown>;

/** An API id or code as text (ids come as numbers or strings). */
const key = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export class ImportSourceError extends Error {}

interface JsonFile {
  file: string;
  data: unknown;
  /** When the file was saved: the export's date, which the JSON itself does not carry. */
  savedAt: Date;
}

/** Every JSON document in the folder (or the one file), by file name. */
function readJsonFiles(source: string): JsonFile[] {
  const files = source.endsWith('.json')
    ? [source]
    : readdirSync(source)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(source, f));
  if (files.length === 0)
    throw new ImportSourceError(`there are no .json files in ${source}; save the export there first (see the README)`);
  return files.map((file) => {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return { file: path.basename(file), data, savedAt: statSync(file).mtime };
    } catch (err) {
      throw new ImportSourceError(
        `${path.basename(file)} is not valid JSON (${(err as Error).message}); save the API's answer as it came`,
      );
    }
  });
}

/** The items under `key` in every file: `{ key: [...] }`, `{ key: { items: [...] } }`, `{ data: [...] }` or a bare array named like the key. */
function collect(files: JsonFile[], key: string, ...fileHints: string[]): Json[] {
  const out: Json[] = [];
  for (const { file, data } of files) {
    if (Array.isArray(data)) {
      if (fileHints.some((h) => file.toLowerCase().includes(h))) out.push(...(data as Json[]));
      continue;
    }
    if (!data || typeof data !== 'object') continue;
    const value = (data as Json)[key];
    if (Array.isArray(value)) out.push(...(value as Json[]));
    else if (value && typeof value === 'object' && Array.isArray((value as Json).items))
      out.push(...((value as Json).items as Json[]));
    else if (value && typeof value === 'object' && key.endsWith('s') === false) out.push(value as Json);
    else if (Array.isArray((data as Json).data) && fileHints.some((h) => file.toLowerCase().includes(h)))
      out.push(...((data as Json).data as Json[]));
  }
  return out;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? key(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const date = (v: unknown): string | undefined => {
  if (typeof v === 'number') return new Date(v * 1000).toISOString().slice(0, 10);
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined;
};

function convert(html: string, counts: ConversionCounts, origin: string, title?: string): string {
  const norm = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  // A body that starts with the title as <h1> would show it twice, and shift its headings for nothing.
  const body = title
    ? html.replace(/^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>/i, (m, text: string) =>
        norm(htmlToText(text)) === norm(title) ? '' : m,
      )
    : html;
  const { markdown, unsafeRemoved, altFromFileName } = htmlToMarkdown(body);
  recordUnsafeHtml(counts, origin, unsafeRemoved);
  recordAltFromFileName(counts, origin, altFromFileName);
  return markdown;
}

function group(item: Json | undefined, fallbackKey: string, nameKey = 'name'): SourceGroup {
  if (!item) return { key: fallbackKey, title: 'General' };
  return {
    key: key(item.id ?? fallbackKey),
    title: htmlToText(str(item[nameKey]) ?? str(item.title) ?? 'General'),
    description: str(item.description) ? htmlToText(key(item.description)) : undefined,
    order: num(item.position) ?? num(item.order),
  };
}

function readZendesk(files: JsonFile[], counts: ConversionCounts): SourceSet {
  const categories = new Map(collect(files, 'categories').map((c) => [key(c.id), c]));
  const sections = new Map(collect(files, 'sections').map((s) => [key(s.id), s]));
  const articles = collect(files, 'articles');
  const translations = collect(files, 'translations');
  const set: SourceSet = { pages: [], skipped: [], mappings: [], staticDirs: [] };
  const locales = articles.map((a) => str(a.source_locale) ?? str(a.locale)).filter(Boolean) as string[];
  const language = mostCommon(locales) ?? 'en-us';
  set.language = language;
  const firstUrl = articles.map((a) => str(a.html_url)).find(Boolean);
  if (firstUrl) set.siteUrl = new URL(firstUrl).origin;
  const articlesSaved = files
    .filter((f) => collect([f], 'articles').length > 0)
    .map((f) => f.savedAt.getTime())
    .reduce((a, b) => Math.max(a, b), 0);
  const exported = new Date(articlesSaved || Date.now()).toISOString().slice(0, 10);
  // Sections inside sections (Zendesk's nested sections) join their parent's name.
  const sectionOf = (id: string | undefined): { category: SourceGroup; section?: SourceGroup } => {
    const s = id ? sections.get(id) : undefined;
    if (!s) return { category: { key: 'general', title: 'General' } };
    let top = s;
    const names = [htmlToText(str(s.name) ?? '')];
    while (top.parent_section_id && sections.get(key(top.parent_section_id))) {
      top = sections.get(key(top.parent_section_id))!;
      names.unshift(htmlToText(str(top.name) ?? ''));
    }
    if (names.length > 1) set.mappings.push(`the nested section "${names.join(' › ')}" became one section`);
    const category = group(categories.get(key(top.category_id ?? s.category_id)), 'general');
    return { category, section: { ...group(s, key(s.id)), title: names.join(' › '), key: key(s.id) } };
  };
  const pageFrom = (a: Json, origin: string, translationOf?: string): SourcePage | undefined => {
    const locale = str(a.locale) ?? language;
    const id = key(a.source_id ?? a.id);
    // One segment (`user_segment_id`), or several on Enterprise plans (`user_segment_ids`): either restricts it.
    const segments = Array.isArray(a.user_segment_ids) ? a.user_segment_ids : [];
    if ((a.user_segment_id !== null && a.user_segment_id !== undefined) || segments.length > 0) {
      set.skipped.push({
        origin,
        message:
          'visible only to a Zendesk user segment (signed-in users or agents): not published on a public help center',
      });
      return undefined;
    }
    const title = htmlToText(str(a.title) ?? str(a.name) ?? `Article ${id}`);
    const body = convert(str(a.body) ?? '', counts, origin, title);
    const page: SourcePage = {
      origin,
      kind: 'article',
      ...sectionOf(str(a.section_id)),
      slugHint: toSlug(title),
      locale: locale.toLowerCase() === language.toLowerCase() ? undefined : locale,
      translationOf: translationOf ?? (locale.toLowerCase() === language.toLowerCase() ? undefined : id),
      title,
      body,
      tags: (Array.isArray(a.label_names) ? a.label_names : []).filter((l): l is string => typeof l === 'string'),
      order: num(a.position),
      draft: a.draft === true,
      featured: a.promoted === true,
      updated: date(a.edited_at) ?? date(a.updated_at),
      oldUrls: [str(a.html_url)].filter(Boolean) as string[],
      linkKeys: [`zendesk:${id}`],
      droppedKeys: a.outdated === true ? ['outdated'] : [],
    };
    // Zendesk counts votes per article, and a translation's record repeats its source's.
    const votes = page.translationOf ? undefined : fromZendeskVotes(a.vote_sum, a.vote_count);
    if (votes && votes.up + votes.down > 0) page.votes = { source: 'zendesk', exported, ...votes };
    if (a.outdated === true)
      set.skipped.push({
        origin,
        message: 'imported, but Zendesk marked this translation outdated: review it against the source article',
      });
    return page;
  };
  for (const a of articles) {
    const page = pageFrom(a, `articles#${key(a.id)}${a.locale ? `/${key(a.locale)}` : ''}`);
    if (page) set.pages.push(page);
  }
  for (const t of translations) {
    // The reference says "article", its example and the API say "Article".
    if (t.source_type && key(t.source_type).toLowerCase() !== 'article') continue;
    const source = articles.find((a) => key(a.id) === key(t.source_id));
    if (!source || key(t.locale).toLowerCase() === key(source.locale ?? language).toLowerCase()) continue;
    const page = pageFrom(
      { ...source, ...t, id: t.source_id },
      `translations#${key(t.id)}/${key(t.locale)}`,
      key(t.source_id),
    );
    if (page) set.pages.push(page);
  }
  return set;
}

function readIntercom(files: JsonFile[], counts: ConversionCounts): SourceSet {
  const collections = new Map(collect(files, 'collections', 'collection').map((c) => [key(c.id), c]));
  const sections = new Map(collect(files, 'sections', 'section').map((s) => [key(s.id), s]));
  const articles = collect(files, 'articles', 'article').filter((a) => a.type === undefined || a.type === 'article');
  const set: SourceSet = { pages: [], skipped: [], mappings: [], staticDirs: [] };
  const language = mostCommon(articles.map((a) => str(a.default_locale)).filter(Boolean) as string[]) ?? 'en';
  set.language = language;
  const placeOf = (parentId: unknown): { category: SourceGroup; section?: SourceGroup } => {
    const id = parentId === null || parentId === undefined ? undefined : key(parentId);
    const section = id ? sections.get(id) : undefined;
    const parentCollection = id ? collections.get(id) : undefined;
    if (section)
      return {
        category: group(collections.get(key(section.parent_id)), 'general'),
        section: group(section, key(section.id)),
      };
    if (parentCollection?.parent_id && collections.get(key(parentCollection.parent_id)))
      return {
        category: group(collections.get(key(parentCollection.parent_id)), 'general'),
        section: group(parentCollection, key(parentCollection.id)),
      };
    return { category: group(parentCollection, 'general') };
  };
  for (const a of articles) {
    const id = key(a.id);
    const place = placeOf(a.parent_id ?? (Array.isArray(a.parent_ids) ? a.parent_ids[0] : undefined));
    const variants: Array<[string | undefined, Json]> = [[undefined, a]];
    const translated = a.translated_content as Json | undefined;
    if (translated && typeof translated === 'object')
      for (const [locale, content] of Object.entries(translated))
        if (content && typeof content === 'object' && locale !== 'type' && locale !== language)
          variants.push([locale, content as Json]);
    for (const [locale, content] of variants) {
      const origin = `articles#${id}${locale ? `/${locale}` : ''}`;
      if (!str(content.body) && !str(content.title)) continue;
      const title = htmlToText(str(content.title) ?? `Article ${id}`);
      set.pages.push({
        origin,
        kind: 'article',
        ...place,
        slugHint: toSlug(title),
        locale,
        translationOf: locale ? id : undefined,
        title,
        description: str(content.description),
        body: convert(str(content.body) ?? '', counts, origin, title),
        tags: [],
        draft: content.state === 'draft',
        updated: date(content.updated_at) ?? date(a.updated_at),
        oldUrls: [str(content.url)].filter(Boolean) as string[],
        linkKeys: [`intercom:${id}`],
        droppedKeys: [],
      });
    }
  }
  const firstUrl = set.pages.flatMap((p) => p.oldUrls)[0];
  if (firstUrl) set.siteUrl = new URL(firstUrl).origin;
  return set;
}

function readHelpScout(files: JsonFile[], counts: ConversionCounts): SourceSet {
  const collections = new Map(collect(files, 'collections', 'collection').map((c) => [key(c.id), c]));
  const categories = new Map(collect(files, 'categories', 'categor').map((c) => [key(c.id), c]));
  // The list's pages name every article without its text; GET /v1/articles/{id} has the text: an
  // article's fields from both, the full record's winning, whichever file comes first.
  const articles = new Map<string, Json>();
  for (const a of [...collect(files, 'articles', 'article'), ...collect(files, 'article')]) {
    const id = key(a.id);
    const known = articles.get(id);
    articles.set(id, known && !str(a.text) ? { ...a, ...known } : { ...known, ...a });
  }
  const set: SourceSet = { pages: [], skipped: [], mappings: [], staticDirs: [] };
  for (const [id, a] of articles) {
    const origin = `articles#${id}`;
    if (a.status && a.status !== 'published') {
      set.skipped.push({ origin, message: `status "${key(a.status)}": not published in Help Scout` });
      continue;
    }
    if (!str(a.text)) {
      set.skipped.push({
        origin,
        message: 'no text in the export: save each article with GET /v1/articles/{id} (the list has no text)',
      });
      continue;
    }
    const cats = Array.isArray(a.categories) ? a.categories.map(key) : [];
    const category = group(collections.get(key(a.collectionId)), 'general');
    const sectionItem = cats.map((c) => categories.get(c)).find((c) => c && c.slug !== 'uncategorized');
    const title = htmlToText(str(a.name) ?? `Article ${id}`);
    set.pages.push({
      origin,
      kind: 'article',
      category,
      section: sectionItem ? group(sectionItem, key(sectionItem.id)) : undefined,
      slugHint: str(a.slug) ?? toSlug(title),
      title,
      body: convert(key(a.text), counts, origin, title),
      tags: (Array.isArray(a.keywords) ? a.keywords : []).filter((k): k is string => typeof k === 'string'),
      draft: false,
      updated: date(a.updatedAt) ?? date(a.lastPublishedAt),
      oldUrls: [str(a.publicUrl)].filter(Boolean) as string[],
      linkKeys: [`helpscout:${id}`, ...(str(a.number) ? [`helpscout:${key(a.number)}`] : [])],
      droppedKeys: [],
    });
  }
  const firstUrl = set.pages.flatMap((p) => p.oldUrls)[0];
  if (firstUrl) set.siteUrl = new URL(firstUrl).origin;
  return set;
}

/** `articles.fr.json`, `articles-page-2.pt-br.json`: the language a file of Freshdesk articles is in. */
const FILE_LANGUAGE = /\.([a-z]{2,3}(?:-[a-z]{2,4})?)\.json$/i;

/**
 * Freshdesk folder visibility: 1 is everyone; 2 logged-in users, 3 agents, 4 chosen companies,
 * 5 bots, 6 and 7 chosen contact or company segments.
 */
function readFreshdesk(files: JsonFile[], counts: ConversionCounts): SourceSet {
  const categories = new Map(collect(files, 'categories', 'categor').map((c) => [key(c.id), c]));
  const folders = new Map(collect(files, 'folders', 'folder').map((f) => [key(f.id), f]));
  // A translation comes from `GET .../articles/<language>`: the same article, saved as `articles.<language>.json`.
  const articles = files.flatMap((f) =>
    collect([f], 'articles', 'article').map((a) => ({ a, locale: FILE_LANGUAGE.exec(f.file)?.[1] })),
  );
  const set: SourceSet = { pages: [], skipped: [], mappings: [], staticDirs: [] };
  for (const { a, locale } of articles) {
    const id = key(a.id);
    const origin = `articles#${id}${locale ? `/${locale}` : ''}`;
    const folder = folders.get(key(a.folder_id));
    if (folder && num(folder.visibility) !== undefined && folder.visibility !== 1) {
      set.skipped.push({
        origin,
        message: `in the folder "${key(folder.name)}", which is not visible to everyone (visibility ${key(folder.visibility)})`,
      });
      continue;
    }
    if (a.status === 1) {
      set.skipped.push({ origin, message: 'a draft in Freshdesk: imported as a draft' });
    }
    const parentFolder = folder?.parent_folder_id ? folders.get(key(folder.parent_folder_id)) : undefined;
    const category = group(
      categories.get(key(a.category_id ?? folder?.category_id ?? parentFolder?.category_id)),
      'general',
    );
    const title = htmlToText(str(a.title) ?? `Article ${id}`);
    const seo = (a.seo_data ?? {}) as Json;
    // Files attached to the article show under it on the portal; their S3 links expire within minutes.
    const attached = (Array.isArray(a.attachments) ? (a.attachments as Json[]) : []).map((f) => key(f.name));
    if (attached.length)
      set.skipped.push({
        origin,
        message: `imported without its attached files (${attached.join(', ')}): download them from Freshdesk and link them in the article`,
      });
    const portalPath = `${locale ? `/${locale}` : ''}/support/solutions/articles/${id}`;
    set.pages.push({
      origin,
      kind: 'article',
      category,
      section: folder
        ? {
            ...group(folder, key(folder.id)),
            title: [parentFolder?.name, folder.name].filter(Boolean).map(key).join(' › '),
          }
        : undefined,
      slugHint: toSlug(title),
      locale,
      translationOf: locale ? id : undefined,
      title,
      description: str(seo.meta_description),
      body: convert(str(a.description) ?? '', counts, origin, title),
      tags: (Array.isArray(a.tags) ? a.tags : []).filter((t): t is string => typeof t === 'string'),
      draft: a.status === 1,
      updated: date(a.updated_at),
      // Freshdesk serves /support/solutions/articles/<id> and <id>-<title slug>; the export has no URL.
      // A translation's portal path starts with its language: /fr/support/solutions/articles/<id>.
      oldUrls: [str(a.url), portalPath, `${portalPath}-${toSlug(title)}`].filter(Boolean) as string[],
      linkKeys: [`freshdesk:${id}`],
      droppedKeys: [],
    });
  }
  return set;
}

/** Zendesk's `vote_sum` is ups minus downs and `vote_count` all votes; undefined when they do not add up. */
export function fromZendeskVotes(voteSum: unknown, voteCount: unknown): { up: number; down: number } | undefined {
  if (typeof voteSum !== 'number' || typeof voteCount !== 'number') return undefined;
  const up = (voteCount + voteSum) / 2;
  const down = (voteCount - voteSum) / 2;
  if (!Number.isInteger(up) || !Number.isInteger(down) || up < 0 || down < 0) return undefined;
  return { up, down };
}

/**
 * content/imported-votes.yaml with the votes of the imported articles, by their new ids, merged
 * into the file that is there; undefined when no page brought votes. Merging adds, so it needs no --force.
 */
export function planVoteBaselineFile(
  root: string,
  contentName: string,
  pages: ReadonlyArray<{ page: SourcePage; slug: string }>,
): PlannedFile | undefined {
  const entries = new Map<string, VoteBaselineEntry>();
  for (const { page, slug } of pages) if (page.votes) entries.set(getFeedbackId(page.kind, slug), page.votes);
  if (entries.size === 0) return undefined;
  try {
    const existing = readVoteBaseline(root, path.join(root, contentName));
    return { path: `${contentName}/${VOTE_BASELINE_FILE}`, text: formatVoteBaseline(existing, entries), exists: false };
  } catch (err) {
    if (!(err instanceof VoteBaselineError)) throw err;
    throw new ImportSourceError(`${err.message}\nThe import adds the Zendesk votes to that file.`);
  }
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

export function readHostedExport(from: HostedSource, source: string, counts: ConversionCounts): SourceSet {
  const files = readJsonFiles(source);
  if (from === 'zendesk') return readZendesk(files, counts);
  if (from === 'intercom') return readIntercom(files, counts);
  if (from === 'helpscout') return readHelpScout(files, counts);
  return readFreshdesk(files, counts);
}
