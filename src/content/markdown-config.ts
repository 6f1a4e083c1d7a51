/**
 * How articles and FAQs are rendered from Markdown: our remark plugins and the code theme, for
 * astro.config.mjs. The Markdown threads (markdown-threads.ts) build the same processor on each
 * worker thread, finding these plugins by name, since functions cannot be sent to a thread.
 */
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { MarkdownProcessor } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { remarkCallouts } from './remark-callouts.ts';
import { remarkDefinitionLists } from './remark-definition-lists.ts';
import { remarkTabs } from './remark-tabs.ts';
import { remarkHeadingIds } from './remark-heading-ids.ts';
import { remarkLinks, type RemarkLinksOptions } from './remark-links.ts';
import { rehypeTableRegions } from './rehype-table-regions.ts';
import { rehypeBidiIsolate } from './rehype-bidi-isolate.ts';
import type { SiteSettings } from './schema.ts';

/** Every remark plugin a Markdown thread can load, by a name of ours (bundlers may rename functions). */
export const REMARK_PLUGINS_BY_NAME: Readonly<Record<string, (...args: never[]) => unknown>> = {
  'remark-directive': remarkDirective,
  'definition-lists': remarkDefinitionLists,
  tabs: remarkTabs,
  callouts: remarkCallouts,
  'heading-ids': remarkHeadingIds,
  links: remarkLinks,
};

/** Every rehype plugin a Markdown thread can load, by a name of ours. */
export const REHYPE_PLUGINS_BY_NAME: Readonly<Record<string, (...args: never[]) => unknown>> = {
  'table-regions': rehypeTableRegions,
  'bidi-isolate': rehypeBidiIsolate,
};

/**
 * Astro's `markdown` option: `:::note` callouts (collapsible ones as <details>), `::::tabs`,
 * definition lists, `{#custom-id}` heading ids, content links rewritten
 * to page URLs, tables in keyboard-scrollable regions, phone numbers and e-mail addresses isolated
 * from right-to-left text, one code theme. Our plugins are remark and
 * rehype plugins, so the processor is `unified()` (Astro 7's default, Sätteri, runs neither). A
 * project's own `unified()` (`current`) keeps its plugins and options, ours after its plugins.
 */
export function helpCenterMarkdown(links: RemarkLinksOptions, current?: MarkdownProcessor) {
  const remarkPlugins = [
    remarkDirective,
    remarkDefinitionLists,
    remarkTabs,
    remarkCallouts,
    remarkHeadingIds,
    [remarkLinks, links] as [typeof remarkLinks, RemarkLinksOptions],
  ];
  const rehypePlugins = [rehypeTableRegions, rehypeBidiIsolate];
  let processor: ReturnType<typeof unified>;
  if (current && isUnifiedProcessor(current)) {
    // Added to the project's processor itself, as Astro adds the deprecated markdown.remarkPlugins
    // to it: Astro counts what it added by that object, so nothing is added twice.
    current.options.remarkPlugins.push(...remarkPlugins);
    current.options.rehypePlugins.push(...rehypePlugins);
    processor = current;
  } else processor = unified({ remarkPlugins, rehypePlugins });
  return {
    processor,
    // One tokenization per code block, coloured by CSS variables for the light and dark themes (global.css).
    shikiConfig: { theme: 'css-variables' as const },
  };
}

/** Where content links point, for a site's languages (see remark-links.ts). */
export function getLinkOptions(
  contentDir: string,
  base: string,
  settings: Pick<SiteSettings, 'language' | 'locales' | 'defaultLocalePrefix'>,
): RemarkLinksOptions {
  return {
    contentDir,
    base,
    localeFolders: settings.locales.map((l) => l.code),
    ...(settings.defaultLocalePrefix && { defaultPrefix: settings.language }),
  };
}
