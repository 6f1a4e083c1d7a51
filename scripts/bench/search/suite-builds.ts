/**
 * Builds of the real-world suite's sets for the search benchmark (test/helpers/realworld.ts:
 * scaffold, import with the built CLI, lint, build), cached: a set is imported and built again
 * only when its source, the kit's source (src/, templates/) or the package version changed since
 * the build in .cache/sites/realworld-<set>/ was made. The key is a hash of file contents, so
 * a checkout that only touched a probes file reuses every build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SITES_DIR } from '../../../test/helpers/build-site.ts';
import { ensureFreshCli, runSuiteSet, type SuiteSet } from '../../../test/helpers/realworld.ts';

const STAMP_FILE = 'bench-search-stamp.txt';

export interface SuiteBuild {
  set: SuiteSet;
  /** The built site (dist) and the imported project (its content/). */
  outDir: string;
  projectDir: string;
  /** True when this run imported and built it; false when the cached build was current. */
  built: boolean;
  ms: number;
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, skip: (name: string) => boolean): void {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !skip(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    hash.update(path.relative(REPO_ROOT, file));
    hash.update(readFileSync(file));
  }
}

/** What a set's build depends on: its source files and the kit that imports and builds it. */
export function getSuiteBuildKey(set: SuiteSet): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(REPO_ROOT, 'package.json')));
  hash.update(JSON.stringify(set.args));
  const isTest = (name: string) => name.endsWith('.test.ts');
  hashTree(hash, path.join(REPO_ROOT, 'src'), isTest);
  hashTree(hash, path.join(REPO_ROOT, 'templates'), isTest);
  hashTree(hash, set.source, () => false);
  return hash.digest('hex');
}

export function getSuiteOutDir(set: SuiteSet): string {
  return path.join(SITES_DIR, `realworld-${set.name}`);
}

export function getSuiteProjectDir(set: SuiteSet): string {
  return path.join(REPO_ROOT, '.cache', 'realworld', set.name);
}

/**
 * The set's build, made now unless the cached one is current (or `reuse` is set and one exists).
 * Throws when the import or the build fails: the benchmark has nothing to search then.
 */
export function getSuiteBuild(set: SuiteSet, { reuse = false }: { reuse?: boolean } = {}): SuiteBuild {
  const outDir = getSuiteOutDir(set);
  const projectDir = getSuiteProjectDir(set);
  const stampFile = path.join(outDir, STAMP_FILE);
  const hasBuild =
    existsSync(path.join(outDir, 'pagefind', 'pagefind.js')) && existsSync(path.join(projectDir, 'content'));
  const key = getSuiteBuildKey(set);
  if (hasBuild && (reuse || (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === key)))
    return { set, outDir, projectDir, built: false, ms: 0 };
  ensureFreshCli();
  const started = performance.now();
  const run = runSuiteSet(set);
  if (run.importStatus !== 0 && run.summary.imported.length === 0)
    throw new Error(`importing ${set.name} failed:\n${run.importOutput}`);
  if (run.build.status !== 0) throw new Error(`building ${set.name} failed:\n${run.build.output}`);
  writeFileSync(stampFile, key);
  return { set, outDir: run.build.outDir, projectDir: run.projectDir, built: true, ms: performance.now() - started };
}
