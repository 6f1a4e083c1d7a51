/** Pick a formatter by name. */
import type { FeedbackReport } from './build-report.ts';
import { formatReportCsv } from './format-csv.ts';
import { formatReportHtml } from './format-html.ts';
import { formatReportText } from './format-text.ts';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: FeedbackReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return formatReportCsv(report);
    case 'html':
      return formatReportHtml(report);
    default:
      return formatReportText(report);
  }
}
