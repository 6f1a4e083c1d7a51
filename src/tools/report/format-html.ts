/**
 * The report as one self-contained HTML file: inline CSS and JS, inline SVG charts, no external
 * fetches. Every piece of text from votes or content is escaped.
 */
import { escapeHtml } from '../../lib/html.ts';
import type { FeedbackReport, ReportRow } from './build-report.ts';
import { plural } from '../../lib/plural.ts';

/** Escape text for HTML element content and quoted attribute values. */

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What each colour and mark of a chart means, in words: the colour is never the only cue. */
function legend(entries: Array<[className: string, text: string]>): string {
  return `<ul class="legend">${entries
    .map(([cls, text]) => `<li><span class="swatch ${cls}" aria-hidden="true"></span>${text}</li>`)
    .join('')}</ul>`;
}

function helpfulnessChart(rows: ReportRow[]): string {
  const shown = rows.filter((r) => r.votes > 0).slice(0, 40);
  if (!shown.length) return '<p>No votes in this period.</p>';
  const labelW = 260;
  const barW = 360;
  const rowH = 22;
  const h = shown.length * rowH + 30;
  const bars = shown
    .map((r, i) => {
      const y = 20 + i * rowH;
      const w = Math.round((r.helpfulShare ?? 0) * barW);
      const lb = labelW + Math.round(r.wilsonLower * barW);
      return `<g><text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(truncate(r.title, 38))}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="14" class="bar-up"><title>${escapeHtml(r.title)}: ${pct(r.helpfulShare)} helpful of ${plural(r.votes, 'vote')}; score ${r.wilsonLower.toFixed(2)}</title></rect><line x1="${lb}" x2="${lb}" y1="${y}" y2="${y + 20}" class="marker"/><text x="${labelW + barW + 8}" y="${y + 14}">${pct(r.helpfulShare)} (${r.votes})</text></g>`;
    })
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<text x="${labelW + t * barW}" y="12" text-anchor="middle" class="tick">${t * 100}%</text>`)
    .join('');
  return `${legend([
    [
      'bar-up',
      'Bar: share of helpful votes (our votes in the period), with the share and the number of votes at its end',
    ],
    ['marker', 'Line across the bar: the score, the lowest the share is likely to be'],
  ])}<svg role="img" aria-labelledby="c1t" viewBox="0 0 ${labelW + barW + 80} ${h}" width="100%"><title id="c1t">Share of helpful votes per item, lowest score first; the line marks the score</title>${ticks}${bars}</svg>`;
}

/** The widest a day's bar in the votes-per-day chart gets (of 720 units). */
export const MAX_DAY_BAR = 24;
/** How many items' comments show open; the rest are one click away. */
export const OPEN_COMMENT_ITEMS = 5;

function timelineChart(daily: FeedbackReport['daily']): string {
  if (!daily.length) return '<p>No votes in this period.</p>';
  const w = 720;
  const h = 200;
  const max = Math.max(...daily.map((d) => d.up + d.down), 1);
  const step = w / daily.length;
  // A day's bar is at most MAX_DAY_BAR wide, centred in its slot: one day of data is a bar, not a full-width block.
  const bw = Math.min(MAX_DAY_BAR, Math.max(1, step - 2));
  const scale = (n: number) => (n / max) * (h - 40);
  const bars = daily
    .map((d, i) => {
      const x = i * step + (step - bw) / 2;
      const upH = scale(d.up);
      const downH = scale(d.down);
      return `<g><title>${d.day}: ${d.up} helpful, ${d.down} not helpful</title><rect x="${x.toFixed(1)}" y="${(h - 20 - upH).toFixed(1)}" width="${bw.toFixed(1)}" height="${upH.toFixed(1)}" class="bar-up"/><rect x="${x.toFixed(1)}" y="${(h - 20 - upH - downH).toFixed(1)}" width="${bw.toFixed(1)}" height="${downH.toFixed(1)}" class="bar-down"/></g>`;
    })
    .join('');
  const first = daily[0]!.day;
  const last = daily[daily.length - 1]!.day;
  return `${legend([
    ['bar-up', 'Lower part of each day’s bar: helpful votes'],
    ['bar-down', 'Upper part: not helpful votes'],
  ])}<svg role="img" aria-labelledby="c2t" viewBox="0 0 ${w} ${h}" width="100%"><title id="c2t">Votes per day from ${first} to ${last}; up to ${max} a day</title>${bars}<text x="0" y="${h - 4}" class="tick">${first}</text><text x="${w}" y="${h - 4}" text-anchor="end" class="tick">${last}</text><text x="0" y="12" class="tick">${max} / day</text></svg>`;
}

function editsChart(rows: ReportRow[]): string {
  const edited = rows.filter((r) => r.edit && (r.edit.before.votes > 0 || r.edit.after.votes > 0));
  if (!edited.length) return '<p>No article or FAQ with votes was edited in this period.</p>';
  const labelW = 260;
  const barW = 300;
  const groupH = 40;
  const h = edited.length * groupH + 10;
  const groups = edited
    .map((r, i) => {
      const y = 5 + i * groupH;
      const e = r.edit!;
      const b = Math.round((e.before.helpfulShare ?? 0) * barW);
      const a = Math.round((e.after.helpfulShare ?? 0) * barW);
      return `<g><text x="${labelW - 8}" y="${y + 22}" text-anchor="end">${escapeHtml(truncate(r.title, 38))}</text><rect x="${labelW}" y="${y + 2}" width="${b}" height="14" class="bar-before"><title>Before ${e.at.slice(0, 10)}: ${pct(e.before.helpfulShare)} of ${e.before.votes}</title></rect><text x="${labelW + barW + 8}" y="${y + 14}">before ${pct(e.before.helpfulShare)} (${e.before.votes})</text><rect x="${labelW}" y="${y + 19}" width="${a}" height="14" class="bar-up"><title>After ${e.at.slice(0, 10)}: ${pct(e.after.helpfulShare)} of ${e.after.votes}</title></rect><text x="${labelW + barW + 8}" y="${y + 31}">after ${pct(e.after.helpfulShare)} (${e.after.votes})</text></g>`;
    })
    .join('');
  return `${legend([
    ['bar-before', 'Upper bar of each pair: helpful share before the edit'],
    ['bar-up', 'Lower bar: helpful share after the edit'],
  ])}<svg role="img" aria-labelledby="c3t" viewBox="0 0 ${labelW + barW + 140} ${h}" width="100%"><title id="c3t">Helpful share before and after each item's last edit in the period</title>${groups}</svg>`;
}

