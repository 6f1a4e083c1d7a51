/**
 * The MCP backend of the HTTP endpoint: the site's assistant-data.json in memory. Pagefind's
 * WebAssembly cannot be compiled on Workers, so search here is a small word index with the same
 * query layer as the site's search box (stop words, typo correction against the language's
 * vocabulary, relaxing to some of the words: src/search/query.ts) and Pagefind's matching rules
 * (every word, as a word or a word's prefix; segments for unspaced languages). Ranking is simpler
 * than Pagefind's: a title match counts 6, a synonym of the title's or description's words
 * (content/synonyms.yaml) 4, a description match 3, each body match or synonym of a body word 1.
 */
import type { AssistantData, AssistantLanguage, AssistantRecord } from './assistant-data.ts';
import { createQueryPlanner, searchHelpCenter, type PagefindSearcher, type QueryPlanner } from '../search/query.ts';
import { getWords, isUnspacedLanguage } from '../search/vocabulary.ts';
import { detectLanguage, findLanguage, getUrlLanguage, type SiteLanguage } from './assistant-language.ts';
import type { McpBackend, McpSearchHit } from './mcp-tools.ts';

const WEIGHTS = { title: 6, synonyms: 4, description: 3, text: 1, bodySynonyms: 1 } as const;

interface IndexedRecord {
  record: AssistantRecord;
  /** Per field, its words (spaced languages) or its text lowercased (unspaced ones). */
  fields: Record<keyof typeof WEIGHTS, string[] | string>;
}

interface IndexedLanguage extends SiteLanguage {
  data: AssistantLanguage;
  planner: QueryPlanner;
  searcher: PagefindSearcher<IndexedRecord>;
  byId: Map<string, AssistantRecord>;
}

/** Segments of an unspaced text (Japanese) that carry meaning: words of two or more characters, or kanji. */
function getSegments(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  return [...segmenter.segment(text.toLowerCase())]
    .filter((s) => s.isWordLike && (s.segment.length > 1 || /\p{Script=Han}/u.test(s.segment)))
    .map((s) => s.segment);
}

function countMatches(field: string[] | string, word: string): number {
  if (typeof field === 'string') {
    let n = 0;
    for (let at = field.indexOf(word); at !== -1; at = field.indexOf(word, at + word.length)) n++;
    return n;
  }
  let n = 0;
  for (const w of field)
    if (w === word) n += 1;
    else if (w.startsWith(word)) n += 0.5;
  return n;
}

function createSearcher(records: IndexedRecord[], language: string): PagefindSearcher<IndexedRecord> {
  const unspaced = isUnspacedLanguage(language);
  return {
    search(term) {
      const words = unspaced ? getSegments(term, language) : getWords(term);
      const results = [];
      if (words.length > 0)
        for (const r of records) {
          let score = 0;
          let all = true;
          for (const word of words) {
            let s = 0;
            for (const field of Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>)
              s += WEIGHTS[field] * countMatches(r.fields[field], word);
            if (s === 0) {
              all = false;
              break;
            }
            score += s;
          }
          if (all) results.push({ id: r.record.id, score, data: () => Promise.resolve(r) });
        }
      return Promise.resolve({ results });
    },
  };
}

/** Indexed once per loaded file: a Worker builds its app per request, with the same data. */
const indexed = new WeakMap<AssistantLanguage, IndexedLanguage>();

function indexLanguage(data: AssistantLanguage): IndexedLanguage {
  const known = indexed.get(data);
  if (known) return known;
  const made = buildIndex(data);
  indexed.set(data, made);
  return made;
}

function buildIndex(data: AssistantLanguage): IndexedLanguage {
  const unspaced = isUnspacedLanguage(data.code);
  const split = (text: string) => (unspaced ? text.toLowerCase() : getWords(text));
  const records = data.records.map((record) => ({
    record,
    fields: {
      title: split(record.title),
      description: split(record.description),
      synonyms: split(record.synonyms ?? ''),
      bodySynonyms: split(record.bodySynonyms ?? ''),
      text: split(record.text),
    },
  }));
  return {
    code: data.code,
    prefix: data.prefix,
    words: new Set(data.vocabulary?.words ?? []),
    data,
    planner: createQueryPlanner(data.vocabulary),
    searcher: createSearcher(records, data.code),
    byId: new Map(data.records.map((r) => [r.id, r])),
  };
}

