import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../content/diagnostics.ts';
import { lintContent } from '../lint-content.ts';
import { TEST_TODAY, createTestSite, removeTestSite } from '../../../../test/helpers/lint-site.ts';
import { getOldArticleUrl, getOldPaths } from './renames.ts';

const SECTIONED_CATEGORIES =
  '- id: billing\n  title: Billing\n  description: Payments, invoices and refunds.\n  sections:\n    - id: cards\n      title: Cards\n    - id: money-back\n      title: Money back\n- id: account\n  title: Your account\n  description: Sign in and keep your account secure.\n';

/** A test site whose billing category has sections, where refunds.md moves from the cards section to money-back. */
function createSectionMoveSite(): string {
  root = createTestSite({ 'content/categories.yaml': SECTIONED_CATEGORIES });
  const section = (name: string) => path.join(root, 'content/articles/billing', name);
  execFileSync('mkdir', ['-p', section('cards'), section('money-back')]);
  // One folder deeper: the article's own relative link gains a "../".
  writeFileSync(
    section('cards/refunds.md'),
    readFileSync(section('refunds.md'), 'utf8').replace('](../account/', '](../../account/'),
  );
  execFileSync('rm', [section('refunds.md')]);
  const faq = path.join(root, 'content/faqs/billing/refund-time.md');
  writeFileSync(faq, readFileSync(faq, 'utf8').replace('billing/refunds.md', 'billing/cards/refunds.md'));
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'first');
  git(root, 'mv', 'content/articles/billing/cards/refunds.md', 'content/articles/billing/money-back/refunds.md');
  writeFileSync(faq, readFileSync(faq, 'utf8').replace('billing/cards/refunds.md', 'billing/money-back/refunds.md'));
  git(root, 'commit', '-q', '-am', 'move to another section');
  return root;
}

const git = (root: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd: root, stdio: 'pipe' },
  );

let root = '';
afterEach(() => removeTestSite(root));

/** A test site in its own git repository, where refunds.md is then moved to money-back.md in a second commit. */
function createMovedSite(): string {
  root = createTestSite();
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'first');
  git(root, 'mv', 'content/articles/billing/refunds.md', 'content/articles/billing/money-back.md');
  // The article's own link to itself moves with it.
  const file = path.join(root, 'content/articles/account/reset-password.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('/billing/refunds/', '/billing/money-back/')
      .replace('related: [refunds]', 'related: [money-back]'),
  );
  const faq = path.join(root, 'content/faqs/billing/refund-time.md');
  writeFileSync(faq, readFileSync(faq, 'utf8').replace('refunds.md', 'money-back.md'));
  git(root, 'commit', '-q', '-am', 'move');
  return root;
}

describe('missing-redirect', () => {
  it('reports an article that git shows was moved when its old URL is not in redirectFrom', async () => {
    createMovedSite();
    const result = await lintContent({ root, today: TEST_TODAY });
    expect(result.findings.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/money-back.md:2:1  warning  git shows this article was moved from content/articles/billing/refunds.md; add "/billing/refunds/" to redirectFrom so links to the old URL keep working  (missing-redirect)",
      ]
    `);
  });

  it('is satisfied once the old URL is listed in redirectFrom', async () => {
    createMovedSite();
    const file = path.join(root, 'content/articles/billing/money-back.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'owner: Billing team',
        'owner: Billing team\nredirectFrom: [/billing/refunds]',
      ),
    );
    const result = await lintContent({ root, today: TEST_TODAY });
    expect(result.findings).toEqual([]);
  });

  it('asks for no redirect when git shows an article moved between sections: its URL stayed', async () => {
    createSectionMoveSite();
    const result = await lintContent({ root, today: TEST_TODAY });
    expect(result.findings.map(formatDiagnostic)).toEqual([]);
  });

  it('follows renames of renames and maps only article files to URLs', () => {
    const renamed = new Map([
      ['content/articles/a/c.md', ['content/articles/a/b.md']],
      ['content/articles/a/b.md', ['content/articles/old/a.md', 'content/drafts/x.md']],
    ]);
    const olds = getOldPaths(renamed, 'content/articles/a/c.md');
    expect(olds).toEqual(['content/articles/a/b.md', 'content/articles/old/a.md', 'content/drafts/x.md']);
    expect(olds.map((p) => getOldArticleUrl(p, 'content'))).toEqual(['/a/b/', '/old/a/', undefined]);
    expect(getOldArticleUrl('content/articles/billing/cards/refunds.md', 'content')).toBe('/billing/refunds/');
    expect(getOldArticleUrl('content/articles/billing/cards/old/refunds.md', 'content')).toBeUndefined();
  });
});

describe('redirect-unneeded', () => {
  it('reports a redirectFrom path that spells out a section, and the own path, as not needed', async () => {
    createSectionMoveSite();
    const file = path.join(root, 'content/articles/billing/money-back/refunds.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'owner: Billing team',
        'owner: Billing team\nredirectFrom: [/billing/cards/refunds/, /billing/refunds/, /billing/old-refunds/]',
      ),
    );
    const result = await lintContent({ root, today: TEST_TODAY });
    expect(result.findings.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/money-back/refunds.md:5:16  warning  redirectFrom: "/billing/cards/refunds/" is not needed: a section is not part of any URL, so moving an article between sections keeps its URL (/billing/refunds/); remove it  (redirect-unneeded)",
        "content/articles/billing/money-back/refunds.md:5:41  warning  redirectFrom: "/billing/refunds/" is this article's own path, so it redirects nowhere (moving an article between sections keeps its URL); remove it  (redirect-unneeded)",
      ]
    `);
  });
});
