/**
 * npm run bench:answer-cards [-- --json] [--build]
 *
 * The answer card's precision on the sample help center: every search probe of
 * content/search-probes.yaml and the near misses of scripts/bench/search/answer-cards.ts through the
 * real Pagefind index in Node (the build in .cache/sites/bench-search, which npm run bench:search
 * makes; --build makes it first), and the card the browser would show for each. Prints cards
 * shown, correct, for a wrong FAQ and for a wrong article, beside what the old rule (any first
 * result that answers on its own) showed. Exit 0 when no card is for a wrong FAQ, 1 otherwise,
 * 2 on a setup error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content/load.ts';
import { getPublishedPages, loadSearchProbes, SEARCH_PROBES_FILE } from '../src/content/search-probes.ts';
import { getCandidateCard } from '../src/search/client/answer-card.ts';
import { buildSite, REPO_ROOT, SITES_DIR } from '../test/helpers/build-site.ts';
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

const SITE_NAME = 'bench-search';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, build: { type: 'boolean', default: false } },
  strict: true,
});
const outDir = path.join(SITES_DIR, SITE_NAME);
if (args.build || !existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))) {
  const build = buildSite(SITE_NAME, path.join(REPO_ROOT, 'content'));
  if (build.status !== 0) {
    console.error(`Building the help center failed:\n${build.output}`);
    process.exit(2);
  }
}
const content = loadContent(REPO_ROOT);
const pages = getPublishedPages(content);
const probesFile = path.join(REPO_ROOT, 'content', SEARCH_PROBES_FILE);
const probes = loadSearchProbes(probesFile, `content/${SEARCH_PROBES_FILE}`);
if (probes.diagnostics.length > 0) {
  console.error(`content/${SEARCH_PROBES_FILE} has problems; npm run bench:search lists them`);
  process.exit(2);
}
const cases = getAnswerCardCases(probes.probes, pages);
const search = createCaseSearch(outDir, pages.defaultLanguage);
const outcomes = await runAnswerCardCases(cases, search);
// The old rule, for comparison: a card whenever the first result answers on its own.
const before: AnswerCardOutcome[] = [];
for (const o of outcomes) {
  const card = getCandidateCard((await search(o)).results[0]);
  before.push({ ...o, verdict: judgeAnswerCard(o.expect, card, ALSO_RIGHT[o.query]) });
}

const rows: Array<[string, AnswerCardFigures]> = [];
for (const [label, list] of [
  ['before', before],
  ['now', outcomes],
] as const) {
  rows.push([`${label}: probes`, getAnswerCardFigures(list.filter((o) => o.source === 'probe'))]);
  rows.push([`${label}: near misses`, getAnswerCardFigures(list.filter((o) => o.source === 'near-miss'))]);
  rows.push([`${label}: all`, getAnswerCardFigures(list)]);
}
const now = getAnswerCardFigures(outcomes);

if (args.json) console.log(JSON.stringify({ figures: Object.fromEntries(rows), outcomes }, null, 2));
else {
  console.log(
    `${cases.length} queries: ${probes.probes.length} probes of content/${SEARCH_PROBES_FILE}, ${NEAR_MISS_QUERIES.length} near misses`,
  );
  console.log(
    `${'rule: queries'.padEnd(24)}${'n'.padStart(5)}${'cards'.padStart(7)}${'right'.padStart(7)}${'also'.padStart(6)}${'wrong FAQ'.padStart(11)}${'wrong art.'.padStart(12)}${'precision'.padStart(11)}${'FAQ first → card'.padStart(18)}`,
  );
  for (const [label, f] of rows) {
    console.log(
      `${label.padEnd(24)}${String(f.queries).padStart(5)}${String(f.shown).padStart(7)}${String(f.correct).padStart(7)}${String(f.alsoRight).padStart(6)}${String(f.wrongFaq).padStart(11)}${String(f.wrongArticle).padStart(12)}${`${(f.precision * 100).toFixed(1)}%`.padStart(11)}${`${f.faqCards}/${f.faqFirst}`.padStart(18)}`,
    );
  }
  const wrong = outcomes.filter((o) => o.verdict === 'wrong-faq' || o.verdict === 'wrong-article');
  const dropped = outcomes.filter((o, i) => o.verdict === 'none' && before[i]!.verdict === 'correct');
  const list = (title: string, of: AnswerCardOutcome[]) => {
    if (of.length === 0) return;
    console.log(`\n${title} (${of.length}):`);
    for (const o of of) {
      const s = o.strength
        ? `  words ${o.strength.matched}/${o.strength.terms}, lead ${o.strength.lead.toFixed(2)}`
        : '';
      console.log(`  ${JSON.stringify(o.query).padEnd(44)} card ${o.card ?? '-'}  want ${o.expect ?? 'none'}${s}`);
    }
  };
  list('Cards for another page than the expected one', wrong);
  if (process.env.VERBOSE)
    list(
      'All cards',
      outcomes.filter((o) => o.verdict !== 'none'),
    );
  list('Right cards the old rule showed and this one does not', dropped);
}
if (now.wrongFaq > 0) process.exitCode = 1;
