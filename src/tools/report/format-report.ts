/** Pick a formatter by name. */
import type { FeedbackReport } from './build-report.ts';
import { formatSearchInsightsCsv } from '../../feedback/server/report/search-insights-csv.ts';
import { formatReportCsv } from './format-csv.ts';
import { formatReportHtml } from './format-html.ts';
import { formatReportText, formatSearchInsightsText } from './format-text.ts';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `gaps`: only content gaps and suggested synonyms (the search insights). */
export const REPORT_SECTIONS = ['all', 'gaps'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export function formatReport(report: FeedbackReport, format: ReportFormat, section: ReportSection = 'all'): string {
  if (section === 'gaps') {
    switch (format) {
      case 'json':
        return `${JSON.stringify({ generatedAt: report.generatedAt, since: report.since, search: report.search }, null, 2)}\n`;
      case 'csv':
        return formatSearchInsightsCsv(report);
      case 'html':
        return formatReportHtml(report, 'gaps');
      default:
        return `${formatSearchInsightsText(report).join('\n')}\n`;
    }
  }
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
