/**
 * Probes proposed from the search insights (what readers searched on the live site): the most
 * frequent queries with the page readers opened most after them, and the queries that failed (no
 * results, or results nobody opened) with an empty `expect` for a writer to fill. Pure: the caller
 * loads the search events from the feedback store, as `feedback report` does.
 */
import type { PublishedPages, SearchProbe } from '../../content/search-probes.ts';
import type { StoredSearchEvent } from '../../feedback/server/stores/types.ts';
import { plural } from '../../lib/plural.ts';
import { getProbeKey } from './compare.ts';

export interface ProbeSeed {
  query: string;
  language: string;
  /** The page readers opened most after the query; "" for a failed query. */
  expect: string;
  searches: number;
  /** How often `expect` was opened after the query; for a failed query, why it failed. */
  note: string;
}

export interface ProbeSeeds {
  frequent: ProbeSeed[];
  failed: ProbeSeed[];
  /** Search events read. */
  searches: number;
}

interface QueryStats {
  query: string;
  language: string;
  searches: number;
  withResults: number;
  opened: Map<string, number>;
}

/**
 * @param existing probes already in the file: their queries are not proposed again
 * @param base the site's deployment base ("/" or "/help/"): opened pages are recorded with it
 */
export function buildProbeSeeds(
  events: readonly StoredSearchEvent[],
  pages: PublishedPages,
  existing: readonly Pick<SearchProbe, 'query' | 'language'>[],
  { limit = 20, base = '/' }: { limit?: number; base?: string } = {},
): ProbeSeeds {
  const known = new Set(
    existing.map((p) => getProbeKey({ query: p.query, language: p.language ?? pages.defaultLanguage })),
  );
  const prefix = base.replace(/\/+$/, '');
  const stats = new Map<string, QueryStats>();
  for (const e of events) {
    const language = pages.byLanguage.has(e.language) ? e.language : pages.defaultLanguage;
    const key = getProbeKey({ query: e.query, language });
    if (known.has(key)) continue;
    const s = stats.get(key) ?? { query: e.query, language, searches: 0, withResults: 0, opened: new Map() };
    s.searches++;
    if (e.resultCount > 0) s.withResults++;
    if (e.opened) {
      const page = prefix && e.opened.startsWith(`${prefix}/`) ? e.opened.slice(prefix.length) : e.opened;
      s.opened.set(page, (s.opened.get(page) ?? 0) + 1);
    }
    stats.set(key, s);
  }
  const byCount = (a: QueryStats, b: QueryStats) => b.searches - a.searches || a.query.localeCompare(b.query);
  const all = [...stats.values()].sort(byCount);
  const frequent: ProbeSeed[] = [];
  const failed: ProbeSeed[] = [];
  for (const s of all) {
    const published = pages.byLanguage.get(s.language);
    // The most opened page that is still published: a removed page is no answer to probe for.
    const [page, count] = [...s.opened]
      .filter(([p]) => published?.has(p))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [undefined, 0];
    if (page !== undefined) {
      if (frequent.length < limit)
        frequent.push({
          query: s.query,
          language: s.language,
          expect: page,
          searches: s.searches,
          note: `opened ${plural(count, 'time')}`,
        });
    } else if (failed.length < limit) {
      const note =
        s.withResults === 0
          ? 'no results'
          : s.withResults < s.searches
            ? `${plural(s.searches - s.withResults, 'search', 'searches')} found nothing`
            : s.opened.size === 0
              ? 'no result opened'
              : 'the page opened is no longer published';
      failed.push({ query: s.query, language: s.language, expect: '', searches: s.searches, note });
    }
  }
  return { frequent, failed, searches: events.length };
}

/** The seeds as lines to paste into content/search-probes.yaml. */
export function formatProbeSeeds(seeds: ProbeSeeds, defaultLanguage: string): string {
  const line = (s: ProbeSeed) =>
    `- { query: ${JSON.stringify(s.query)}, expect: ${JSON.stringify(s.expect)}${s.language === defaultLanguage ? '' : `, language: ${s.language}`} }  # ${plural(s.searches, 'search', 'searches')}, ${s.note}`;
  const lines = [
    `# Probes proposed from ${plural(seeds.searches, 'search', 'searches')} of the search insights. Copy the ones you agree`,
    '# with into content/search-probes.yaml; `expect` is the page that should come first.',
  ];
  if (seeds.frequent.length === 0 && seeds.failed.length === 0)
    lines.push('# Nothing to propose: no searches, or every query is already a probe.');
  if (seeds.frequent.length > 0)
    lines.push('', '# Frequent queries, with the page readers opened most after them:', ...seeds.frequent.map(line));
  if (seeds.failed.length > 0)
    lines.push(
      '',
      '# Queries that failed readers: write the page that should come first (or add the missing article).',
      ...seeds.failed.map(line),
    );
  return `${lines.join('\n')}\n`;
}
