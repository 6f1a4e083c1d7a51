/** Search insights as CSV (the admin endpoint's export and the CLI's), one row per query and section. Formula-guarded. */
import { formatCsv } from '../../csv.ts';
import type { SearchInsights } from './search-insights.ts';

/**
 * Content gaps and suggested synonyms as one CSV (`--section gaps`): a `section` column says
 * which list a row is from (no_results, not_opened, contact_after, synonym). Formula-guarded.
 */
export function formatSearchInsightsCsv(report: { search: SearchInsights }): string {
  const s = report.search;
  return formatCsv(
    ['section', 'query', 'count', 'last_seen', 'found_with', 'opened'],
    [
      ...s.contentGaps.noResults.map((r) => ['no_results', r.query, r.searches, r.lastSeen, null, null]),
      ...s.contentGaps.notOpened.map((r) => ['not_opened', r.query, r.searches, r.lastSeen, null, null]),
      ...s.contentGaps.contactAfter.map((r) => ['contact_after', r.query, r.searches, r.lastSeen, null, null]),
      ...s.suggestedSynonyms.map((r) => ['synonym', r.query, r.count, r.lastSeen, r.foundWith, r.opened]),
    ],
  );
}
