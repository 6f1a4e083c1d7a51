/** Markdown to the plain words a reader sees (no URLs, no markup), for the search vocabulary and synonyms. */
import { remark } from 'remark';
import remarkDirective from 'remark-directive';
import { toString } from 'mdast-util-to-string';

const parser = remark().use(remarkDirective);

/**
 * The text of each top-level block, whitespace collapsed: exact, through a full Markdown parse.
 * For what readers see (FAQ answers in search results and JSON-LD).
 */
export function getPlainParagraphs(markdown: string): string[] {
  const tree = parser.parse(markdown);
  return tree.children.map((node) => toString(node).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * The words of a Markdown text, for matching only (vocabulary, synonyms): code, URLs, HTML tags
 * and Markdown punctuation are dropped with a few regular expressions, far faster than a parse
 * (docs/performance.md), which matters because it runs for every article of every build.
 */
export function getPlainText(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]*)\]\[[^\]\n]*\]/g, '$1')
    .replace(/^\s*\[[^\]\n]+\]:\s*\S+.*$/gm, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^:{3,}[a-z]*(\[([^\]\n]*)\])?.*$/gm, '$2')
    .replace(/[#>*_~|]+/g, ' ')
    .replace(/^\s*(?:[-+]|\d+[.)])\s+/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
