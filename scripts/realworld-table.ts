/**
 * The real-world suite's table for docs/importing-real-sites.md: each set of
 * test/fixtures/realworld/ imported into a fresh scaffold with default flags, linted and built,
 * one after the other; prints one Markdown row per set (pages, import time, lint findings by
 * rule, first build). `npx tsx scripts/realworld-table.ts [set ...]` (all sets without names).
 */
import {
  ensureFreshCli,
  formatSuiteTable,
  listSuiteSets,
  runSuiteSet,
  type SetRun,
} from '../test/helpers/realworld.ts';

const wanted = process.argv.slice(2);
const sets = listSuiteSets().filter((s) => wanted.length === 0 || wanted.includes(s.name));
const unknown = wanted.filter((w) => !sets.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`No set named ${unknown.join(', ')} in test/fixtures/realworld/`);
  process.exit(2);
}
ensureFreshCli();
const runs: SetRun[] = [];
for (const set of sets) {
  process.stderr.write(`${set.name}…\n`);
  runs.push(runSuiteSet(set));
}
console.log(formatSuiteTable(runs));
process.exit(runs.every((r) => r.build.status === 0) ? 0 : 1);
