import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../feedback/server/stores/sqlite.ts';
import type { StoredSearchEvent } from '../../feedback/server/stores/types.ts';
import { createContentFixture } from '../../../test/helpers/feedback/content-fixture.ts';
import { REPO_ROOT } from '../../../test/helpers/feedback/spawn-server.ts';
import { createSearchEventRecord, createVoteRecord } from '../../../test/helpers/feedback/store-contract.ts';
import { buildFeedbackReport } from './build-report.ts';
import { formatSearchInsightsCsv } from '../../feedback/server/report/search-insights-csv.ts';
import { formatReportHtml } from './format-html.ts';
import { formatReport } from './format-report.ts';
import { formatReportText } from './format-text.ts';
import { parseReportArgs } from './parse-report-args.ts';
import { buildSearchInsights } from '../../feedback/server/report/search-insights.ts';

const ev = (overrides: Partial<StoredSearchEvent>) =>
  createSearchEventRecord({ receivedAt: Date.parse(`${overrides.day ?? '2026-03-01'}T10:00:00Z`), ...overrides });

const EVENTS: StoredSearchEvent[] = [
  // "reimbursement" finds nothing three times; twice the reader then found "refund" and opened an article.
  ev({ query: 'reimbursement', resultCount: 0, day: '2026-03-02' }),
  ev({ query: 'reimbursement', resultCount: 0, day: '2026-03-05' }),
  ev({ query: 'reimbursement', resultCount: 0, day: '2026-03-04', contact: true }),
  ev({
    query: 'refund',
    resultCount: 4,
    opened: '/returns-refunds/refund-timelines/',
    refinedFrom: 'reimbursement',
    day: '2026-03-02',
  }),
  ev({
    query: 'refund',
    resultCount: 4,
    opened: '/returns-refunds/refund-timelines/',
    refinedFrom: 'reimbursement',
    day: '2026-03-05',
  }),
  // "<b>wire</b>" (reader markup) found nothing once.
  ev({ query: '<b>wire</b> =cmd()', resultCount: 0, day: '2026-03-03' }),
  // "invoice" finds results that nobody opens, and one reader then contacted support.
  ev({ query: 'invoice', resultCount: 2, day: '2026-03-01' }),
  ev({ query: 'invoice', resultCount: 2, day: '2026-03-06', contact: true }),
  // "password" works: opened.
  ev({ query: 'password', resultCount: 5, opened: '/account/reset-password/', day: '2026-03-06' }),
  ev({ query: 'password', resultCount: 5, day: '2026-03-06' }),
];

