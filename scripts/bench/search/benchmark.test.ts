import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';
import { getBenchmarkReport, parseBenchmark, runBenchmark } from './benchmark.ts';

const known = new Set(['/account/reset-password/', '/billing/refund-timelines/', '/faq/#why-cant-i-log-in']);
const file = 'content/search-probes.yaml';
const parse = (text: string) => parseBenchmark(text, file, known);

describe('the search benchmark query file', () => {
  it('reads queries with their kind and line', () => {
    const { queries, diagnostics } = parse(
      '# comment\n- { query: reset password, expect: /account/reset-password/, kind: keyword }\n- query: 404\n  expect: "/faq/#why-cant-i-log-in"\n  kind: typo\n',
    );
    expect(diagnostics).toEqual([]);
    expect(queries).toEqual([
      { query: 'reset password', expect: '/account/reset-password/', kind: 'keyword', line: 2 },
      { query: '404', expect: '/faq/#why-cant-i-log-in', kind: 'typo', line: 3 },
    ]);
  });

  it('names the line, the field and the fix for each invalid query', () => {
    const { queries, diagnostics } = parse(
      [
        '- { query: reset password, expect: account/reset-password, kind: keyword }',
        '- { query: refunds, expect: /billing/refund-timelines/, kind: plurals }',
        '- { query: "", expect: /billing/refund-timelines/, kind: keyword, note: x }',
      ].join('\n'),
    );
    expect(queries).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:1:28  error  [0].expect: must be an article path like "/account/reset-password/" or a FAQ question like "/faq/#why-cant-i-log-in"  (search-probes)",
        "content/search-probes.yaml:2:57  error  [1].kind: expected one of "keyword", "question", "long", "typo", "plural", "hyphen", "faq-only", "customer-words", "symptom", received "plurals"  (search-probes)",
        "content/search-probes.yaml:3:5  error  [2].query: must not be empty  (search-probes)",
        "content/search-probes.yaml:3:67  error  [2]: unknown field "note"  (search-probes)",
      ]
    `);
  });

  it('rejects a query listed twice, whatever its case', () => {
    const { diagnostics } = parse(
      '- { query: reset password, expect: /account/reset-password/, kind: keyword }\n- { query: Reset Password, expect: /account/reset-password/, kind: keyword }\n',
    );
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:2:5  error  [1].query: "Reset Password" is already listed as probe 1; remove one of them  (search-probes)",
      ]
    `);
  });

  it('rejects an expected page that does not exist and suggests the closest one', () => {
    const { diagnostics } = parse('- { query: reset, expect: /account/reset-pasword/, kind: keyword }\n');
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:1:19  error  [0].expect: "/account/reset-pasword/" is not a published article or FAQ question; use an article path like "/account/reset-password/" or "/faq/#<faq file name>" (did you mean "/account/reset-password/"?)  (search-probes)",
      ]
    `);
  });

  it('reports a YAML syntax error with its position', () => {
    const { diagnostics } = parse('- { query: reset, expect: /account/reset-password/\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file, severity: 'error', ruleId: 'yaml-syntax' });
    expect(diagnostics[0]!.message).toMatch(/^the YAML does not parse: /);
  });
});

describe('probes with a language', () => {
  const pages = {
    defaultLanguage: 'en',
    byLanguage: new Map([
      ['en', known],
      ['de', new Set(['/de/account/reset-password/'])],
    ]),
  };

  it('keeps the language, checks the page in it and searches that language', async () => {
    const { queries, diagnostics } = parseBenchmark(
      '- { query: reset password, expect: /account/reset-password/, kind: keyword }\n' +
        '- { query: Passwort vergessen, expect: /de/account/reset-password/, language: de, kind: keyword }\n',
      file,
      pages,
    );
    expect(diagnostics).toEqual([]);
    expect(queries.map((q) => q.language)).toEqual([undefined, 'de']);
    const searched: Array<[string, string | undefined]> = [];
    const outcomes = await runBenchmark(queries, async (q, language) => {
      searched.push([q, language]);
      return language === 'de' ? ['/de/account/reset-password/'] : ['/account/reset-password/'];
    });
    expect(searched).toEqual([
      ['reset password', undefined],
      ['Passwort vergessen', 'de'],
    ]);
    expect(outcomes.map((o) => o.rank)).toEqual([1, 1]);
  });

  it('names a page of another language, and a language the site does not have', () => {
    const { diagnostics } = parseBenchmark(
      '- { query: Passwort, expect: /account/reset-password/, language: de, kind: keyword }\n' +
        '- { query: mot de passe, expect: /account/reset-password/, language: fr, kind: keyword }\n',
      file,
      pages,
    );
    expect(diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:2:3  error  [1].language: "fr" is not a language of the site (en, de)  (search-probes)",
        "content/search-probes.yaml:1:22  error  [0].expect: "/account/reset-password/" is a page in en, not in de; remove its "language" or expect the de page  (search-probes)",
      ]
    `);
  });
});

describe('the search benchmark figures', () => {
  it('computes hit@1, hit@3, MRR over the top 10 and misses, overall and per kind', async () => {
    const { queries } = parse(
      [
        '- { query: a, expect: /account/reset-password/, kind: keyword }',
        '- { query: b, expect: /account/reset-password/, kind: keyword }',
        '- { query: c, expect: /account/reset-password/, kind: typo }',
        '- { query: d, expect: /account/reset-password/, kind: typo }',
      ].join('\n'),
    );
    const ranked: Record<string, string[]> = {
      a: ['/account/reset-password/'],
      b: ['/x/', '/account/reset-password/'],
      c: ['/x/', '/y/', '/z/', '/account/reset-password/'],
      d: [],
    };
    const report = getBenchmarkReport(await runBenchmark(queries, async (q) => ranked[q] ?? []));
    expect(report).toMatchObject({ queries: 4, hitAt1: 0.25, hitAt3: 0.5, mrr: 0.438, misses: 2 });
    expect(report.byKind).toEqual({
      keyword: { queries: 2, hitAt1: 0.5, hitAt3: 1, mrr: 0.75, misses: 0 },
      typo: { queries: 2, hitAt1: 0, hitAt3: 0, mrr: 0.125, misses: 2 },
    });
    expect(report.outcomes.map((o) => o.rank)).toEqual([1, 2, 4, null]);
  });
});
