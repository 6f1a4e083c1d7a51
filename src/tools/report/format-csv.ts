/**
 * The report as CSV, one row per item (orphans included, with their status). Formula-guarded.
 * Reasons stay codes here (a stable value for spreadsheets); the imported baseline has its own columns.
 */
import { formatCsv } from '../../feedback/csv.ts';
import type { FeedbackReport } from './build-report.ts';

export function formatReportCsv(report: FeedbackReport): string {
  return formatCsv(
    [
      'id',
      'kind',
      'status',
      'title',
      'owner',
      'votes',
      'up',
      'down',
      'helpful_share',
      'wilson_lower',
      'top_reasons',
      'latest_comments',
      'last_changed',
      'renamed_to',
      'category',
      'section',
      'url',
      'edit_url',
      'imported_source',
      'imported_exported',
      'imported_up',
      'imported_down',
    ],
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
      r.category,
      r.section,
      r.url,
      r.editUrl,
      r.imported?.source ?? null,
      r.imported?.exported ?? null,
      r.imported?.up ?? null,
      r.imported?.down ?? null,
    ]),
  );
}
