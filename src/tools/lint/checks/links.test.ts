import { describe, expect, it } from 'vitest';
import { article, lintTestSite } from '../../../../test/helpers/lint-site.ts';

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
        "content/articles/billing/test.md:7:5  error  refunds/ is a relative link the site cannot resolve; link to the Markdown file (../billing/refunds.md) or a site path (/billing/refunds/)  (broken-link)",
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
});
