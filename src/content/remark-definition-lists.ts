/**
 * Definition lists, as kramdown, Pandoc and PHP Markdown Extra write them:
 *
 *     Term
 *     : What the term means.
 *
 * Parsed by remark-definition-list (micromark syntax, unified 11); its nodes are named here for
 * remark-rehype (<dl>, <dt>, <dd>), so no handler option has to reach Astro's processor.
 */
import type { Root, RootContent } from 'mdast';
import { remarkDefinitionList } from 'remark-definition-list';
import type { Processor } from 'unified';
import type {} from 'mdast-util-to-hast';

const ELEMENT_OF: Readonly<Record<string, string>> = {
  defList: 'dl',
  defListTerm: 'dt',
  defListDescription: 'dd',
};

function name(node: Root | RootContent): void {
  const element = ELEMENT_OF[node.type];
  if (element) node.data = { ...node.data, hName: element };
  // A one-paragraph definition is a line of text, as in a tight list: no <p> inside the <dd>.
  if (node.type === 'defListDescription' && !node.spread && node.children.length === 1) {
    const only = node.children[0]!;
    if (only.type === 'paragraph') node.children = only.children as never;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) name(child);
}

export function remarkDefinitionLists(this: Processor) {
  remarkDefinitionList.call(this);
  return (tree: Root) => name(tree);
}
