import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../content/diagnostics.ts';
import { lintContent } from './lint-content.ts';
import { BUILD_RULE_IDS, RULES, RULE_IDS, isConfigurable } from './rules.ts';
import {
  CLEAN_FIXTURE,
  TEST_TODAY,
  article,
  createTestSite,
  lintTestSite,
  removeTestSite,
} from '../../../test/helpers/lint-site.ts';

const SITE =
  'name: Example Help\nurl: https://help.example.com\nlint:\n  requireOwner: true\n  allowedDomains: [status.example.net]\n';

describe('lintContent', () => {
  it('finds nothing in the clean fixture', async () => {
    const result = await lintContent({ root: CLEAN_FIXTURE, today: TEST_TODAY, history: false });
    expect(result.findings).toEqual([]);
    expect(result.fileCount).toBe(4);
  });

  it('reports what the content loader finds, at the field, with the loader rule ids', async () => {
    const { lines } = await lintTestSite({
      'content/articles/billing/test.md': article(
        'Body.\n',
        'title: Test\ndescription: A test article that says what it helps with in a sentence or two.\nowner: Test team\nreviewBy: 2026-13-01\n',
      ),
      'content/articles/billing/test-two.md': article(
        'Body.\n',
        'title: Two\ndescription: A second test article that says what it helps with in a sentence.\nowner: Test team\nrelated: [refund]\n',
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test-two.md:5:11  error  related: "refund" is not an article id; use the file name of an article without its extension (did you mean "refunds"?)  (unknown-related)",
        "content/articles/billing/test.md:5:1  error  reviewBy: is not a real calendar date  (frontmatter-schema)",
      ]
    `);
  });

  it('reports each content-loader rule and the redirect errors the build checks', async () => {
    const settings = await lintTestSite({
      'content/site.yaml': 'name: Example Help\nurl: not a url\n',
      'content/categories.yaml':
        '- id: billing\n  title: Billing\n  description: d\n- id: billing\n  title: Again\n  description: d\n',
    });
    expect(settings.lines.filter((l) => /^content\/(site|categories)\.yaml:/.test(l))).toMatchInlineSnapshot(`
      [
        "content/categories.yaml:4:3  error  [1].id: duplicate category id "billing"  (categories)",
        "content/site.yaml:2:1  error  url: must be a full URL like https://help.example.com  (site-settings)",
      ]
    `);
    const { result } = await lintTestSite({
      'content/articles/billing/bad-yaml.md': '---\ntitle: [unclosed\n---\n\nBody.\n',
      'content/articles/billing/no-frontmatter.md': 'Just text.\n',
      'content/articles/billing/deep/deeper/nested.md': article('Body.\n'),
      'content/articles/billing/undeclared/in-a-section.md': article(
        'Body.\n',
        'title: In a section\ndescription: An article in a section folder its category does not declare, in a sentence.\nowner: Test team\n',
      ),
      'content/articles/billing/Bad_Name.md': article('Body.\n'),
      'content/articles/shop/elsewhere.md': article(
        'Body.\n',
        'title: Elsewhere\ndescription: An article in a folder that is not a category, said in a sentence.\nowner: Test team\nredirectFrom: [/shop/old/]\n',
      ),
      'content/articles/account/refunds.md': article(
        'Body.\n',
        'title: Refunds twice\ndescription: An article whose file name another category already uses, in a sentence.\nowner: Test team\nredirectFrom: [/billing/]\n',
      ),
    });
    const rules = new Set(result.findings.map((f) => f.ruleId));
    expect([...rules].sort()).toEqual(
      [
        'duplicate-slug',
        'file-location',
        'file-name',
        'frontmatter-missing',
        'redirect-conflict',
        'redirect-target',
        'unknown-category',
        'unknown-section',
        'yaml-syntax',
      ].sort(),
    );
  });

  it('positions body findings in the file, after the frontmatter', async () => {
    const { result } = await lintTestSite({
      'content/articles/billing/test.md': article('Line one.\n\n## Two\n\nSee [x](missing.md).\n'),
    });
    expect(result.findings.map((f) => [f.line, f.column])).toEqual([[11, 5]]);
  });

  it('makes a rule a warning or turns it off as lint.rules says', async () => {
    const files = { 'content/articles/billing/test.md': article('# Title again\n\n#### Deep\n') };
    const { lines } = await lintTestSite({
      ...files,
      'content/site.yaml': `${SITE}  rules:\n    heading-h1: warning\n    heading-level-skip: off\n`,
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  warning  "Title again" is a level-1 heading; the title is the page's only h1, so start body headings at ## (level 2)  (heading-h1)",
      ]
    `);
  });

  it('rejects lint.rules entries for unknown rules and for rules the build enforces, with their position', async () => {
    const { result } = await lintTestSite({
      'content/site.yaml': `${SITE}  rules:\n    broken-links: off\n    frontmatter-schema: warning\n`,
    });
    expect(result.settingsErrors.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "content/site.yaml:7:5  error  lint.rules: there is no rule "broken-links" (did you mean "broken-link"?); see node_modules/helpdesk-kit/docs/writer-tooling.md for the rule ids  (lint-settings)",
        "content/site.yaml:8:5  error  lint.rules: "frontmatter-schema" cannot be changed because the build fails on it too; fix the content instead  (lint-settings)",
      ]
    `);
  });

  it('reports only findings under the given paths when asked', async () => {
    const files = {
      'content/articles/billing/test.md': article('# One\n'),
      'content/articles/account/test-two.md': article(
        '# Two\n',
        'title: Two\ndescription: A second test article that says what it helps with in a sentence.\nowner: Test team\n',
      ),
    };
    const { result } = await lintTestSite(files, { only: ['content/articles/account'] });
    expect(result.findings.map((f) => f.file)).toEqual(['content/articles/account/test-two.md']);
  });
});

describe('the parse cache', () => {
  it('parses only files whose text changed since the last run, with the same findings', async () => {
    const root = createTestSite({ 'content/articles/billing/test.md': article('# One\n') });
    try {
      const options = { root, today: TEST_TODAY, history: false as const, cacheFile: '.cache/lint-content.json' };
      const first = await lintContent(options);
      const second = await lintContent(options);
      writeFileSync(path.join(root, 'content/articles/billing/test.md'), article('# Two\n'));
      const third = await lintContent(options);
      expect([first.timings.parsed, second.timings.parsed, third.timings.parsed]).toEqual([5, 0, 1]);
      expect(second.findings).toEqual(first.findings);
      expect(third.findings.map((f) => f.message)).toEqual([expect.stringContaining('"Two" is a level-1 heading')]);
    } finally {
      removeTestSite(root);
    }
  });
});

describe('the rule catalogue', () => {
  it('has every rule id that the content loader and the redirect check emit', () => {
    const sources = ['../../content/load.ts', '../../content/redirects.ts'].map((p) =>
      readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8'),
    );
    const emitted = new Set<string>();
    for (const source of sources) {
      for (const m of source.matchAll(/ruleId: '([a-z-]+)'/g)) emitted.add(m[1]!);
      for (const m of source.matchAll(/diagnostics, '([a-z-]+)'\)/g)) emitted.add(m[1]!);
    }
    expect(emitted.size).toBeGreaterThan(8);
    expect([...emitted].filter((id) => !RULE_IDS.includes(id as never))).toEqual([]);
  });

  it('checks content/redirects.yaml as the build does, at the line of the entry', async () => {
    const { lines } = await lintTestSite({
      'content/redirects.yaml': [
        '- from: /old/refunds/',
        '  to: /billing/refunds/',
        '- from: /account/',
        '  to: /billing/',
        '- from: /old/plans/',
        '  to: /billing/plans/',
        '- from: /old/refunds/',
        '  to: https://example.com/refunds',
        '',
      ].join('\n'),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/redirects.yaml:3:3  error  "/account/" is a live page (the "Your account" category page); a redirect there would hide it, so remove this entry  (redirect-conflict)",
        "content/redirects.yaml:5:3  error  "/old/plans/" would redirect to /billing/plans/, which is not a page of this site; point it at an article path or a full URL  (redirect-target)",
        "content/redirects.yaml:7:3  error  "/old/refunds/" is also claimed by content/redirects.yaml; an old path can redirect to one place only, so remove one  (redirect-duplicate)",
      ]
    `);
    const malformed = await lintTestSite({ 'content/redirects.yaml': '- from: old/path\n  to: /billing/\n' });
    expect(malformed.lines).toMatchInlineSnapshot(`
      [
        "content/redirects.yaml:1:3  error  [0].from: must be a site path starting with "/", without query or fragment, like "/billing/old-name/"  (redirect-target)",
      ]
    `);
    const broken = await lintTestSite({ 'content/redirects.yaml': '- from: /old/\n  to: [/billing/\n' });
    expect(broken.lines).toMatchInlineSnapshot(`
      [
        "content/redirects.yaml:3:1  error  the YAML does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]; check indentation, colons and quotes on this line  (yaml-syntax)",
      ]
    `);
  });

  it('checks content/search-probes.yaml: its schema with the fix, and each expected page, named with the closest', async () => {
    const probes = [
      '- { query: reset password, expect: /account/reset-password/ }',
      '- { query: refunds, expect: /billing/refund/ }',
      '- { query: email, expect: "/faq/#change-email" }',
      '- { query: Passwort, expect: /account/reset-password/, language: de }',
    ].join('\n');
    const { lines, result } = await lintTestSite({ 'content/search-probes.yaml': probes });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:2:21  error  [1].expect: "/billing/refund/" is not a published article or FAQ question; use an article path like "/account/reset-password/" or "/faq/#<faq file name>" (did you mean "/billing/refunds/"?)  (search-probes)",
        "content/search-probes.yaml:4:3  error  [3].language: "de" is not a language of the site (en)  (search-probes)",
      ]
    `);
    expect(result.fileCount).toBe(5);
    const schema = await lintTestSite({
      'content/search-probes.yaml':
        '- { query: refunds, expect: billing/refunds }\n- { query: "", expect: /billing/refunds/, note: x }\n',
    });
    expect(schema.lines).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:1:21  error  [0].expect: must be an article path like "/account/reset-password/" or a FAQ question like "/faq/#why-cant-i-log-in"  (search-probes)",
        "content/search-probes.yaml:2:5  error  [1].query: must not be empty  (search-probes)",
        "content/search-probes.yaml:2:43  error  [1]: unknown field "note"  (search-probes)",
      ]
    `);
    const syntax = await lintTestSite({
      'content/search-probes.yaml': '- { query: refunds, expect: /billing/refunds/\n',
    });
    expect(syntax.lines).toMatchInlineSnapshot(`
      [
        "content/search-probes.yaml:2:1  error  the YAML does not parse: Flow map in block collection must be sufficiently indented and end with a }; write one probe per line, like "- { query: refund, expect: /billing/refunds/ }"  (yaml-syntax)",
      ]
    `);
    // The rule can be turned off like the linter's own; no probes file is no finding.
    const off = await lintTestSite({
      'content/search-probes.yaml': probes,
      'content/site.yaml':
        'name: Example Help\nurl: https://help.example.com\nlint:\n  requireOwner: true\n  allowedDomains: [status.example.net]\n  rules:\n    search-probes: off\n',
    });
    expect(off.lines).toEqual([]);
  });

  it('is documented rule by rule, with the default severity and whether the build runs it, in docs/writer-tooling.md', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../docs/writer-tooling.md', import.meta.url)), 'utf8');
    const missing = RULE_IDS.filter((id) => {
      const severity = `${RULES[id].defaultSeverity}${BUILD_RULE_IDS.includes(id) ? ', build' : ''}`;
      return !new RegExp(`^\\| \`${id}\` \\| ${severity} \\|`, 'm').test(docs);
    });
    expect(missing).toEqual([]);
  });

  it("lets lint.rules change only the linter's own rules", () => {
    expect(RULE_IDS.filter(isConfigurable)).not.toContain('frontmatter-schema');
    expect(RULE_IDS.filter(isConfigurable)).toContain('broken-link');
  });
});
