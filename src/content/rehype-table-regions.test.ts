import { describe, expect, it } from 'vitest';
import { MARKDOWN_PROCESSORS, renderMarkdown } from '../../test/helpers/render-site-markdown.ts';
import { rehypeTableRegions } from './rehype-table-regions.ts';

const table = '| Plan | Price |\n| --- | --- |\n| Free | 0 |';

describe.each(MARKDOWN_PROCESSORS)('table regions (%s)', (processor) => {
  const toHtml = async (md: string, frontmatter: Record<string, unknown> = {}) =>
    (await renderMarkdown(md, { processor, frontmatter })).code;
  it('puts a table in a focusable region named after the heading it sits under', async () => {
    const html = await toHtml(`## Plans\n\nIntro.\n\n### Prices in *euros*\n\n${table}`);
    expect(html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Prices in euros"><table>',
    );
    expect(html.trimEnd()).toMatch(/<\/table><\/div>$/);
  });

  it('names each table after its own heading', async () => {
    const html = await toHtml(`## First\n\n${table}\n\n## Second\n\n${table}`);
    expect(html.match(/aria-label="[^"]*"/g)).toEqual(['aria-label="First"', 'aria-label="Second"']);
  });

  it("uses the page's title, or a FAQ's question, for a table before any heading", async () => {
    expect(await toHtml(table, { title: 'Add or remove a payment method' })).toContain(
      'aria-label="Add or remove a payment method"',
    );
    expect(await toHtml(table, { question: 'Which cards work?' })).toContain('aria-label="Which cards work?"');
  });

  it('prefers the table caption', async () => {
    const tree = {
      type: 'root' as const,
      children: [
        { type: 'element' as const, tagName: 'h2', properties: {}, children: [{ type: 'text' as const, value: 'Heading' }] },
        {
          type: 'element' as const,
          tagName: 'table',
          properties: {},
          children: [
            { type: 'element' as const, tagName: 'caption', properties: {}, children: [{ type: 'text' as const, value: ' Fees\n by plan ' }] },
          ],
        },
      ],
    };
    rehypeTableRegions()(tree);
    expect(tree.children[1]).toMatchObject({ tagName: 'div', properties: { role: 'region', ariaLabel: 'Fees by plan' } });
  });

  it('wraps tables inside other elements, once', async () => {
    const html = await toHtml(`## Steps\n\n- Item\n\n  ${table.replace(/\n/g, '\n  ')}\n\n> ${table.replace(/\n/g, '\n> ')}`);
    expect(html.match(/class="table-scroll"/g)).toHaveLength(2);
    expect(html).not.toContain('table-scroll"><div');
  });
});
