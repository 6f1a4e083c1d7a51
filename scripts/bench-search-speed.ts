/**
 * Search speed and weight in a real browser (`npm run bench:search-speed`): our help center and,
 * in the same run, the plain Astro + Pagefind baseline with Pagefind's own UI, both over the same
 * generated articles (default 5,000), served with gzip on 127.0.0.1 and searched in Chromium by
 * typing realistic queries a key at a time. Runs alternate ours / Pagefind's UI; each run is a
 * fresh browser context (nothing cached). Prints the first result's latency after the last key
 * (p50, p90), what page load, focus and a cold first query fetch, and writes the table to
 * docs/search.md ("Speed and weight").
 *
 *   npm run bench:search-speed                      5,000 articles, 5 runs of each
 *   npm run bench:search-speed -- --runs 3 --articles 1000 --no-write
 *   --rebuild   build both sites again (by default they are kept in .cache/bench-search-speed/
 *               and ours is rebuilt only when dist/ changed: run `npm run build:package` first)
 *   --json      print every run's figures as JSON
 *   --ours-dir <folder>   measure this build of the same content as ours instead (a copy of an
 *               earlier .cache/bench-search-speed/<articles>/ours: before and after a change)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/e2e/helpers/chromium.ts';
import { REPO_ROOT } from '../test/helpers/build-site.ts';
import { median } from './bench/report.ts';
import { measureRun, type RunMeasurement, type SearchTarget, type Typing } from './bench/search-speed/measure.ts';
import { formatSpeedReport, summarizeTarget } from './bench/search-speed/report.ts';
import { serveSite } from './bench/search-speed/server.ts';
import { prepareSites } from './bench/search-speed/sites.ts';

const DOC = path.join(REPO_ROOT, 'docs', 'search.md');
const START = '<!-- bench:search-speed:start -->';
const END = '<!-- bench:search-speed:end -->';

/**
 * What readers of a help center type, in the generated articles' words: single keywords, two-word
 * tasks and a symptom. Each run starts with a different one, so every query is once a cold first query.
 */
export const SPEED_QUERIES = [
  'refund',
  'reset password',
  'invoice',
  'cancel subscription',
  'gift card',
  'two-factor authentication',
  'delivery address',
  'payment declined',
  'promo code',
  'export data',
  'push notifications',
  'api keys',
] as const;

/** Pauses between keys: 90 to 260 ms, a practised typist (about 45 to 90 words a minute). */
const TYPING: Omit<Typing, 'seed'> = { minDelayMs: 90, maxDelayMs: 260 };

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench:search-speed -- [--articles 5000] [--runs 5] [--rebuild] [--no-write] [--json] [--ours-dir <folder>]`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string', default: '5000' },
        runs: { type: 'string', default: '5' },
        rebuild: { type: 'boolean', default: false },
        'no-write': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'ours-dir': { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const articles = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(articles) || articles < 10) usage(`--articles must be a whole number, at least 10`);
  if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number, at least 1`);
  const log = (line: string) => (values.json ? console.error(line) : console.log(line));
  const started = Date.now();

  const sites = await prepareSites(articles, { rebuild: values.rebuild, buildOurs: !values['ours-dir'], log });
  const oursDir = values['ours-dir'] ? path.resolve(values['ours-dir']) : sites.ours;
  const [oursServer, plainServer] = [await serveSite(oursDir), await serveSite(sites.plain)];
  const browser = await launchBrowser();
  const targets: SearchTarget[] = [
    {
      name: 'ours',
      url: `${oursServer.url}/`,
      input: '[data-search-primary] [data-search-input]',
      status: '[data-search-primary] [data-search-status]',
      firstResult: '[data-search-primary] [data-search-results] a[href]',
    },
    {
      name: 'pagefind-ui',
      url: `${plainServer.url}/search/`,
      input: '.pagefind-ui__search-input',
      status: '.pagefind-ui__message',
      firstResult: '.pagefind-ui__result-link',
    },
  ];
  const results = new Map<string, RunMeasurement[]>(targets.map((t) => [t.name, []]));
  try {
    for (let run = 0; run < runs; run++) {
      // Each run starts with a different query, so the cold first query is not always the same word.
      const queries = SPEED_QUERIES.map((_, i) => SPEED_QUERIES[(i + run) % SPEED_QUERIES.length]!);
      const order = run % 2 === 0 ? targets : [...targets].reverse();
      const line: string[] = [];
      for (const target of order) {
        const m = await measureRun(browser, target, queries, { ...TYPING, seed: 1000 + run });
        results.get(target.name)!.push(m);
        const times = m.queries.map((q) => q.firstResultMs).filter((v) => v !== undefined);
        line.push(
          `${target.name} p50 ${Math.round(median(times))} ms, cold query ${((m.focus.bytes + m.queries[0]!.transfer.bytes) / 1024).toFixed(0)} KB`,
        );
      }
      log(`  run ${run + 1}/${runs}: ${line.join('; ')}`);
    }
  } finally {
    await browser.close();
    await oursServer.stop();
    await plainServer.stop();
  }

  const ours = summarizeTarget('ours', 'helpdesk-kit (home page search box)', results.get('ours')!);
  const raw = summarizeTarget(
    'pagefind-ui',
    "Pagefind's own UI (plain Astro site's /search/)",
    results.get('pagefind-ui')!,
  );
  const perQuery = [
    '| query | ours p50 | Pagefind UI p50 | ours: chunks, bytes (cold) | Pagefind UI: chunks, bytes (cold) |',
    '|---|---|---|---|---|',
    ...SPEED_QUERIES.map((query) => {
      const cells = [ours, raw].map((s) => {
        const list = results.get(s.name)!.flatMap((r) => r.queries.filter((q) => q.query === query));
        const t = list.map((q) => q.firstResultMs).filter((v) => v !== undefined);
        return `${t.length ? Math.round(median(t)) : 'n/a'} ms`;
      });
      const cold = [ours, raw].map((s) => {
        const run = results.get(s.name)!.find((r) => r.queries[0]?.query === query);
        const q = run?.queries[0];
        return q && run
          ? `${q.transfer.indexChunks}, ${((run.focus.bytes + q.transfer.bytes) / 1024).toFixed(0)} KB`
          : '-';
      });
      return `| ${query} | ${cells.join(' | ')} | ${cold.join(' | ')} |`;
    }),
  ].join('\n');
  const environment = `${articles.toLocaleString('en')} generated articles (scripts/bench/generate-content.ts, seed 42), ${SPEED_QUERIES.length} queries typed with ${TYPING.minDelayMs}-${TYPING.maxDelayMs} ms between keys, ${runs} runs of each (alternating, fresh browser context each), Chromium ${browser.version()} headless, gzip static server on 127.0.0.1; Node ${process.version}, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}); measured ${new Date().toISOString().slice(0, 10)}; benchmark took ${((Date.now() - started) / 60000).toFixed(1)} min.`;
  const block = [formatSpeedReport([ours, raw], ours, raw), '', perQuery, '', environment].join('\n');
  if (values.json) console.log(JSON.stringify({ summaries: [ours, raw], runs: Object.fromEntries(results) }, null, 2));
  else console.log(`\n${block}`);
  if (!values['no-write'] && !values['ours-dir']) {
    const doc = readFileSync(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    if (from < 0 || to < from) throw new Error(`${DOC} has no ${START} ... ${END} block to replace`);
    writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${block}\n${doc.slice(to)}`);
    log(`\nWrote the figures to ${path.relative(REPO_ROOT, DOC)}.`);
  }
}

await main();
