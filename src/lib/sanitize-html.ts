/**
 * The one sanitiser for HTML that comes from outside the repository (ARCHITECTURE.md, "One
 * sanitiser"): help-desk bodies and raw HTML in imported Markdown (the import schema), and every
 * fragment the widget shows inside a product's page (the widget schema, stricter). HTML is parsed
 * as browsers parse it (parse5, through rehype-parse), only what an explicit schema allows is kept
 * (hast-util-sanitize), and what was taken out is counted by kind by comparing each element of
 * the tree before with the tree after, never by matching the source text.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** What the sanitiser reports it removed; harmless removals (an unknown tag, a class) are not counted. */
export const UNSAFE_KINDS = [
  'script',
  'event-handler',
  'javascript-url',
  'unsafe-url',
  'iframe',
  'srcdoc',
  'style',
  'unsafe-style',
  'form',
  'object',
  'metadata',
  'svg-math',
] as const;
export type UnsafeKind = (typeof UNSAFE_KINDS)[number];
export type UnsafeCounts = Partial<Record<UnsafeKind, number>>;

/** Singular and plural of each kind, for summaries and warnings. */
const KIND_WORDS: Record<UnsafeKind, [string, string]> = {
  script: ['script', 'scripts'],
  'event-handler': ['event handler', 'event handlers'],
  'javascript-url': ['javascript: link', 'javascript: links'],
  'unsafe-url': ['data:, vbscript: or other unsafe URL', 'data:, vbscript: or other unsafe URLs'],
  iframe: ['iframe', 'iframes'],
  srcdoc: ['iframe srcdoc', 'iframe srcdocs'],
  style: ['style block', 'style blocks'],
  'unsafe-style': ['style attribute with url() or expression()', 'style attributes with url() or expression()'],
  form: ['form or form control', 'forms or form controls'],
  object: ['object or embed', 'objects or embeds'],
  metadata: ['base, meta or link tag', 'base, meta or link tags'],
  'svg-math': ['SVG or MathML element', 'SVG or MathML elements'],
};

