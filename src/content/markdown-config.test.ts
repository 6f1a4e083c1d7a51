import { describe, expect, it } from 'vitest';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import { defineMdastPlugin } from 'satteri';
import type { Root } from 'mdast';
import { helpCenterMarkdown } from './markdown-config.ts';

const links = { contentDir: '/site/content', base: '/' };
const MARKDOWN = ':::note\nKeep it.\n:::\n\nHello world';

async function render(processor: ReturnType<typeof helpCenterMarkdown>['processor']) {
  const renderer = await processor.createRenderer({ shikiConfig: { theme: 'css-variables' } });
  return (await renderer.render(MARKDOWN, { frontmatter: {} })).code;
}

describe('helpCenterMarkdown', () => {
  it("is Sätteri with our plugins when the project set none (Astro's default)", async () => {
    const { processor } = helpCenterMarkdown(links);
    expect(processor.name).toBe('satteri');
    expect(await render(processor)).toContain('<aside class="callout callout-note">');
  });

  it("keeps a project's own satteri() plugins and features, ours after them", async () => {
    const shout = defineMdastPlugin({
      name: 'shout',
      text: (node, ctx) => ctx.setField(node, 'value', node.value.toUpperCase()),
    });
    const own = satteri({ mdastPlugins: [shout], features: { math: true } });
    const { processor } = helpCenterMarkdown(links, own);
    expect(processor).toBe(own);
    expect(own.options.features).toMatchObject({ math: true, directive: true });
    expect(own.options.mdastPlugins[0]).toBe(shout);
    const html = await render(processor);
    expect(html).toContain('<aside class="callout callout-note">');
    expect(html).toContain('HELLO WORLD');
  });

  it("keeps a project's own unified() with its remark plugins, and adds our remark and rehype plugins", async () => {
    const shout = () => (tree: Root) => {
      const visit = (node: Root | Root['children'][number]): void => {
        if (node.type === 'text') node.value = node.value.toUpperCase();
        if ('children' in node) node.children.forEach(visit);
      };
      visit(tree);
    };
    const own = unified({ remarkPlugins: [shout] });
    const { processor } = helpCenterMarkdown(links, own);
    expect(processor).toBe(own);
    const html = await render(processor);
    expect(html).toContain('<aside class="callout callout-note">');
    expect(html).toContain('HELLO WORLD');
  });
});
