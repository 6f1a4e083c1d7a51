/**
 * Content tabs for writers (remark-directive syntax):
 *
 *     ::::tabs{group="os"}
 *     :::tab[macOS]
 *     …
 *     :::
 *     :::tab[Windows]
 *     …
 *     :::
 *     ::::
 *
 * Rendered without JavaScript as every panel in turn, each under its label, so the page reads
 * completely with scripts off, in print and in the search index. The small script in
 * src/site/client/tabs.ts, loaded only by pages with tabs (`hasTabs` in the page's remark
 * frontmatter, see src/layouts/ContentTabs.astro), turns each block into an ARIA tablist;
 * blocks with the same `group` switch together. The lint rule `tabs-syntax` reports blocks this
 * plugin cannot read (a tab outside tabs, text between tabs, a tab without a label).
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';

type Parent = Extract<RootContent, { children: unknown }> | Root;
type Labelled = Paragraph & { data?: { directiveLabel?: boolean } };

/** The label a `:::tab[Label]` was given, taken out of its children; undefined when it has none. */
function takeLabel(node: ContainerDirective): Paragraph['children'] | undefined {
  const first = node.children[0] as Labelled | undefined;
  if (first?.type !== 'paragraph' || !first.data?.directiveLabel) return undefined;
  node.children.shift();
  return first.children;
}

export const TAB_PANEL_DATA = { hName: 'div', hProperties: { className: ['tab-panel'] } };

/** A panel's first line, its label: what readers without the script see above its text. */
export function tabLabel(label: Paragraph['children'] | undefined, index: number): Paragraph {
  return {
    type: 'paragraph',
    data: { hName: 'p', hProperties: { className: ['tab-label'] } },
    children: [{ type: 'strong', children: label ?? [{ type: 'text', value: `Tab ${index + 1}` }] }],
  };
}

/** The `data` of a `::::tabs` block: a div, with the group blocks switch together by. */
export function tabsData(node: Pick<ContainerDirective, 'attributes'>) {
  const group = node.attributes?.group?.trim();
  return { hName: 'div', hProperties: { className: ['tabs'], ...(group ? { dataTabsGroup: group } : {}) } };
}

function toPanel(tab: ContainerDirective, index: number): void {
  const label = takeLabel(tab);
  tab.data = { ...tab.data, ...TAB_PANEL_DATA };
  tab.children.unshift(tabLabel(label, index));
}

function toTabs(node: ContainerDirective): void {
  node.data = { ...node.data, ...tabsData(node) };
  // A label written on the block itself (`::::tabs[Install]`) has no place in tabs: kept as text.
  const first = node.children[0] as Labelled | undefined;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) delete first.data.directiveLabel;
  let index = 0;
  for (const child of node.children) {
    if (child.type === 'containerDirective' && child.name === 'tab') toPanel(child, index++);
  }
}

function transform(parent: Parent, found: { tabs: boolean }): void {
  for (const node of parent.children as RootContent[]) {
    if (!('children' in node)) continue;
    transform(node, found);
    if (node.type !== 'containerDirective') continue;
    if (node.name === 'tabs') {
      toTabs(node);
      found.tabs = true;
    }
    // A tab outside tabs (lint reports it) still shows its label and text.
    else if (node.name === 'tab' && !(parent.type === 'containerDirective' && parent.name === 'tabs'))
      toPanel(node, 0);
  }
}

/** Astro's data for the page: remark plugins may add frontmatter fields, which render() returns. */
interface AstroFileData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export function remarkTabs() {
  return (tree: Root, file: { data: AstroFileData }) => {
    const found = { tabs: false };
    transform(tree, found);
    // The article page loads the tab script and styles only when this is set (hasTabs).
    if (found.tabs) {
      file.data.astro ??= {};
      file.data.astro.frontmatter = { ...file.data.astro.frontmatter, hasTabs: true };
    }
  };
}