/** "3 scripts, 2 event handlers, 1 javascript: link", in the order of UNSAFE_KINDS; "" for none. */
export function formatUnsafeCounts(counts: UnsafeCounts): string {
  return UNSAFE_KINDS.filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${counts[k]} ${KIND_WORDS[k][counts[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

export function countUnsafe(counts: UnsafeCounts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}

/** Adds `more` into `into` (for totals over many fragments). */
export function addUnsafeCounts(into: UnsafeCounts, more: UnsafeCounts): UnsafeCounts {
  for (const k of UNSAFE_KINDS) if (more[k]) into[k] = (into[k] ?? 0) + more[k];
  return into;
}

/** Video players whose iframes become a link to the video: our pages and the widget carry no third-party frames. */
export const IFRAME_ALLOW =
  /^https?:\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com|youtu\.be|player\.vimeo\.com|vimeo\.com|www\.loom\.com|loom\.com|fast\.wistia\.net)\//i;

/**
 * The scheme of a URL as a browser reads it: ASCII tabs and newlines anywhere are dropped,
 * leading spaces and control characters ignored, case folded (`" Java\tScript:"` is
 * `javascript`). Undefined for a relative URL. Entities are already decoded by the HTML parser.
 */
export function getUrlScheme(url: string): string | undefined {
  // [^!-\uFFFF] is U+0000 to U+0020: the controls and spaces a browser skips before the scheme.
  const s = url.replace(/[\t\n\r]/g, '').replace(/^[^!-\uFFFF]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]!.toLowerCase();
}

/** Raster images inline as data: URLs (pasted screenshots); SVG is not among them, it can hold script. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;

/** Whether a URL may stay: relative, http(s), mailto or tel; with `dataImages`, a raster data: image. */
export function isSafeUrl(url: string, { dataImages = false } = {}): boolean {
  const scheme = getUrlScheme(url);
  if (scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme)) return true;
  return dataImages && scheme === 'data' && DATA_IMAGE.test(url.replace(/[\t\n\r]/g, '').trim());
}

const unsafeUrlKind = (url: string): UnsafeKind =>
  getUrlScheme(url) === 'javascript' ? 'javascript-url' : 'unsafe-url';

/** CSS that loads or runs something, and the escapes and comments that could hide it. */
const UNSAFE_STYLE =
  /url\s*\(|expression\s*\(|image(?:-set)?\s*\(|element\s*\(|@import|javascript:|behavior|binding|\\|\/\*/i;
/** A style attribute without any of the above (Shiki's `color:var(--astro-code-token-function)` passes). */
const SAFE_STYLE = new RegExp(`^(?![\\s\\S]*(?:${UNSAFE_STYLE.source}))[\\s\\S]*$`, 'i');

/** Property names (hast) that hold URLs a browser loads or follows. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'poster',
  'cite',
  'background',
  'data',
  'codeBase',
  'longDesc',
  'lowsrc',
  'dynsrc',
  'xLinkHref',
  'ping',
  'manifest',
]);

const ELEMENT_KINDS: Record<string, UnsafeKind> = {
  script: 'script',
  style: 'style',
  iframe: 'iframe',
  frame: 'iframe',
  frameset: 'iframe',
  form: 'form',
  input: 'form',
  button: 'form',
  select: 'form',
  textarea: 'form',
  keygen: 'form',
  datalist: 'form',
  object: 'object',
  embed: 'object',
  applet: 'object',
  param: 'object',
  base: 'metadata',
  meta: 'metadata',
  link: 'metadata',
  svg: 'svg-math',
  math: 'svg-math',
};

function attributeKind(name: string, value: unknown): UnsafeKind | undefined {
  if (/^on/i.test(name)) return 'event-handler';
  if (name === 'srcDoc') return 'srcdoc';
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  if (URL_PROPERTIES.has(name)) return isSafeUrl(text, { dataImages: true }) ? undefined : unsafeUrlKind(text);
  if (name === 'style') return UNSAFE_STYLE.test(text) ? 'unsafe-style' : undefined;
  return undefined;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Elements that may hold anything else, removed with their content (the rest are unwrapped). */
const STRIP = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'textarea',
  'title',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'select',
  'button',
  'svg',
  'math',
  'head',
];
/** Anchors (heading ids in any script, old links' names): one word, no space. */
const ID = /^\S+$/;
const TEXT_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  ...HEADINGS,
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
  'aside',
];
const TABLE_ANCESTORS = {
  tbody: ['table'],
  thead: ['table'],
  tfoot: ['table'],
  tr: ['table'],
  td: ['table'],
  th: ['table'],
};

/** Attributes of lists, tables, details and times that both schemas keep. */
const STRUCTURE_ATTRIBUTES: NonNullable<Schema['attributes']> = {
  ol: ['start', 'type'],
  td: ['align', 'colSpan', 'rowSpan'],
  th: ['align', 'colSpan', 'rowSpan', 'scope'],
  details: ['open'],
  time: ['dateTime'],
};

/**
 * Imported HTML: hosted desks' bodies before turndown, and raw HTML left in imported Markdown.
 * Text, structure, links, images and the classes the converter reads (callout boxes, code
 * languages); ids for old anchors. No script, style, frame, form, object or event handler.
 */
export const IMPORT_SCHEMA: Schema = {
  tagNames: [...TEXT_TAGS, 'article', 'header', 'footer', 'main', 'strike', 'tt'],
  strip: STRIP,
  ancestors: TABLE_ANCESTORS,
  allowComments: true,
  allowDoctypes: false,
  // Ids are kept as written: they are the anchors old links use (`{#id}`); pages show them in their own document.
  clobber: [],
  clobberPrefix: '',
  attributes: {
    '*': [['id', ID], 'title', 'lang', 'dir'],
    a: ['href', 'name'],
    img: ['src', 'alt', 'width', 'height'],
    code: [['className', /^language-[\w#+.-]+$/]],
    div: ['className'],
    aside: ['className'],
    blockquote: ['className', 'cite'],
    section: ['className'],
    p: ['className'],
    span: ['className'],
    pre: ['className'],
    ...STRUCTURE_ATTRIBUTES,
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https', 'data'],
    cite: ['http', 'https'],
  },
  required: {},
};

/**
 * Widget fragments, shown inside someone else's page: what the site's Markdown renders (headings
 * with ids, callouts, table regions, Shiki code with colour styles, images, lists, details) and
 * nothing that runs, loads a frame, submits or changes the page's base.
 */
export const WIDGET_SCHEMA: Schema = {
  tagNames: TEXT_TAGS,
  strip: [...STRIP, 'form', 'input'],
  ancestors: TABLE_ANCESTORS,
  allowComments: false,
  allowDoctypes: false,
  // The widget shows fragments in its shadow root: ids cannot clobber the product page's globals.
  clobber: [],
  clobberPrefix: '',
  attributes: {
    '*': [['id', ID], 'className', 'title', 'lang', 'dir', 'ariaLabel', 'ariaHidden'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height', ['loading', 'lazy', 'eager'], ['decoding', 'async', 'sync', 'auto']],
    div: [
      ['role', 'region', 'note', 'group'],
      ['tabIndex', 0, -1],
    ],
    pre: [['style', SAFE_STYLE], ['tabIndex', 0, -1], 'dataLanguage'],
    span: [['style', SAFE_STYLE]],
    code: [['style', SAFE_STYLE]],
    ...STRUCTURE_ATTRIBUTES,
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  required: {},
};

export interface SanitizePolicy {
  schema: Schema;
  /** Raster data: images may stay in `img src`. */
  dataImages: boolean;
}

export const IMPORT_POLICY: SanitizePolicy = { schema: IMPORT_SCHEMA, dataImages: true };
export const WIDGET_POLICY: SanitizePolicy = { schema: WIDGET_SCHEMA, dataImages: false };

export interface SanitizedHtml {
  html: string;
  removed: UnsafeCounts;
}

const parser = unified().use(rehypeParse, { fragment: true, verbose: true });
const serializer = unified().use(rehypeStringify);

/**
 * Before the schema: URLs trimmed and their scheme lower-cased as browsers read them, unsafe ones
 * dropped (the schema's protocol check is exact and case-sensitive), and an allowed video iframe
 * turned into a link to the video, with the iframe's title as its text.
 */
function prepare(tree: Root, policy: SanitizePolicy): void {
  visit(tree, 'element', (el, index, parent) => {
    for (const [name, value] of Object.entries(el.properties)) {
      if (!URL_PROPERTIES.has(name) || typeof value !== 'string') continue;
      const url = value.trim();
      if (!isSafeUrl(url, { dataImages: policy.dataImages && el.tagName === 'img' && name === 'src' }))
        delete el.properties[name];
      else el.properties[name] = url.replace(/^[a-z][a-z0-9+.-]*:/i, (s) => s.toLowerCase());
    }
    if (el.tagName === 'iframe' && parent && index !== undefined) {
      const src = typeof el.properties.src === 'string' ? el.properties.src : '';
      if (!IFRAME_ALLOW.test(src)) return;
      const title = typeof el.properties.title === 'string' && el.properties.title.trim() ? el.properties.title : '';
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: src },
        children: [{ type: 'text', value: title.trim() || 'Watch the video' }],
        // The iframe's place: the comparison then counts only what the link lost (srcdoc, handlers).
        position: el.position,
      };
      parent.children[index] = link;
    }
  });
}

interface Snapshot {
  tagName: string;
  properties: Properties;
}

function snapshot(tree: Root): Map<number, Snapshot> {
  const out = new Map<number, Snapshot>();
  visit(tree, 'element', (el) => {
    const offset = el.position?.start.offset;
    if (offset !== undefined) out.set(offset, { tagName: el.tagName, properties: { ...el.properties } });
  });
  return out;
}

/** What each element of `before` lost in `after`, matched by where it starts in the source. */
function compare(before: Map<number, Snapshot>, after: Root): UnsafeCounts {
  const kept = new Map<number, Element>();
  visit(after, 'element', (el) => {
    const offset = el.position?.start.offset;
    if (offset !== undefined) kept.set(offset, el);
  });
  const counts: UnsafeCounts = {};
  const add = (kind: UnsafeKind | undefined) => {
    if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
  };
  for (const [offset, was] of before) {
    const now = kept.get(offset);
    const elementKind = now ? undefined : ELEMENT_KINDS[was.tagName];
    if (elementKind) {
      add(elementKind);
      continue;
    }
    for (const [name, value] of Object.entries(was.properties))
      if (!now || !(name in now.properties)) add(attributeKind(name, value));
  }
  return counts;
}

/** Parses and sanitises; the tree keeps each element's source position and whether it was closed. */
export function sanitizeHtmlTree(html: string, policy: SanitizePolicy): { tree: Root; removed: UnsafeCounts } {
  const tree = parser.parse(html);
  const before = snapshot(tree);
  prepare(tree, policy);
  const clean = sanitize(tree, policy.schema) as Root;
  const root: Root = clean.type === 'root' ? clean : { type: 'root', children: [clean as unknown as RootContent] };
  // A list attribute whose every value was refused (class="language-a`b") goes, rather than stay empty.
  visit(root, 'element', (el) => {
    for (const [name, value] of Object.entries(el.properties))
      if (Array.isArray(value) && value.length === 0) delete el.properties[name];
  });
  return { tree: root, removed: compare(before, root) };
}

export function stringifyHtml(tree: Root): string {
  return serializer.stringify(tree);
}

/** An HTML fragment through a policy: the clean HTML, and what was removed by kind. */
export function sanitizeHtml(html: string, policy: SanitizePolicy): SanitizedHtml {
  const { tree, removed } = sanitizeHtmlTree(html, policy);
  return { html: stringifyHtml(tree), removed };
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** An element the source opened and never closed (the rest of a Markdown document closes it). */
function isLeftOpen(el: Element): boolean {
  const pos = el.data as { position?: { opening?: unknown; closing?: unknown } } | undefined;
  return !VOID.has(el.tagName) && pos?.position?.opening !== undefined && pos.position.closing === undefined;
}

/** Serialises nodes, leaving the trailing elements the source left open without their end tags. */
function stringifyKeepingOpen(nodes: ElementContent[] | RootContent[]): string {
  const last = nodes.at(-1);
  if (!last || last.type !== 'element' || !isLeftOpen(last)) return stringifyHtml({ type: 'root', children: nodes });
  const before = stringifyHtml({ type: 'root', children: nodes.slice(0, -1) });
  const start = stringifyHtml({ type: 'root', children: [{ ...last, children: [] }] }).slice(
    0,
    -`</${last.tagName}>`.length,
  );
  return before + start + stringifyKeepingOpen(last.children);
}

const END_TAG = /^\s*<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/;

/**
 * A piece of raw HTML from a Markdown document (one `html` node: a block, or one inline tag),
 * re-serialised from its sanitised tree so that no piece can end inside a tag or an attribute.
 * Elements it opens and leaves open stay open, and end tags of allowed elements stay, since the
 * Markdown around the piece (a `<details>` with Markdown inside) closes them.
 */
export function sanitizeHtmlPiece(html: string, policy: SanitizePolicy): SanitizedHtml {
  let rest = html;
  let ends = '';
  for (let m = END_TAG.exec(rest); m; m = END_TAG.exec(rest)) {
    const name = m[1]!.toLowerCase();
    if (policy.schema.tagNames?.includes(name) && !VOID.has(name)) ends += `</${name}>`;
    rest = rest.slice(m[0].length);
  }
  if (!rest.trim()) return { html: ends, removed: {} };
  const { tree, removed } = sanitizeHtmlTree(rest, policy);
  return { html: ends + stringifyKeepingOpen(tree.children), removed };
}
