/**
 * `npm run report:stale`: articles past their reviewBy date or unchanged for longer than
 * lint.staleAfterDays, with owner and last change. Dates come from one pass over git history
 * (loadGitHistory); an article's `updated` field overrides its git date, as on the site.
 */
import { loadGitHistory, type GitHistory } from '../content/git-history.ts';
import { loadContent, type ArticleEntry, type LoadedContent } from '../content/load.ts';
import { getArticlePath, getFaqPath } from '../content/routes.ts';
import { getFreshness } from '../content/revision.ts';

export type StaleReason = 'review-overdue' | 'unchanged' | 'translation-stale';

export interface StaleRow {
  file: string;
  /** Site path, without the base. */
  path: string;
  title: string;
  owner: string | undefined;
  reviewBy: string | undefined;
  /** YYYY-MM-DD, or undefined when git does not know it (not committed yet, shallow clone, no git). */
  lastChanged: string | undefined;
  /** Where lastChanged comes from. */
  lastChangedFrom: 'git' | 'updated' | undefined;
  daysSinceChange: number | undefined;
  reasons: StaleReason[];
  /** A stale translation's language, source file and revisions (docs/languages.md). */
  translation?: { locale: string; source: string; sourceRevision: string; currentRevision: string };
}

export interface StaleReport {
  today: string;
  days: number;
  /** Published articles and translations looked at. */
  checked: number;
  /** Of those, translations. */
  translationsChecked: number;
  rows: StaleRow[];
  gitAvailable: boolean;
  shallow: boolean;
  /** Files with content errors, left out of the report. */
  skippedWithErrors: number;
}

export interface StaleOptions {
  /** Unchanged for more than this many days is stale. Default: lint.staleAfterDays (365). */
  days?: number;
  /** YYYY-MM-DD; default today (UTC). */
  today?: string;
}

const DAY = 86_400_000;

