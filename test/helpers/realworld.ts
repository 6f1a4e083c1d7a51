/**
 * The real-world suite (test/fixtures/realworld/<set>/suite.json): each set is imported as a new
 * team would do it, into a freshly scaffolded site, with the built CLI and default flags, then
 * linted and built with Astro. Shared by the suite's test and scripts/realworld-table.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { getKitInfo, scaffoldSite } from '../../templates/scaffold.mjs';
import type { ImportSummary } from '../../src/tools/import/types.ts';
import { buildSite, getCleanEnv, REPO_ROOT, type BuildResult } from './build-site.ts';

export const REALWORLD_DIR = path.join(REPO_ROOT, 'test/fixtures/realworld');
const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');

export interface SuiteSet {
  name: string;
  dir: string;
  generator: string;
  /** The folder passed to the importer (absolute). */
  source: string;
  args: string[];
}

export interface SetRun {
  set: SuiteSet;
  projectDir: string;
  importStatus: number | null;
  importOutput: string;
  importMs: number;
  summary: ImportSummary;
  /** Lint findings after the import, by rule id: [errors, warnings]. */
  lintByRule: Record<string, { errors: number; warnings: number }>;
  lintErrors: number;
  build: BuildResult;
  buildMs: number;
}

/** Every set with a suite.json, by name; a broken suite.json is an error naming the file. */
export function listSuiteSets(): SuiteSet[] {
  return readdirSync(REALWORLD_DIR)
    .filter((name) => existsSync(path.join(REALWORLD_DIR, name, 'suite.json')))
    .sort()
    .map((name) => {
      const dir = path.join(REALWORLD_DIR, name);
      const file = path.join(dir, 'suite.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (typeof data.generator !== 'string' || typeof data.source !== 'string')
        throw new Error(`${file}: "generator" and "source" must be strings`);
      const args = Array.isArray(data.args) ? data.args.map(String) : [];
      return { name, dir, generator: data.generator, source: path.join(dir, data.source), args };
    });
}

/** The newest modification time under a folder (TypeScript sources only). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && /\.(ts|mjs|astro)$/.test(e.name) && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  return newest;
}

/** dist/ is what `node dist/cli/index.js` runs: compiled again when src/ changed since. */
export function ensureFreshCli(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(path.join(REPO_ROOT, 'src'))) return;
  const built = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-package.mjs')], {
    cwd: REPO_ROOT,
    env: getCleanEnv(),
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`npm run build:package failed:\n${built.stdout}${built.stderr}`);
}

function runCliProcess(cwd: string, args: string[]): { status: number | null; stdout: string; output: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...getCleanEnv(), NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}

/** Scaffold, import, lint, build: one set, as a team's first run. */
export function runSuiteSet(set: SuiteSet): SetRun {
  const projectDir = path.join(REPO_ROOT, '.cache', 'realworld', set.name);
  rmSync(projectDir, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as unknown;
  const scaffolded = scaffoldSite({ target: projectDir, kit: getKitInfo(pkg) });
  if (!scaffolded.ok) throw new Error(`scaffolding ${set.name}: ${scaffolded.message}`);

  const reportFile = path.join(projectDir, 'import-report.json');
  const started = performance.now();
  const imported = runCliProcess(projectDir, [
    'import',
    set.source,
    '--from',
    set.generator,
    '--report',
    reportFile,
    ...set.args,
  ]);
  const importMs = performance.now() - started;
  if (!existsSync(reportFile))
    throw new Error(`import of ${set.name} wrote no report (exit ${imported.status}):\n${imported.output}`);
  const summary = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportSummary;

  const lint = runCliProcess(projectDir, ['lint', '--format', 'json', '--no-cache']);
  const lintByRule: SetRun['lintByRule'] = {};
  let lintErrors = 0;
  try {
    const parsed = JSON.parse(lint.stdout) as { findings?: Array<{ ruleId: string; severity: string }> };
    for (const f of parsed.findings ?? []) {
      const entry = (lintByRule[f.ruleId] ??= { errors: 0, warnings: 0 });
      if (f.severity === 'error') {
        entry.errors++;
        lintErrors++;
      } else entry.warnings++;
    }
  } catch {
    throw new Error(`lint of ${set.name} printed no JSON (exit ${lint.status}):\n${lint.output}`);
  }

  const buildStarted = performance.now();
  const build = buildSite(`realworld-${set.name}`, path.join(projectDir, 'content'), {
    HELP_CENTER_PUBLIC_DIR: path.join(projectDir, 'public'),
  });
  const buildMs = performance.now() - buildStarted;
  return {
    set,
    projectDir,
    importStatus: imported.status,
    importOutput: imported.output,
    importMs,
    summary,
    lintByRule,
    lintErrors,
    build,
    buildMs,
  };
}

/** "no-broken-link 3 (3 errors), stale 1" */
export function formatLintByRule(run: SetRun): string {
  const entries = Object.entries(run.lintByRule).sort(
    (a, b) => b[1].errors + b[1].warnings - a[1].errors - a[1].warnings,
  );
  if (entries.length === 0) return 'none';
  return entries
    .map(
      ([rule, n]) =>
        `${rule} ${n.errors + n.warnings}${n.errors ? ` (${n.errors} error${n.errors > 1 ? 's' : ''})` : ''}`,
    )
    .join(', ');
}

/** One Markdown table row per set: the docs' table. */
export function formatSuiteTable(runs: SetRun[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.set.name} | ${r.summary.imported.length} | ${(r.importMs / 1000).toFixed(1)} s | ${formatLintByRule(r)} | ${r.build.status === 0 ? `passes (${(r.buildMs / 1000).toFixed(0)} s)` : 'fails'} |`,
  );
  return [
    '| Set | Pages | Import | Lint findings by rule | First build |',
    '| --- | ---: | ---: | --- | --- |',
    ...rows,
  ].join('\n');
}
