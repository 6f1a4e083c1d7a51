/**
 * `## Heading {#custom-id}`: the id syntax of Hugo, Pandoc and kramdown. The `{#id}` is taken off
 * the heading's text and becomes its element id, so the page, the table of contents and links to
 * `#custom-id` agree; without this the braces would show on the page.
 */
import type { Heading, Root, RootContent } from 'mdast';
// The hProperties field of mdast nodes' data, which remark-rehype reads.
import type {} from 'mdast-util-to-hast';

/**
 * A trailing `{#id}` (optionally with classes after it, which are dropped) at the end of a heading.
 * HTML ids may start with a digit (`{#401}` on an error-code page), so only the characters are checked.
 */
const TRAILING_ID = /[ \t]*\{#([\w][\w:.-]*)(?:[ \t]+\.[\w-]+)*\}[ \t]*$/;

/** The custom id written at the end of a heading's text, and the text without it. */
export function splitHeadingId(text: string): { text: string; id?: string } {
  const match = TRAILING_ID.exec(text);
  return match ? { text: text.slice(0, match.index), id: match[1] } : { text };
}

function applyCustomId(heading: Heading): void {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  const { text, id } = splitHeadingId(last.value);
  if (!id) return;
  if (text === '') heading.children.pop();
  else last.value = text;
  heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
}

function walk(nodes: RootContent[]): void {
  for (const node of nodes) {
    if (node.type === 'heading') applyCustomId(node);
    else if ('children' in node && node.type !== 'paragraph') walk(node.children);
  }
}

export function remarkHeadingIds() {
  return (tree: Root) => walk(tree.children);
}
