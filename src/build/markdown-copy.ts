/**
 * The Markdown of an article or FAQ as its copy for assistants (`/<path>.md`, `/llms-full.txt`)
 * shows it: links that work outside the help center and no directive syntax. A copy is read on its
 * own, far from the content folder, so every link and image becomes an absolute URL (site.yaml's
 * `url` plus the base): a link to another article's file goes to that article's Markdown copy, a
 * site path or image gets the site's URL, a `#anchor` the page's own URL. `:::note` callouts become
 * blockquotes that start with their label (`> **Note:** ...`), which any Markdown reader shows.
 */
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import type { Blockquote, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { remarkTabs } from '../content/remark-tabs.ts';
import { remarkCallouts } from '../content/remark-callouts.ts';
import { remarkLinks, type RemarkLinksOptions } from '../content/remark-links.ts';

export interface MarkdownCopySite {
  /** site.yaml's `url` with the base, no trailing slash: "https://help.example.com/help". */
  siteUrl: string;
  /** How content links resolve (the same options the pages are rendered with). */
  links: RemarkLinksOptions;
  /** A page's path with the base ("/help/billing/refunds/") -> its Markdown copy's site path ("/billing/refunds.md"). */
  markdownPathByPage: ReadonlyMap<string, string>;
}

/** A copy's text: `markdown` is the file's body, `sourcePath` its absolute path, `pagePath` its page's site path. */
export function buildMarkdownCopy(
  site: MarkdownCopySite,
  markdown: string,
  sourcePath: string,
  pagePath: string,
): string {
  const origin = new URL(`${site.siteUrl}/`).origin;
  const pageUrl = `${site.siteUrl}${pagePath}`;
  const toAbsolute = (url: string): string => {
    // remark-links made content links root-relative, with the base: the page's URL.
    if (url.startsWith('/') && !url.startsWith('//')) {
      const [page = '', anchor] = url.split('#', 2) as [string, string | undefined];
      const copy = site.markdownPathByPage.get(url) ?? site.markdownPathByPage.get(page);
      if (copy) return `${site.siteUrl}${copy}${anchor && !site.markdownPathByPage.has(url) ? `#${anchor}` : ''}`;
      return `${origin}${url}`;
    }
    // Anything else relative (an anchor, a file next to the page) is relative to the page.
    if (!/^[a-z][a-z\d+.-]*:/i.test(url)) return new URL(url, pageUrl).href;
    return url;
  };
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(withoutDirectiveOutput)
    // Tabs: each panel in turn under its bold label, as the page shows them without its script.
    .use(remarkTabs)
    .use(remarkCallouts)
    .use(remarkLinks, site.links)
    .use(() => (tree: Root) => {
      rewriteUrls(tree, toAbsolute);
      calloutsToBlockquotes(tree);
    })
    .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' });
  return String(processor.processSync({ value: markdown, path: sourcePath })).trim();
}

function rewriteUrls(node: Nodes, rewrite: (url: string) => string): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') node.url = rewrite(node.url);
  if ('children' in node) for (const child of node.children) rewriteUrls(child, rewrite);
}

/**
 * The copy has no directives left to write (below), so remark-directive's output rules go: they
 * would escape every colon before a letter or digit ("9\\:30").
 */
function withoutDirectiveOutput(this: Processor): void {
  const data = this.data();
  data.toMarkdownExtensions = (data.toMarkdownExtensions ?? []).filter(
    (extension) => !extension.handlers || !('containerDirective' in extension.handlers),
  );
}

/** remark-callouts' asides (a label paragraph, then the body) as `> **Label:** body` blockquotes. */
function calloutsToBlockquotes(parent: Root | Extract<RootContent, { children: unknown }>): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if ('children' in node) calloutsToBlockquotes(node);
    // Not a callout (`::name`, `:::other`): only its content, as the page shows it.
    if (node.type === 'leafDirective') {
      if (node.children.length > 0) children[i] = { type: 'paragraph', children: node.children };
      else children.splice(i--, 1);
      continue;
    }
    if (node.type !== 'containerDirective') continue;
    // Collapsible callouts (<details>) read as callouts in a copy: nothing there is folded.
    if (node.data?.hName !== 'aside' && node.data?.hName !== 'details') {
      children.splice(i, 1, ...(node.children as RootContent[]));
      i += node.children.length - 1;
      continue;
    }
    const [title, ...body] = node.children as RootContent[];
    const label = (title as Paragraph).children[0]!;
    if (label.type === 'strong') label.children.push({ type: 'text', value: ':' });
    const first = body[0];
    const lead: Paragraph =
      first?.type === 'paragraph'
        ? { type: 'paragraph', children: [label, { type: 'text', value: ' ' }, ...first.children] }
        : { type: 'paragraph', children: [label] };
    const rest = (first?.type === 'paragraph' ? body.slice(1) : body) as Blockquote['children'];
    children[i] = { type: 'blockquote', children: [lead, ...rest] };
  }
}
