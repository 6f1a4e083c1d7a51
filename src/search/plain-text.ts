/** Markdown to the plain words a reader sees (no URLs, no markup), for the search vocabulary and synonyms. */
import { remark } from 'remark';
import remarkDirective from 'remark-directive';
import { toString } from 'mdast-util-to-string';

const parser = remark().use(remarkDirective);

/** The text of each top-level block, whitespace collapsed. */
export function getPlainParagraphs(markdown: string): string[] {
  const tree = parser.parse(markdown);
  return tree.children.map((node) => toString(node).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function getPlainText(markdown: string): string {
  return getPlainParagraphs(markdown).join('\n');
}
