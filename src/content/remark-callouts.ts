/**
 * Callouts for writers: `:::note`, `:::tip` and `:::warning` blocks (remark-directive syntax),
 * optionally titled with `:::warning[Before you start]`. Rendered as <aside> with a visible label,
 * so they read the same with or without CSS.
 *
 * Collapsible callouts are <details> with the label as <summary>: `:::details[Summary]`, or any
 * callout with `{collapsed}` (closed) or `{open}` (open at first), as in `:::warning[Old data]{collapsed}`.
 */
import type { Root, RootContent, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
// The hName and hProperties fields of mdast nodes' data, which remark-rehype reads.
import type {} from 'mdast-util-to-hast';

export const CALLOUT_TYPES = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;
export type CalloutType = keyof typeof CALLOUT_TYPES;

/** Directive names that render as callouts: the types, and `details` (a collapsible note). */
export const CALLOUT_NAMES = [...Object.keys(CALLOUT_TYPES), 'details'] as const;

export function isCalloutType(name: string): name is CalloutType {
  return Object.hasOwn(CALLOUT_TYPES, name);
}

type Parent = Extract<RootContent, { children: unknown }> | Root;

/**
 * One walk over the tree (every Markdown file of every build goes through it, so it does not use
 * unist-util-visit, whose bookkeeping cost more than the work here):
 * - only `:::note|tip|warning` blocks are directives here; anything else remark-directive picked
 *   up in running text ("open 9:30 to 17:00", "ratio 16:9") is put back as the text the writer
 *   typed;
 * - each callout becomes an <aside> with its label as the first paragraph.
 */
function transform(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'textDirective') {
      const text = textDirectiveAsText(node);
      children.splice(i, 1, ...text);
      i += text.length - 1; // the label is the writer's text: not walked again
      continue;
    }
    if ('children' in node) transform(node);
    if (node.type !== 'containerDirective') continue;
    const callout = calloutOf(node);
    if (callout) toCallout(node, callout);
  }
}

/** What a container directive renders as: a callout, or undefined when it is not one. */
export interface Callout {
  type: CalloutType;
  /** `{open}` or `{collapsed}` (and `:::details`) make it a <details>; neither keeps it an <aside>. */
  collapse?: 'open' | 'closed';
  defaultLabel: string;
}

export function calloutOf(node: Pick<ContainerDirective, 'name' | 'attributes'>): Callout | undefined {
  const attributes = node.attributes ?? {};
  const open = attributes.open != null;
  if (node.name === 'details') return { type: 'note', collapse: open ? 'open' : 'closed', defaultLabel: 'Details' };
  if (!isCalloutType(node.name)) return undefined;
  const collapse = open ? 'open' : attributes.collapsed != null ? 'closed' : undefined;
  return { type: node.name, ...(collapse && { collapse }), defaultLabel: CALLOUT_TYPES[node.name] };
}

/** The directive's `data`: the element it becomes and its classes. */
export function calloutData({ type, collapse }: Callout) {
  const className = ['callout', `callout-${type}`, ...(collapse ? ['callout-collapsible'] : [])];
  return { hName: collapse ? 'details' : 'aside', hProperties: { className, ...(collapse === 'open' ? { open: true } : {}) } };
}

/** The callout's first child: its label (the writer's, else the default), strong. */
export function calloutTitle({ collapse, defaultLabel }: Callout, label?: Paragraph['children']): Paragraph {
  return {
    type: 'paragraph',
    // <summary> is what a reader clicks or presses Enter on: the browser makes it a button.
    data: { hName: collapse ? 'summary' : 'p', hProperties: { className: ['callout-title'] } },
    children: [{ type: 'strong', children: label ?? [{ type: 'text', value: defaultLabel }] }],
  };
}

/** The children of a `:::name[label]` directive's label paragraph, or undefined when it has none. */
export function directiveLabelOf(node: Pick<ContainerDirective, 'children'>): Paragraph['children'] | undefined {
  const first = node.children[0] as (Paragraph & { data?: { directiveLabel?: boolean } }) | undefined;
  return first?.type === 'paragraph' && first.data?.directiveLabel ? first.children : undefined;
}

/** A text directive put back as the text the writer typed (`:name[label]`, attributes dropped). */
export function textDirectiveAsText(node: { name: string; children: Paragraph['children'] }): Paragraph['children'] {
  const label: Paragraph['children'] =
    node.children.length > 0 ? [{ type: 'text', value: '[' }, ...node.children, { type: 'text', value: ']' }] : [];
  return [{ type: 'text', value: `:${node.name}` }, ...label];
}

function toCallout(node: ContainerDirective, callout: Callout): void {
  const label = directiveLabelOf(node);
  if (label) node.children.shift();
  node.data = { ...node.data, ...calloutData(callout) };
  node.children.unshift(calloutTitle(callout, label));
}

export function remarkCallouts() {
  return (tree: Root) => transform(tree);
}
