/**
 * How articles and FAQs are rendered from Markdown: our Markdown features and the code theme, for
 * astro.config.mjs.
 */
import { isUnifiedProcessor, type MarkdownProcessor, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import { isSatteriProcessor, satteri } from '@astrojs/markdown-satteri';
import remarkDirective from 'remark-directive';
import { remarkCallouts } from './remark-callouts.ts';
import { remarkDefinitionLists } from './remark-definition-lists.ts';
import { remarkTabs } from './remark-tabs.ts';
import { remarkHeadingIds } from './remark-heading-ids.ts';
import { remarkLinks, type RemarkLinksOptions } from './remark-links.ts';
import { rehypeTableRegions } from './rehype-table-regions.ts';
import { rehypeBidiIsolate } from './rehype-bidi-isolate.ts';
import {
  satteriBidiIsolate,
  satteriCallouts,
  satteriHeadingIds,
  satteriLinks, satteriTableRegions, satteriTabs } from './satteri-plugins.ts';
import { separateDefinitionsFromFences } from './satteri-source-repair.ts';
import type { SiteSettings } from './schema.ts';

/** The Sätteri features our syntax needs: `:::` directives, `{#id}` on headings, definition lists. */
export const SATTERI_FEATURES = {
  directive: true,
  headingAttributes: true,
  definitionList: true,
  // Astro has taken the frontmatter off before it renders; left on, Sätteri reads a body that
  // starts with a `---` rule as frontmatter and drops everything up to the next `---`.
  frontmatter: false,
} as const;

/**
 * Astro's `markdown` option: `:::note` callouts (collapsible ones as <details>), `::::tabs`,
 * definition lists, `{#custom-id}` heading ids, content links rewritten
 * to page URLs, tables in keyboard-scrollable regions, phone numbers and e-mail addresses isolated
 * from right-to-left text, one code theme.
 *
 * The processor is Sätteri, Astro 7's default, with our Sätteri plugins (satteri-plugins.ts); a
 * project's own `satteri()` (`current`) keeps its plugins and features, ours after its plugins. A
 * project that configured its own `unified()` keeps it, with our remark and rehype plugins after
 * its own: its plugins are remark plugins, which Sätteri cannot run.
 */
export function helpCenterMarkdown(
  links: RemarkLinksOptions,
  current?: MarkdownProcessor,
): { processor: MarkdownProcessor; shikiConfig: { theme: 'css-variables' } } {
  return {
    processor: current && isUnifiedProcessor(current) ? withUnifiedPlugins(current, links) : withSatteriPlugins(links, current),
    // One tokenization per code block, coloured by CSS variables for the light and dark themes (global.css).
    shikiConfig: { theme: 'css-variables' as const },
  };
}

function withSatteriPlugins(links: RemarkLinksOptions, current?: MarkdownProcessor) {
  const mdastPlugins = [satteriTabs, satteriCallouts, satteriHeadingIds, satteriLinks(links)];
  const hastPlugins = [satteriTableRegions, satteriBidiIsolate];
  if (!current || !isSatteriProcessor(current))
    return withSourceRepair(satteri({ mdastPlugins, hastPlugins, features: { ...SATTERI_FEATURES } }));
  // Added to the project's processor itself: Astro builds its renderer from that object's options.
  current.options.mdastPlugins.push(...mdastPlugins);
  current.options.hastPlugins.push(...hastPlugins);
  Object.assign(current.options.features, SATTERI_FEATURES);
  return withSourceRepair(current);
}

/** The processor, its `.md` renderer given the Markdown after `separateDefinitionsFromFences`. */
function withSourceRepair<T extends MarkdownProcessor>(processor: T): T {
  const createRenderer = processor.createRenderer.bind(processor);
  processor.createRenderer = async (shared) => {
    const renderer = await createRenderer(shared);
    return { ...renderer, render: (content, options) => renderer.render(separateDefinitionsFromFences(content), options) };
  };
  return processor;
}

function withUnifiedPlugins(current: MarkdownProcessor<UnifiedResolvedOptions>, links: RemarkLinksOptions) {
  // Added to the project's processor itself, as Astro adds the deprecated markdown.remarkPlugins
  // to it: Astro counts what it added by that object, so nothing is added twice.
  current.options.remarkPlugins.push(...unifiedRemarkPlugins(links));
  current.options.rehypePlugins.push(...UNIFIED_REHYPE_PLUGINS);
  return current;
}

/** Our remark plugins, in order, for a project's own `unified()`. */
export function unifiedRemarkPlugins(links: RemarkLinksOptions) {
  return [
    remarkDirective,
    remarkDefinitionLists,
    remarkTabs,
    remarkCallouts,
    remarkHeadingIds,
    [remarkLinks, links] as [typeof remarkLinks, RemarkLinksOptions],
  ];
}

/** Our rehype plugins, in order, for a project's own `unified()`. */
export const UNIFIED_REHYPE_PLUGINS = [rehypeTableRegions, rehypeBidiIsolate];

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