/** A short plain-text excerpt around the first query word the record's text contains. */
function getExcerpt(record: AssistantRecord, terms: readonly string[]): string {
  const text = record.text;
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), 0));
  const start = Math.max(0, at - 60);
  const slice = text.slice(start, start + 200).trim();
  return `${start > 0 ? '…' : ''}${slice}${start + 200 < text.length ? '…' : ''}`;
}

export interface DataBackendOptions {
  name?: string;
  version: string;
  /** Called after each search (the endpoint records it as an assistant's search insight). */
  onSearch?: (event: { query: string; resultCount: number; language: string }) => void | Promise<void>;
}

export function createDataBackend(data: AssistantData, options: DataBackendOptions): McpBackend {
  const languages = data.languages.map(indexLanguage);
  const siteUrl = new URL(`${data.siteUrl}/`);
  const pick = (asked: string | undefined, text: string) =>
    (asked && findLanguage(languages, asked)) || detectLanguage(languages, text);

  return {
    name: options.name ?? data.name,
    version: options.version,
    languages: languages.map((l) => l.code),
    async search(query, limit, language) {
      const lang = pick(language, query);
      const plan = lang.planner.plan(query);
      const { results } = await searchHelpCenter(lang.searcher, plan);
      const hits: McpSearchHit[] = [];
      for (const r of results.slice(0, limit)) {
        const { record } = await r.data();
        hits.push({
          id: record.id,
          kind: record.kind,
          title: record.title,
          url: record.url,
          excerpt: getExcerpt(record, plan.terms),
          language: lang.code,
        });
      }
      await options.onSearch?.({ query, resultCount: results.length, language: lang.code });
      return { total: results.length, hits, language: lang.code };
    },
    get(key, language) {
      if (/^https?:\/\//i.test(key)) {
        const below = getPathBelow(key, siteUrl);
        if (below === undefined) return Promise.resolve(undefined);
        const lang = getUrlLanguage(languages, below.path);
        const rest = getPageKey(below.path, lang.prefix, below.hash);
        // A fallback page (/de/x/ with no German text) shows the default language's page: its text.
        for (const l of [lang, languages[0]!]) {
          const found = l.data.records.find((r) => getRecordKey(r, l.prefix, siteUrl) === rest);
          if (found) return Promise.resolve({ ...pickFields(found), language: l.code });
        }
        return Promise.resolve(undefined);
      }
      const lang = (language && findLanguage(languages, language)) || languages[0]!;
      for (const l of [lang, languages[0]!]) {
        const found = l.byId.get(key);
        if (found) return Promise.resolve({ ...pickFields(found), language: l.code });
      }
      return Promise.resolve(undefined);
    },
  };
}

/** A URL's path below the site's base path and its hash; undefined for a URL of another site. */
function getPathBelow(key: string, siteUrl: URL): { path: string; hash: string } | undefined {
  let url: URL;
  try {
    url = new URL(key);
  } catch {
    return undefined;
  }
  if (url.origin !== siteUrl.origin || !url.pathname.startsWith(siteUrl.pathname)) return undefined;
  return { path: url.pathname.slice(siteUrl.pathname.length - 1), hash: url.hash };
}

/** "/de/billing/refunds/" or "/de/billing/refunds.md" -> "billing/refunds"; "/de/faq/#x" or "/de/faq/x.md" -> "faq/x". */
function getPageKey(path: string, prefix: string, hash: string): string {
  const parts = path.replace(/\.md$/, '').split('/').filter(Boolean);
  if (prefix && parts[0] === prefix) parts.shift();
  if (parts.length === 1 && parts[0] === 'faq' && hash.length > 1) parts.push(decodeURIComponent(hash.slice(1)));
  return parts.join('/');
}

function getRecordKey(r: AssistantRecord, prefix: string, siteUrl: URL): string {
  const below = getPathBelow(r.url, siteUrl);
  return below ? getPageKey(below.path, prefix, below.hash) : '';
}

const pickFields = (r: AssistantRecord) => ({ id: r.id, title: r.title, url: r.url, markdown: r.markdown });
