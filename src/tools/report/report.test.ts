import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../feedback/server/stores/sqlite.ts';
import { createContentFixture } from '../../../test/helpers/feedback/content-fixture.ts';
import { REPO_ROOT } from '../../../test/helpers/feedback/spawn-server.ts';
import { createVoteRecord } from '../../../test/helpers/feedback/store-contract.ts';
import type { FeedbackReport } from './build-report.ts';
import { formatReportCsv } from './format-csv.ts';
import { formatReportHtml, MAX_DAY_BAR, OPEN_COMMENT_ITEMS } from './format-html.ts';
import { escapeHtml } from '../../lib/html.ts';
import { formatReportText } from './format-text.ts';
import { loadFeedbackReport, loadReportItems } from './load-report.ts';
import { parseReportArgs, parseSince } from './parse-report-args.ts';
import { ReportFilterError } from './report-filter.ts';
import { getWilsonLowerBound } from '../../feedback/server/report/wilson.ts';

const fixture = createContentFixture();
const dbFile = path.join(fixture.root, 'data', 'feedback.db');
const at = (iso: string) => Date.parse(iso);
let report: FeedbackReport;

beforeAll(async () => {
  appendFileSync(path.join(fixture.root, 'content/site.yaml'), 'editUrl: https://git.example.com/help/edit/main/\n');
  // The site's own label for one reason: the report shows what the widget showed.
  writeFileSync(path.join(fixture.root, 'content/ui.yaml'), "'feedback.reason.hard-to-follow': Confusing steps\n");
  const store = await createSqliteStore({ file: dbFile });
  const votes = [
    // reset-password: 3 of 4 unhappy before the edit on 2026-03-10, 2 of 2 happy after.
    ...['down', 'down', 'down', 'up'].map((vote, i) =>
      createVoteRecord({
        itemId: 'article:reset-password',
        vote: vote as 'up' | 'down',
        reason: vote === 'down' ? 'incorrect' : null,
        receivedAt: at(`2026-03-0${i + 2}T09:00:00Z`),
      }),
    ),
    createVoteRecord({
      itemId: 'article:reset-password',
      vote: 'down',
      reason: 'hard-to-follow',
      comment: '<script>alert(1)</script>',
      receivedAt: at('2026-03-08T09:00:00Z'),
    }),
    ...[0, 1].map((i) =>
      createVoteRecord({ itemId: 'article:reset-password', vote: 'up', receivedAt: at(`2026-03-1${i + 1}T09:00:00Z`) }),
    ),
    // invoices: 20 helpful of 20.
    ...Array.from({ length: 20 }, (_, i) =>
      createVoteRecord({ itemId: 'article:invoices', vote: 'up', receivedAt: at('2026-03-12T10:00:00Z') + i }),
    ),
    // the FAQ: one "No" with a formula-looking comment.
    createVoteRecord({
      itemId: 'faq:why-charged-twice',
      vote: 'down',
      reason: 'did-not-answer',
      comment: '=HYPERLINK("http://x")',
      receivedAt: at('2026-03-12T11:00:00Z'),
    }),
    // ids the content no longer has, and one it never had.
    createVoteRecord({ itemId: 'article:track-a-parcel', vote: 'down', receivedAt: at('2026-03-03T10:00:00Z') }),
    createVoteRecord({ itemId: 'article:old-refunds', vote: 'up', receivedAt: at('2026-03-04T10:00:00Z') }),
    createVoteRecord({ itemId: 'article:never-existed', vote: 'up', receivedAt: at('2026-03-04T11:00:00Z') }),
    // before the period.
    createVoteRecord({ itemId: 'article:invoices', vote: 'down', receivedAt: at('2026-02-01T10:00:00Z') }),
  ];
  for (const v of votes) await store.recordVote(v);
  await store.close();
  report = await loadFeedbackReport({
    root: fixture.root,
    store: dbFile,
    since: new Date('2026-03-01T00:00:00Z'),
    now: new Date('2026-03-15T00:00:00Z'),
  });
});
afterAll(() => fixture.cleanup());

