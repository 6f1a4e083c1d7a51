import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkCallouts } from './remark-callouts.ts';
import { remarkTabs } from './remark-tabs.ts';

const toHtml = async (md: string) =>
  String(
    await remark()
      .use(remarkDirective)
      .use(remarkTabs)
      .use(remarkCallouts)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(md),
  );

describe('remarkTabs', () => {
  it('renders every panel under its label, so the page reads whole without the script', async () => {
    const html = await toHtml('::::tabs\n:::tab[macOS]\nOpen **Finder**.\n:::\n:::tab[Windows]\nOpen Explorer.\n:::\n::::');
    expect(html).toBe(
      '<div class="tabs"><div class="tab-panel"><p class="tab-label"><strong>macOS</strong></p><p>Open <strong>Finder</strong>.</p></div>' +
        '<div class="tab-panel"><p class="tab-label"><strong>Windows</strong></p><p>Open Explorer.</p></div></div>',
    );
  });

  it('marks a synchronised group for the script', async () => {
    const html = await toHtml('::::tabs{group="os"}\n:::tab[A]\nx\n:::\n::::');
    expect(html).toContain('<div class="tabs" data-tabs-group="os">');
  });

  it('keeps callouts, code and lists inside a tab', async () => {
    const html = await toHtml('::::tabs\n:::tab[CLI]\n```sh\nnpm i\n```\n\n:::note\nNeeds Node.\n:::\n:::\n::::');
    expect(html).toContain('<pre><code class="language-sh">npm i\n</code></pre>');
    expect(html).toContain('<aside class="callout callout-note">');
  });

  it('names a tab without a label by its position and shows a tab outside tabs as a labelled block', async () => {
    expect(await toHtml('::::tabs\n:::tab\nx\n:::\n::::')).toContain('<strong>Tab 1</strong>');
    expect(await toHtml(':::tab[Alone]\ny\n:::')).toBe(
      '<div class="tab-panel"><p class="tab-label"><strong>Alone</strong></p><p>y</p></div>',
    );
  });
});
