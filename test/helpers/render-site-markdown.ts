/** Markdown rendered by the site's own processor (helpCenterMarkdown through Astro's), as a page's body is. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { helpCenterMarkdown } from '../../src/content/markdown-config.ts';
import type { RemarkLinksOptions } from '../../src/content/remark-links.ts';

/**
 * The two pipelines our features run on: Sätteri (the default) and a project's own `unified()`
 * with our remark and rehype plugins. Plugin tests run their cases on both.
 */
export const MARKDOWN_PROCESSORS = ['satteri', 'unified'] as const;
export type MarkdownProcessorName = (typeof MARKDOWN_PROCESSORS)[number];

const renderers = new Map<string, Promise<MarkdownRenderer>>();

export interface RenderOptions {
  processor?: MarkdownProcessorName;
  /** Where the Markdown would be (for relative links); the content folder is its `content/` ancestor. */
  file?: string;
  frontmatter?: Record<string, unknown>;
  /** Where content links point; the content folder comes from `file`. */
  links?: Omit<Partial<RemarkLinksOptions>, 'contentDir'>;
}

/** The rendered HTML and Astro's metadata (frontmatter with what plugins added, headings). */
export async function renderMarkdown(markdown: string, options: RenderOptions = {}) {
  const { processor = 'satteri', file = '/site/content/articles/x/page.md' } = options;
  const contentDir = file.slice(0, file.lastIndexOf(`${path.sep}content${path.sep}`) + '/content'.length);
  const links: RemarkLinksOptions = { base: '/', ...options.links, contentDir };
  const key = JSON.stringify([processor, links]);
  let renderer = renderers.get(key);
  if (!renderer) {
    const { processor: ours, ...shared } = helpCenterMarkdown(links, processor === 'unified' ? unified() : undefined);
    renderer = ours.createRenderer(shared);
    renderers.set(key, renderer);
  }
  return (await renderer).render(markdown, { fileURL: pathToFileURL(file), frontmatter: { ...options.frontmatter } });
}

/** The HTML of a page's body, without the newline Sätteri ends it with. */
export async function renderSiteMarkdown(markdown: string, file = '/site/content/articles/x/page.md'): Promise<string> {
  return (await renderMarkdown(markdown, { file })).code.trimEnd();
}