describe('the feedback report data', () => {
  it('splits votes and searches by the page language they carry', () => {
    expect(report.languages).toEqual([
      { language: 'en', votes: 31, up: 25, helpfulShare: 25 / 31, searches: 0, searchesWithoutResults: 0 },
    ]);
  });

  it('lists every article and FAQ with title, owner and votes, lowest Wilson bound first, unvoted last', () => {
    expect(report.items.map((r) => [r.id, r.title, r.owner, r.votes, r.up])).toEqual([
      ['faq:why-charged-twice', 'Why was I charged twice?', null, 1, 0],
      ['article:reset-password', 'Reset your password', 'Accounts team', 7, 3],
      ['article:invoices', 'Download invoices', 'Billing team', 20, 20],
      ['article:refunds', 'Refunds', 'Billing team', 0, 0],
    ]);
    expect(report.items[1]!.wilsonLower).toBeCloseTo(getWilsonLowerBound(3, 7));
    expect(report.items[1]!.helpfulShare).toBeCloseTo(3 / 7);
  });

  it('counts only votes since the given date', () => {
    expect(report.totals).toEqual({ votes: 31, up: 25, down: 6, helpfulShare: 25 / 31, itemsWithVotes: 6 });
  });

  it('gives top reasons and the latest comments, newest first', () => {
    const reset = report.items.find((r) => r.id === 'article:reset-password')!;
    expect(reset.topReasons).toEqual([
      { reason: 'incorrect', label: 'Incorrect or out of date', count: 3 },
      { reason: 'hard-to-follow', label: 'Confusing steps', count: 1 },
    ]);
    expect(reset.latestComments.map((c) => c.text)).toEqual(['<script>alert(1)</script>']);
  });

  it('compares helpfulness before and after an edit made in the period, using the git change date', () => {
    const reset = report.items.find((r) => r.id === 'article:reset-password')!;
    expect(reset.lastChanged).toBe('2026-03-10');
    expect(reset.edit).toEqual({
      at: '2026-03-10T12:00:00.000Z',
      before: { votes: 5, up: 1, helpfulShare: 0.2 },
      after: { votes: 2, up: 2, helpfulShare: 1 },
    });
    expect(report.items.find((r) => r.id === 'article:invoices')!.edit).toBeNull();
  });

  it('reports votes for deleted, renamed and unknown ids instead of dropping them', () => {
    expect(report.orphans.map((r) => [r.id, r.status, r.renamedTo, r.lastChanged, r.votes])).toEqual([
      ['article:never-existed', 'unknown', null, null, 1],
      ['article:old-refunds', 'renamed', 'article:refunds', null, 1],
      ['article:track-a-parcel', 'deleted', null, '2026-03-05', 1],
    ]);
  });

  it('counts votes per day', () => {
    expect(report.daily[0]).toEqual({ day: '2026-03-02', up: 0, down: 1 });
    expect(report.daily.find((d) => d.day === '2026-03-12')).toEqual({ day: '2026-03-12', up: 21, down: 1 });
  });
});

