/**
 * Build benchmark (`npm run bench`): generates synthetic help centers (default 1,000 and 5,000
 * articles, 20% as many FAQs), builds each with the real `astro build` and, as a baseline in the
 * same run, a plain Astro project over the same articles; prints medians and writes them to
 * docs/performance.md.
 *
 *   npm run bench                          sizes 1000,5000, 3 runs each
 *   npm run bench -- --runs 5 --sizes 500,2000
 *   npm run bench -- --quick               sizes 200,1000, 1 run, docs not written
 *   --no-write  do not update docs/performance.md     --keep  keep the generated folders
 *   --profile   one more build of the largest size under node --cpu-prof: where our time goes
 *   --no-starter  leave out the first row: the starter's first build (`npm create helpdesk-kit`)
 *   --sections  every category gets sections and the articles go into them (1% unlisted): the
 *               cost of sections, against the same text without them
 *   --markdown-threads N   our build renders Markdown on N worker threads (default: one per core,
 *               up to 4, from 2,000 Markdown files); 0 renders it on Astro's thread, like the
 *               baseline: the features' own cost
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_FILES_FOR_THREADS } from '../src/build/markdown-threads/markdown-threads.ts';
import { REPO_ROOT } from '../test/helpers/build-site.ts';
import { generateHelpCenter } from './bench/generate-content.ts';
import { createPlainAstroProject } from './bench/plain-astro.ts';
import { formatProfileSummary, summarizeCpuProfile } from './bench/profile.ts';
import { summarize, type SizeResult } from './bench/report.ts';
import { runAstroBuild } from './bench/run-build.ts';
import { getKitInfo, scaffoldSite } from '../templates/scaffold.mjs';

const DOC = path.join(REPO_ROOT, 'docs', 'performance.md');
const WORK_ROOT = path.join(REPO_ROOT, '.cache', 'bench');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench -- [--sizes 1000,5000] [--runs 3] [--quick] [--no-write] [--keep] [--profile] [--sections]`,
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
        'no-write': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        profile: { type: 'boolean', default: false },
        sections: { type: 'boolean', default: false },
        starter: { type: 'boolean', default: true },
        'markdown-threads': { type: 'string' },
      },
      strict: true,
      allowNegative: true,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const sizes = (values.sizes ?? (values.quick ? '200,1000' : '1000,5000')).split(',').map(Number);
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10))
    usage(`--sizes must be whole numbers of articles, at least 10: ${values.sizes}`);
  if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number, at least 1: ${values.runs}`);
  const write = !values.quick && !values['no-write'];
  const threads = values['markdown-threads'];
  if (threads !== undefined && !/^\d+$/.test(threads)) usage(`--markdown-threads must be a whole number: ${threads}`);
  const threadEnv: Record<string, string> = threads === undefined ? {} : { HELP_CENTER_MARKDOWN_THREADS: threads };

  const results: SizeResult[] = [];
  const started = Date.now();
  let profile = '';
  const ourEnv = (contentDir: string, outDir: string, cacheDir: string) => ({
    HELP_CENTER_CONTENT_DIR: contentDir,
    HELP_CENTER_OUT_DIR: outDir,
    HELP_CENTER_CACHE_DIR: cacheDir,
    ...threadEnv,
  });
  /** Cold builds of ours and the plain baseline, alternating, each of ours followed by a rebuild after one edit. */
  const measure = async (result: SizeResult, work: string, contentDir: string, rebuild: boolean) => {
    const articlesDir = path.join(contentDir, 'articles');
    const plainDir = createPlainAstroProject(
      path.join(work, 'plain'),
      articlesDir,
      path.join(contentDir, 'faqs'),
      REPO_ROOT,
    );
    for (let run = 1; run <= runs; run++) {
      const outDir = path.join(work, 'dist');
      const cacheDir = path.join(work, 'cache');
      for (const dir of [outDir, cacheDir]) rmSync(dir, { recursive: true, force: true });
      const ours = await runAstroBuild({ cwd: REPO_ROOT, outDir, env: ourEnv(contentDir, outDir, cacheDir) });
      result.ours.push(ours);
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
      const cpuText = (m: typeof ours) => (m.cpuMs === undefined ? '' : `, ${(m.cpuMs / 1000).toFixed(1)} s CPU`);
      console.log(
        `  run ${run}/${runs}: ours ${(ours.ms / 1000).toFixed(1)} s${cpuText(ours)}${rebuild ? `, rebuild after one edit ${(result.rebuild.at(-1)!.ms / 1000).toFixed(1)} s (content sync ${((result.rebuild.at(-1)!.phases.syncMs ?? 0) / 1000).toFixed(1)} s, render ${((result.rebuild.at(-1)!.phases.renderMs ?? 0) / 1000).toFixed(1)} s)` : ''} (waited ${((ours.pagefindWaitMs ?? 0) / 1000).toFixed(1)} s for Pagefind, ${ours.htmlPages} pages, peak ${(ours.peakRssBytes / 2 ** 20).toFixed(0)} MB), plain ${(plain.ms / 1000).toFixed(1)} s${cpuText(plain)} (${plain.htmlPages} pages, peak ${(plain.peakRssBytes / 2 ** 20).toFixed(0)} MB)`,
      );
    }
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
      };
      console.log(`\nthe starter (${result.label}) in ${work}`);
      await measure(result, work, contentDir, false);
      results.push(result);
    } finally {
      if (values.keep) console.log(`  kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }
  for (const articles of sizes) {
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
      };
      await measure(result, work, site.contentDir, true);
      results.push(result);
      if (values.profile && articles === Math.max(...sizes)) {
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
    } finally {
      if (values.keep) console.log(`  kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }

  const { tables, verdicts } = summarize(results, runs);
  const markdown = `Our build rendered Markdown ${threads === undefined ? `on worker threads (one per core, up to 4) where the site has ${MIN_FILES_FOR_THREADS.toLocaleString('en')} or more Markdown files, else on Astro's thread` : threads === '0' ? "on Astro's thread, like the baseline" : `on ${threads} worker threads`}.`;
  const environment = `${markdown} Node ${process.version}, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.platform()}; measured ${new Date().toISOString().slice(0, 10)}; benchmark took ${((Date.now() - started) / 60000).toFixed(1)} min.`;
  const block = [tables, '', ...verdicts.map((v) => `- ${v}`), '', environment, ...(profile ? ['', profile] : [])].join(
    '\n',
  );
  console.log(`\n${block}`);
  if (write) {
    const doc = readFileSync(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    if (from < 0 || to < from) throw new Error(`${DOC} has no ${START} ... ${END} block to replace`);
    writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${block}\n${doc.slice(to)}`);
    console.log(`\nWrote the table to ${path.relative(REPO_ROOT, DOC)}.`);
  }
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
