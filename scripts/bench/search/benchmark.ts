/**
 * The search benchmark: reads the site's search probes (content/search-probes.yaml, the file
 * `helpdesk-kit search check` replays; src/content/search-probes.ts validates it, with file:line
 * diagnostics), runs each query through a search function and turns the ranks into figures (hit@1,
 * hit@3, mean reciprocal rank over the top 10), grouped by each probe's `kind`. No console, no
 * process.exit: scripts/bench-search.ts prints and sets the exit code.
 */
import type { Diagnostic } from '../../../src/content/diagnostics.ts';
import { PROBE_KINDS, type ProbeKind } from '../../../src/content/search-probes-schema.ts';
import {
  checkProbeLanguages,
  getMissingPageReason,
  loadSearchProbes,
  parseSearchProbes,
  SEARCH_PROBES_FILE,
  SEARCH_PROBES_RULE,
  type LoadedSearchProbes,
  type PublishedPages,
} from '../../../src/content/search-probes.ts';
import { getSearchFigures, PROBE_DEPTH } from '../../../src/tools/search-check/figures.ts';
import { createNodeSearch, type NodeSearch } from '../../../src/search/node-search.ts';

export const BENCHMARK_FILE = SEARCH_PROBES_FILE;
/** Ranks below this are not counted (reciprocal rank 0). */
export const BENCHMARK_DEPTH = PROBE_DEPTH;
/**
 * The CI floor for hit@3, a few points under what is measured (docs/search.md): it fails once
 * three queries drop out of the top 3 (a real regression), not on one new hard query a writer adds.
 */
export const BENCHMARK_HIT3_FLOOR = 0.95;
export type BenchmarkKind = ProbeKind;

export interface BenchmarkQuery {
  query: string;
  expect: string;
  kind: BenchmarkKind;
  /** The language whose index the query runs in (the probe's `language`); unset: the default language. */
  language?: string;
  /** 1-based line of the query in its file. */
  line: number;
}

export interface BenchmarkOutcome extends BenchmarkQuery {
  /** 1-based rank of the expected page in the top results, or null when it is not there. */
  rank: number | null;
  /** The first result URLs, best first. */
  top: string[];
}

export interface BenchmarkFigures {
  queries: number;
  hitAt1: number;
  hitAt3: number;
  /** Mean reciprocal rank over the top BENCHMARK_DEPTH results. */
  mrr: number;
  /** Queries whose expected page is not in the top 3. */
  misses: number;
}

export interface BenchmarkReport extends BenchmarkFigures {
  byKind: Partial<Record<BenchmarkKind, BenchmarkFigures>>;
  outcomes: BenchmarkOutcome[];
}

/**
 * The pages probes may expect: the site's published pages by language (getPublishedPages), or,
 * for a site of one language, the set of its page paths (then a `language` probe is an error).
 */
export type BenchmarkPages = PublishedPages | ReadonlySet<string>;

/**
 * Parse and validate the probes file's text for the benchmark. Every expected URL must be a
 * published article or FAQ question in the probe's language, and every probe needs a `kind`
 * (the report groups by it). A probe with `language` runs in that language's index.
 */
export function parseBenchmark(
  text: string,
  file: string,
  known: BenchmarkPages,
): { queries: BenchmarkQuery[]; diagnostics: Diagnostic[] } {
  return checkForBenchmark(parseSearchProbes(text, file), file, known);
}

/** Read the probes file from disk; a missing file is a diagnostic, not an exception. */
export function loadBenchmark(
  absolutePath: string,
  file: string,
  known: BenchmarkPages,
): { queries: BenchmarkQuery[]; diagnostics: Diagnostic[] } {
  return checkForBenchmark(loadSearchProbes(absolutePath, file), file, known);
}

function checkForBenchmark(
  loaded: LoadedSearchProbes,
  file: string,
  known: BenchmarkPages,
): { queries: BenchmarkQuery[]; diagnostics: Diagnostic[] } {
  const diagnostics = [...loaded.diagnostics];
  const oneLanguage = known instanceof Set;
  const pages: PublishedPages = oneLanguage
    ? { defaultLanguage: '', byLanguage: new Map([['', known]]) }
    : (known as PublishedPages);
  if (!oneLanguage) diagnostics.push(...checkProbeLanguages(loaded.probes, pages, file));
  const queries: BenchmarkQuery[] = [];
  const error = (at: { line: number; column: number }, message: string) =>
    diagnostics.push({ file, ...at, severity: 'error', ruleId: SEARCH_PROBES_RULE, message });
  loaded.probes.forEach((p, i) => {
    if (oneLanguage && p.language !== undefined)
      error(p, `[${i}].language: this benchmark was given the pages of one language only; remove "language"`);
    if (p.kind === undefined)
      error(p, `[${i}].kind: the benchmark groups its report by kind; add one of ${PROBE_KINDS.join(', ')}`);
    // A language the site lacks is reported once, by checkProbeLanguages, not again for its page.
    const checkable = p.language === undefined || (!oneLanguage && pages.byLanguage.has(p.language));
    const missing = checkable ? getMissingPageReason(p, pages) : undefined;
    if (missing) error(p.expectAt, `[${i}].expect: ${missing}`);
    if (p.kind !== undefined)
      queries.push({
        query: p.query,
        expect: p.expect,
        kind: p.kind,
        ...(p.language !== undefined ? { language: p.language } : {}),
        line: p.line,
      });
  });
  return { queries: diagnostics.length > 0 ? [] : queries, diagnostics };
}

/**
 * The benchmark's search of a built site: each query in its language's index (the real Pagefind
 * bundle in Node, node-search.ts), result URLs best first. Languages load on first use.
 */
export function createBenchmarkSearch(
  distDir: string,
): (query: string, language?: string) => Promise<readonly string[]> {
  const searches = new Map<string, Promise<NodeSearch>>();
  return async (query, language) => {
    const key = language ?? '';
    let search = searches.get(key);
    if (!search) searches.set(key, (search = createNodeSearch(distDir, '/', BENCHMARK_DEPTH, language)));
    return (await (await search).search(query)).map((r) => r.url);
  };
}

/** Run every query (one at a time: the numbers must not depend on timing) and record the ranks. */
export async function runBenchmark(
  queries: readonly BenchmarkQuery[],
  search: (query: string, language?: string) => Promise<readonly string[]>,
): Promise<BenchmarkOutcome[]> {
  const outcomes: BenchmarkOutcome[] = [];
  for (const q of queries) {
    const top = (await search(q.query, q.language)).slice(0, BENCHMARK_DEPTH);
    const index = top.indexOf(q.expect);
    outcomes.push({ ...q, rank: index === -1 ? null : index + 1, top });
  }
  return outcomes;
}

export function getBenchmarkFigures(outcomes: readonly BenchmarkOutcome[]): BenchmarkFigures {
  const { probes, ...figures } = getSearchFigures(outcomes.map((o) => o.rank));
  return { queries: probes, ...figures };
}

export function getBenchmarkReport(outcomes: readonly BenchmarkOutcome[]): BenchmarkReport {
  const byKind: Partial<Record<BenchmarkKind, BenchmarkFigures>> = {};
  for (const kind of PROBE_KINDS) {
    const of = outcomes.filter((o) => o.kind === kind);
    if (of.length > 0) byKind[kind] = getBenchmarkFigures(of);
  }
  return { ...getBenchmarkFigures(outcomes), byKind, outcomes: [...outcomes] };
}