/** Pure: the report for loaded content and git history. */
export function getStaleReport(
  content: Pick<LoadedContent, 'articles' | 'site' | 'diagnostics'> & Partial<Pick<LoadedContent, 'translations'>>,
  history: GitHistory,
  options: StaleOptions = {},
): StaleReport {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const days = options.days ?? content.site?.lint.staleAfterDays ?? 365;
  const todayMs = Date.parse(today);
  const published = content.articles.filter((a) => !a.data.draft);
  const rows: StaleRow[] = [];
  for (const article of published) {
    const row = getRow(article, history, todayMs, days, today);
    if (row.reasons.length > 0) rows.push(row);
  }
  for (const t of content.translations ?? []) {
    if (!t.original || t.data.draft) continue;
    const freshness = getFreshness(t.original, t);
    if (freshness.state !== 'stale') continue;
    const fromGit = history.lastChanged.get(t.file);
    const lastChanged = fromGit ? fromGit.toISOString().slice(0, 10) : undefined;
    const title = t.kind === 'article' ? t.data.title : t.data.question;
    const owner = t.kind === 'article' ? (t.data.owner ?? (t.original.data as { owner?: string }).owner) : undefined;
    rows.push({
      file: t.file,
      path:
        t.kind === 'article'
          ? getArticlePath(t.category, t.id, { locale: t.locale })
          : getFaqPath(t.id, { locale: t.locale }),
      title,
      owner,
      reviewBy: undefined,
      lastChanged,
      lastChangedFrom: fromGit ? 'git' : undefined,
      daysSinceChange: lastChanged === undefined ? undefined : Math.floor((todayMs - Date.parse(lastChanged)) / DAY),
      reasons: ['translation-stale'],
      translation: {
        locale: t.locale,
        source: t.original.file,
        sourceRevision: freshness.sourceRevision,
        currentRevision: freshness.currentRevision,
      },
    });
  }
  const translationsChecked = (content.translations ?? []).filter((t) => t.original && !t.data.draft).length;
  rows.sort((a, b) => (a.lastChanged ?? '9999').localeCompare(b.lastChanged ?? '9999') || a.file.localeCompare(b.file));
  return {
    today,
    days,
    checked: published.length + translationsChecked,
    translationsChecked,
    rows,
    gitAvailable: history.available,
    shallow: history.shallow,
    skippedWithErrors: new Set(content.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size,
  };
}

function getRow(article: ArticleEntry, history: GitHistory, todayMs: number, days: number, today: string): StaleRow {
  const fromGit = history.lastChanged.get(article.file);
  const lastChanged = article.data.updated ?? (fromGit ? fromGit.toISOString().slice(0, 10) : undefined);
  const daysSinceChange = lastChanged === undefined ? undefined : Math.floor((todayMs - Date.parse(lastChanged)) / DAY);
  const reasons: StaleReason[] = [];
  if (article.data.reviewBy && article.data.reviewBy < today) reasons.push('review-overdue');
  if (daysSinceChange !== undefined && daysSinceChange > days) reasons.push('unchanged');
  return {
    file: article.file,
    path: getArticlePath(article.category, article.id),
    title: article.data.title,
    owner: article.data.owner,
    reviewBy: article.data.reviewBy,
    lastChanged,
    lastChangedFrom: article.data.updated ? 'updated' : fromGit ? 'git' : undefined,
    daysSinceChange,
    reasons,
  };
}

/** Load content and git history (one `git log`), then build the report. */
export function loadStaleReport(root: string, contentDir = 'content', options: StaleOptions = {}): StaleReport {
  const content = loadContent(root, contentDir);
  return getStaleReport(content, loadGitHistory(root, contentDir), options);
}

function describeReasons(row: StaleRow, days: number): string {
  return row.reasons
    .map((r) =>
      r === 'review-overdue'
        ? `review was due ${row.reviewBy}`
        : r === 'translation-stale'
          ? `${row.translation!.source} changed since it was translated (revision ${row.translation!.sourceRevision}, now ${row.translation!.currentRevision})`
          : `unchanged for ${row.daysSinceChange} days (limit ${days})`,
    )
    .join('; ');
}

function describeLastChange(row: StaleRow): string {
  if (!row.lastChanged) return 'unknown';
  return `${row.lastChanged}${row.lastChangedFrom === 'updated' ? ' (updated)' : ''}`;
}

export function formatStaleSummary(report: StaleReport): string {
  const lines = [
    report.translationsChecked > 0
      ? `${report.rows.length} of ${report.checked} published articles and translations need a review (reviewBy passed, unchanged for more than ${report.days} days, or translated from an older revision of the source).`
      : `${report.rows.length} of ${report.checked} published articles need a review (reviewBy passed, or unchanged for more than ${report.days} days).`,
  ];
  if (!report.gitAvailable)
    lines.push('Git history is not available here, so only reviewBy dates and `updated` fields were checked.');
  else if (report.shallow)
    lines.push(
      'This is a shallow clone: files last changed before its oldest commit have no date. Fetch the full history (fetch-depth: 0) for exact dates.',
    );
  if (report.skippedWithErrors > 0)
    lines.push(
      report.skippedWithErrors === 1
        ? '1 file has content errors and is not in the report; run npx helpdesk-kit lint.'
        : `${report.skippedWithErrors} files have content errors and are not in the report; run npx helpdesk-kit lint.`,
    );
  return lines.join('\n');
}

export function formatStaleTable(report: StaleReport): string {
  const header = ['Article', 'Owner', 'Last change', 'Review by', 'Why'];
  const body = report.rows.map((r) => [
    r.file,
    r.owner ?? '(no owner)',
    describeLastChange(r),
    r.reviewBy ?? '-',
    describeReasons(r, report.days),
  ]);
  if (body.length === 0) return `${formatStaleSummary(report)}\n`;
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', formatStaleSummary(report)].join('\n')}\n`;
}

export function formatStaleCsv(report: StaleReport): string {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = 'file,path,title,owner,reviewBy,lastChanged,daysSinceChange,reasons';
  const rows = report.rows.map((r) =>
    [r.file, r.path, r.title, r.owner, r.reviewBy, r.lastChanged, r.daysSinceChange, r.reasons.join(' ')]
      .map(cell)
      .join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

export function formatStaleJson(report: StaleReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
