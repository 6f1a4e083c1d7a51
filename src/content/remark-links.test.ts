import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RemarkLinksOptions } from './remark-links.ts';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';

const contentDir = path.resolve('/site/content');
describe.each(MARKDOWN_PROCESSORS)('content links (%s)', (processor) => {
  const hrefs = async (file: string, md: string, links: Partial<RemarkLinksOptions> = {}) => {
    const { code } = await renderMarkdown(md, {
      processor,
      file: path.join(contentDir, file),
      links: { localeFolders: ['de'], ...links },
    });
    return [...code.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  };
  it('turns file links into page URLs with the base', async () => {
    expect(
      await hrefs('articles/account/reset.md', '[a](../billing/refunds.md#timeline) [b](../../faqs/billing/fees.md)', {
        base: '/help/',
      }),
    ).toEqual(['/help/billing/refunds/#timeline', '/help/faq/#fees']);
  });

  it("keeps a translation's file links in its language, and one that leaves the language's folder in the default language", async () => {
    expect(
      await hrefs(
        'de/articles/account/reset.md',
        '[a](../billing/refunds.md) [b](../../faqs/billing/fees.md) [c](../../../articles/billing/refunds.md) [d](/billing/)',
      ),
    ).toEqual(['/de/billing/refunds/', '/de/faq/#fees', '/billing/refunds/', '/billing/']);
  });

  it("gives the default language's links its prefix when every language has one", async () => {
    expect(await hrefs('articles/account/reset.md', '[a](../billing/refunds.md)', { defaultPrefix: 'en' })).toEqual([
      '/en/billing/refunds/',
    ]);
    expect(
      await hrefs('de/articles/account/reset.md', '[c](../../../articles/billing/refunds.md)', { defaultPrefix: 'en' }),
    ).toEqual(['/en/billing/refunds/']);
  });
});
