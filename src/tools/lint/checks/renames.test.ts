import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../content/diagnostics.ts';
import { lintContent } from '../lint-content.ts';
import { TEST_TODAY, createTestSite, removeTestSite } from '../../../../test/helpers/lint-site.ts';
import { getOldArticleUrl, getOldPaths } from './renames.ts';

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

  it('follows renames of renames and maps only article files to URLs', () => {
    const renamed = new Map([
      ['content/articles/a/c.md', ['content/articles/a/b.md']],
      ['content/articles/a/b.md', ['content/articles/old/a.md', 'content/drafts/x.md']],
    ]);
    const olds = getOldPaths(renamed, 'content/articles/a/c.md');
    expect(olds).toEqual(['content/articles/a/b.md', 'content/articles/old/a.md', 'content/drafts/x.md']);
    expect(olds.map((p) => getOldArticleUrl(p, 'content'))).toEqual(['/a/b/', '/old/a/', undefined]);
  });
});
