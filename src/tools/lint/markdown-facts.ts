/**
 * Reads one Markdown body with remark (+ remark-directive, as the site does) and keeps what the
 * checks need: headings with the ids Astro gives them, links and images, directive blocks, and the
 * prose (text outside code and HTML). Offsets are into `body`; everything here is serialisable so
 * a cache can keep it.
 */
import GithubSlugger from 'github-slugger';
import { splitHeadingId } from '../../content/remark-heading-ids.ts';
import type { Nodes } from 'mdast';
import type {} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkDirective from 'remark-directive';

export interface HeadingFact {
  depth: number;
  /** The element id Astro gives the heading (github-slugger, per page). */
  id: string;
  text: string;
  offset: number;
}

export interface LinkFact {
  kind: 'link' | 'image' | 'definition' | 'html-link' | 'html-image';
  /** The destination as written (after Markdown unescaping). */
  url: string;
  offset: number;
  /** Images only: the alt text, or undefined when an HTML <img> has no alt attribute at all. */
  alt?: string;
}

export interface DirectiveFact {
  type: 'containerDirective' | 'leafDirective';
  name: string;
  offset: number;
  /** How many colons open it (`::::tabs`: 4). */
  colons: number;
  /** Written with a `[label]`. */
  labelled: boolean;
  /** The name of the directive block it is directly in, if any. */
  parent?: string;
  /** Container blocks: the offsets of children that are not `:::tab` blocks (for `tabs`). */
  otherChildren?: number[];
  /** `tabs` blocks: how many `:::tab` blocks are directly in it. */
  tabCount?: number;
}

/** A stretch of prose exactly as written in the source (so offsets inside it are exact). */
export interface TextFact {
  offset: number;
  text: string;
  /** Set when the text is the label of a link, so a URL written there is not counted twice. */
  inLink?: true;
}

export interface MarkdownFacts {
  headings: HeadingFact[];
  /** The `id` attributes of HTML elements in the body (`<a id="x"></a>`, `<h2 id="x">`): link targets on the page too. */
  htmlIds: string[];
  links: LinkFact[];
  directives: DirectiveFact[];
  text: TextFact[];
}

/** Bump when the shape or meaning of the facts changes, so cached facts are read again. */
export const FACTS_VERSION = 4;

const processor = remark().use(remarkDirective).freeze();

const HTML_IMG = /<img\b[^>]*>/gi;
const HTML_ID = /<[a-z][^>]*?\sid\s*=\s*(["'])([^"']+)\1/gi;
const HTML_A = /<a\b[^>]*\bhref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)[^>]*>/gi;

export function getMarkdownFacts(body: string): MarkdownFacts {
  const tree = processor.parse(body);
  const facts: MarkdownFacts = { headings: [], htmlIds: [], links: [], directives: [], text: [] };
  const slugger = new GithubSlugger();
  walk(tree, body, facts, slugger, false, undefined);
  return facts;
}

function walk(
  node: Nodes,
  body: string,
  facts: MarkdownFacts,
  slugger: GithubSlugger,
  inLink: boolean,
  parent: string | undefined,
): void {
  const start = node.position?.start.offset;
  switch (node.type) {
    case 'heading':
      if (start !== undefined) {
        // A `{#custom-id}` is the heading's id, as on the page (remark-heading-ids.ts); others are slugged.
        const written = splitHeadingId(toString(node, { includeImageAlt: false, includeHtml: false }));
        const text = written.text;
        facts.headings.push({ depth: node.depth, id: written.id ?? getHeadingId(slugger, text), text, offset: start });
      }
      break;
    case 'link':
    case 'definition':
      if (start !== undefined) facts.links.push({ kind: node.type, url: node.url, offset: start });
      break;
    case 'image':
      if (start !== undefined) facts.links.push({ kind: 'image', url: node.url, offset: start, alt: node.alt ?? '' });
      return;
    case 'containerDirective':
    case 'leafDirective':
      if (start !== undefined) {
        const first = node.children[0] as { data?: { directiveLabel?: boolean } } | undefined;
        const labelled = Boolean(first?.data?.directiveLabel);
        const fact: DirectiveFact = {
          type: node.type,
          name: node.name,
          offset: start,
          colons: /^:*/.exec(body.slice(start))![0].length,
          labelled,
          ...(parent !== undefined && { parent }),
        };
        if (node.type === 'containerDirective' && node.name === 'tabs') {
          fact.otherChildren = node.children
            .slice(labelled ? 1 : 0)
            .filter((c) => !(c.type === 'containerDirective' && c.name === 'tab'))
            .map((c) => c.position?.start.offset ?? start);
          fact.tabCount = node.children.filter((c) => c.type === 'containerDirective' && c.name === 'tab').length;
        }
        facts.directives.push(fact);
      }
      for (const child of node.children) walk(child, body, facts, slugger, inLink, node.name);
      return;
    case 'text':
    case 'textDirective': {
      // The site prints unknown text directives back as typed ("open 9:30"), so they are prose.
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const last = facts.text[facts.text.length - 1];
      // Adjacent pieces of one run of text ("9" ":30") become one, so words are not cut apart.
      if (last && last.offset + last.text.length === start && Boolean(last.inLink) === inLink)
        last.text += body.slice(start, end);
      else
        facts.text.push(
          inLink
            ? { offset: start, text: body.slice(start, end), inLink }
            : { offset: start, text: body.slice(start, end) },
        );
      return;
    }
    case 'html': {
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        const html = body.slice(start, end);
        collectHtmlLinks(html, start, facts);
        for (const m of html.matchAll(HTML_ID)) facts.htmlIds.push(m[2]!);
      }
      return;
    }
    case 'code':
    case 'inlineCode':
      return;
  }
  if ('children' in node) {
    const childInLink = inLink || node.type === 'link' || node.type === 'linkReference';
    for (const child of node.children) walk(child, body, facts, slugger, childInLink, undefined);
  }
}

/** Astro's heading ids: smartypants turns "--" into a dash, github-slugger slugs the text, and a trailing "-" is dropped. */
export function getHeadingId(slugger: GithubSlugger, text: string): string {
  const slug = slugger.slug(text.replace(/--/g, '\u2014'));
  return slug.endsWith('-') ? slug.slice(0, -1) : slug;
}

function collectHtmlLinks(raw: string, offset: number, facts: MarkdownFacts): void {
  if (!raw.includes('<')) return;
  for (const match of raw.matchAll(HTML_IMG)) {
    const tag = match[0];
    facts.links.push({
      kind: 'html-image',
      url: getAttribute(tag, 'src') ?? '',
      offset: offset + match.index,
      alt: getAttribute(tag, 'alt'),
    });
  }
  for (const match of raw.matchAll(HTML_A)) {
    facts.links.push({ kind: 'html-link', url: unquote(match[1] ?? ''), offset: offset + match.index });
  }
}

function getAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, 'i').exec(tag);
  if (match) return unquote(match[1] ?? '');
  return new RegExp(`\\s${name}(?=[\\s/>])`, 'i').test(tag) ? '' : undefined;
}

function unquote(value: string): string {
  return /^["']/.test(value) ? value.slice(1, -1) : value;
}
