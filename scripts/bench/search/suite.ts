/**
 * The search benchmark on the real-world suite: each set's probes
 * (test/fixtures/realworld/<set>/search-probes.yaml, expected pages as the imported site
 * publishes them) run through our search (createNodeSearch: query.ts as the browser runs it) and
 * through raw Pagefind on the same index, with the figures of both and every probe where ours
 * ranks the expected page lower than raw Pagefind does. No console, no exit codes: the caller prints.
 */
import path from 'node:path';
import type { Diagnostic } from '../../../src/content/diagnostics.ts';
import { loadContent } from '../../../src/content/load.ts';
import { getArticlePath, getFaqPath } from '../../../src/content/routes.ts';
import { createNodeSearch } from '../../../src/search/node-search.ts';
import { REPO_ROOT } from '../../../test/helpers/build-site.ts';
import type { SuiteSet } from '../../../test/helpers/realworld.ts';
import {
  BENCHMARK_FILE,
  getBenchmarkReport,
  loadBenchmark,
  runBenchmark,
  type BenchmarkOutcome,
  type BenchmarkReport,
} from './benchmark.ts';
import { createRawPagefindSearch } from './raw-pagefind.ts';
import type { SuiteBuild } from './suite-builds.ts';

export interface SetComparison {
  set: string;
  /** The probes file, relative to the repository. */
  file: string;
  ours: BenchmarkReport;
  raw: BenchmarkReport;
  /** Probes whose page ours ranks lower than raw Pagefind (not found counts as below rank 10). */
  worse: Array<{ ours: BenchmarkOutcome; raw: BenchmarkOutcome }>;
}

/** The probes file of a set: beside its suite.json. */
export function getSetProbesFile(set: SuiteSet): string {
  return path.join(set.dir, BENCHMARK_FILE);
}

/** The published pages of an imported project: its articles' and FAQs' site paths. */
export function getPublishedUrls(projectDir: string): Set<string> {
  const content = loadContent(projectDir);
  return new Set([
    ...content.articles.filter((a) => !a.data.draft).map((a) => getArticlePath(a.category, a.id)),
    ...content.faqs.filter((f) => !f.data.draft).map((f) => getFaqPath(f.id)),
  ]);
}

const rankValue = (rank: number | null) => rank ?? Number.POSITIVE_INFINITY;

/** Probes where ours ranks the page lower than raw; both lists are in probe order. */
export function findWorseThanRaw(
  ours: readonly BenchmarkOutcome[],
  raw: readonly BenchmarkOutcome[],
): SetComparison['worse'] {
  return ours.flatMap((o, i) => (rankValue(o.rank) > rankValue(raw[i]!.rank) ? [{ ours: o, raw: raw[i]! }] : []));
}

export async function compareSet(
  build: SuiteBuild,
): Promise<{ comparison?: SetComparison; diagnostics: Diagnostic[] }> {
  const absolute = getSetProbesFile(build.set);
  const file = path.relative(REPO_ROOT, absolute).split(path.sep).join('/');
  const { queries, diagnostics } = loadBenchmark(absolute, file, getPublishedUrls(build.projectDir));
  if (diagnostics.length > 0) return { diagnostics };
  const search = await createNodeSearch(build.outDir);
  const raw = await createRawPagefindSearch(build.outDir);
  const ours = await runBenchmark(queries, async (q) => (await search.search(q)).map((r) => r.url));
  const theirs = await runBenchmark(queries, (q) => raw.search(q));
  return {
    comparison: {
      set: build.set.name,
      file,
      ours: getBenchmarkReport(ours),
      raw: getBenchmarkReport(theirs),
      worse: findWorseThanRaw(ours, theirs),
    },
    diagnostics: [],
  };
}
