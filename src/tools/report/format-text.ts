/** The report as a plain-text table for the terminal. */
import type { FeedbackReport, ReportRow } from './build-report.ts';
import { plural } from '../../lib/plural.ts';

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pad = (s: string, n: number) => cut(s, n).padEnd(n);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const importedLine = (i: NonNullable<ReportRow['imported']>) =>
  `imported from ${i.source} (every vote up to ${i.exported}, not in the score): ${pct(i.helpfulShare)} helpful of ${i.votes}`;

function formatRow(r: ReportRow, labels: FeedbackReport['reasonLabels']): string[] {
  const reasons = r.topReasons.map((x) => `${x.label} ${x.count}`).join(', ');
  const lines = [
    `${r.wilsonLower.toFixed(2).padStart(5)}  ${pct(r.helpfulShare).padStart(7)}  ${String(r.votes).padStart(5)}  ${pad(r.title, 40)}  ${pad(r.owner ?? '–', 16)}  ${reasons}`.trimEnd(),
  ];
  if (r.imported) lines.push(`       ${importedLine(r.imported)}`);
  if (r.edit) {
    lines.push(
      `       edited ${r.edit.at.slice(0, 10)}: before ${pct(r.edit.before.helpfulShare)} of ${r.edit.before.votes}, after ${pct(r.edit.after.helpfulShare)} of ${r.edit.after.votes}`,
    );
  }
  for (const c of r.latestComments)
    lines.push(
      `       "${cut(oneLine(c.text), 90)}"  (${new Date(c.at).toISOString().slice(0, 10)}, ${c.vote}${c.reason ? `, ${labels[c.reason]}` : ''})`,
    );
  return lines;
}

function filterLines(report: FeedbackReport): string[] {
  const f = report.filter;
  if (!f) return [];
  const parts = [
    ...(f.owners.length ? [`owner ${f.owners.map((o) => `"${o}"`).join(' or ')}`] : []),
    ...(f.categories.length ? [`category ${f.categories.join(' or ')}`] : []),
  ];
  return [
    `Only ${parts.join(', ')}: the votes count these items only; content gaps and deflection cover the whole site.`,
  ];
}

/** The imported baseline on its own line: never part of our totals or scores. */
function importedLines(report: FeedbackReport): string[] {
  const i = report.importedTotals;
  const out = i
    ? [
        `Imported baseline from ${i.sources.join(', ')} (every vote up to the export, not counted above): ${plural(i.votes, 'vote')} on ${plural(i.items, 'item')}, ${pct(i.helpfulShare)} helpful.`,
      ]
    : [];
  if (report.importedUnmatched.length)
    out.push(`Imported votes for ids no article or FAQ has now: ${report.importedUnmatched.join(', ')}`);
  return out;
}