describe('report formats', () => {
  it('prints a table with the score, the share, titles, owners, reasons, comments and the orphans', () => {
    const text = formatReportText(report);
    expect(text).toContain('31 votes on 6 items, 81% helpful.');
    expect(text).toContain(
      ` 0.16      43%      7  Reset your password${' '.repeat(23)}Accounts team     Incorrect or out of date 3, Confusing steps 1\n`,
    );
    expect(text).toContain('edited 2026-03-10: before 20% of 5, after 100% of 2');
    expect(text).toContain('"<script>alert(1)</script>"  (2026-03-08, down, Confusing steps)');
    expect(text).toContain(
      'article:old-refunds                       renamed to article:refunds: 1 vote, 100% helpful',
    );
    expect(text).toContain('No votes yet (1):\n  Refunds');
  });

  it('counts in words: one vote on one item is not "1 votes on 1 items"', () => {
    const one = { ...report, totals: { ...report.totals, votes: 1, itemsWithVotes: 1 } };
    expect(formatReportText(one).split('\n')[1]).toBe(
      `1 vote on 1 item, ${Math.round(report.totals.helpfulShare! * 100)}% helpful. Sorted by score (lower bound of the 95% Wilson interval): lowest needs attention first.`,
    );
    expect(formatReportHtml(one)).toContain('<p>1 vote on 1 item, ');
  });

  it('writes CSV with formula-looking comments guarded and orphans included', () => {
    const csv = formatReportCsv(report);
    expect(csv.split('\r\n')[0]).toBe(
      'id,kind,status,title,owner,votes,up,down,helpful_share,wilson_lower,top_reasons,latest_comments,last_changed,renamed_to,category,section,url,edit_url,imported_source,imported_exported,imported_up,imported_down',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('article:track-a-parcel,article,deleted');
  });

  it('writes one self-contained HTML file: escaped comments, inline charts, no external fetches', () => {
    const html = formatReportHtml(report);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script>/g)).toHaveLength(1);
    // Links to the pages are fine; nothing is fetched.
    expect(html.replace(/ href="https:\/\/[^"]+"/g, '')).not.toMatch(
      /\bsrc=|<link\b|@import|url\(|https?:\/\/(?!x&quot;)/,
    );
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('renamed to article:refunds');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('draws one day of votes as a narrow bar in the middle, not a block across the chart', () => {
    const html = formatReportHtml({ ...report, daily: [{ day: '2026-03-12', up: 3, down: 1 }] });
    const chart = /<svg [^>]*aria-labelledby="c2t"[\s\S]*?<\/svg>/.exec(html)![0];
    expect([...chart.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['348.0', '24.0'],
      ['348.0', '24.0'],
    ]);
    expect(MAX_DAY_BAR).toBe(24);
    // Many days keep thin bars side by side.
    const month = Array.from({ length: 90 }, (_, i) => ({ day: `d${i}`, up: 1, down: 0 }));
    const wide = formatReportHtml({ ...report, daily: month });
    expect(wide).toContain('<rect x="1.0" y="20.0" width="6.0" height="160.0" class="bar-up"/>');
  });

  it('shows the comments open, up to OPEN_COMMENT_ITEMS items', () => {
    const html = formatReportHtml(report);
    const section = html.slice(html.indexOf('<h2>Latest comments</h2>'));
    expect(section).toMatch(/^<h2>Latest comments<\/h2>\n<details open><summary>/);
    const items = report.items.filter((r) => r.latestComments.length);
    const many = formatReportHtml({
      ...report,
      items: Array.from({ length: 7 }, (_, i) => ({ ...items[0]!, id: `x${i}` })),
    });
    const opened = many.slice(many.indexOf('<h2>Latest comments</h2>')).match(/<details( open)?><summary>/g)!;
    expect(opened).toEqual([
      ...Array(OPEN_COMMENT_ITEMS).fill('<details open><summary>'),
      '<details><summary>',
      '<details><summary>',
    ]);
  });

  it('lets a long word in a comment or a title wrap anywhere instead of widening the page', () => {
    const html = formatReportHtml(report);
    // Comments are blockquotes in list items under a summary with the title; all three may break a long word.
    expect(html).toContain('<li><blockquote>&lt;script&gt;alert(1)&lt;/script&gt;</blockquote>');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style.split('\n')).toContain('blockquote,summary,li{overflow-wrap:anywhere}');
  });
});

describe('helpdesk-kit feedback report', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli/index.js'), 'feedback', 'report', ...args], {
      cwd: fixture.root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });

  it('reads FEEDBACK_DB and the content of the current folder, and prints JSON', () => {
    const result = run(['--format', 'json', '--since', '2026-03-01'], { FEEDBACK_DB: dbFile });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.items).toHaveLength(4);
    expect(json.orphans).toHaveLength(3);
  });

  it('exits 2 with a usage message for a bad flag or date', () => {
    const bad = run(['--format', 'pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('--format must be one of table, json, csv, html, not "pdf"\n');
    expect(run(['--since', 'last week']).stderr).toBe(
      '--since must be a day like 2026-01-31 or a time ago like 12h, 7d or 2w, not "last week"\n',
    );
  });

  it('filters by owner and category in every format, and names the valid values for a typo', () => {
    const json = JSON.parse(run(['--format', 'json', '--owner', 'billing team'], { FEEDBACK_DB: dbFile }).stdout);
    expect(json.items.map((r: { id: string }) => r.id)).toEqual(['article:invoices', 'article:refunds']);
    expect(json.filter).toEqual({ owners: ['Billing team'], categories: [] });
    const csv = run(['--format', 'csv', '--category', 'account'], { FEEDBACK_DB: dbFile }).stdout;
    expect(
      csv
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split(',')[0]),
    ).toEqual(['id', 'article:reset-password']);
    const typo = run(['--owner', 'Biling team'], { FEEDBACK_DB: dbFile });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe(
      '--owner "Biling team" is not the owner of any article; did you mean "Billing team"?\nValid owners: "Accounts team", "Billing team"\n',
    );
    expect(run(['--category', 'bill'], { FEEDBACK_DB: dbFile }).stderr).toBe(
      '--category "bill" is not a category of the content; did you mean "billing"?\nValid categories: "account", "billing"\n',
    );
    expect(run(['--owner', ''], { FEEDBACK_DB: dbFile }).stderr).toBe('--owner needs a value\n');
  });

  it('takes --since 7d as seven days before now', () => {
    const json = JSON.parse(run(['--format', 'json', '--since', '7d'], { FEEDBACK_DB: dbFile }).stdout);
    expect(Date.now() - Date.parse(`${json.since.replace(' ', 'T')}Z`)).toBeGreaterThan(7 * 86_400_000 - 120_000);
    expect(Date.now() - Date.parse(`${json.since.replace(' ', 'T')}Z`)).toBeLessThan(7 * 86_400_000 + 120_000);
  });

  it('exits 2 and says where it looked when there is no database', () => {
    const result = run([], { FEEDBACK_DB: 'data/none.db' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('there is no feedback database at data/none.db;');
  });
});

describe('the report of part of the content', () => {
  it('counts only the votes of the owner or category asked for, and no votes for removed ids', async () => {
    const billing = await loadFeedbackReport({
      root: fixture.root,
      store: dbFile,
      since: new Date('2026-03-01T00:00:00Z'),
      now: new Date('2026-03-15T00:00:00Z'),
      owners: ['BILLING TEAM'],
    });
    expect(billing.items.map((r) => r.id)).toEqual(['article:invoices', 'article:refunds']);
    expect(billing.totals).toEqual({ votes: 20, up: 20, down: 0, helpfulShare: 1, itemsWithVotes: 1 });
    expect(billing.orphans).toEqual([]);
    expect(billing.filter).toEqual({ owners: ['Billing team'], categories: [] });
    const faqs = await loadFeedbackReport({ root: fixture.root, store: dbFile, categories: ['billing'] });
    expect(faqs.items.map((r) => r.id)).toEqual(['faq:why-charged-twice', 'article:invoices', 'article:refunds']);
    expect(formatReportText(faqs)).toContain('Only category billing: the votes count these items only;');
    expect(formatReportHtml(faqs)).toContain('<p><strong>Only category “billing”.</strong>');
    await expect(loadFeedbackReport({ root: fixture.root, store: dbFile, categories: ['shipping'] })).rejects.toThrow(
      ReportFilterError,
    );
  });
});

describe('links, reasons, legends and folding in the HTML report', () => {
  const html = () => formatReportHtml(report);

  it('links each item to its page on the site and to its edit URL', () => {
    const reset = report.items.find((r) => r.id === 'article:reset-password')!;
    expect(reset.url).toBe('https://help.example.com/account/reset-password/');
    expect(reset.editUrl).toBe('https://git.example.com/help/edit/main/content/articles/account/reset-password.md');
    expect(html()).toContain(
      '<a href="https://help.example.com/account/reset-password/">Reset your password</a> <small><a href="https://git.example.com/help/edit/main/content/articles/account/reset-password.md">edit<span class="visually-hidden"> Reset your password</span></a></small>',
    );
  });

  it('has no edit link when site.yaml has no editUrl', () => {
    const bare = createContentFixture();
    try {
      const items = loadReportItems(bare.root);
      expect(items.every((i) => i.editUrl === null && i.url?.startsWith('https://help.example.com/'))).toBe(true);
    } finally {
      bare.cleanup();
    }
  });

  it('shows reasons with the labels readers saw', () => {
    expect(html()).toContain('<td>Incorrect or out of date 3, Confusing steps 1</td>');
    expect(html()).toContain('· not helpful · Confusing steps</small>');
    expect(html()).not.toMatch(/<td>[^<]*hard-to-follow/);
  });

  it('explains each chart in words beside its colours', () => {
    const legends = html().match(/<ul class="legend">.*?<\/ul>/g) ?? [];
    expect(legends).toHaveLength(3);
    expect(legends[1]).toContain('Lower part of each day’s bar: helpful votes');
    expect(legends[1]).toContain(
      '<span class="swatch bar-down" aria-hidden="true"></span>Upper part: not helpful votes',
    );
  });

  it('folds items without votes away, with their count, after the ranked items', () => {
    const page = html();
    const ranked = page.slice(page.indexOf('<table data-sortable>'), page.indexOf('</table>'));
    expect(ranked).toContain('Why was I charged twice?');
    expect(ranked).not.toContain('>Refunds<');
    expect(page).toMatch(
      /<details><summary>1 article or FAQ without votes in this period<\/summary><div class="table-scroll" role="region" aria-label="Articles and FAQs without votes" tabindex="0"><table>.*Refunds/s,
    );
  });
});

describe('parseSince', () => {
  const now = new Date('2026-03-15T12:30:00Z');
  it('takes a day, or hours, days and weeks before now', () => {
    expect(parseSince('2026-03-01', now)?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseSince('12h', now)?.toISOString()).toBe('2026-03-15T00:30:00.000Z');
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-03-08T12:30:00.000Z');
    expect(parseSince('2W', now)?.toISOString()).toBe('2026-03-01T12:30:00.000Z');
  });
  it('refuses anything else', () => {
    for (const bad of ['0d', '7', 'd', '3m', '1y', '7 days', '-7d', '2026-02-30', '2026-3-1'])
      expect(parseSince(bad, now), bad).toBeUndefined();
  });
});

describe('parseReportArgs', () => {
  it('prefers --store, then FEEDBACK_STORE_URL, then FEEDBACK_DB, then data/feedback.db', () => {
    const store = (argv: string[], env: Record<string, string>) => {
      const r = parseReportArgs(argv, env);
      return r.ok ? r.args.store : r.message;
    };
    expect(store(['--store', 'x.db'], { FEEDBACK_STORE_URL: 'postgres://a/b', FEEDBACK_DB: 'y.db' })).toBe('x.db');
    expect(store([], { FEEDBACK_STORE_URL: 'postgres://a/b', FEEDBACK_DB: 'y.db' })).toBe('postgres://a/b');
    expect(store([], { FEEDBACK_DB: 'y.db' })).toBe('y.db');
    expect(store([], {})).toBe('data/feedback.db');
  });

  it('works in a git checkout', () => {
    expect(
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: fixture.root, encoding: 'utf8' }).trim(),
    ).toBe('true');
  });
});
