/** `importContent` with --split-faq: FAQ files per question, redirects that keep old anchors, links to them. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../content/diagnostics.ts';
import { lintContent } from '../lint/lint-content.ts';
import { formatImportReport } from './format-summary.ts';
import { importContent } from './import-content.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures');
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function importHugo(splitFaq: boolean) {
  root = mkdtempSync(path.join(tmpdir(), 'import-split-faq-'));
  const outDir = path.join(root, 'content');
  const result = importContent({ source: path.join(fixtures, 'import-hugo'), from: 'hugo', outDir, splitFaq });
  const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
  return { result, read };
}

describe('importContent --split-faq', () => {
  it('writes one FAQ per question, the old heading ids as slugs, and keeps the page out of the articles', () => {
    const { result, read } = importHugo(true);
    const faqs = result.files.map((f) => f.path).filter((f) => f.startsWith('content/faqs/'));
    expect(faqs).toEqual([
      'content/faqs/account/how-do-i-reset-my-password.md',
      'content/faqs/account/two-accounts.md',
      'content/faqs/account/what-does-api-key-mean-and-where-s-mine.md',
    ]);
    expect(existsSync(path.join(root, 'content/articles/account/faq.md'))).toBe(false);
    expect(read('content/faqs/account/two-accounts.md')).toBe(
      [
        '---',
        'question: Can I have two accounts?',
        'order: 402',
        '---',
        '',
        'Yes, one per email address. If you forgot your password, see [resetting it](how-do-i-reset-my-password.md).',
        '',
        '## With one email address',
        '',
        'Use a plus address, like `me+work@example.com`, for the second account.',
        '',
      ].join('\n'),
    );
    // Links inside an answer are rewritten from the FAQ file's place, to the article and to the sibling FAQ.
    expect(read('content/faqs/account/how-do-i-reset-my-password.md')).toContain(
      '[install a new key](../../articles/account/install.md#keys)',
    );
    expect(read('content/faqs/account/what-does-api-key-mean-and-where-s-mine.md')).toContain(
      '[two accounts](two-accounts.md)',
    );
    // Links from other pages to page#question go to that FAQ; to the page itself, to its category.
    expect(read('content/articles/getting-started/4-2.md')).toContain(
      'See [two accounts](../../faqs/account/two-accounts.md) and [the account questions](/account/).',
    );
  });

  it("redirects the old paths to the category page (the build's redirect pages keep the #anchor)", () => {
    const { result, read } = importHugo(true);
    expect(parse(read('content/redirects.yaml'))).toEqual([
      { from: '/docs/account/faq/', to: '/account/' },
      { from: '/old/account-faq/', to: '/account/' },
    ]);
    expect(existsSync(path.join(root, 'public/docs/account/faq/index.html'))).toBe(false);
    const report = formatImportReport(result, { dryRun: false, contentDir: 'content' });
    expect(report).toContain(
      'content/docs/account/faq.md -> 3 FAQs: content/faqs/account/how-do-i-reset-my-password.md, content/faqs/account/two-accounts.md, content/faqs/account/what-does-api-key-mean-and-where-s-mine.md; redirects /docs/account/faq/ -> /account/, /old/account-faq/ -> /account/ in content/redirects.yaml',
    );
    expect(report).toContain('#what-does-api-key-mean--and-wheres-mine -> #what-does-api-key-mean-and-where-s-mine');
    expect(report).toMatch(/1 pages split into 3 FAQs/);
  });

  it('leaves content the linter and the build accept', async () => {
    importHugo(true);
    const lint = await lintContent({ root, history: false });
    expect(lint.findings.filter((f) => f.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(lint.content.faqs.map((f) => f.id)).toEqual([
      'how-do-i-reset-my-password',
      'two-accounts',
      'what-does-api-key-mean-and-where-s-mine',
    ]);
  });

  it('is the same on a second run, and keeps the page an article without --split-faq', () => {
    const first = importHugo(true);
    const again = importContent({
      source: path.join(fixtures, 'import-hugo'),
      from: 'hugo',
      outDir: path.join(root, 'content'),
      splitFaq: true,
    });
    expect(again.kept).toEqual([]);
    const faqFiles = (files: typeof again.files) => files.filter((f) => f.path.startsWith('content/faqs/'));
    expect(faqFiles(again.files).map((f) => f.path)).toEqual(faqFiles(first.result.files).map((f) => f.path));
    expect(again.files.filter((f) => f.exists)).toEqual([]);
    // The redirects are in redirects.yaml already: nothing is added twice.
    expect(again.files.map((f) => f.path)).not.toContain('content/redirects.yaml');
    rmSync(root, { recursive: true, force: true });
    const { result } = importHugo(false);
    expect(result.files.map((f) => f.path)).toContain('content/articles/account/faq.md');
    expect(result.summary.faqSplits).toEqual([]);
    expect(result.summary.faqNotSplit).toEqual([
      {
        origin: 'content/docs/account/faq.md',
        message: 'a page of 3 questions: --split-faq makes each a FAQ entry',
      },
    ]);
  });

  it('lists pages with question headings that are not FAQ-shaped, and keeps them articles', () => {
    root = mkdtempSync(path.join(tmpdir(), 'import-split-faq-'));
    const result = importContent({
      source: path.join(fixtures, 'import-jekyll'),
      from: 'jekyll',
      outDir: path.join(root, 'content'),
      splitFaq: true,
      dryRun: true,
    });
    expect(result.summary.faqNotSplit).toEqual([
      {
        origin: '_docs/Setup/troubleshooting.md',
        message: 'kept as an article: the heading "Logs" is not a question, so the page stays whole',
      },
    ]);
    expect(result.files.map((f) => f.path)).toContain('content/articles/docs/setup/troubleshooting.md');
  });
});
