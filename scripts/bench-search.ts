/**
 * npm run bench:search [-- --ci] [--min-hit3 0.9] [--json] [--no-build] [--queries <file>]
 * npm run bench:search -- --suite [--set <name>]... [--no-build] [--json] [--ci | --save-baselines]
 *
 * Builds the help center into .cache/sites/bench-search, runs every query of
 * content/search-probes.yaml through the real Pagefind index (the browser bundle, with the
 * browser's options) and prints hit@1, hit@3, MRR@10 and the queries not ranked first.
 * With --suite: the real-world suite instead (scripts/bench/search/suite.ts), each set imported
 * and built (cached under .cache/), its probes run through our search and through raw Pagefind;
 * with --ci also its search gate (scripts/bench/search/suite-gate.ts: no probe out of the top 3
 * that its baseline had in it, hit@1 not below the baseline's), and --save-baselines records the
 * baselines from this run instead.
 * Exit codes: 0 done (or the CI gate passed), 1 hit@3 below the floor (a set failed its gate with
 * --suite), 2 usage, content or build error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent, getContentErrors } from '../src/content/load.ts';
import { formatDiagnostic, sortDiagnostics } from '../src/content/diagnostics.ts';
import { getPublishedPages } from '../src/content/search-probes.ts';
import {
  BENCHMARK_FILE,
  BENCHMARK_HIT3_FLOOR,
  createBenchmarkSearch,
  getBenchmarkReport,
  loadBenchmark,
  runBenchmark,
} from './bench/search/benchmark.ts';
import { buildSite, REPO_ROOT, SITES_DIR } from '../test/helpers/build-site.ts';
import { formatBenchmarkReport } from './bench/search-report.ts';
import { listSuiteSets } from '../test/helpers/realworld.ts';
import { compareSet, type SetComparison } from './bench/search/suite.ts';
import { getSuiteBuild } from './bench/search/suite-builds.ts';
import { formatSuiteReport } from './bench/search/suite-report.ts';
import { checkSetSearch, saveSetBaseline, type SetGateResult } from './bench/search/suite-gate.ts';

const SITE_NAME = 'bench-search';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench:search -- [--ci] [--min-hit3 <0..1>] [--json] [--no-build] [--queries <file>]\n       npm run bench:search -- --suite [--set <name>]... [--no-build] [--json] [--ci | --save-baselines]`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        ci: { type: 'boolean', default: false },
        'min-hit3': { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        queries: { type: 'string' },
        suite: { type: 'boolean', default: false },
        set: { type: 'string', multiple: true },
        'save-baselines': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    usage((err as Error).message);
  }
  const floor = args['min-hit3'] !== undefined ? Number(args['min-hit3']) : args.ci ? BENCHMARK_HIT3_FLOOR : undefined;
  if (floor !== undefined && !(floor >= 0 && floor <= 1))
    usage(`--min-hit3 must be a number from 0 to 1, got "${args['min-hit3']}"`);
  const log = (line: string) => (args.json ? console.error(line) : console.log(line));
  if (args.ci && args['save-baselines'])
    usage('--ci checks against the baselines and --save-baselines replaces them: one or the other');
  if (args.suite || args.set)
    return runSuite(
      args.set ?? [],
      { reuse: args['no-build'], json: args.json, gate: args.ci, save: args['save-baselines'] },
      log,
    );
  if (args['save-baselines']) usage("--save-baselines records the real-world suite's baselines: add --suite");

  const contentDir = path.join(REPO_ROOT, 'content');
  const content = loadContent(REPO_ROOT);
  const contentErrors = sortDiagnostics(getContentErrors(content));
  if (contentErrors.length > 0) {
    console.error(`The content has problems; fix them first:\n${contentErrors.map(formatDiagnostic).join('\n')}`);
    process.exit(2);
  }
  // Every language's pages: a probe with `language` searches that language's index.
  const knownUrls = getPublishedPages(content);
  const queriesFile = path.resolve(args.queries ?? path.join(contentDir, BENCHMARK_FILE));
  const relFile = path.relative(REPO_ROOT, queriesFile).split(path.sep).join('/');
  const { queries, diagnostics } = loadBenchmark(queriesFile, relFile, knownUrls);
  if (diagnostics.length > 0) {
    const noun = diagnostics.length === 1 ? 'problem' : 'problems';
    console.error(
      `The benchmark queries have ${diagnostics.length} ${noun}; fix them and run again:\n${sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n')}`,
    );
    process.exit(2);
  }

  const outDir = path.join(SITES_DIR, SITE_NAME);
  if (args['no-build'] && existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))) {
    log(`Using the existing build in ${path.relative(REPO_ROOT, outDir)} (--no-build)`);
  } else {
    const started = performance.now();
    const build = buildSite(SITE_NAME, contentDir);
    if (build.status !== 0) {
      console.error(`Building the help center failed:\n${build.output}`);
      process.exit(2);
    }
    log(`Built ${path.relative(REPO_ROOT, outDir)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const outcomes = await runBenchmark(queries, createBenchmarkSearch(outDir));
  const report = getBenchmarkReport(outcomes);
  const gate = floor === undefined ? undefined : { floor, passed: report.hitAt3 >= floor };

  if (args.json) console.log(JSON.stringify({ file: relFile, ...report, gate }, null, 2));
  else {
    console.log(formatBenchmarkReport(report, relFile));
    if (gate) {
      console.log(
        `\nCI gate: hit@3 ${(report.hitAt3 * 100).toFixed(1)}% ${gate.passed ? '>=' : '<'} floor ${(gate.floor * 100).toFixed(1)}%: ${gate.passed ? 'pass' : 'FAIL'}`,
      );
    }
  }
  if (gate && !gate.passed) {
    if (args.json) console.error(`hit@3 ${report.hitAt3} is below the floor ${gate.floor}`);
    process.exitCode = 1;
  }
}

/** The real-world suite: every set (or the named ones), ours against raw Pagefind. */
async function runSuite(
  names: string[],
  { reuse, json, gate, save }: { reuse: boolean; json: boolean; gate: boolean; save: boolean },
  log: (line: string) => void,
): Promise<void> {
  const all = listSuiteSets();
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) usage(`Unknown set ${unknown.join(', ')}; the sets are ${all.map((s) => s.name).join(', ')}`);
  const sets = names.length > 0 ? all.filter((s) => names.includes(s.name)) : all;
  const comparisons: SetComparison[] = [];
  const gates: SetGateResult[] = [];
  for (const set of sets) {
    let build;
    try {
      build = getSuiteBuild(set, { reuse });
    } catch (err) {
      console.error((err as Error).message);
      process.exit(2);
    }
    log(
      build.built
        ? `${set.name}: imported and built in ${(build.ms / 1000).toFixed(1)} s`
        : `${set.name}: using the build in ${path.relative(REPO_ROOT, build.outDir)}`,
    );
    const { comparison, diagnostics } = await compareSet(build);
    if (!comparison) {
      console.error(
        `The probes of ${set.name} have problems:\n${sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n')}`,
      );
      process.exit(2);
    }
    comparisons.push(comparison);
    if (save) log(`${set.name}: baseline recorded in ${path.relative(REPO_ROOT, await saveSetBaseline(set, build))}`);
    if (gate) gates.push(await checkSetSearch(set, build));
  }
  if (json) console.log(JSON.stringify(gate ? { sets: comparisons, gates } : comparisons, null, 2));
  else console.log(`\n${formatSuiteReport(comparisons)}`);
  if (gate) {
    log('\nSearch gate (each set against its search-baseline.json):');
    for (const g of gates) {
      log(`  ${g.set}: hit@1 ${g.hitAt1}/${g.probes}, floor ${g.floor ?? '-'}: ${g.passed ? 'pass' : 'FAIL'}`);
      for (const f of g.failures) log(`    ${f}`);
    }
    if (gates.some((g) => !g.passed)) process.exitCode = 1;
  }
}

await main();
