/** Markdown rendered by the site's own processor (helpCenterMarkdown through Astro's), as a page's body is. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { helpCenterMarkdown } from '../../src/content/markdown-config.ts';

let processor: Promise<MarkdownRenderer> | undefined;

/** `file` is where the Markdown would be (for relative links); the content folder is its `content/` ancestor. */
export async function renderSiteMarkdown(markdown: string, file = '/site/content/articles/x/page.md'): Promise<string> {
  const contentDir = file.slice(0, file.lastIndexOf(`${path.sep}content${path.sep}`) + '/content'.length);
  const { processor: unified, ...shared } = helpCenterMarkdown({ contentDir, base: '/' });
  processor ??= unified.createRenderer(shared);
  return (await (await processor).render(markdown, { fileURL: pathToFileURL(file) })).code;
}
