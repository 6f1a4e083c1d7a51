/**
 * npm run report:stale -- [--days N] [--format table|json|csv] [--fail-on-stale] [--root <dir>]
 * Exit code: 0 (also when articles are stale), 1 with --fail-on-stale when any are, 2 usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR } from '../src/content/paths.ts';
import { formatStaleCsv, formatStaleJson, formatStaleTable, loadStaleReport } from '../src/tools/stale-report.ts';

const USAGE = `Usage: npm run report:stale -- [options]

Lists published articles whose reviewBy date has passed or that have not changed in git for longer
than lint.staleAfterDays (content/site.yaml, default 365), with owner and last change.

Options:
  --days <n>              unchanged for more than n days is stale (overrides lint.staleAfterDays)
  --format <table|json|csv>  output format (default: table)
  --fail-on-stale         exit with 1 when any article is stale (for scheduled CI jobs)
  --today <YYYY-MM-DD>    the date to compare with (default: today)
  --root <dir>            project root that holds content/ (default: current folder)
  -h, --help              show this help`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      days: { type: 'string' },
      format: { type: 'string', default: 'table' },
      'fail-on-stale': { type: 'boolean', default: false },
      today: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  fail((err as Error).message);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const formats = { table: formatStaleTable, json: formatStaleJson, csv: formatStaleCsv };
const format = formats[values.format as keyof typeof formats];
if (!format) fail(`--format must be one of table, json, csv, not "${values.format}"`);
let days: number | undefined;
if (values.days !== undefined) {
  days = Number(values.days);
  if (!Number.isInteger(days) || days <= 0) fail(`--days must be a whole number of days above 0, not "${values.days}"`);
}
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail(`--today must be a date like 2026-01-31, not "${values.today}"`);

const root = path.resolve(values.root ?? '.');
const contentDir = DEFAULT_CONTENT_DIR;
const report = loadStaleReport(root, contentDir, { days, today: values.today });
process.stdout.write(format(report));
process.exitCode = values['fail-on-stale'] && report.rows.length > 0 ? 1 : 0;
