/**
 * Build benchmark (`npm run bench`): generates synthetic help centers (default 1,000 and 5,000
 * articles, 20% as many FAQs), builds each with the real `astro build` and, as a baseline in the
 * same run, a plain Astro project over the same articles; prints medians and writes them to
 * docs/performance.md.
 *
 *   npm run bench                          sizes 1000,5000, 3 runs each; the starter beside Starlight;
 *                                          Hugo + Pagefind as the floor; `astro dev` at 5,000
 *   npm run bench -- --all                 the same and 20,000 articles (issue 25's targets, all of them)
 *   npm run bench -- --runs 5 --sizes 500,2000
 *   --no-starlight  --no-hugo  --no-dev    leave out a comparison
 *   --dev-size N  the size `astro dev` is measured at (default 5000, when it is one of the sizes)
 *   npm run bench -- --quick               sizes 200,1000, 1 run, docs not written
 *   --no-write  do not update docs/performance.md     --keep  keep the generated folders
 *   --profile   one more build of the largest size below 10,000 under node --cpu-prof: where our
 *               time goes (`astro dev` always gets one more start of ours under --cpu-prof: where an edit's time goes)
 *   Sizes of 10,000 articles or more are built once (ours, plain; no rebuild): memory and time.
 *   --no-starter  leave out the first row: the starter's first build (`npm create helpdesk-kit`)
 *   --sections  every category gets sections and the articles go into them (1% unlisted): the
 *               cost of sections, against the same text without them
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../test/helpers/build-site.ts';
import { generateHelpCenter } from './bench/generate-content.ts';
import { createPlainAstroProject } from './bench/plain-astro.ts';
import { measureDevServer, pickDevArticle, type DevMeasurement } from './bench/dev-server.ts';
import { createHugoProject, getHugoVersion, runHugoBuild } from './bench/hugo.ts';
import {
  formatProfileSummary,
  summarizeCpuProfile,
  summarizeSelfTimeByFolder,
  type ProfileWindow,
} from './bench/profile.ts';
import { summarize, summarizeDev, type DevResult, type SizeResult } from './bench/report.ts';
import { runAstroBuild, type BuildMeasurement } from './bench/run-build.ts';
import { createStarlightProject, runStarlightBuild, STARLIGHT_VERSION } from './bench/starlight.ts';
import { getKitInfo, scaffoldSite } from '../templates/scaffold.mjs';

const DOC = path.join(REPO_ROOT, 'docs', 'performance.md');
const WORK_ROOT = path.join(REPO_ROOT, '.cache', 'bench');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench -- [--all] [--sizes 1000,5000] [--runs 3] [--quick] [--no-write] [--keep] [--profile] [--sections] [--no-starter] [--no-starlight] [--no-hugo] [--no-dev] [--dev-size 5000]`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string' },
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        // --no-write, like --no-starter, is the negation allowNegative makes of it.
        write: { type: 'boolean', default: true },
        keep: { type: 'boolean', default: false },
        profile: { type: 'boolean', default: false },
        sections: { type: 'boolean', default: false },
        starter: { type: 'boolean', default: true },
        all: { type: 'boolean', default: false },
        starlight: { type: 'boolean', default: true },
        hugo: { type: 'boolean', default: true },
        dev: { type: 'boolean', default: true },
        'dev-size': { type: 'string' },
      },
      strict: true,
      allowNegative: true,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const sizes = (values.sizes ?? (values.quick ? '200,1000' : values.all ? '1000,5000,20000' : '1000,5000'))
    .split(',')
    .map(Number);
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10))
    usage(`--sizes must be whole numbers of articles, at least 10: ${values.sizes}`);
  if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number, at least 1: ${values.runs}`);
  const write = !values.quick && values.write;
  const devSize = Number(values['dev-size'] ?? 5000);
  const runDev = values.dev && !values.quick && sizes.includes(devSize);
  const hugoVersion = values.hugo && !values.quick ? getHugoVersion() : undefined;
  if (values.hugo && !values.quick && !hugoVersion)
    console.log('Hugo is not installed (/usr/bin/hugo; Debian: apt-get install -y hugo): no Hugo baseline.');

  const results: SizeResult[] = [];
  const devResults: DevResult[] = [];
  const failures: string[] = [];
  const started = Date.now();
  let profile = '';
  let devProfile = '';
  const ourEnv = (contentDir: string, outDir: string, cacheDir: string) => ({
    HELP_CENTER_CONTENT_DIR: contentDir,
    HELP_CENTER_OUT_DIR: outDir,
    HELP_CENTER_CACHE_DIR: cacheDir,
  });
  /** Cold builds of ours and the plain baseline, alternating, each of ours followed by a rebuild after one edit. */
  const measure = async (
    result: SizeResult,
    work: string,
    contentDir: string,
    rebuild: boolean,
    others: Array<{ name: string; build: () => Promise<BuildMeasurement> }>,
    runCount = runs,
  ) => {
    const articlesDir = path.join(contentDir, 'articles');
    const plainDir = createPlainAstroProject(
      path.join(work, 'plain'),
      articlesDir,
      path.join(contentDir, 'faqs'),
      REPO_ROOT,
    );
    result.others = others.map(({ name }) => ({ name, runs: [] }));
    for (let run = 1; run <= runCount; run++) {
      const outDir = path.join(work, 'dist');
      const cacheDir = path.join(work, 'cache');
      for (const dir of [outDir, cacheDir]) rmSync(dir, { recursive: true, force: true });
      const ours = await runAstroBuild({ cwd: REPO_ROOT, outDir, env: ourEnv(contentDir, outDir, cacheDir) });
      result.ours.push(ours);
      // Printed at once: at 20,000 articles the builds after it take many minutes.
      console.log(
        `  run ${run}/${runCount}: ours built in ${(ours.ms / 1000).toFixed(1)} s${ours.cpuMs === undefined ? '' : `, ${(ours.cpuMs / 1000).toFixed(1)} s CPU`}, peak ${(ours.peakTreeRssBytes / 2 ** 20).toFixed(0)} MB (whole tree; largest process ${(ours.peakRssBytes / 2 ** 20).toFixed(0)} MB)`,
      );
      if (rebuild) {
        // The rebuild after a writer edits one article: same cacheDir, one body changed.
        const edited = editOneArticle(articlesDir, run);
        try {
          result.rebuild.push(
            await runAstroBuild({ cwd: REPO_ROOT, outDir, env: ourEnv(contentDir, outDir, cacheDir) }),
          );
        } finally {
          edited.restore();
        }
      }
      rmSync(outDir, { recursive: true, force: true });
      const plainOut = path.join(plainDir, 'dist');
      const plainCache = path.join(plainDir, 'cache');
      for (const dir of [plainOut, plainCache, path.join(plainDir, '.astro')])
        rmSync(dir, { recursive: true, force: true });
      const plain = await runAstroBuild({
        cwd: plainDir,
        outDir: plainOut,
        env: { PLAIN_OUT_DIR: plainOut, PLAIN_CACHE_DIR: plainCache },
      });
      result.plain.push(plain);
      rmSync(plainOut, { recursive: true, force: true });
      // The other baselines in the same alternation: ours, plain, Starlight or Hugo, ours, ...
      const otherText: string[] = [];
      for (const [i, other] of others.entries()) {
        const m = await other.build();
        result.others[i]!.runs.push(m);
        otherText.push(
          `, ${other.name} ${(m.ms / 1000).toFixed(1)} s${m.cpuMs === undefined ? '' : `, ${(m.cpuMs / 1000).toFixed(1)} s CPU`}`,
        );
      }
      const cpuText = (m: typeof ours) => (m.cpuMs === undefined ? '' : `, ${(m.cpuMs / 1000).toFixed(1)} s CPU`);
      console.log(
        `  run ${run}/${runCount}: ours ${(ours.ms / 1000).toFixed(1)} s${cpuText(ours)}${rebuild ? `, rebuild after one edit ${(result.rebuild.at(-1)!.ms / 1000).toFixed(1)} s (content sync ${((result.rebuild.at(-1)!.phases.syncMs ?? 0) / 1000).toFixed(1)} s, render ${((result.rebuild.at(-1)!.phases.renderMs ?? 0) / 1000).toFixed(1)} s)` : ''} (waited ${((ours.pagefindWaitMs ?? 0) / 1000).toFixed(1)} s for Pagefind, ${ours.htmlPages} pages, peak ${(ours.peakRssBytes / 2 ** 20).toFixed(0)} MB), plain ${(plain.ms / 1000).toFixed(1)} s${cpuText(plain)} (${plain.htmlPages} pages, peak ${(plain.peakRssBytes / 2 ** 20).toFixed(0)} MB)${otherText.join('')}`,
      );
    }
  };

  /**
   * `astro dev` of ours and of the plain baseline (made by `measure` in work/plain), alternating,
   * each started cold (caches removed) and edited twice; with --profile, ours once more under
   * --cpu-prof, its samples split into the start and the edits.
   */
  const measureDev = async (
    work: string,
    contentDir: string,
    withProfile: boolean,
  ): Promise<{ result: DevResult; profile: string }> => {
    const article = pickDevArticle(path.join(contentDir, 'articles'));
    const plainDir = path.join(work, 'plain');
    const ourCache = path.join(work, 'dev-cache');
    const plainCache = path.join(plainDir, 'dev-cache');
    const result: DevResult = { label: path.basename(work).replace(/-.*$/, ''), ours: [], plain: [] };
    console.log(`\n  astro dev, editing ${article.pagePath} twice after each start`);
    const ours = (nodeArgs?: string[]) => {
      rmSync(ourCache, { recursive: true, force: true });
      return measureDevServer({
        cwd: REPO_ROOT,
        env: { HELP_CENTER_CONTENT_DIR: contentDir, HELP_CENTER_CACHE_DIR: ourCache },
        articleFile: article.file,
        pagePath: article.pagePath,
        edits: 2,
        nodeArgs,
      });
    };
    const devText = (m: DevMeasurement) =>
      `ready ${(m.readyMs / 1000).toFixed(1)} s, first page ${(m.firstPageMs / 1000).toFixed(1)} s, edits visible after ${m.editVisibleMs.map((ms) => (ms / 1000).toFixed(1)).join(' and ')} s`;
    for (let run = 1; run <= runs; run++) {
      const o = await ours();
      result.ours.push(o);
      rmSync(plainCache, { recursive: true, force: true });
      rmSync(path.join(plainDir, '.astro'), { recursive: true, force: true });
      const p = await measureDevServer({
        cwd: plainDir,
        env: { PLAIN_CACHE_DIR: plainCache },
        articleFile: article.file,
        pagePath: article.pagePath,
        edits: 2,
      });
      result.plain.push(p);
      console.log(`  dev run ${run}/${runs}: ours ${devText(o)}; plain ${devText(p)}`);
    }
    if (!withProfile) return { result, profile: '' };
    const profileDir = path.join(work, 'dev-profile');
    // Astro dev ends on SIGINT without process.exit(), so the profile would not be written: the
    // preload turns the signal into an exit.
    let profiled: DevMeasurement;
    try {
      profiled = await ours([
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
        `--import=${pathToFileURL(path.join(import.meta.dirname, 'bench', 'exit-on-signal.mjs')).href}`,
      ]);
    } catch (err) {
      // The profiler slows the start down; on a loaded machine it can pass the time limit. The
      // measured starts above still count.
      const reason = (err as Error).message.split('\n')[0]!;
      console.error(`  the profiled dev start failed: ${reason}`);
      return { result, profile: `The profiled \`astro dev\` start failed, so there is no profile: ${reason}` };
    }
    console.log(`  dev under --cpu-prof: ${devText(profiled)}`);
    const files = readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(profileDir, f));
    const table = (title: string, windows: ProfileWindow[]) => {
      const summary = summarizeSelfTimeByFolder(files, REPO_ROOT, windows, 12);
      return [
        `| ${title}: ${(summary.totalMs / 1000).toFixed(1)} s of CPU sampled (main thread and workers) | self |`,
        '| --- | ---: |',
        ...summary.buckets
          .filter(([, ms]) => ms >= 50)
          .map(([k, ms]) => `| ${k.replace(/\|/g, '\\|')} | ${(ms / 1000).toFixed(1)} s |`),
      ].join('\n');
    };
    return {
      result,
      profile: [
        `Where \`astro dev\`'s time goes (ours, one more start under \`node --cpu-prof\`: ${devText(profiled)}; self time by package, and by folder for this package's own compiled files):`,
        '',
        table('start until the first page', [
          { fromUs: profiled.startUs, toUs: profiled.startUs + profiled.firstPageMs * 1000 },
        ]),
        '',
        table('the two edits, from writing the file until the page showed it', profiled.editWindows),
      ].join('\n'),
    };
  };

  /**
   * Writes what is measured so far into docs/performance.md (after each size, so a long run that is
   * stopped, or a size that fails, still leaves the others' figures); prints it at the end.
   */
  const report = (left: number[]) => {
    const { tables, verdicts } = summarize(results, runs);
    const dev = devResults.length > 0 ? summarizeDev(devResults) : undefined;
    const environment = `Node ${process.version}, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()}; measured ${new Date().toISOString().slice(0, 10)}; benchmark took ${((Date.now() - started) / 60000).toFixed(1)} min${left.length > 0 ? ` so far (still to measure: ${left.map((n) => n.toLocaleString('en')).join(', ')} articles)` : ''}.`;
    const block = [
      tables,
      '',
      ...[...verdicts, ...(dev?.verdicts ?? []), ...failures].map((v) => `- ${v}`),
      ...(dev ? ['', dev.table] : []),
      ...(devProfile ? ['', devProfile] : []),
      '',
      environment,
      ...(profile ? ['', profile] : []),
    ].join('\n');
    if (left.length === 0) console.log(`\n${block}`);
    if (!write) return;
    const doc = readFileSync(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    if (from < 0 || to < from) throw new Error(`${DOC} has no ${START} ... ${END} block to replace`);
    writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${block}\n${doc.slice(to)}`);
    console.log(
      `\nWrote ${left.length > 0 ? 'the figures so far' : 'the tables'} to ${path.relative(REPO_ROOT, DOC)}.`,
    );
  };

  mkdirSync(WORK_ROOT, { recursive: true });
  if (values.starter) {
    // The starter a team gets from `npm create helpdesk-kit`: its first build, beside the baseline over its files.
    const work = mkdtempSync(path.join(WORK_ROOT, 'starter-'));
    try {
      const site = path.join(work, 'site');
      const written = scaffoldSite({
        target: site,
        kit: getKitInfo(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))),
      });
      if (!written.ok) throw new Error(written.message);
      const contentDir = path.join(site, 'content');
      const count = (dir: string) =>
        readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f)).length;
      const result: SizeResult = {
        label: `starter: ${count(path.join(contentDir, 'articles'))} + ${count(path.join(contentDir, 'faqs'))}`,
        articles: count(path.join(contentDir, 'articles')),
        faqs: count(path.join(contentDir, 'faqs')),
        categories: readdirSync(path.join(contentDir, 'articles')).length,
        words: 0,
        ours: [],
        rebuild: [],
        plain: [],
        others: [],
      };
      console.log(`\nthe starter (${result.label}) in ${work}`);
      const starlight = values.starlight
        ? [
            {
              name: `Starlight ${STARLIGHT_VERSION} (5 pages)`,
              build: () => runStarlightBuild(createStarlightProject(path.join(WORK_ROOT, 'starlight'), REPO_ROOT)),
            },
          ]
        : [];
      // Installs Starlight before the first timed build, not inside it.
      if (values.starlight) createStarlightProject(path.join(WORK_ROOT, 'starlight'), REPO_ROOT);
      await measure(result, work, contentDir, false, starlight);
      results.push(result);
    } finally {
      if (values.keep) console.log(`  kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }
  for (const [index, articles] of sizes.entries()) {
    if (index > 0 || results.length > 0) report(sizes.slice(index));
    const faqs = Math.round(articles * 0.2);
    // Inside the repository on purpose: Astro writes the server bundle of a static build to
    // <cwd>/.astro/ when outDir is outside cwd, which concurrent builds would share.
    const work = mkdtempSync(path.join(WORK_ROOT, `${articles}-`));
    try {
      const site = generateHelpCenter(path.join(work, 'site'), {
        articles,
        faqs,
        seed: 42,
        git: true,
        sections: values.sections,
      });
      console.log(
        `\n${articles} articles + ${faqs} FAQs in ${site.categories} categories (${site.words.toLocaleString('en')} words) in ${work}`,
      );
      const result: SizeResult = {
        articles,
        faqs,
        categories: site.categories,
        words: site.words,
        ours: [],
        rebuild: [],
        plain: [],
        others: [],
      };
      // Large sizes: one cold build each, for time and memory (a run of 20,000 takes minutes).
      const large = articles >= 10_000;
      const hugoDir = path.join(work, 'hugo');
      const hugo = hugoVersion
        ? [
            {
              name: `${hugoVersion.replace(/^hugo v?/, 'Hugo ')} + Pagefind`,
              build: () => runHugoBuild(hugoDir, REPO_ROOT),
            },
          ]
        : [];
      if (hugoVersion)
        createHugoProject(hugoDir, path.join(site.contentDir, 'articles'), path.join(site.contentDir, 'faqs'));
      await measure(result, work, site.contentDir, !large, large ? [] : hugo, large ? 1 : runs);
      results.push(result);
      if (runDev && articles === devSize) {
        // The profiled start is how the report says where an edit's time goes, so it always runs.
        const measured = await measureDev(work, site.contentDir, true);
        devResults.push(measured.result);
        devProfile = measured.profile;
      }
      // Not at 10,000 articles or more: those sizes are measured for memory and time only.
      if (values.profile && articles === Math.max(...sizes.filter((n) => n < 10_000))) {
        const profileDir = path.join(work, 'profile');
        const outDir = path.join(work, 'dist');
        for (const dir of [outDir, path.join(work, 'cache')]) rmSync(dir, { recursive: true, force: true });
        await runAstroBuild({
          cwd: REPO_ROOT,
          outDir,
          nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
          env: ourEnv(site.contentDir, outDir, path.join(work, 'cache')),
        });
        const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
        if (file)
          profile = `Profile at ${articles.toLocaleString('en')} articles. ${formatProfileSummary(summarizeCpuProfile(path.join(profileDir, file), REPO_ROOT))}`;
      }
    } catch (err) {
      // A failed size (say, out of memory at 20,000) is reported; the sizes measured are still written.
      const message = (err as Error).message.split('\n').slice(0, 3).join(' ');
      console.error(`\n${articles} articles failed: ${(err as Error).message.slice(-3000)}`);
      failures.push(`${articles.toLocaleString('en')} articles: the run failed (${message.slice(0, 300)})`);
    } finally {
      if (values.keep) console.log(`  kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }

  report([]);
}

/** Changes the body text of one article (the same one each run) and returns how to put it back. */
function editOneArticle(articlesDir: string, run: number): { restore(): void } {
  const category = readdirSync(articlesDir).sort()[0]!;
  const name = readdirSync(path.join(articlesDir, category), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!;
  const file = path.join(articlesDir, category, name);
  const original = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    `${original.trimEnd()}\n\nEdited for the rebuild benchmark (run ${run}): one more sentence a writer added.\n`,
  );
  return { restore: () => writeFileSync(file, original) };
}

await main();
