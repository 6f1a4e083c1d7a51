import { describe, expect, it } from 'vitest';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';

describe.each(MARKDOWN_PROCESSORS)('tabs (%s)', (processor) => {
  const toHtml = async (md: string) => (await renderMarkdown(md, { processor })).code.trim();
  it('renders every panel under its label, so the page reads whole without the script', async () => {
    const html = await toHtml('::::tabs\n:::tab[macOS]\nOpen **Finder**.\n:::\n:::tab[Windows]\nOpen Explorer.\n:::\n::::');
    expect(html).toBe(
      '<div class="tabs"><div class="tab-panel"><p class="tab-label"><strong>macOS</strong></p><p>Open <strong>Finder</strong>.</p></div>' +
        '<div class="tab-panel"><p class="tab-label"><strong>Windows</strong></p><p>Open Explorer.</p></div></div>',
    );
  });

  it("sets hasTabs in the page's frontmatter only when it has tabs", async () => {
    expect((await renderMarkdown('::::tabs\n:::tab[A]\nx\n:::\n::::', { processor })).metadata.frontmatter).toMatchObject({
      hasTabs: true,
    });
    expect((await renderMarkdown(':::note\nx\n:::', { processor })).metadata.frontmatter).not.toHaveProperty('hasTabs');
  });

  it('marks a synchronised group for the script', async () => {
    const html = await toHtml('::::tabs{group="os"}\n:::tab[A]\nx\n:::\n::::');
    expect(html).toContain('<div class="tabs" data-tabs-group="os">');
  });

  it('keeps callouts, code and lists inside a tab', async () => {
    const html = await toHtml('::::tabs\n:::tab[CLI]\n```sh\nnpm i\n```\n\n:::note\nNeeds Node.\n:::\n:::\n::::');
    expect(html).toMatch(/<pre class="astro-code[^>]*data-language="sh"><code>.*npm.* i<\/span><\/span><\/code><\/pre>/);
    expect(html).toContain('<aside class="callout callout-note">');
  });

  it('names a tab without a label by its position and shows a tab outside tabs as a labelled block', async () => {
    expect(await toHtml('::::tabs\n:::tab\nx\n:::\n::::')).toContain('<strong>Tab 1</strong>');
    expect(await toHtml(':::tab[Alone]\ny\n:::')).toBe(
      '<div class="tab-panel"><p class="tab-label"><strong>Alone</strong></p><p>y</p></div>',
    );
  });
});
