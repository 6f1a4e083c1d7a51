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
      const label: RootContent[] = node.children.length > 0 ? [{ type: 'text', value: '[' }, ...node.children, { type: 'text', value: ']' }] : [];
      children.splice(i, 1, { type: 'text', value: `:${node.name}` }, ...label);
      i += label.length; // the label is the writer's text: not walked again
      continue;
    }
    if ('children' in node) transform(node);
    if (node.type !== 'containerDirective') continue;
    if (isCalloutType(node.name)) toCallout(node, node.name, collapsible(node));
    else if (node.name === 'details') toCallout(node, 'note', node.attributes?.open != null ? 'open' : 'closed', 'Details');
  }
}

/** `{open}` or `{collapsed}` on a callout makes it collapsible; neither keeps it an <aside>. */
function collapsible(node: ContainerDirective): 'open' | 'closed' | undefined {
  const attributes = node.attributes ?? {};
  if (attributes.open != null) return 'open';
  if (attributes.collapsed != null) return 'closed';
  return undefined;
}

function toCallout(
  node: ContainerDirective,
  type: CalloutType,
  collapse?: 'open' | 'closed',
  defaultLabel: string = CALLOUT_TYPES[type],
): void {
  const first = node.children[0] as (Paragraph & { data?: { directiveLabel?: boolean } }) | undefined;
  let labelChildren: Paragraph['children'] = [{ type: 'text', value: defaultLabel }];
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    labelChildren = first.children;
    node.children.shift();
  }
  const className = ['callout', `callout-${type}`, ...(collapse ? ['callout-collapsible'] : [])];
  node.data = {
    ...node.data,
    hName: collapse ? 'details' : 'aside',
    hProperties: { className, ...(collapse === 'open' ? { open: true } : {}) },
  };
  node.children.unshift({
    type: 'paragraph',
    // <summary> is what a reader clicks or presses Enter on: the browser makes it a button.
    data: { hName: collapse ? 'summary' : 'p', hProperties: { className: ['callout-title'] } },
    children: [{ type: 'strong', children: labelChildren }],
  });
}

export function remarkCallouts() {
  return (tree: Root) => transform(tree);
}
