/**
 * The MCP server's backend: a built help center folder (what `astro build` wrote). Search runs
 * the site's Pagefind bundle with the browser's query layer (src/search/node-search.ts); the list
 * of articles and FAQs and their Markdown come from `llms.txt` and the `.md` copies beside the
 * pages. Optionally each search is recorded as a search insight (channel "assistant").
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLlmsTxt } from '../../content/llms-text.ts';
import { normalizeSearchQuery } from '../../feedback/search-query.ts';
import { createNodeSearch } from '../../search/node-search.ts';
import type { McpBackend, McpSearchHit } from './mcp-server.ts';

interface BuiltRecord {
  id: string;
  kind: 'article' | 'faq';
  title: string;
  /** The page's absolute URL. */
  url: string;
  /** The Markdown copy on disk. */
  file: string;
}

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
  const llmsFile = path.join(distDir, 'llms.txt');
  if (!existsSync(llmsFile) || !existsSync(path.join(distDir, 'pagefind', 'pagefind.js')))
    throw new BuiltHelpCenterError(
      `${distDir} is not a built help center (no llms.txt or pagefind/); run the site's build first, or pass --dist.`,
    );
  const text = readFileSync(llmsFile, 'utf8');
  const parsed = parseLlmsTxt(text);
  const fullUrl = /(\S+)\/llms-full\.txt/.exec(text)?.[1];
  if (!fullUrl) throw new BuiltHelpCenterError(`${llmsFile} does not name llms-full.txt; rebuild the site.`);
  const siteUrl = new URL(`${fullUrl}/`);
  const base = siteUrl.pathname;
  const records = new Map<string, BuiltRecord>();
  for (const link of parsed.sections.flatMap((s) => s.links)) {
    const url = new URL(link.url);
    const found = getIdFromPath(url.pathname);
    if (!found || !url.pathname.startsWith(base)) continue;
    const file = path.join(distDir, ...url.pathname.slice(base.length).split('/'));
    const page =
      found.kind === 'faq'
        ? new URL(`faq/#${found.id.slice(4)}`, siteUrl).href
        : new URL(url.pathname.replace(/\.md$/, '/'), siteUrl).href;
    records.set(found.id, { ...found, title: link.title.replace(/^FAQ: /, ''), url: page, file });
  }
  const search = await createNodeSearch(distDir, base, 20);

  const record = async (query: string, resultCount: number) => {
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
          language: target.language,
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
    records: records.size,
    async search(query, limit) {
      const results = await search.search(query);
      const hits: McpSearchHit[] = [];
      for (const r of results) {
        const url = new URL(r.url, siteUrl);
        const found = getIdFromPath(url.pathname, url.hash);
        if (!found) continue;
        hits.push({ ...found, title: r.meta.title ?? r.url, url: url.href, excerpt: stripTags(r.excerpt) });
      }
      await record(query, results.length);
      return { total: results.length, hits: hits.slice(0, limit) };
    },
    async get(key) {
      let found = records.get(key);
      if (!found && /^https?:\/\//.test(key)) {
        const url = new URL(key);
        const id = getIdFromPath(url.pathname, url.hash)?.id;
        found = id ? records.get(id) : undefined;
      }
      if (!found) return undefined;
      return { id: found.id, title: found.title, url: found.url, markdown: await readFile(found.file, 'utf8') };
    },
  };
}