describe('search insights data', () => {
  const insights = buildSearchInsights(EVENTS);

  it('counts searches and those with no results', () => {
    expect([insights.searches, insights.zeroResultSearches]).toEqual([10, 4]);
  });

  it('lists queries with no results, most searched first, with the date last seen', () => {
    expect(insights.contentGaps.noResults).toEqual([
      { query: 'reimbursement', searches: 3, lastSeen: '2026-03-05' },
      { query: '<b>wire</b> =cmd()', searches: 1, lastSeen: '2026-03-03' },
    ]);
  });

  it('lists queries whose results nobody opened, leaving out queries where someone opened one', () => {
    expect(insights.contentGaps.notOpened).toEqual([{ query: 'invoice', searches: 2, lastSeen: '2026-03-06' }]);
  });

  it('lists queries followed by a contact click, with how many of them had results', () => {
    expect(insights.contentGaps.contactAfter).toEqual([
      { query: 'invoice', searches: 1, withResults: 1, lastSeen: '2026-03-06' },
      { query: 'reimbursement', searches: 1, withResults: 0, lastSeen: '2026-03-04' },
    ]);
  });

  it('suggests a synonym when a query with no results was followed by one that found an article', () => {
    expect(insights.suggestedSynonyms).toEqual([
      {
        query: 'reimbursement',
        foundWith: 'refund',
        count: 2,
        lastSeen: '2026-03-05',
        opened: '/returns-refunds/refund-timelines/',
        openedTitle: null,
      },
    ]);
  });

  it("names the opened page by its title, a FAQ by its question, not by the FAQ page's path", () => {
    const faq = [
      ev({ query: 'card refused', resultCount: 0, day: '2026-03-02' }),
      ev({
        query: 'card declined',
        resultCount: 2,
        refinedFrom: 'card refused',
        opened: '/faq/#why-charged-twice',
        day: '2026-03-02',
      }),
    ];
    const titles = new Map([['/faq/#why-charged-twice', 'Why was I charged twice?']]);
    expect(buildSearchInsights(faq, 20, (p) => titles.get(p)).suggestedSynonyms).toEqual([
      {
        query: 'card refused',
        foundWith: 'card declined',
        count: 1,
        lastSeen: '2026-03-02',
        opened: '/faq/#why-charged-twice',
        openedTitle: 'Why was I charged twice?',
      },
    ]);
  });

  it('keeps at most `limit` rows per list', () => {
    const many = Array.from({ length: 30 }, (_, i) => ev({ query: `missing ${i}`, resultCount: 0 }));
    expect(buildSearchInsights(many, 20).contentGaps.noResults).toHaveLength(20);
  });

  it('is empty without search events', () => {
    expect(buildSearchInsights([])).toEqual({
      searches: 0,
      zeroResultSearches: 0,
      contentGaps: { noResults: [], notOpened: [], contactAfter: [] },
      suggestedSynonyms: [],
      assistant: { searches: 0, zeroResultSearches: 0, topQueries: [], noResults: [] },
    });
  });
});

describe("assistants' searches", () => {
  const report = buildFeedbackReport({
    votes: [],
    searchEvents: [
      ...EVENTS,
      ev({ query: 'track parcel', resultCount: 3, channel: 'assistant', day: '2026-03-06' }),
      ev({ query: 'track parcel', resultCount: 3, channel: 'assistant', day: '2026-03-07' }),
      ev({ query: 'crypto payment', resultCount: 0, channel: 'assistant', day: '2026-03-08' }),
    ],
    items: [],
    lastChanged: new Map(),
    renamedFrom: new Map(),
    since: new Date('2026-03-02T00:00:00Z'),
    now: new Date('2026-03-15T00:00:00Z'),
  });

  it('are counted apart: people’s figures are unchanged, the assistant source has its own', () => {
    expect(report.search.searches).toBe(9);
    expect(report.search.contentGaps.noResults.map((r) => r.query)).not.toContain('crypto payment');
    expect(report.search.assistant).toEqual({
      searches: 3,
      zeroResultSearches: 1,
      topQueries: [
        { query: 'track parcel', searches: 2, lastSeen: '2026-03-07' },
        { query: 'crypto payment', searches: 1, lastSeen: '2026-03-08' },
      ],
      noResults: [{ query: 'crypto payment', searches: 1, lastSeen: '2026-03-08' }],
    });
  });

  it('get their own section in the text and HTML reports', () => {
    expect(formatReportText(report)).toContain(
      'Assistants\' searches (source "assistant", not counted above: 3 searches, 1 with no results)',
    );
    const html = formatReportHtml(report);
    expect(html).toContain("<h2>Assistants' searches</h2>");
    expect(html).toContain('<td>crypto payment</td>');
  });
});