const imported = (r: ReportRow) =>
  r.imported
    ? `${pct(r.imported.helpfulShare)} of ${r.imported.votes} <small>(${escapeHtml(r.imported.source)}, to ${r.imported.exported})</small>`
    : '–';

/** The title, linked to the page on the site when site.yaml has a url, and the edit link when it has an editUrl. */
function titleCell(r: ReportRow): string {
  const title = r.url ? `<a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a>` : escapeHtml(r.title);
  const edit = r.editUrl
    ? ` <small><a href="${escapeHtml(r.editUrl)}">edit<span class="visually-hidden"> ${escapeHtml(r.title)}</span></a></small>`
    : '';
  return `${title}${r.status === 'draft' ? ' <small>(draft)</small>' : ''}${r.section ? ` <small>(${escapeHtml(r.section)})</small>` : ''}${edit}`;
}

function itemRows(rows: ReportRow[], withImported: boolean): string {
  return rows
    .map(
      (r) =>
        `<tr><td>${titleCell(r)}</td><td>${r.kind}</td><td>${escapeHtml(r.owner ?? '–')}</td><td>${escapeHtml(r.category ?? '–')}</td><td data-sort="${r.votes}">${r.votes}</td><td data-sort="${r.helpfulShare ?? -1}">${pct(r.helpfulShare)}</td><td data-sort="${r.votes ? r.wilsonLower : 2}">${r.votes ? r.wilsonLower.toFixed(2) : '–'}</td><td>${escapeHtml(r.topReasons.map((x) => `${x.label} ${x.count}`).join(', '))}</td>${withImported ? `<td data-sort="${r.imported?.helpfulShare ?? -1}">${imported(r)}</td>` : ''}<td>${r.lastChanged ?? '–'}</td></tr>`,
    )
    .join('\n');
}

function itemHead(sortable: boolean, withImported: boolean): string {
  const columns: Array<[string, string]> = [
    ['Title', 'text'],
    ['Kind', 'text'],
    ['Owner', 'text'],
    ['Category', 'text'],
    ['Votes', 'number'],
    ['Helpful', 'number'],
    ['Score', 'number'],
    ['Top reasons', 'text'],
    ...(withImported ? [['Imported votes', 'number'] as [string, string]] : []),
    ['Last changed', 'text'],
  ];
  return columns
    .map(([label, type], i) =>
      sortable
        ? `<th scope="col" data-type="${type}"${i === 6 ? ' aria-sort="ascending"' : ''}><button type="button">${label}</button></th>`
        : `<th scope="col">${label}</th>`,
    )
    .join('');
}

