/**
 * The MCP server's backend: a built help center folder (what `astro build` wrote). Search runs
 * the site's Pagefind bundle of the query's language with the browser's query layer
 * (src/search/node-search.ts); the articles and FAQs of every language and their Markdown come
 * from `assistant-data.json`, as on the HTTP endpoint. Optionally each search is recorded as a
 * search insight (channel "assistant").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ASSISTANT_DATA_FILE, parseAssistantData, type AssistantData } from '../../assistant/assistant-data.ts';
import { normalizeSearchQuery } from '../../feedback/search-query.ts';
import { createNodeSearch, type NodeSearch } from '../../search/node-search.ts';
import { detectLanguage, findLanguage, type SiteLanguage } from '../../assistant/assistant-language.ts';
import { createDataBackend } from '../../assistant/data-backend.ts';
import type { McpBackend, McpSearchHit } from '../../assistant/mcp-tools.ts';

export interface InsightsTarget {
  /** `<feedbackEndpoint>/search`. */
  endpoint: string;
  /** Sent as Origin: the help center's own origin, which the endpoint always allows. */
  origin: string;
  language: string;
  revision: string;
}

export class BuiltHelpCenterError extends Error {}

const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** "…/faq/<slug>(.md|/#slug)" is a FAQ, "…/<category>/<slug>(.md|/)" an article. */
function getIdFromPath(pathname: string, hash = ''): { id: string; kind: 'article' | 'faq' } | undefined {
  const parts = pathname.replace(/\.md$/, '').split('/').filter(Boolean);
  if (parts[parts.length - 1] === 'faq' && hash.length > 1) return { id: `faq:${hash.slice(1)}`, kind: 'faq' };
  const slug = parts[parts.length - 1];
  if (!slug) return undefined;
  return parts[parts.length - 2] === 'faq'
    ? { id: `faq:${slug}`, kind: 'faq' }
    : { id: `article:${slug}`, kind: 'article' };
}

export async function loadBuiltHelpCenter(
  distDir: string,
  options: { name: string; version: string; insights?: InsightsTarget; log?: (message: string) => void },
): Promise<McpBackend & { records: number }> {
  const dataFile = path.join(distDir, ASSISTANT_DATA_FILE);
  if (!existsSync(dataFile) || !existsSync(path.join(distDir, 'pagefind', 'pagefind.js')))
    throw new BuiltHelpCenterError(
      `${distDir} is not a built help center (no ${ASSISTANT_DATA_FILE} or pagefind/); run the site's build first, or pass --dist.`,
    );
  let data: AssistantData;
  try {
    data = parseAssistantData(readFileSync(dataFile, 'utf8'), dataFile);
  } catch (err) {
    throw new BuiltHelpCenterError((err as Error).message);
  }
  // get: the build's records of every language (data-backend.ts); search: each language's Pagefind.
  const pages = createDataBackend(data, { name: options.name, version: options.version });
  const siteUrl = new URL(`${data.siteUrl}/`);
  const base = siteUrl.pathname;
  const languages: SiteLanguage[] = data.languages.map((l) => ({
    code: l.code,
    prefix: l.prefix,
    words: new Set(l.vocabulary?.words ?? []),
  }));
  const searches = new Map<string, Promise<NodeSearch>>();
  const getSearch = (language: SiteLanguage) => {
    let search = searches.get(language.code);
    if (!search) {
      // The default language's index is Pagefind's default; the others are picked by <html lang>.
      search = createNodeSearch(distDir, base, 20, language === languages[0] ? undefined : language.code);
      searches.set(language.code, search);
    }
    return search;
  };

  // The default language's index now, so a broken bundle fails at start rather than at the first search.
  await getSearch(languages[0]!);

  const record = async (query: string, resultCount: number, language: string) => {
    const target = options.insights;
    const q = normalizeSearchQuery(query);
    if (!target || !q) return;
    try {
      const response = await fetch(target.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: target.origin },
        body: JSON.stringify({
          eventId: crypto.randomUUID(),
          query: q,
          resultCount,
          opened: null,
          contact: false,
          channel: 'assistant',
          language,
          revision: target.revision,
        }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) options.log?.(`search insight not stored: HTTP ${response.status}`);
    } catch (err) {
      options.log?.(`search insight not sent: ${(err as Error).message}`);
    }
  };

  return {
    name: options.name,
    version: options.version,
    languages: languages.map((l) => l.code),
    records: data.languages.reduce((n, l) => n + l.records.length, 0),
    async search(query, limit, asked) {
      const language = (asked && findLanguage(languages, asked)) || detectLanguage(languages, query);
      const results = await (await getSearch(language)).search(query);
      const hits: McpSearchHit[] = [];
      for (const r of results) {
        const url = new URL(r.url, siteUrl);
        const below = url.pathname
          .slice(base.length - 1)
          .split('/')
          .filter(Boolean);
        if (language.prefix && below[0] === language.prefix) below.shift();
        const found = getIdFromPath(`/${below.join('/')}/`, url.hash);
        if (!found) continue;
        hits.push({
          ...found,
          title: r.meta.title ?? r.url,
          url: url.href,
          excerpt: stripTags(r.excerpt),
          language: language.code,
        });
      }
      await record(query, results.length, language.code);
      return { total: results.length, hits: hits.slice(0, limit), language: language.code };
    },
    get: (key, language) => pages.get(key, language),
  };
}
