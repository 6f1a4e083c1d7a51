import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatFixed, formatReport, formatSummary } from './format.ts';
import type { LintResult } from './lint-content.ts';

const result: Omit<LintResult, 'content'> = {
  findings: [
    {
      file: 'content/articles/a/b.md',
      line: 3,
      column: 7,
      severity: 'error',
      ruleId: 'broken-link',
      message: 'there is no page /x/, see: 100%',
    },
    {
      file: 'content/faqs/a/c.md',
      line: 2,
      column: 1,
      severity: 'warning',
      ruleId: 'similar-faq',
      message: 'two\nlines',
      fix: [{ start: 0, end: 1, text: '' }],
    },
  ],
  settingsErrors: [],
  fileCount: 12,
  errorCount: 1,
  warningCount: 1,
  timings: { loadMs: 0, parseMs: 0, checkMs: 0, parsed: 0, parsedOnWorkers: 0 },
};

describe('output formats', () => {
  it('prints one line per finding and a summary', () => {
    expect(formatReport('text', { result })).toMatchInlineSnapshot(`
      "content/articles/a/b.md:3:7  error  there is no page /x/, see: 100%  (broken-link)
      content/faqs/a/c.md:2:1  warning  two
      lines  (similar-faq)
      12 files checked: 1 error, 1 warning
      "
    `);
  });

  it('says what --fix repaired without the advice to repair it', () => {
    const finding = {
      file: 'a.md',
      line: 1,
      column: 2,
      severity: 'error' as const,
      ruleId: 'invisible-character',
      message: 'U+200B ZERO WIDTH SPACE: invisible; delete it (--fix does)',
    };
    expect(formatFixed(finding)).toBe('a.md:1:2  fixed  U+200B ZERO WIDTH SPACE: invisible  (invisible-character)');
  });

  it('says when there are no problems, and how many were fixed', () => {
    expect(formatSummary({ ...result, findings: [], errorCount: 0, warningCount: 0, fileCount: 1 }, 2)).toBe(
      '1 file checked: no problems; fixed 2 problems',
    );
  });

  it('prints GitHub workflow annotations with escaped properties and messages', () => {
    expect(result.findings.map(formatAnnotation)).toMatchInlineSnapshot(`
      [
        "::error file=content/articles/a/b.md,line=3,col=7,title=broken-link::there is no page /x/, see: 100%25",
        "::warning file=content/faqs/a/c.md,line=2,col=1,title=similar-faq::two%0Alines",
      ]
    `);
  });

  it('prints JSON with the findings, what was fixed and a summary', () => {
    const json = JSON.parse(formatReport('json', { result, fixed: [result.findings[1]!] }));
    expect(json.summary).toEqual({ files: 12, errors: 1, warnings: 1, fixed: 1 });
    expect(json.findings[1]).toEqual({
      file: 'content/faqs/a/c.md',
      line: 2,
      column: 1,
      severity: 'warning',
      ruleId: 'similar-faq',
      message: 'two\nlines',
      fixable: true,
    });
  });
});