/** A wide table scrolls inside its own region on a phone: focusable and named, so the keyboard can scroll it. */
const scrollRegion = (label: string, table: string) =>
  `<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;

/** Items with votes in a sortable table; those without folded away below it, with their count. */
function itemTable(rows: ReportRow[]): string {
  const withImported = rows.some((r) => r.imported);
  const voted = rows.filter((r) => r.votes > 0);
  const silent = rows.filter((r) => r.votes === 0);
  const table = voted.length
    ? scrollRegion(
        'Articles and FAQs with votes',
        `<table data-sortable><caption>Articles and FAQs with votes, lowest score first (choose a heading to sort)</caption><thead><tr>${itemHead(true, withImported)}</tr></thead><tbody>\n${itemRows(voted, withImported)}\n</tbody></table>`,
      )
    : '<p>No article or FAQ has votes in this period.</p>';
  const folded = silent.length
    ? `<details><summary>${silent.length} ${silent.length === 1 ? 'article or FAQ' : 'articles and FAQs'} without votes in this period</summary>${scrollRegion('Articles and FAQs without votes', `<table><caption>Articles and FAQs without votes, by title</caption><thead><tr>${itemHead(false, withImported)}</tr></thead><tbody>\n${itemRows(silent, withImported)}\n</tbody></table>`)}</details>`
    : '';
  return `${table}\n${folded}`;
}

function commentsSection(rows: ReportRow[], labels: FeedbackReport['reasonLabels']): string {
  const withComments = rows.filter((r) => r.latestComments.length);
  if (!withComments.length) return '<p>No comments in this period.</p>';
  return withComments
    .map(
      (r, i) =>
        `<details${i < OPEN_COMMENT_ITEMS ? ' open' : ''}><summary>${escapeHtml(r.title)} (${r.latestComments.length})</summary><ul>${r.latestComments
          .map(
            (c) =>
              `<li><blockquote>${escapeHtml(c.text)}</blockquote><small>${new Date(c.at).toISOString().slice(0, 10)} · ${c.vote === 'up' ? 'helpful' : 'not helpful'}${c.reason ? ` · ${escapeHtml(labels[c.reason])}` : ''}</small></li>`,
          )
          .join('')}</ul></details>`,
    )
    .join('\n');
}

function orphanSection(rows: ReportRow[]): string {
  if (!rows.length) return '<p>Every vote belongs to a current article or FAQ.</p>';
  const body = rows
    .map((r) => {
      const why =
        r.status === 'renamed'
          ? `renamed to ${escapeHtml(r.renamedTo ?? '')}`
          : r.status === 'deleted'
            ? `deleted${r.lastChanged ? ` (${r.lastChanged})` : ''}`
            : 'unknown id';
      return `<tr><td>${escapeHtml(r.id)}</td><td>${why}</td><td>${r.votes}</td><td>${pct(r.helpfulShare)}</td><td>${imported(r)}</td></tr>`;
    })
    .join('\n');
  return `<table><caption>Votes for ids the content does not have</caption><thead><tr><th scope="col">Id</th><th scope="col">Status</th><th scope="col">Votes</th><th scope="col">Helpful</th><th scope="col">Imported votes</th></tr></thead><tbody>${body}</tbody></table>`;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#4d5561;--line:#d5d9e0;--up:#047857;--down:#b91c1c;--before:#9ca3af;--mark:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#0f1217;--muted:#aab2bd;--line:#343b46;--up:#34d399;--down:#f87171;--before:#6b7280;--mark:#93c5fd}}
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:72rem;padding:1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;font-size:1.25rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:600;background:none;border:0;color:inherit;cursor:pointer;padding:0}
th[aria-sort=ascending] button::after{content:' ▲'}th[aria-sort=descending] button::after{content:' ▼'}
button:focus-visible,summary:focus-visible{outline:3px solid var(--mark);outline-offset:2px}
svg{font-size:12px;fill:var(--fg);max-width:100%}.tick{fill:var(--muted)}
.bar-up{fill:var(--up)}.bar-down{fill:var(--down)}.bar-before{fill:var(--before)}.marker{stroke:var(--mark);stroke-width:2}
blockquote{margin:.25rem 0;white-space:pre-wrap}small{color:var(--muted)}
/* A comment or title may hold one long word (a URL, a pasted token): it wraps instead of widening the page. */
blockquote,summary,li{overflow-wrap:anywhere}
a{color:var(--mark)}a:focus-visible{outline:3px solid var(--mark);outline-offset:2px}
.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.swatch{display:inline-block;width:1.5em;height:.9em;margin-right:.4em;vertical-align:middle}
.swatch.bar-up{background:var(--up)}.swatch.bar-down{background:var(--down)}.swatch.bar-before{background:var(--before)}
.swatch.marker{width:3px;height:1.2em;margin:0 calc(.4em + .75em - 1.5px) 0 calc(.75em - 1.5px);background:var(--mark)}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
summary{cursor:pointer;margin:1rem 0}
.table-scroll{overflow-x:auto}.table-scroll:focus-visible{outline:3px solid var(--mark);outline-offset:2px}
`;

