/**
 * The two sites the search speed benchmark serves, built once and kept under
 * .cache/bench-search-speed/<articles>/: our build of the generated help center, and the plain
 * Astro + Pagefind baseline over the same Markdown with a search page that runs Pagefind's own UI.
 * Ours is rebuilt when the package (dist/) changes, the baseline when the Pagefind version does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../test/helpers/build-site.ts';
import { generateHelpCenter } from '../generate-content.ts';
import { createPlainAstroProject } from '../plain-astro.ts';
import { runAstroBuild } from '../run-build.ts';

export const SPEED_ROOT = path.join(REPO_ROOT, '.cache', 'bench-search-speed');
const SEED = 42;

export interface BenchSites {
  articles: number;
  /** Our build's output folder. */
  ours: string;
  /** The baseline's output folder (its search page is /search/). */
  plain: string;
}

/** A digest of every file under `dirs` (names and bytes): what a build's output depends on. */
function digestTree(dirs: string[], extra: string[] = []): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    for (const rel of files) {
      const file = path.join(dir, rel);
      try {
        hash.update(rel).update(readFileSync(file));
      } catch {
        /* a folder */
      }
    }
  }
  for (const text of extra) hash.update(text);
  return hash.digest('hex').slice(0, 16);
}

const readStamp = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Builds what is missing or stale; `log` says what it does (a build at 5,000 articles takes minutes). */
export async function prepareSites(
  articles: number,
  {
    rebuild = false,
    buildOurs = true,
    log = console.log,
  }: { rebuild?: boolean; buildOurs?: boolean; log?: (line: string) => void } = {},
): Promise<BenchSites> {
  const work = path.join(SPEED_ROOT, String(articles));
  const siteDir = path.join(work, 'site');
  const contentDir = path.join(siteDir, 'content');
  const contentStamp = path.join(work, 'content.stamp');
  const contentKey = `seed ${SEED}, ${articles} articles, ${digestTree([], [readFileSync(path.join(REPO_ROOT, 'scripts/bench/generate-content.ts'), 'utf8')])}`;
  if (readStamp(contentStamp) !== contentKey) {
    log(`generating ${articles} articles in ${path.relative(REPO_ROOT, siteDir)}`);
    rmSync(work, { recursive: true, force: true });
    generateHelpCenter(siteDir, { articles, faqs: Math.round(articles * 0.2), seed: SEED, git: true });
    writeFileSync(contentStamp, contentKey);
  }

  const ours = path.join(work, 'ours');
  const oursStamp = path.join(work, 'ours.stamp');
  const oursKey = digestTree([path.join(REPO_ROOT, 'dist')], [contentKey]);
  if (buildOurs && (rebuild || readStamp(oursStamp) !== oursKey || !existsSync(path.join(ours, 'index.html')))) {
    log(`building our help center (${articles} articles) into ${path.relative(REPO_ROOT, ours)}`);
    rmSync(ours, { recursive: true, force: true });
    const m = await runAstroBuild({
      cwd: REPO_ROOT,
      outDir: ours,
      env: {
        HELP_CENTER_CONTENT_DIR: contentDir,
        HELP_CENTER_OUT_DIR: ours,
        HELP_CENTER_CACHE_DIR: path.join(work, 'ours-cache'),
      },
    });
    log(`  built in ${(m.ms / 1000).toFixed(0)} s, ${m.htmlPages} pages`);
    writeFileSync(oursStamp, oursKey);
  }

  const plainProject = path.join(work, 'plain');
  const plain = path.join(plainProject, 'dist');
  const plainStamp = path.join(work, 'plain.stamp');
  const pagefindVersion = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }
  ).version;
  const plainKey = `${contentKey}, pagefind ${pagefindVersion}, ${digestTree([], [readFileSync(path.join(REPO_ROOT, 'scripts/bench/plain-astro.ts'), 'utf8')])}`;
  if (rebuild || readStamp(plainStamp) !== plainKey || !existsSync(path.join(plain, 'search', 'index.html'))) {
    log(`building the plain Astro + Pagefind baseline into ${path.relative(REPO_ROOT, plain)}`);
    rmSync(plainProject, { recursive: true, force: true });
    createPlainAstroProject(plainProject, path.join(contentDir, 'articles'), path.join(contentDir, 'faqs'), REPO_ROOT, {
      searchPage: true,
    });
    const m = await runAstroBuild({
      cwd: plainProject,
      outDir: plain,
      env: { PLAIN_OUT_DIR: plain, PLAIN_CACHE_DIR: path.join(plainProject, 'cache') },
    });
    log(`  built in ${(m.ms / 1000).toFixed(0)} s, ${m.htmlPages} pages`);
    writeFileSync(plainStamp, plainKey);
  }
  return { articles, ours, plain };
}
