/** The report as CSV, one row per item (orphans included, with their status). Formula-guarded. */
import { formatCsv } from '../csv.ts';
import type { FeedbackReport } from './build-report.ts';

export function formatReportCsv(report: FeedbackReport): string {
  return formatCsv(
    ['id', 'kind', 'status', 'title', 'owner', 'votes', 'up', 'down', 'helpful_share', 'wilson_lower', 'top_reasons', 'latest_comments', 'last_changed', 'renamed_to'],
    [...report.items, ...report.orphans].map((r) => [
      r.id,
      r.kind,
      r.status,
      r.title,
      r.owner,
      r.votes,
      r.up,
      r.down,
      r.helpfulShare === null ? null : Number(r.helpfulShare.toFixed(4)),
      Number(r.wilsonLower.toFixed(4)),
      r.topReasons.map((x) => `${x.reason}:${x.count}`).join(' '),
      r.latestComments.map((c) => c.text.replace(/\s+/g, ' ')).join(' | '),
      r.lastChanged,
      r.renamedTo,
    ]),
  );
}
