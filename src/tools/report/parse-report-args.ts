/** Command-line options of `npm run feedback:report`, validated; usage errors are returned, not thrown. */
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, REPORT_SECTIONS, type ReportFormat, type ReportSection } from './format-report.ts';

export const REPORT_USAGE = `Usage: npm run feedback:report -- [--since YYYY-MM-DD] [--format table|json|csv|html] [--section all|gaps] [--store FILE|postgres://...] [--out FILE]

Reads votes from the feedback store (--store, else FEEDBACK_STORE_URL, else FEEDBACK_DB, else data/feedback.db)
and the content of the current folder, and prints one row per article and FAQ, lowest score first,
then the search insights: content gaps and suggested synonyms. CSV holds one table: the items, or
with --section gaps the search insights.`;

export interface ReportArgs {
  since: Date | undefined;
  format: ReportFormat;
  section: ReportSection;
  store: string;
  out: string | undefined;
  help: boolean;
}

export function parseReportArgs(argv: string[], env: Record<string, string | undefined>): { ok: true; args: ReportArgs } | { ok: false; message: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        format: { type: 'string', default: 'table' },
        section: { type: 'string', default: 'all' },
        store: { type: 'string' },
        out: { type: 'string' },
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
    since = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
    if (!since || Number.isNaN(since.getTime()) || since.toISOString().slice(0, 10) !== text) {
      return { ok: false, message: `--since must be a date like 2026-01-31, not "${text}"` };
    }
  }
  const store = (values.store as string | undefined) || env.FEEDBACK_STORE_URL || env.FEEDBACK_DB || 'data/feedback.db';
  return { ok: true, args: { since, format: format as ReportFormat, section: section as ReportSection, store, out: values.out as string | undefined, help: Boolean(values.help) } };
}
