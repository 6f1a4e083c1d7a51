/**
 * The search gate of the real-world suite: each set's probes replayed on its build with
 * `helpdesk-kit search check`'s own code (runSearchCheck) against the baseline kept beside them
 * (test/fixtures/realworld/<set>/search-baseline.json, what `search check --save` writes). A set
 * fails when a probe that was in the top 3 is not now (the check's rule with a baseline), when a
 * probe's page is not published, or when fewer probes find their page first than the baseline
 * did (its hit@1 is the floor). Probes already outside the top 3 in the baseline do not block,
 * as in a pull request's check. Used by test/site/realworld-suite.test.ts (npm test, on the
 * suite's own builds) and `npm run bench:search -- --suite --ci`. No console, no exit codes.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';
import {
  loadBaseline,
  type SearchCheckBaseline,
  type SearchCheckResults,
} from '../../../src/tools/search-check/results-file.ts';
import { runSearchCheck } from '../../../src/tools/search-check/search-check.ts';
import { REPO_ROOT } from '../../../test/helpers/build-site.ts';
import type { SuiteSet } from '../../../test/helpers/realworld.ts';
import { getSetProbesFile } from './suite.ts';

export const SUITE_BASELINE_FILE = 'search-baseline.json';
/** How to record new baselines, for the failure messages and docs/search.md. */
export const RECORD_COMMAND = 'npm run bench:search -- --suite --save-baselines';

export interface SetGateResult {
  set: string;
  passed: boolean;
  /** Why the set fails, one line each; empty when it passes. */
  failures: string[];
  probes: number;
  /** Probes whose page comes first now. */
  hitAt1: number;
  /** The baseline's hit@1 count: the floor; undefined without a baseline. */
  floor?: number;
  /** This run's results, as `search check --save` writes them. */
  results?: SearchCheckResults;
}

export const getSetBaselineFile = (set: Pick<SuiteSet, 'dir'>) => path.join(set.dir, SUITE_BASELINE_FILE);

const countFirst = (probes: ReadonlyArray<{ rank: number | null }>) => probes.filter((p) => p.rank === 1).length;

const relative = (file: string) => path.relative(REPO_ROOT, file).split(path.sep).join('/');

/**
 * The gate's verdict on a set, given the check's results against its baseline: the failures the
 * check found (a probe out of the top 3 that was in it, a page not published) and the hit@1 floor.
 */
export function judgeSetSearch(
  set: string,
  results: SearchCheckResults,
  baseline: SearchCheckBaseline,
  baselineFile: string,
): SetGateResult {
  const failures = results.probes.flatMap((p) => (p.failure ? [`"${p.query}": ${p.failure}`] : []));
  const hitAt1 = countFirst(results.probes);
  const floor = countFirst(baseline.probes);
  if (hitAt1 < floor)
    failures.push(
      `hit@1 ${hitAt1}/${results.probes.length} is below the floor of ${floor} in ${baselineFile}; if the change is meant, record the new figures with ${RECORD_COMMAND}`,
    );
  return { set, passed: failures.length === 0, failures, probes: results.probes.length, hitAt1, floor, results };
}

/**
 * Replay a set's probes on its build and judge them against its baseline. `probesFile` and
 * `baselineFile` replace the set's own (a test's deliberately broken copies).
 */
export async function checkSetSearch(
  set: SuiteSet,
  build: { outDir: string; projectDir: string },
  { probesFile = getSetProbesFile(set), baselineFile = getSetBaselineFile(set) } = {},
): Promise<SetGateResult> {
  const fail = (failure: string): SetGateResult => ({
    set: set.name,
    passed: false,
    failures: [failure],
    probes: 0,
    hitAt1: 0,
  });
  if (!existsSync(baselineFile))
    return fail(`no baseline at ${relative(baselineFile)}; record one with ${RECORD_COMMAND}`);
  const baseline = loadBaseline(baselineFile, relative(baselineFile));
  const outcome = await runSearchCheck({ root: build.projectDir, distDir: build.outDir, probesFile, baseline });
  if (!outcome.ok) return { ...fail(''), failures: outcome.diagnostics.map(formatDiagnostic) };
  return judgeSetSearch(set.name, outcome.results, baseline, relative(baselineFile));
}

/**
 * Record a set's baseline: its probes' results on this build, without comparing (what
 * `search check --save` writes on a first run). Returns the file written.
 */
export async function saveSetBaseline(set: SuiteSet, build: { outDir: string; projectDir: string }): Promise<string> {
  const outcome = await runSearchCheck({
    root: build.projectDir,
    distDir: build.outDir,
    probesFile: getSetProbesFile(set),
  });
  if (!outcome.ok)
    throw new Error(
      `the probes of ${set.name} have problems:\n${outcome.diagnostics.map(formatDiagnostic).join('\n')}`,
    );
  const file = getSetBaselineFile(set);
  // The probes file as the repository names it, not from the imported project's folder in .cache/.
  const results = { ...outcome.results, probesFile: relative(getSetProbesFile(set)) };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
