/**
 * npm run feedback:report — votes per article and FAQ, lowest score first.
 * Exit 0 on success, 2 on a usage or configuration error.
 */
import { writeFileSync } from 'node:fs';
import { loadFeedbackReport } from '../src/tools/report/load-report.ts';
import { formatReport } from '../src/tools/report/format-report.ts';
import { REPORT_USAGE, parseReportArgs } from '../src/tools/report/parse-report-args.ts';

const parsed = parseReportArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(2);
}
const { args } = parsed;
if (args.help) {
  process.stdout.write(`${REPORT_USAGE}\n`);
  process.exit(0);
}
try {
  const report = await loadFeedbackReport({ root: process.cwd(), store: args.store, since: args.since });
  const text = formatReport(report, args.format, args.section);
  if (args.out) {
    writeFileSync(args.out, text);
    process.stderr.write(`Wrote ${args.out} (${report.totals.votes} votes, ${report.items.length} items, ${report.orphans.length} removed or unknown ids, ${report.search.searches} searches)\n`);
  } else process.stdout.write(text);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
