/**
 * npm run bench:answer-cards [-- --json] [--build]
 * npm run bench:answer-cards -- --suite [--set <name>]... [--no-build] [--json]
 *
 * The answer card's precision on the sample help center: every search probe of
 * content/search-probes.yaml and the near misses of scripts/bench/search/answer-cards.ts through the
 * real Pagefind index in Node (the build in .cache/sites/bench-search, which npm run bench:search
 * makes; --build makes it first), and the card the browser would show for each. Prints cards
 * shown, correct, for a wrong FAQ and for a wrong article, beside what the old rule (any first
 * result that answers on its own) showed. With --suite: the same for every set of the real-world
 * suite (its probes only: the near misses are the sample's), on the builds npm run bench:search
 * -- --suite makes (made here when missing or stale; --no-build reuses whatever is there).
 * Exit 0 when no card is for a wrong FAQ, 1 otherwise, 2 on a setup error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content/load.ts';
import {
  getPublishedPages,
  loadSearchProbes,
  SEARCH_PROBES_FILE,
  type PublishedPages,
  type SearchProbe,
} from '../src/content/search-probes.ts';
import { getCandidateCard } from '../src/search/client/answer-card.ts';
import { buildSite, REPO_ROOT, SITES_DIR } from '../test/helpers/build-site.ts';
import { listSuiteSets } from '../test/helpers/realworld.ts';
import {
  ALSO_RIGHT,
  createCaseSearch,
  getAnswerCardCases,
  getAnswerCardFigures,
  judgeAnswerCard,
  NEAR_MISS_QUERIES,
  runAnswerCardCases,
  type AnswerCardFigures,
  type AnswerCardOutcome,
} from './bench/search/answer-cards.ts';
import { getSetProbesFile } from './bench/search/suite.ts';
import { getSuiteBuild } from './bench/search/suite-builds.ts';

const SITE_NAME = 'bench-search';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    suite: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
});

/** One site's outcomes under the strength rule, and under the old rule (a card for any first result that answers on its own). */
interface SiteRun {
  name: string;
  faqs: number;
  probes: number;
  outcomes: AnswerCardOutcome[];
  before: AnswerCardOutcome[];
}

async function measureSite(
  name: string,
  distDir: string,
  pages: PublishedPages,
  probes: readonly SearchProbe[],
  faqs: number,
  nearMisses = NEAR_MISS_QUERIES,
): Promise<SiteRun> {
  const search = createCaseSearch(distDir, pages.defaultLanguage);
  const outcomes = await runAnswerCardCases(getAnswerCardCases(probes, pages, nearMisses), search);
  const before: AnswerCardOutcome[] = [];
  for (const o of outcomes) {
    const card = getCandidateCard((await search(o)).results[0]);
    const { card: _now, ...rest } = o;
    before.push({
      ...rest,
      verdict: judgeAnswerCard(o.expect, card, ALSO_RIGHT[o.query]),
      ...(card ? { card: card.kind === 'faq' ? card.url : card.pagePath } : {}),
    });
  }
  return { name, faqs, probes: probes.length, outcomes, before };
}

const HEADER = `${'n'.padStart(5)}${'cards'.padStart(7)}${'right'.padStart(7)}${'also'.padStart(6)}${'wrong FAQ'.padStart(11)}${'wrong art.'.padStart(12)}${'precision'.padStart(11)}${'FAQ first → card'.padStart(18)}`;
const formatRow = (label: string, f: AnswerCardFigures, width: number) => `${label.padEnd(width)}${formatCells(f)}`;
const formatCells = (f: AnswerCardFigures) =>
  `${String(f.queries).padStart(5)}${String(f.shown).padStart(7)}${String(f.correct).padStart(7)}${String(f.alsoRight).padStart(6)}${String(f.wrongFaq).padStart(11)}${String(f.wrongArticle).padStart(12)}${`${(f.precision * 100).toFixed(1)}%`.padStart(11)}${`${f.faqCards}/${f.faqFirst}`.padStart(18)}`;

function listOutcomes(title: string, of: readonly AnswerCardOutcome[]): void {
  if (of.length === 0) return;
  console.log(`\n${title} (${of.length}):`);
  for (const o of of) {
    const s = o.strength ? `  words ${o.strength.matched}/${o.strength.terms}, lead ${o.strength.lead.toFixed(2)}` : '';
    console.log(`  ${JSON.stringify(o.query).padEnd(44)} card ${o.card ?? '-'}  want ${o.expect ?? 'none'}${s}`);
  }
}

const isWrong = (o: AnswerCardOutcome) => o.verdict === 'wrong-faq' || o.verdict === 'wrong-article';

function loadProbes(file: string, shownAs: string): SearchProbe[] {
  const loaded = loadSearchProbes(file, shownAs);
  if (loaded.diagnostics.length > 0) {
    console.error(`${shownAs} has problems; npm run bench:search lists them`);
    process.exit(2);
  }
  return loaded.probes;
}

