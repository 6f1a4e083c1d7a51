/**
 * Callouts for writers: `:::note`, `:::tip` and `:::warning` blocks (remark-directive syntax),
 * optionally titled with `:::warning[Before you start]`. Rendered as <aside> with a visible label,
 * so they read the same with or without CSS.
 */
import type { Root, Paragraph } from 'mdast';
import type {} from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

export const CALLOUT_TYPES = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;
export type CalloutType = keyof typeof CALLOUT_TYPES;

export function isCalloutType(name: string): name is CalloutType {
  return Object.hasOwn(CALLOUT_TYPES, name);
}

/**
 * Only `:::note|tip|warning` blocks are directives here. Anything else remark-directive picked up
 * in running text ("open 9:30 to 17:00", "ratio 16:9") is put back as the text the writer typed.
 */
function restoreTextDirectives(tree: Root): void {
  visit(tree, 'textDirective', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const label = node.children.length > 0 ? [{ type: 'text' as const, value: '[' }, ...node.children, { type: 'text' as const, value: ']' }] : [];
    parent.children.splice(index, 1, { type: 'text', value: `:${node.name}` }, ...(label as typeof parent.children));
    return index + 1 + label.length;
  });
}

export function remarkCallouts() {
  return (tree: Root) => {
    restoreTextDirectives(tree);
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
