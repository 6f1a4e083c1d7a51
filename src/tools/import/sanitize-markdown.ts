/**
 * The last step of every import before a Markdown file is written: the Markdown is parsed as the
 * site parses it (remark with GFM and directives), every raw HTML piece in it goes through the
 * import schema of the one sanitiser (lib/sanitize-html.ts), and links, images and link
 * definitions whose URL is not safe lose the URL. Only what changes is edited in place, so the
 * rest of the file stays exactly as the converters wrote it.
 */
import type { Nodes, Root } from 'mdast';
import { remark } from 'remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import {
  addUnsafeCounts,
  getUrlScheme,
  IMPORT_POLICY,
  isSafeUrl,
  sanitizeHtmlPiece,
  type UnsafeCounts,
} from '../../lib/sanitize-html.ts';

const parser = remark().use(remarkGfm).use(remarkDirective);

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Text as Markdown text: nothing in it can start markup. */
export const escapeMarkdownText = (text: string) => text.replace(/[\\`*_[\]<>&!#|~]/g, '\\$&');

const offsets = (node: Nodes): [number, number] | undefined => {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
};

/** One pass: the edits that make this parse of the document safe, outermost first. */
function findEdits(markdown: string, tree: Root, removed: UnsafeCounts): Edit[] {
  const edits: Edit[] = [];
  const count = (url: string) => {
    const kind = getUrlScheme(url) === 'javascript' ? 'javascript-url' : 'unsafe-url';
    removed[kind] = (removed[kind] ?? 0) + 1;
  };
  visit(tree, (node) => {
    const at = offsets(node);
    if (!at) return;
    if (node.type === 'html') {
      const clean = sanitizeHtmlPiece(node.value, IMPORT_POLICY);
      addUnsafeCounts(removed, clean.removed);
      if (clean.html !== node.value) edits.push({ start: at[0], end: at[1], text: clean.html });
    } else if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
      count(node.url);
      // A link keeps its text (the next pass looks at what is in it); a definition goes.
      const first = node.type === 'link' ? node.children[0] && offsets(node.children[0]) : undefined;
      const last = node.type === 'link' ? node.children.at(-1) && offsets(node.children.at(-1)!) : undefined;
      edits.push({ start: at[0], end: at[1], text: first && last ? markdown.slice(first[0], last[1]) : '' });
      return 'skip';
    } else if (node.type === 'image' && !isSafeUrl(node.url, { dataImages: true })) {
      count(node.url);
      edits.push({ start: at[0], end: at[1], text: escapeMarkdownText(node.alt ?? '') });
    }
    return undefined;
  });
  // Edits inside an earlier (outer) edit wait for the next pass.
  const kept: Edit[] = [];
  for (const e of edits.sort((a, b) => a.start - b.start || b.end - a.end))
    if (!kept.some((k) => e.start < k.end && e.end > k.start)) kept.push(e);
  return kept;
}

const MAX_PASSES = 5;

/**
 * Raw HTML and unsafe URLs of a Markdown document through the import schema. Runs until a parse
 * of the result finds nothing to change (an edit can reveal more, as a link's text once the link
 * is gone); what it could not settle in a few passes is written as text.
 */
export function sanitizeMarkdown(markdown: string): { markdown: string; removed: UnsafeCounts } {
  const removed: UnsafeCounts = {};
  let text = markdown;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = findEdits(text, parser.parse(text), removed);
    if (edits.length === 0) return { markdown: text, removed };
    for (const e of edits.reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  // Never reached by what the converters write; a safe end for input built to never settle.
  return { markdown: escapeMarkdownText(text), removed };
}