export function formatReportText(report: FeedbackReport): string {
  const t = report.totals;
  const out = [
    `Feedback report ${report.since ? `since ${report.since}` : 'for all time'} (generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    ...filterLines(report),
    `${plural(t.votes, 'vote')} on ${plural(t.itemsWithVotes, 'item')}, ${pct(t.helpfulShare)} helpful. Sorted by score (lower bound of the 95% Wilson interval): lowest needs attention first.`,
    ...importedLines(report),
    '',
    `Score  Helpful  Votes  ${pad('Title', 40)}  ${pad('Owner', 16)}  Top reasons`,
  ];
  const voted = report.items.filter((r) => r.votes > 0);
  for (const r of voted) out.push(...formatRow(r, report.reasonLabels));
  const silent = report.items.filter((r) => r.votes === 0);
  if (silent.length)
    out.push(
      '',
      `No votes yet (${silent.length}):`,
      ...silent.map((r) => `  ${r.title}${r.imported ? `  (${importedLine(r.imported)})` : ''}`),
    );
  if (report.orphans.length) {
    out.push('', 'Votes for ids the content does not have:');
    for (const r of report.orphans) {
      const why =
        r.status === 'renamed'
          ? `renamed to ${r.renamedTo}`
          : r.status === 'deleted'
            ? `deleted${r.lastChanged ? ` (${r.lastChanged})` : ''}`
            : 'unknown id';
      out.push(
        `  ${pad(r.id, 40)}  ${why}: ${plural(r.votes, 'vote')}, ${pct(r.helpfulShare)} helpful${r.imported ? `; ${importedLine(r.imported)}` : ''}`,
      );
    }
  }
  if (report.languages.length > 1) {
    out.push('', 'By language:');
    for (const l of report.languages)
      out.push(
        `  ${pad(l.language, 8)}  ${plural(l.votes, 'vote')}, ${pct(l.helpfulShare)} helpful; ${plural(l.searches, 'search', 'searches')}, ${l.searchesWithoutResults} without results`,
      );
  }
  out.push('', ...formatSearchInsightsText(report));
  out.push('', ...formatDeflectionText(report));
  return `${out.join('\n')}\n`;
}

/** The "Ticket-form deflection" section. */
export function formatDeflectionText(report: FeedbackReport): string[] {
  const d = report.deflection;
  if (d.formsStarted === 0)
    return [
      'Ticket-form deflection: no form events in this period (attach the widget to a contact form to collect them).',
    ];
  const out = [
    `Ticket-form deflection: ${d.formsStarted} forms started, ${d.withSuggestions} shown articles, ${d.articleOpened} opened one, ` +
      `${d.deflected} deflected (saw an answer and did not submit, ${pct(d.deflectionRate)}), ${d.submitted} submitted`,
  ];
  const table = (title: string, label: string, rows: typeof d.bySubject) => {
    out.push('', `  ${title}:`);
    if (!rows.length) out.push('    none');
    else {
      out.push(
        `    ${'Started'.padStart(7)}  ${'Deflected'.padStart(9)}  ${'Submitted'.padStart(9)}  ${pad(label, 50)}  Last seen`,
      );
      for (const r of rows)
        out.push(
          `    ${String(r.started).padStart(7)}  ${String(r.deflected).padStart(9)}  ${String(r.submitted).padStart(9)}  ${pad(oneLine(r.key), 50)}  ${r.lastSeen}`,
        );
    }
  };
  table('Per subject', 'Subject', d.bySubject);
  table('Per article opened', 'Article', d.byArticle);
  return out;
}

/** The "Content gaps" and "Suggested synonyms" sections. */
export function formatSearchInsightsText(report: FeedbackReport): string[] {
  const s = report.search;
  if (s.searches === 0)
    return [
      'Content gaps: no search events in this period (turn on searchInsights in content/site.yaml to collect them).',
      ...formatAssistantSearchesText(s.assistant),
    ];
  const out = [`Content gaps (${plural(s.searches, 'search', 'searches')}, ${s.zeroResultSearches} with no results)`];
  const section = (title: string, rows: readonly QueryRow[]) => out.push(...formatQueryTable(title, rows));
  section('Top queries with no results', s.contentGaps.noResults);
  section('Top queries whose results nobody opened', s.contentGaps.notOpened);
  section('Queries followed by a contact click', s.contentGaps.contactAfter);
  out.push('', 'Suggested synonyms (a query with no results, then one that found an article):');
  if (!s.suggestedSynonyms.length) out.push('  none');
  for (const r of s.suggestedSynonyms) {
    out.push(
      `  ${String(r.count).padStart(6)}×  "${cut(oneLine(r.query), 40)}" → "${cut(oneLine(r.foundWith), 40)}"${r.opened ? `  (opened ${cut(r.openedTitle ?? r.opened, 60)})` : ''}  last seen ${r.lastSeen}`,
    );
  }
  return [...out, ...formatAssistantSearchesText(s.assistant)];
}

type QueryRow = { query: string; searches: number; lastSeen: string };

/** One titled table of queries, with their counts and last day (or "none"). */
function formatQueryTable(title: string, rows: readonly QueryRow[]): string[] {
  if (!rows.length) return ['', `  ${title}:`, '    none'];
  return [
    '',
    `  ${title}:`,
    `    ${'Searches'.padStart(8)}  ${pad('Query', 50)}  Last seen`,
    ...rows.map((r) => `    ${String(r.searches).padStart(8)}  ${pad(oneLine(r.query), 50)}  ${r.lastSeen}`),
  ];
}

/** "Assistants' searches": MCP searches, apart from people's (none: no section). */
function formatAssistantSearchesText(a: FeedbackReport['search']['assistant']): string[] {
  if (!a || a.searches === 0) return [];
  const out = [
    '',
    `Assistants' searches (source "assistant", not counted above: ${plural(a.searches, 'search', 'searches')}, ${a.zeroResultSearches} with no results)`,
  ];
  const section = (title: string, rows: readonly QueryRow[]) => out.push(...formatQueryTable(title, rows));
  section('Top queries', a.topQueries);
  section('Queries with no results', a.noResults);
  return out;
}
