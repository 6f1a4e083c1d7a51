/** Command-line options of `helpdesk-kit feedback report`, validated; usage errors are returned, not thrown. */
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, REPORT_SECTIONS, type ReportFormat, type ReportSection } from './format-report.ts';
import { parseIsoDay } from '../../lib/iso-day.ts';

export const REPORT_USAGE = `Usage: helpdesk-kit feedback report [options]

Reads votes from the feedback store and the content of the project, and prints one row per article
and FAQ, lowest score first, then the search insights: content gaps and suggested synonyms. CSV
holds one table: the items, or with --section gaps the search insights. Votes imported from the
old help desk (content/imported-votes.yaml) show beside our votes and are never added to them.

Options:
  --since <YYYY-MM-DD|7d>        only votes and searches from this day on (UTC), or from this
                                 long ago: 12h, 7d, 2w (hours, days, weeks)
  --owner <NAME>                 only articles with this owner (any case; repeat for more)
  --category <ID>                only articles and FAQs of this category id (repeat for more)
  --format <table|json|csv|html> output format (default: table); html is one self-contained page
  --section <all|gaps>           all (default), or only the search insights
  --store <FILE|postgres://...>  the store (default: FEEDBACK_STORE_URL, else FEEDBACK_DB, else data/feedback.db in --root)
  --out <FILE>                   write the report to FILE instead of stdout
  --root <dir>                   project root that holds content/ (default: current folder)
  --content <dir>                the content folder, relative to --root (default: content)
  -h, --help                     show this help

Exit code: 0 report printed, 2 usage error (an owner or category the content does not have,
a malformed content/imported-votes.yaml) or no store.`;

export interface ReportArgs {
  since: Date | undefined;
  /** As given; checked against the content's owners and categories when it is loaded. */
  owners: string[];
  categories: string[];
  format: ReportFormat;
  section: ReportSection;
  store: string;
  out: string | undefined;
  /** --root and --content as given; the CLI resolves them. */
  root: string | undefined;
  content: string | undefined;
  /** True when the store is the default data/feedback.db (resolved in the project root). */
  defaultStore: boolean;
  help: boolean;
}

export function parseReportArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  now: Date = new Date(),
): { ok: true; args: ReportArgs } | { ok: false; message: string } {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        owner: { type: 'string', multiple: true },
        category: { type: 'string', multiple: true },
        format: { type: 'string', default: 'table' },
        section: { type: 'string', default: 'all' },
        store: { type: 'string' },
        out: { type: 'string' },
        root: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { ok: false, message: `${(err as Error).message}\n\n${REPORT_USAGE}` };
  }
  const format = values.format as string;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, message: `--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}"` };
  }
  const section = values.section as string;
  if (!(REPORT_SECTIONS as readonly string[]).includes(section)) {
    return { ok: false, message: `--section must be one of ${REPORT_SECTIONS.join(', ')}, not "${section}"` };
  }
  let since: Date | undefined;
  if (values.since !== undefined) {
    const text = String(values.since);
    since = parseSince(text, now);
    if (!since) {
      return {
        ok: false,
        message: `--since must be a day like 2026-01-31 or a time ago like 12h, 7d or 2w, not "${text}"`,
      };
    }
  }
  const names = (flag: 'owner' | 'category') => ((values[flag] as string[] | undefined) ?? []).map((v) => v.trim());
  for (const flag of ['owner', 'category'] as const)
    if (names(flag).some((v) => v === '')) return { ok: false, message: `--${flag} needs a value` };
  const given = (values.store as string | undefined) || env.FEEDBACK_STORE_URL || env.FEEDBACK_DB;
  const store = given || 'data/feedback.db';
  return {
    ok: true,
    args: {
      since,
      owners: names('owner'),
      categories: names('category'),
      format: format as ReportFormat,
      section: section as ReportSection,
      store,
      out: values.out as string | undefined,
      root: values.root as string | undefined,
      content: values.content as string | undefined,
      defaultStore: !given,
      help: Boolean(values.help),
    },
  };
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/**
 * `YYYY-MM-DD` (UTC midnight) or a time before `now`: `12h`, `7d`, `2w`. Months and years are
 * left out: their length varies, and a day count says the same without doubt.
 */
export function parseSince(text: string, now: Date): Date | undefined {
  const day = parseIsoDay(text);
  if (day !== undefined) return new Date(day);
  const match = /^(\d{1,4})([hdw])$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount === 0) return undefined;
  return new Date(now.getTime() - amount * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}