const SCRIPT = `
for (const button of document.querySelectorAll('table[data-sortable] th button')) {
  button.addEventListener('click', () => {
    const th = button.closest('th');
    const table = th.closest('table');
    const index = Array.prototype.indexOf.call(th.parentNode.children, th);
    const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (const other of table.querySelectorAll('th')) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    const numeric = th.dataset.type === 'number';
    const key = (row) => { const cell = row.cells[index]; return cell.dataset.sort ?? cell.textContent; };
    const rows = Array.from(table.tBodies[0].rows).sort((a, b) => {
      const r = numeric ? parseFloat(key(a)) - parseFloat(key(b)) : key(a).localeCompare(key(b));
      return dir === 'ascending' ? r : -r;
    });
    table.tBodies[0].append(...rows);
  });
}
`;

function gapTable(caption: string, rows: Array<{ query: string; searches: number; lastSeen: string }>): string {
  if (!rows.length) return `<h3>${caption}</h3><p>None in this period.</p>`;
  return `<h3>${caption}</h3><table class="sortable"><thead><tr><th scope="col">Query</th><th scope="col">Searches</th><th scope="col">Last seen</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.query)}</td><td data-sort="${r.searches}">${r.searches}</td><td>${escapeHtml(r.lastSeen)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** "Content gaps" and "Suggested synonyms": every query is reader input, so all of it is escaped. */
export function searchInsightsSection(report: FeedbackReport): string {
  const s = report.search;
  if (s.searches === 0) {
    return `<h2>Content gaps</h2><p>No search events in this period. Turn on <code>searchInsights</code> in content/site.yaml to collect them.</p>${assistantSearchesSection(s.assistant)}`;
  }
  const synonyms = s.suggestedSynonyms.length
    ? `<table class="sortable"><thead><tr><th scope="col">Query with no results</th><th scope="col">Then found with</th><th scope="col">Times</th><th scope="col">Opened</th><th scope="col">Last seen</th></tr></thead><tbody>${s.suggestedSynonyms
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.query)}</td><td>${escapeHtml(r.foundWith)}</td><td data-sort="${r.count}">${r.count}</td><td>${r.opened ? (r.openedTitle ? `${escapeHtml(r.openedTitle)} <small>${escapeHtml(r.opened)}</small>` : escapeHtml(r.opened)) : '–'}</td><td>${escapeHtml(r.lastSeen)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>None in this period.</p>';
  return `<h2>Content gaps</h2>
<p>${plural(s.searches, 'search', 'searches')}, ${s.zeroResultSearches} with no results.</p>
${gapTable('Top queries with no results', s.contentGaps.noResults)}
${gapTable('Top queries whose results nobody opened', s.contentGaps.notOpened)}
${gapTable('Queries followed by a contact click', s.contentGaps.contactAfter)}
<h2>Suggested synonyms</h2>
<p>A query found nothing, and the reader's next search found an article. Add the pair to content/synonyms.yaml, or use the reader's words in the article.</p>
${synonyms}${assistantSearchesSection(s.assistant)}`;
}

/** Assistants' searches (source "assistant"), apart from people's; nothing when there were none. */
function assistantSearchesSection(a: FeedbackReport['search']['assistant']): string {
  if (!a || a.searches === 0) return '';
  return `
<h2>Assistants' searches</h2>
<p>${plural(a.searches, 'search', 'searches')} by assistants through the MCP server (source "assistant"), ${a.zeroResultSearches} with no results; not counted in the figures above.</p>
${gapTable('Top queries', a.topQueries)}
${gapTable('Queries with no results', a.noResults)}`;
}