async function runSample(): Promise<SiteRun> {
  const outDir = path.join(SITES_DIR, SITE_NAME);
  if (args.build || !existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))) {
    const build = buildSite(SITE_NAME, path.join(REPO_ROOT, 'content'));
    if (build.status !== 0) {
      console.error(`Building the help center failed:\n${build.output}`);
      process.exit(2);
    }
  }
  const content = loadContent(REPO_ROOT);
  const probes = loadProbes(path.join(REPO_ROOT, 'content', SEARCH_PROBES_FILE), `content/${SEARCH_PROBES_FILE}`);
  return measureSite('sample', outDir, getPublishedPages(content), probes, content.faqs.length);
}

function printSample(run: SiteRun): void {
  const rows: Array<[string, AnswerCardFigures]> = [];
  for (const [label, list] of [
    ['before', run.before],
    ['now', run.outcomes],
  ] as const) {
    rows.push([`${label}: probes`, getAnswerCardFigures(list.filter((o) => o.source === 'probe'))]);
    rows.push([`${label}: near misses`, getAnswerCardFigures(list.filter((o) => o.source === 'near-miss'))]);
    rows.push([`${label}: all`, getAnswerCardFigures(list)]);
  }
  if (args.json) {
    console.log(JSON.stringify({ figures: Object.fromEntries(rows), outcomes: run.outcomes }, null, 2));
    return;
  }
  console.log(
    `${run.outcomes.length} queries: ${run.probes} probes of content/${SEARCH_PROBES_FILE}, ${NEAR_MISS_QUERIES.length} near misses`,
  );
  console.log(`${'rule: queries'.padEnd(24)}${HEADER}`);
  for (const [label, f] of rows) console.log(formatRow(label, f, 24));
  const dropped = run.outcomes.filter((o, i) => o.verdict === 'none' && run.before[i]!.verdict === 'correct');
  listOutcomes('Cards for another page than the expected one', run.outcomes.filter(isWrong));
  if (process.env.VERBOSE)
    listOutcomes(
      'All cards',
      run.outcomes.filter((o) => o.verdict !== 'none'),
    );
  listOutcomes('Right cards the old rule showed and this one does not', dropped);
}

/** Every set of the real-world suite (or the named ones): its probes, no near misses. */
async function runSuite(names: readonly string[]): Promise<SiteRun[]> {
  const all = listSuiteSets();
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`Unknown set ${unknown.join(', ')}; the sets are ${all.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const runs: SiteRun[] = [];
  for (const set of names.length > 0 ? all.filter((s) => names.includes(s.name)) : all) {
    let build;
    try {
      build = getSuiteBuild(set, { reuse: args['no-build'] });
    } catch (err) {
      console.error((err as Error).message);
      process.exit(2);
    }
    const content = loadContent(build.projectDir);
    const file = getSetProbesFile(set);
    const probes = loadProbes(file, path.relative(REPO_ROOT, file));
    runs.push(await measureSite(set.name, build.outDir, getPublishedPages(content), probes, content.faqs.length, []));
  }
  return runs;
}

function printSuite(runs: readonly SiteRun[]): void {
  if (args.json) {
    console.log(
      JSON.stringify(
        runs.map((r) => ({
          set: r.name,
          faqs: r.faqs,
          before: getAnswerCardFigures(r.before),
          now: getAnswerCardFigures(r.outcomes),
          outcomes: r.outcomes,
        })),
        null,
        2,
      ),
    );
    return;
  }
  const width = Math.max(...runs.map((r) => r.name.length + 9), 16);
  console.log(`${'set: rule'.padEnd(width)}${'FAQs'.padStart(5)}${HEADER}`);
  for (const r of runs)
    for (const [label, list] of [
      ['before', r.before],
      ['now', r.outcomes],
    ] as const)
      console.log(
        `${`${r.name}: ${label}`.padEnd(width)}${String(r.faqs).padStart(5)}${formatCells(getAnswerCardFigures(list))}`,
      );
  const all = runs.flatMap((r) => r.outcomes.map((o) => ({ ...o, query: `${r.name}: ${o.query}` })));
  console.log(formatRow('all sets: now', getAnswerCardFigures(all), width + 5));
  listOutcomes('Cards for another page than the expected one', all.filter(isWrong));
  listOutcomes(
    'Cards the old rule showed for another page',
    runs.flatMap((r) => r.before.filter(isWrong).map((o) => ({ ...o, query: `${r.name}: ${o.query}` }))),
  );
  listOutcomes(
    'Right cards',
    all.filter((o) => o.verdict === 'correct' || o.verdict === 'also-right'),
  );
}

if (args.suite || args.set) {
  const runs = await runSuite(args.set ?? []);
  printSuite(runs);
  if (runs.some((r) => getAnswerCardFigures(r.outcomes).wrongFaq > 0)) process.exitCode = 1;
} else {
  const run = await runSample();
  printSample(run);
  if (getAnswerCardFigures(run.outcomes).wrongFaq > 0) process.exitCode = 1;
}
