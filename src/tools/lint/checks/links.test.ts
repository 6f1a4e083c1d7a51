import { describe, expect, it } from 'vitest';
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '../../../content/diagnostics.ts';
import { lintContent } from '../lint-content.ts';
import {
  CLEAN_FIXTURE,
  TEST_TODAY,
  article,
  createTestSite,
  lintTestSite,
  removeTestSite,
} from '../../../../test/helpers/lint-site.ts';

const readFixture = (rel: string) => readFileSync(path.join(CLEAN_FIXTURE, rel), 'utf8');

const at = (body: string) => ({ 'content/articles/billing/test.md': article(body) });

describe('links and images', () => {
  it('accepts links to articles, headings, FAQs, categories, built-in pages and public files', async () => {
    const { lines } = await lintTestSite(
      at(
        [
          '[a](refunds.md) [b](refunds.md#ask-for-a-refund) [c](../account/reset-password.md#if-the-email-does-not-arrive)',
          '[d](/billing/refunds/#ask-for-a-refund) [e](/billing/refunds) [f](/account/) [g](/faq/#refund-time) [h](/search/) [i](/)',
          '[j](../../faqs/billing/refund-time.md) [k](/images/refund-form.png) [l](mailto:help@example.com) [m](#top-section)',
          '',
          '## Top section',
        ].join('\n'),
      ),
    );
    expect(lines).toEqual([]);
  });

  it('reports a link to an article that does not exist, with a suggestion', async () => {
    const { lines } = await lintTestSite(at('See [refunds](../account/refunds.md).\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  ../account/refunds.md does not exist (no file content/articles/account/refunds.md); did you mean refunds.md?  (broken-link)",
      ]
    `);
  });

  it('reports a site path that is not a page', async () => {
    const { lines } = await lintTestSite(at('See [refunds](/billing/refund/) and [shop](/shop/).\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  there is no article /billing/refund/; did you mean /billing/refunds/?  (broken-link)",
        "content/articles/billing/test.md:7:37  error  there is no page /shop/  (broken-link)",
      ]
    `);
  });

  it('reports an anchor that is not a heading of the target, listing its headings', async () => {
    const { lines } = await lintTestSite(at('See [refunds](refunds.md#refund-timing) and [here](#nowhere).\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  #refund-timing is not a heading in content/articles/billing/refunds.md; its headings are #ask-for-a-refund, #when-the-money-arrives--timing  (broken-anchor)",
        "content/articles/billing/test.md:7:45  error  #nowhere is not a heading in this page; it has no headings  (broken-anchor)",
      ]
    `);
  });

  it('reports FAQ anchors that are not FAQs', async () => {
    const { lines } = await lintTestSite(at('See [the FAQ](/faq/#refund-times).\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  /faq/#refund-times: there is no FAQ "refund-times"; FAQ anchors are the FAQ's file name, like /faq/#change-email  (broken-anchor)",
      ]
    `);
  });

  it('reports a link to a draft from a published article', async () => {
    const { lines } = await lintTestSite({
      ...at('See [the draft](draft.md).\n'),
      'content/articles/billing/draft.md': article(
        'Draft.\n',
        'title: Draft\ndescription: A draft article that is not published yet, so no one links to it.\nowner: Test team\ndraft: true\n',
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  draft.md is a draft, which is not published; the link would be broken on the live site  (broken-link)",
      ]
    `);
  });

  it('reports relative links that are neither Markdown files nor site paths', async () => {
    const { lines } = await lintTestSite(at('See [refunds](refunds/) and [nothing]().\n'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  error  refunds/ is a relative link the site cannot resolve; link to the Markdown file (refunds.md) or a site path (/billing/refunds/)  (broken-link)",
        "content/articles/billing/test.md:7:29  error  the link has no target; add the path between the parentheses  (broken-link)",
      ]
    `);
  });

  it('reports missing images and images without alt text', async () => {
    const { lines } = await lintTestSite(
      at(
        '![](/images/refund-form.png)\n\n![A chart](/images/chart.png)\n\n<img src="/images/refund-form.png">\n\n<img src="/images/refund-form.png" alt="">\n',
      ),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  error  the image /images/refund-form.png has no alt text; describe what it shows between the brackets, like ![The Security settings page](/images/refund-form.png)  (image-alt)",
        "content/articles/billing/test.md:9:1  error  /images/chart.png is not in public/ (no file public/images/chart.png); add the file or fix the name  (missing-image)",
        "content/articles/billing/test.md:11:1  error  the <img> /images/refund-form.png has no alt attribute; add alt="what it shows" (alt="" only for decoration)  (image-alt)",
      ]
    `);
  });

  it('reports links to domains that are not allowed, in Markdown, HTML and bare URLs', async () => {
    const { lines } = await lintTestSite(
      at(
        '[Cheap](https://cheap-pills.example/buy) <a href="http://spam.example">x</a> Visit www.casino.example today. [ok](https://help.example.com/x) [ok](https://www.example.com) [ok](https://status.example.net/)\n',
      ),
    );
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:1  warning  links to cheap-pills.example, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in content/site.yaml if it is trusted  (external-link)",
        "content/articles/billing/test.md:7:42  warning  links to spam.example, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in content/site.yaml if it is trusted  (external-link)",
        "content/articles/billing/test.md:7:84  warning  links to www.casino.example, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in content/site.yaml if it is trusted  (external-link)",
      ]
    `);
  });

  it('can turn a rule off in lint.rules', async () => {
    const { lines } = await lintTestSite({
      ...at('[Cheap](https://cheap-pills.example/buy)\n'),
      'content/site.yaml':
        'name: Example Help\nurl: https://help.example.com\nlint:\n  requireOwner: true\n  rules:\n    external-link: off\n',
    });
    expect(lines).toEqual([]);
  });

  it('counts old paths the site redirects as link targets, and names the link to write', async () => {
    const { lines } = await lintTestSite({
      ...at(
        [
          'See [old refunds](/old/refunds/#ask-for-a-refund), [pricing](/legacy/pricing.html), [help](/help-docs/),',
          '[gone](/old/refunds/#no-such-part) and [nowhere](/old/nowhere/).',
        ].join('\n') + '\n',
      ),
      'content/redirects.yaml':
        '- from: /legacy/pricing.html\n  to: https://example.com/pricing\n- from: /help-docs/\n  to: /account/\n',
      'content/articles/billing/refunds.md': readFixture('content/articles/billing/refunds.md').replace(
        'owner:',
        'redirectFrom: [/old/refunds/]\nowner:',
      ),
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/articles/billing/test.md:7:5  warning  /old/refunds/#ask-for-a-refund is an old path that redirects to /billing/refunds/; link to refunds.md#ask-for-a-refund instead (--fix does this)  (redirected-link)",
        "content/articles/billing/test.md:7:52  warning  /legacy/pricing.html is an old path that redirects to https://example.com/pricing; link to https://example.com/pricing instead (--fix does this)  (redirected-link)",
        "content/articles/billing/test.md:7:85  warning  /help-docs/ is an old path that redirects to /account/; link to /account/ instead (--fix does this)  (redirected-link)",
        "content/articles/billing/test.md:8:1  warning  /old/refunds/#no-such-part is an old path that redirects to /billing/refunds/; link to refunds.md#no-such-part instead (--fix does this)  (redirected-link)",
        "content/articles/billing/test.md:8:1  error  #no-such-part is not a heading in content/articles/billing/refunds.md; its headings are #ask-for-a-refund, #when-the-money-arrives--timing  (broken-anchor)",
        "content/articles/billing/test.md:8:40  error  there is no page /old/nowhere/  (broken-link)",
      ]
    `);
  });

  it("names the site's own content folder, base and articles in its messages", async () => {
    const root = createTestSite({
      ...at('See [a page](page.html), [old](/help/old/refunds/) and [x](../account/nothing.md).\n'),
      'content/site.yaml': 'name: Example Help\nurl: https://example.com\nbase: /help/\nlint:\n  requireOwner: true\n',
      'content/redirects.yaml': '- from: /old/refunds/\n  to: /billing/refunds/\n',
    });
    try {
      renameSync(path.join(root, 'content'), path.join(root, 'help-content'));
      const result = await lintContent({ root, contentDir: 'help-content', today: TEST_TODAY, history: false });
      expect(result.findings.map(formatDiagnostic)).toMatchInlineSnapshot(`
        [
          "help-content/articles/billing/refunds.md:23:131  warning  links to status.example.net, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in help-content/site.yaml if it is trusted  (external-link)",
          "help-content/articles/billing/test.md:7:5  error  page.html is a relative link the site cannot resolve; link to the Markdown file (refunds.md) or a site path (/billing/refunds/)  (broken-link)",
          "help-content/articles/billing/test.md:7:26  warning  /help/old/refunds/ is an old path that redirects to /help/billing/refunds/; link to refunds.md instead (--fix does this)  (redirected-link)",
          "help-content/articles/billing/test.md:7:56  error  ../account/nothing.md does not exist (no file help-content/articles/account/nothing.md)  (broken-link)",
        ]
      `);
    } finally {
      removeTestSite(root);
    }
  });
});

describe('links in translations', () => {
  const site = (missing: 'fallback' | 'omit') =>
    `${readFixture('content/site.yaml')}locales: [{ code: de }]\nmissingTranslation: ${missing}\n`;
  const translation = (body: string) => ({
    'content/de/articles/billing/refunds.md': article(
      `${body}\n\n## Abschnitt\n`,
      'title: Erstattungen\ndescription: Wie Sie eine Erstattung bekommen, und wie lange sie dauert, in zwei Sätzen.\nowner: Test team\n',
    ),
  });
  const linkLines = (lines: string[]) => lines.filter((l) => /\((broken-link|broken-anchor)\)$/.test(l));

  it("checks file links in the translation's language: its own pages, the originals shown in their place, and headings", async () => {
    const { lines } = await lintTestSite({
      'content/site.yaml': site('fallback'),
      ...translation(
        '[a](../account/reset-password.md) [b](../account/nothing.md) [c](#abschnitt) [d](#fehlt) [e](../../../articles/billing/refunds.md#ask-for-a-refund) [f](/de/anything/)',
      ),
    });
    expect(linkLines(lines)).toEqual([
      'content/de/articles/billing/refunds.md:7:35  error  ../account/nothing.md does not exist (no file content/de/articles/account/nothing.md or content/articles/account/nothing.md)  (broken-link)',
      expect.stringMatching(
        /^content\/de\/articles\/billing\/refunds\.md:7:\d+ {2}error {2}#fehlt .*\(broken-anchor\)$/,
      ),
    ]);
  });

  it('reports a link to a page the language leaves out (missingTranslation: omit)', async () => {
    const { lines } = await lintTestSite({
      'content/site.yaml': site('omit'),
      ...translation('[a](../account/reset-password.md)'),
    });
    expect(linkLines(lines)).toEqual([
      'content/de/articles/billing/refunds.md:7:1  error  ../account/reset-password.md has no translation in "de" (no file content/de/articles/account/reset-password.md), and this site leaves untranslated pages out of that language (missingTranslation: omit); translate it, or link to the original outside content/de/  (broken-link)',
    ]);
  });
});
