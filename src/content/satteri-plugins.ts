/**
 * Our Markdown features as Sätteri plugins, for Astro 7's default processor: the same HTML as the
 * remark and rehype plugins beside this file (which a project's own `unified()` still runs), from
 * the same helpers. Sätteri parses `:::` directives, `{#id}` on headings and definition lists
 * itself (markdown-config.ts turns those features on); these plugins only rewrite. Each visitor
 * is called from Rust for the node types it names, so none walks the whole tree in JavaScript.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin, defineMdastPlugin, type HastNode, type MdastVisitorContext, type MdastPluginEntry } from 'satteri';
import type { Definition, Image, Link } from 'mdast';
import { calloutData, calloutOf, calloutTitle, directiveLabelOf, textDirectiveAsText } from './remark-callouts.ts';
import { TAB_PANEL_DATA, tabLabel, tabsData } from './remark-tabs.ts';
import { linkRewriter, type RemarkLinksOptions } from './remark-links.ts';
import { captionOf, clean, tableRegion, titleOf } from './rehype-table-regions.ts';
import { HAS_RUN, SKIP, bdi, isIsolatedLink, splitText } from './rehype-bidi-isolate.ts';

/** `:::note|tip|warning|details` as <aside> or <details>; other `:name` in running text back to text. */
export const satteriCallouts = defineMdastPlugin({
  name: 'help-center-callouts',
  textDirective(node, ctx) {
    ctx.replaceNode(node, textDirectiveAsText(node));
  },
  containerDirective(node, ctx) {
    const callout = calloutOf(node);
    if (!callout) return;
    ctx.setField(node, 'data', { ...node.data, ...calloutData(callout) });
    const label = directiveLabelOf(node);
    if (label) ctx.replaceNode(node.children[0]!, calloutTitle(callout, label));
    else ctx.prependChild(node, calloutTitle(callout));
  },
});

/** `::::tabs` and its `:::tab[Label]` panels; sets `hasTabs` in the page's frontmatter (see remark-tabs.ts). */
export const satteriTabs = defineMdastPlugin({
  name: 'help-center-tabs',
  containerDirective(node, ctx) {
    if (node.name === 'tabs') {
      ctx.setField(node, 'data', { ...node.data, ...tabsData(node) });
      // A label written on the block itself has no place in tabs: kept as text.
      if (directiveLabelOf(node)) ctx.setField(node.children[0]!, 'data', null);
      const astro = ctx.data.astro;
      if (astro) astro.frontmatter = { ...astro.frontmatter, hasTabs: true };
      return;
    }
    if (node.name !== 'tab') return;
    const label = directiveLabelOf(node);
    ctx.setField(node, 'data', { ...node.data, ...TAB_PANEL_DATA });
    if (label) ctx.replaceNode(node.children[0]!, tabLabel(label, 0));
    else ctx.prependChild(node, tabLabel(undefined, tabIndex(node, ctx)));
  },
});

/** Which tab of its block a tab is (a tab outside tabs, which lint reports, is the first). */
function tabIndex(node: Parameters<NonNullable<typeof satteriTabs.containerDirective>>[0], ctx: MdastVisitorContext): number {
  const parent = ctx.parent(node);
  if (parent?.type !== 'containerDirective' || parent.name !== 'tabs') return 0;
  const at = ctx.indexOf(node) ?? 0;
  let index = 0;
  for (const sibling of parent.children.slice(0, at))
    if (sibling.type === 'containerDirective' && sibling.name === 'tab') index++;
  return index;
}

/**
 * `{#id}` on a heading gives its id only, as with remark-heading-ids.ts: Sätteri's heading
 * attributes would also render `{#id .wide}`'s class, which writers coming from kramdown or Hugo
 * did not write for this site's styles.
 */
export const satteriHeadingIds = defineMdastPlugin({
  name: 'help-center-heading-ids',
  heading(node, ctx) {
    const properties = node.data?.hProperties;
    if (!properties || Object.keys(properties).every((key) => key === 'id')) return;
    const { id } = properties;
    ctx.setField(node, 'data', { ...node.data, hProperties: id === undefined ? {} : { id } });
  },
});

/** Content links and images to page URLs (see remark-links.ts); left out for a file outside the content folder. */
export function satteriLinks(options: RemarkLinksOptions): MdastPluginEntry {
  return ({ fileURL }) => {
    const rewrite = fileURL?.protocol === 'file:' ? linkRewriter(options, fileURLToPath(fileURL)) : undefined;
    if (!rewrite) return undefined;
    const visit = (node: Readonly<Link | Image | Definition>, ctx: MdastVisitorContext) => {
      const url = rewrite(node.url);
      if (url !== node.url) ctx.setField(node as Link, 'url', url);
    };
    return defineMdastPlugin({ name: 'help-center-links', link: visit, image: visit, definition: visit });
  };
}

/** Tables in named, keyboard-scrollable regions (see rehype-table-regions.ts). */
export const satteriTableRegions = defineHastPlugin({
  name: 'help-center-table-regions',
  element: {
    // Visited in document order, so the last heading seen is the one a table sits under.
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table'],
    visit(node, ctx) {
      const state = ctx.data as { tableRegionHeading?: string };
      if (node.tagName !== 'table') {
        state.tableRegionHeading = clean(ctx.textContent(node));
        return;
      }
      const label = captionOf(node) || state.tableRegionHeading || titleOf(ctx.data.astro?.frontmatter);
      const aligned = withAlignAttributes(node);
      if (aligned) ctx.replaceNode(node, tableRegion(label, [aligned]));
      else ctx.wrapNode(node, tableRegion(label, []));
    },
  },
});

const TEXT_ALIGN = /^text-align:\s*(left|center|right);?$/;

/**
 * A copy of the table with its columns aligned by `align` attributes, as remark-rehype writes them,
 * where Sätteri writes `style="text-align: …"`; undefined when no column is aligned. The widget
 * drops style attributes (a strict style-src would report them), so alignment by style would be
 * lost there.
 */
function withAlignAttributes<N extends Element | ElementContent>(node: N): N | undefined {
  if (node.type !== 'element') return undefined;
  let changed = false;
  const children = node.children.map((child) => {
    const copy = withAlignAttributes(child);
    if (copy) changed = true;
    return copy ?? child;
  });
  const { style, ...properties } = node.properties;
  const align = (node.tagName === 'th' || node.tagName === 'td') && typeof style === 'string' ? TEXT_ALIGN.exec(style)?.[1] : undefined;
  if (!changed && !align) return undefined;
  return { ...node, children, properties: align ? { ...properties, align } : node.properties };
}

/** Phone numbers, e-mail addresses and their links in <bdi> (see rehype-bidi-isolate.ts). */
export const satteriBidiIsolate = defineHastPlugin({
  name: 'help-center-bidi-isolate',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      if (isIsolatedLink(node)) ctx.wrapNode(node, bdi([]));
    },
  },
  text(node, ctx) {
    // Most text holds no run: tested before its ancestors are looked at.
    if (!HAS_RUN.test(node.value)) return;
    for (let up = ctx.parent(node) as HastNode | undefined; up?.type === 'element'; up = ctx.parent(up) as HastNode | undefined)
      if (SKIP.has(up.tagName)) return;
    const parts = splitText(node);
    if (parts.length > 1 || parts[0] !== node) ctx.replaceNode(node, parts);
  },
});