describe('search insights in the report formats', () => {
  const report = buildFeedbackReport({
    votes: [createVoteRecord()].map((v) => ({ ...v, createdAt: v.receivedAt, updatedAt: v.receivedAt })),
    searchEvents: EVENTS,
    items: [],
    lastChanged: new Map(),
    renamedFrom: new Map(),
    since: new Date('2026-03-02T00:00:00Z'),
    now: new Date('2026-03-15T00:00:00Z'),
  });

  it('counts only search events in the period', () => {
    expect(report.search.searches).toBe(9);
    expect(report.search.contentGaps.notOpened).toEqual([{ query: 'invoice', searches: 1, lastSeen: '2026-03-06' }]);
  });

  it('prints "Content gaps" and "Suggested synonyms" after the items in the table', () => {
    const text = formatReportText(report);
    expect(text).toContain('Content gaps (9 searches, 4 with no results)');
    expect(text).toContain(`         3  reimbursement${' '.repeat(37)}  2026-03-05\n`);
    expect(text).toContain(
      'Suggested synonyms (a query with no results, then one that found an article):\n       2×  "reimbursement" → "refund"  (opened /returns-refunds/refund-timelines/)  last seen 2026-03-05',
    );
  });

  it('prints only the search insights with --section gaps', () => {
    const text = formatReport(report, 'table', 'gaps');
    expect(text.startsWith('Content gaps (9 searches')).toBe(true);
    expect(JSON.parse(formatReport(report, 'json', 'gaps'))).toEqual({
      generatedAt: report.generatedAt,
      since: '2026-03-02',
      search: report.search,
    });
    expect(JSON.parse(formatReport(report, 'json')).search).toEqual(report.search);
  });

  it('writes the gaps as one formula-guarded CSV with a section column', () => {
    const csv = formatSearchInsightsCsv(report);
    expect(csv.split('\r\n')).toEqual([
      'section,query,count,last_seen,found_with,opened',
      'no_results,reimbursement,3,2026-03-05,,',
      'no_results,<b>wire</b> =cmd(),1,2026-03-03,,',
      'not_opened,invoice,1,2026-03-06,,',
      'contact_after,invoice,1,2026-03-06,,',
      'contact_after,reimbursement,1,2026-03-04,,',
      'synonym,reimbursement,2,2026-03-05,refund,/returns-refunds/refund-timelines/',
      '',
    ]);
    const guarded = formatSearchInsightsCsv(
      buildFeedbackReport({
        votes: [],
        searchEvents: [ev({ query: '=cmd()', resultCount: 0 })],
        items: [],
        lastChanged: new Map(),
        renamedFrom: new Map(),
        now: new Date('2026-03-15T00:00:00Z'),
      }),
    );
    expect(guarded).toContain("no_results,'=cmd(),1,2026-03-01,,");
  });

  it('escapes every query in the HTML sections and adds no script or external fetch', () => {
    for (const html of [formatReportHtml(report), formatReport(report, 'html', 'gaps')]) {
      expect(html).toContain('<h2>Content gaps</h2>');
      expect(html).toContain('<h2>Suggested synonyms</h2>');
      expect(html).toContain('<td>&lt;b&gt;wire&lt;/b&gt; =cmd()</td>');
      expect(html).not.toContain('<b>wire');
      expect(html.match(/<script>/g)).toHaveLength(1);
      expect(html).not.toMatch(/\bsrc=|<link\b|@import|url\(|https?:\/\//);
    }
  });
});

describe('helpdesk-kit feedback report with search events', () => {
  const fixture = createContentFixture();
  const dbFile = path.join(fixture.root, 'data', 'search.db');
  beforeAll(async () => {
    const store = await createSqliteStore({ file: dbFile });
    for (const e of EVENTS) await store.recordSearchEvent(e);
    await store.close();
  });
  afterAll(() => fixture.cleanup());
  const run = (args: string[]) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli/index.js'), 'feedback', 'report', ...args], {
      cwd: fixture.root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', FEEDBACK_DB: dbFile },
    });

  it('prints the gaps as CSV with --section gaps --format csv', () => {
    const result = run(['--section', 'gaps', '--format', 'csv']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('synonym,reimbursement,2,2026-03-05,refund,/returns-refunds/refund-timelines/');
  });

  it('exits 2 for an unknown section', () => {
    const result = run(['--section', 'everything']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('--section must be one of all, gaps, not "everything"\n');
  });

  it('defaults to all sections', () => {
    const parsed = parseReportArgs([], {});
    expect(parsed.ok && parsed.args.section).toBe('all');
  });
});