function deflectionTable(label: string, rows: FeedbackReport['deflection']['bySubject']): string {
  if (!rows.length) return '<p>None in this period.</p>';
  return `<table class="sortable"><thead><tr><th scope="col">${label}</th><th scope="col">Started</th><th scope="col">Deflected</th><th scope="col">Submitted</th><th scope="col">Last seen</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.key)}</td><td data-sort="${r.started}">${r.started}</td><td data-sort="${r.deflected}">${r.deflected}</td><td data-sort="${r.submitted}">${r.submitted}</td><td>${escapeHtml(r.lastSeen)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** "Ticket-form deflection": forms started, deflected, per subject (reader input, escaped) and per article. */
export function deflectionSection(report: FeedbackReport): string {
  const d = report.deflection;
  if (d.formsStarted === 0)
    return '<h2>Ticket-form deflection</h2><p>No form events in this period. Attach the in-product widget to a contact form to collect them.</p>';
  return `<h2>Ticket-form deflection</h2>
<p>${d.formsStarted} forms started, ${d.withSuggestions} shown articles, ${d.articleOpened} opened one, ${d.deflected} deflected (saw an answer and did not submit, ${pct(d.deflectionRate)}), ${d.submitted} submitted.</p>
<h3>Per subject</h3>
${deflectionTable('Subject', d.bySubject)}
<h3>Per article opened</h3>
${deflectionTable('Article', d.byArticle)}`;
}

function filterNote(report: FeedbackReport): string {
  const f = report.filter;
  if (!f) return '';
  const parts = [
    ...(f.owners.length ? [`owner ${f.owners.map((o) => `“${escapeHtml(o)}”`).join(' or ')}`] : []),
    ...(f.categories.length ? [`category ${f.categories.map((c) => `“${escapeHtml(c)}”`).join(' or ')}`] : []),
  ];
  return `<p><strong>Only ${parts.join(', ')}.</strong> The votes and charts count these items only; content gaps and deflection cover the whole site.</p>`;
}

/** The imported baseline: its own line, never part of the numbers above. */
function importedNote(report: FeedbackReport): string {
  const i = report.importedTotals;
  const unmatched = report.importedUnmatched.length
    ? ` ${report.importedUnmatched.length} imported ${report.importedUnmatched.length === 1 ? 'id has' : 'ids have'} no article or FAQ now: ${report.importedUnmatched.map(escapeHtml).join(', ')}.`
    : '';
  if (!i) return unmatched ? `<p>${unmatched.trim()}</p>` : '';
  return `<p>Imported baseline from ${i.sources.map(escapeHtml).join(', ')}: ${plural(i.votes, 'vote')} on ${plural(i.items, 'item')}, ${pct(i.helpfulShare)} helpful, every vote up to the export. It is shown beside our votes (the “Imported votes” column) and never added to them or to the score.${unmatched}</p>`;
}

export function formatReportHtml(report: FeedbackReport, section: 'all' | 'gaps' = 'all'): string {
  const t = report.totals;
  const period = report.since ? `since ${report.since}` : 'for all time';
  if (section === 'gaps') {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search insights ${escapeHtml(period)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Search insights ${escapeHtml(period)}</h1>
${searchInsightsSection(report)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feedback report ${escapeHtml(period)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Feedback report ${escapeHtml(period)}</h1>
${filterNote(report)}
<p>${plural(t.votes, 'vote')} on ${plural(t.itemsWithVotes, 'item')}, ${pct(t.helpfulShare)} helpful. Generated ${escapeHtml(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC. The score is the lower bound of the 95% Wilson interval of the helpful share: it is fair to items with few votes, and the lowest scores need attention first.</p>
${importedNote(report)}
<h2>Helpfulness per item</h2>
${helpfulnessChart(report.items)}
<h2>Votes over time</h2>
${timelineChart(report.daily)}
<h2>Before and after edits</h2>
${editsChart(report.items)}
<h2>All articles and FAQs</h2>
${itemTable(report.items)}
<h2>Latest comments</h2>
${commentsSection(report.items, report.reasonLabels)}
<h2>Votes for removed or unknown ids</h2>
${orphanSection(report.orphans)}
${searchInsightsSection(report)}
${deflectionSection(report)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
