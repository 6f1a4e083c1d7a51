import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { GitHistory } from '../content/git-history.ts';
import { loadContent } from '../content/load.ts';
import { CLEAN_FIXTURE, article, createTestSite, removeTestSite } from '../../test/helpers/lint-site.ts';
import {
  formatStaleCsv,
  formatStaleSummary,
  formatStaleTable,
  getStaleReport,
  loadStaleReport,
} from './stale-report.ts';

const history = (dates: Record<string, string>, extra: Partial<GitHistory> = {}): GitHistory => ({
  available: true,
  shallow: false,
  revision: 'abc',
  lastChanged: new Map(Object.entries(dates).map(([file, date]) => [file, new Date(`${date}T12:00:00Z`)])),
  renamedFrom: new Map(),
  ...extra,
});

let root = '';
afterEach(() => root && removeTestSite(root));

describe('formatStaleSummary', () => {
  const report = {
    today: '2026-06-01',
    days: 365,
    checked: 3,
    translationsChecked: 0,
    rows: [],
    gitAvailable: true,
    shallow: false,
  };

  it('counts skipped files in words and names a command a new site has', () => {
    expect(formatStaleSummary({ ...report, skippedWithErrors: 1 }).split('\n')[1]).toBe(
      '1 file has content errors and is not in the report; run npx helpdesk-kit lint.',
    );
    expect(formatStaleSummary({ ...report, skippedWithErrors: 2 }).split('\n')[1]).toBe(
      '2 files have content errors and are not in the report; run npx helpdesk-kit lint.',
    );
  });
});

describe('getStaleReport', () => {
  const content = loadContent(CLEAN_FIXTURE);

  it('lists articles past reviewBy or unchanged for longer than the limit, oldest change first', () => {
    const report = getStaleReport(
      content,
      history({
        'content/articles/billing/refunds.md': '2024-01-10',
        'content/articles/account/reset-password.md': '2026-10-01',
      }),
      { today: '2030-03-01', days: 365 },
    );
    expect(report.rows.map((r) => [r.file, r.reasons.join('+'), r.daysSinceChange])).toEqual([
      ['content/articles/billing/refunds.md', 'review-overdue+unchanged', 2242],
      ['content/articles/account/reset-password.md', 'unchanged', 1247],
    ]);
    expect(formatStaleTable(report)).toMatchInlineSnapshot(`
      "Article                                     Owner          Last change  Review by   Why
      ------------------------------------------  -------------  -----------  ----------  --------------------------------------------------------------
      content/articles/billing/refunds.md         Billing team   2024-01-10   2030-01-31  review was due 2030-01-31; unchanged for 2242 days (limit 365)
      content/articles/account/reset-password.md  Accounts team  2026-10-01   2030-06-30  unchanged for 1247 days (limit 365)

      2 of 2 published articles need a review (reviewBy passed, or unchanged for more than 365 days).
      "
    `);
  });

  it('uses lint.staleAfterDays unless days are given, and reports nothing when all is fresh', () => {
    const report = getStaleReport(content, history({ 'content/articles/billing/refunds.md': '2029-06-01' }), {
      today: '2029-12-01',
    });
    expect(report.days).toBe(365);
    expect(report.rows).toEqual([]);
    expect(formatStaleTable(report)).toBe(
      '0 of 2 published articles need a review (reviewBy passed, or unchanged for more than 365 days).\n',
    );
  });

  it('prefers the updated field to the git date, and says when git is not available', () => {
    const root2 = createTestSite({
      'content/articles/billing/refunds.md': article(
        'Body.\n',
        'title: Get a refund\ndescription: How to ask for a refund and how long it takes, in a sentence or two.\nowner: Billing team\nupdated: 2020-01-01\n',
      ),
    });
    try {
      const report = getStaleReport(loadContent(root2), { ...history({}), available: false }, { today: '2026-01-01' });
      expect(report.rows.map((r) => [r.lastChanged, r.lastChangedFrom, r.reasons])).toEqual([
        ['2020-01-01', 'updated', ['unchanged']],
      ]);
      expect(formatStaleCsv(report)).toMatchInlineSnapshot(`
        "file,path,title,owner,reviewBy,lastChanged,daysSinceChange,reasons
        content/articles/billing/refunds.md,/billing/refunds/,Get a refund,Billing team,,2020-01-01,2192,unchanged
        "
      `);
    } finally {
      removeTestSite(root2);
    }
  });
});

describe('loadStaleReport', () => {
  it('reads last-change dates from git history', () => {
    root = createTestSite();
    const env = { ...process.env, GIT_AUTHOR_DATE: '2023-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2023-05-01T10:00:00Z' };
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
        { cwd: root, env, stdio: 'pipe' },
      );
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'old');
    const report = loadStaleReport(root, 'content', { today: '2025-01-01' });
    expect(report.rows.map((r) => [r.file, r.lastChanged, r.reasons])).toEqual([
      ['content/articles/account/reset-password.md', '2023-05-01', ['unchanged']],
      ['content/articles/billing/refunds.md', '2023-05-01', ['unchanged']],
    ]);
  });
});
