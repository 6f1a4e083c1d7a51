/**
 * Callouts for writers: `:::note`, `:::tip` and `:::warning` blocks (remark-directive syntax),
 * optionally titled with `:::warning[Before you start]`. Rendered as <aside> with a visible label,
 * so they read the same with or without CSS.
 */
import type { Root, Paragraph } from 'mdast';
import { visit } from 'unist-util-visit';

export const CALLOUT_TYPES = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;
export type CalloutType = keyof typeof CALLOUT_TYPES;

export function isCalloutType(name: string): name is CalloutType {
  return Object.hasOwn(CALLOUT_TYPES, name);
}

export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node) => {
      if (!isCalloutType(node.name)) return;
      const first = node.children[0] as (Paragraph & { data?: { directiveLabel?: boolean } }) | undefined;
      let labelChildren: Paragraph['children'] = [{ type: 'text', value: CALLOUT_TYPES[node.name] }];
      if (first?.type === 'paragraph' && first.data?.directiveLabel) {
        labelChildren = first.children;
        node.children.shift();
      }
      node.data = {
        ...node.data,
        hName: 'aside',
        hProperties: { className: ['callout', `callout-${node.name}`] },
      };
      node.children.unshift({
        type: 'paragraph',
        data: { hName: 'p', hProperties: { className: ['callout-title'] } },
        children: [{ type: 'strong', children: labelChildren }],
      });
    });
  };
}
