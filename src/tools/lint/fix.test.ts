import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../content/diagnostics.ts';
import { applyEdits, fixContent } from './fix.ts';
import { TEST_TODAY, article, createTestSite, removeTestSite } from '../../../test/helpers/lint-site.ts';

let root = '';
afterEach(() => removeTestSite(root));

describe('applyEdits', () => {
  it('applies edits from the end of the text and skips overlapping ones', () => {
    const edits = [
      { start: 1, end: 2, text: '' },
      { start: 4, end: 5, text: 'X' },
      { start: 4, end: 6, text: 'Y' },
    ];
    expect(applyEdits('a\u200Bbcdef', edits)).toEqual({ text: 'abcXef', applied: [edits[0], edits[1]] });
  });
});

describe('fixContent', () => {
  it('removes invisible and bidi characters, replaces homoglyphs, rewrites the file and reports what it fixed', async () => {
    root = createTestSite({
      'content/articles/billing/test.md': article(
        'Enter your p\u0430ssword\u200B here\u202E. Then\u2028go on.\n\nSee [gone](gone.md).\n',
      ),
    });
    const { fixed, files, result } = await fixContent({ root, today: TEST_TODAY, history: false });
    expect(files).toEqual(['content/articles/billing/test.md']);
    expect(fixed.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '7:12 homoglyph',
      '7:20 invisible-character',
      '7:26 bidi-control',
      '7:33 invisible-character',
    ]);
    expect(readFileSync(path.join(root, 'content/articles/billing/test.md'), 'utf8')).toContain(
      'Enter your password here. Then go on.',
    );
    expect(result.findings.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:9:5  error  gone.md does not exist (no file content/articles/billing/gone.md)  (broken-link)",
      ]
    `);
  });

  it('points links to redirected old paths at the page they redirect to', async () => {
    root = createTestSite({
      'content/articles/billing/test.md': article(
        'See [refunds](/old/refunds/#ask-for-a-refund), [pricing][p] and <a href="/old/account/">your account</a>.\n\n[p]: /legacy/pricing.html\n',
      ),
      'content/redirects.yaml': [
        '- from: /old/refunds/',
        '  to: /billing/refunds/',
        '- from: /legacy/pricing.html',
        '  to: https://example.com/pricing',
        '- from: /older/account/',
        '  to: /account/reset-password/',
        '- from: /old/account/',
        '  to: /older/account/',
        '',
      ].join('\n'),
    });
    const { fixed, files, result } = await fixContent({ root, today: TEST_TODAY, history: false });
    expect(files).toEqual(['content/articles/billing/test.md']);
    expect(fixed.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '7:5 redirected-link',
      '7:65 redirected-link',
      '9:1 redirected-link',
    ]);
    expect(readFileSync(path.join(root, 'content/articles/billing/test.md'), 'utf8')).toContain(
      'See [refunds](refunds.md#ask-for-a-refund), [pricing][p] and <a href="../account/reset-password.md">your account</a>.\n\n[p]: https://example.com/pricing\n',
    );
    expect(result.findings.map(formatDiagnostic)).toEqual([]);
  });

  it('leaves files without fixable findings untouched', async () => {
    root = createTestSite();
    const before = readFileSync(path.join(root, 'content/articles/billing/refunds.md'), 'utf8');
    const { files } = await fixContent({ root, today: TEST_TODAY, history: false });
    expect(files).toEqual([]);
    expect(readFileSync(path.join(root, 'content/articles/billing/refunds.md'), 'utf8')).toBe(before);
  });
});
