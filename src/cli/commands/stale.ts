/** `helpdesk-kit stale`: articles past reviewBy or unchanged in git for too long. */
import { formatStaleCsv, formatStaleJson, formatStaleTable, loadStaleReport } from '../../tools/stale-report.ts';
import {
  PROJECT_OPTIONS,
  HELP_OPTION,
  parseCommandArgs,
  EXIT_FINDINGS,
  EXIT_OK,
  createProgress,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';
import { isIsoDay } from '../../lib/iso-day.ts';

export const STALE_USAGE = `Usage: helpdesk-kit stale [options]

Lists published articles whose reviewBy date has passed or that have not changed in git for longer
than lint.staleAfterDays (content/site.yaml, default 365), with owner and last change.

Options:
  --days <n>                 unchanged for more than n days is stale (overrides lint.staleAfterDays)
  --format <table|json|csv>  output format (default: table)
  --fail-on-stale            exit with 1 when any article is stale (for scheduled CI jobs)
  --today <YYYY-MM-DD>       the date to compare with (default: today)
  --root <dir>               project root that holds content/ (default: current folder)
  --content <dir>            the content folder, relative to --root (default: content)
  -h, --help                 show this help

Exit code: 0 (also when articles are stale), 1 with --fail-on-stale when any are, 2 usage error.`;

const FORMATS = { table: formatStaleTable, json: formatStaleJson, csv: formatStaleCsv };

export const staleCommand: Command = (argv, io) => {
  const parsed = parseCommandArgs(io, STALE_USAGE, {
    args: argv,
    options: {
      days: { type: 'string' },
      format: { type: 'string', default: 'table' },
      'fail-on-stale': { type: 'boolean', default: false },
      today: { type: 'string' },
      ...PROJECT_OPTIONS,
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const format = FORMATS[values.format as keyof typeof FORMATS];
  if (!format) return usageError(io, `--format must be one of table, json, csv, not "${values.format}"`, STALE_USAGE);
  let days: number | undefined;
  if (values.days !== undefined) {
    days = Number(values.days);
    if (!Number.isInteger(days) || days <= 0)
      return usageError(io, `--days must be a whole number of days above 0, not "${values.days}"`, STALE_USAGE);
  }
  if (values.today !== undefined && !isIsoDay(values.today))
    return usageError(io, `--today must be a date like 2026-01-31, not "${values.today}"`, STALE_USAGE);

  const root = resolveRoot(io, values.root);
  const progress = createProgress(io);
  progress.update('stale: reading content and git history');
  const report = loadStaleReport(root, values.content, { days, today: values.today });
  progress.done();
  io.stdout.write(format(report));
  return values['fail-on-stale'] && report.rows.length > 0 ? EXIT_FINDINGS : EXIT_OK;
};
