/**
 * Wraps every table in a scroll container a keyboard can reach: on a phone a wide table scrolls
 * sideways, and a scrolling region that cannot take focus cannot be scrolled without a pointer
 * (WCAG 2.1.1, axe `scrollable-region-focusable`). The wrapper is a named region so a screen
 * reader says what it is when it gets focus: the table's caption, else the heading the table
 * sits under, else the page's title.
 */
import type { Element, Nodes, Root } from 'hast';
import type { VFile } from 'vfile';

export const TABLE_REGION_CLASS = 'table-scroll';

const HEADING = /^h[1-6]$/;

/** The text a reader hears for a node, with runs of white space as one space. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}
export const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

export function captionOf(table: Element): string {
  const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  return caption ? clean(textOf(caption)) : '';
}

/** The page's title from the frontmatter Astro hands the processor (an article's title, a FAQ's question). */
function pageTitleOf(file: VFile | undefined): string {
  return titleOf(file?.data.astro?.frontmatter);
}

/** The scroll region around a table, named `label`. */
export function tableRegion(label: string, children: Element[]): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: {
      className: [TABLE_REGION_CLASS],
      role: 'region',
      tabIndex: 0,
      ...(label && { ariaLabel: label }),
    },
    children,
  };
}

/** The page's title from Astro's frontmatter (an article's title, a FAQ's question). */
export function titleOf(frontmatter: Record<string, unknown> | undefined): string {
  const { title, question } = frontmatter ?? {};
  return clean(typeof title === 'string' ? title : typeof question === 'string' ? question : '');
}

/** Walks in document order, so the last heading seen is the one a table sits under. */
function visit(parent: Root | Element, state: { heading: string; fallback: string }): void {
  const { children } = parent;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child?.type !== 'element') continue;
    if (HEADING.test(child.tagName)) state.heading = clean(textOf(child));
    else if (child.tagName === 'table') children[i] = tableRegion(captionOf(child) || state.heading || state.fallback, [child]);
    else visit(child, state);
  }
}

export function rehypeTableRegions() {
  return (tree: Root, file?: VFile) => visit(tree, { heading: '', fallback: pageTitleOf(file) });
}
