/**
 * HTML bodies of hosted help desks to Markdown, with turndown and its GFM plugin (tables, strike,
 * task lists). The HTML first passes the import schema of the one sanitiser (lib/sanitize-html.ts),
 * which counts what it removed by kind and turns allowed video iframes into links; the Markdown
 * written then escapes every `<` of the text, so text that spelled out a tag stays text. Alert and
 * callout boxes become our `:::note|tip|warning`; headings are shifted so the article title stays
 * the only `#`.
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import {
  addUnsafeCounts,
  countUnsafe,
  IMPORT_POLICY,
  sanitizeHtml,
  type UnsafeCounts,
} from '../../lib/sanitize-html.ts';
import type { ConversionCounts } from './types.ts';

export interface HtmlConversion {
  markdown: string;
  /** What the sanitiser took out, by kind. */
  unsafeRemoved: UnsafeCounts;
  /** Images that had no alt text, which now have their file name's words (to check). */
  altFromFileName: string[];
}

/** Notes, in the import's summary, the images whose alt text came from their file name. */
export function recordAltFromFileName(counts: ConversionCounts, origin: string, urls: readonly string[]): void {
  const message = "image without alt text -> its file name's words as alt (check them)";
  counts.converted.push(...urls.map(() => ({ origin, message })));
}

/** Images the current conversion gave a file-name alt (turndown's rules cannot return more than text). */
let altFromFileName: string[] = [];

/** `.../edit-address.png?1708` -> "edit address"; empty for names that are not words (`file-Qw7eRt`, `IMG_0042`). */
export function altFromFile(src: string): string {
  const name = decodeURIComponentSafe(src.split(/[?#]/)[0]!.split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  const words = name.split(/[-_\s.]+/).filter(Boolean);
  // Random ids and camera names say nothing about the picture.
  if (words.length === 0 || words.some((w) => /\d/.test(w) || (/[a-z]/.test(w) && /[A-Z]/.test(w.slice(1))))) return '';
  return words.join(' ').toLowerCase();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Adds what the sanitiser removed from one source item (`origin`) to the import's counts. */
export function recordUnsafeHtml(counts: ConversionCounts, origin: string, removed: UnsafeCounts): void {
  if (countUnsafe(removed) === 0) return;
  counts.unsafeHtmlRemoved.set(origin, addUnsafeCounts(counts.unsafeHtmlRemoved.get(origin) ?? {}, removed));
}

/** Which callout a CSS class list or an alert word stands for. */
export function calloutTypeOf(word: string): 'note' | 'tip' | 'warning' | undefined {
  const w = word.toLowerCase();
  // Help Scout's editor colours its callouts: callout-red warns, callout-green suggests.
  if (/\b(warning|warn|danger|caution|error|alert-danger|important|attention|failure|bug|callout-red)\b/.test(w))
    return 'warning';
  if (/\b(tip|hint|success|check|done|callout-green)\b/.test(w)) return 'tip';
  if (
    /\b(note|info|information|notice|abstract|summary|question|example|quote|callout|alert|primary|secondary)\b/.test(w)
  )
    return 'note';
  return undefined;
}

/** The ids `{#id}` can hold (remark-heading-ids.ts). */
const HEADING_ID = /^\w[\w:.-]*$/;

/**
 * Text as Markdown text: turndown's escapes, and `<` (and `&` before an entity) escaped too, so
 * text that spelled out a tag or an autolink (`&lt;script&gt;` in the HTML) is never raw HTML.
 */
const escapeText = (text: string, base: (t: string) => string) =>
  base(text)
    .replace(/</g, '\\<')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');

/** An attribute (alt, title) as Markdown link text: no bracket, backslash, `<` or line break can end it early. */
const escapeLabel = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]<>`*_&!]/g, '\\$&');

/**
 * A link destination: brackets and backslashes escaped (so none can end it), in `<...>` when it has
 * whitespace. Bare otherwise, as turndown writes it, which the import's link rewriting reads.
 */
const escapeDestination = (url: string) => {
  const escaped = url.replace(/[\r\n]/g, '').replace(/([()<>\\])/g, '\\$1');
  return /\s/.test(escaped) ? `<${escaped}>` : escaped;
};

/** A link title in double quotes. */
const escapeTitle = (title: string) => title.replace(/\s+/g, ' ').replace(/(["\\])/g, '\\$1');

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  const baseEscape = service.escape.bind(service);
  service.escape = (text: string) => escapeText(text, baseEscape);
  service.use(gfm);
  // The sanitiser has removed these already; removing them here too costs nothing.
  service.remove(['script', 'style', 'noscript', 'form', 'button', 'input', 'select', 'textarea', 'object', 'embed']);
  service.addRule('callout', {
    filter: (node) =>
      // Help Scout writes its callouts as <section class="callout-yellow">.
      ['DIV', 'ASIDE', 'BLOCKQUOTE', 'SECTION'].includes(node.nodeName) &&
      /\b(alert|callout|admonition|notice|note|tip|warning|info|danger)\b/i.test(node.getAttribute('class') ?? ''),
    replacement: (content, node) => {
      const type = calloutTypeOf(node.getAttribute('class') ?? '') ?? 'note';
      return `\n\n:::${type}\n${content.trim()}\n:::\n\n`;
    },
  });
  // Links and images with escaped text, destination and title: an alt or URL can never close the
  // link early and leave the rest of it to be read as HTML.
  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      const title = node.getAttribute('title');
      return `[${content}](${escapeDestination(node.getAttribute('href')!)}${title ? ` "${escapeTitle(title)}"` : ''})`;
    },
  });
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = node.getAttribute('src');
      if (!src) return '';
      const title = node.getAttribute('title');
      // WYSIWYG editors insert images without alt text: the file name's words are a start, and listed.
      let alt = node.getAttribute('alt') ?? '';
      if (!alt.trim() && altFromFile(src)) {
        alt = altFromFile(src);
        altFromFileName.push(src);
      }
      return `![${escapeLabel(alt)}](${escapeDestination(src)}${title ? ` "${escapeTitle(title)}"` : ''})`;
    },
  });
  // GitHub's highlighted code (turndown-plugin-gfm writes it in a three-backtick fence, whatever
  // the code holds): a fence longer than any backtick run inside, so the code cannot end it.
  service.addRule('highlightedCodeBlock', {
    filter: (node) =>
      node.nodeName === 'DIV' &&
      /highlight-(?:text|source)-[a-z0-9]+/.test(node.className) &&
      node.firstChild?.nodeName === 'PRE',
    replacement: (_content, node) => {
      const language = /highlight-(?:text|source)-([a-z0-9]+)/.exec(node.className)?.[1] ?? '';
      return fence(node.firstChild?.textContent ?? '', language);
    },
  });
  // Code blocks as WYSIWYG editors write them (Freshdesk's and Help Scout's Froala, TinyMCE): a bare
  // <pre>, lines split by <br>, the language in a class. Turndown would read it as a paragraph.
  service.addRule('editorCodeBlock', {
    filter: (node) => node.nodeName === 'PRE' && node.firstChild?.nodeName !== 'CODE',
    replacement: (_content, node) => {
      const language = /(?:^|\s)(?:language|lang|brush)-([\w#+.-]+)/.exec(node.className)?.[1] ?? '';
      return fence(preText(node), language.toLowerCase());
    },
  });
  // A heading's id is an anchor old links use: kept as `{#id}`, which our Markdown turns back into the id.
  service.addRule('headingId', {
    filter: (node) => /^H[1-6]$/.test(node.nodeName) && HEADING_ID.test(node.getAttribute('id') ?? ''),
    replacement: (content, node) =>
      `\n\n${'#'.repeat(Number(node.nodeName[1]))} ${content.trim()} {#${node.getAttribute('id')}}\n\n`,
  });
  // Layout wrappers (grids, columns) carry nothing in Markdown: their content stays, in order.
  service.addRule('layout', {
    filter: (node) =>
      ['SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN'].includes(node.nodeName) &&
      !(node.nodeName === 'SECTION' && calloutTypeOf(node.getAttribute('class') ?? '')),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  return service;
}

let service: TurndownService | undefined;

/**
 * Editors leave <br> at the end of list items, paragraphs and cells (`<li>Open it.<br></li>`):
 * they end nothing, and in Markdown they would make a tight list loose.
 */
function dropTrailingBreaks(html: string): string {
  return html.replace(/(?:<br\s*\/?>\s*)+(<\/(?:li|p|td|th|h[1-6])>)/gi, '$1');
}

/** The text of a <pre>, with each <br> a line break. */
function preText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes))
    text += child.nodeName === 'BR' ? '\n' : child.nodeType === 1 ? preText(child) : (child.textContent ?? '');
  return text;
}

/**
 * Editors keep a code block's language in attributes the sanitiser drops (Freshdesk's
 * `code-brush="js"`, `data-language`): moved into a `language-` class, which it keeps.
 */
function editorCodeLanguages(html: string): string {
  return html.replace(/<pre\b([^>]*)>/gi, (tag, attrs: string) => {
    const language = /\s(?:code-brush|data-language|data-lang)\s*=\s*["']?([\w#+.-]+)/i.exec(attrs)?.[1];
    if (!language || /\sclass\s*=/i.test(attrs)) return tag;
    return `<pre class="language-${language}"${attrs}>`;
  });
}

/** Code in a backtick fence longer than any backtick run in it. */
function fence(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `\n\n${marks}${language}\n${code.replace(/\n$/, '')}\n${marks}\n\n`;
}

/** The first row of a table without `<th>` becomes its heading row, so GFM can hold it. */
function giveTablesHeadings(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/gi, (table) => {
    if (/<th\b/i.test(table)) return table;
    return table.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/i, (row) =>
      row.replace(/<td\b/gi, '<th').replace(/<\/td>/gi, '</th>'),
    );
  });
}

/** Shift headings so the highest one is `##`: the title is the page's only `#`, and no level is skipped under it. */
export function shiftHtmlHeadings(html: string): string {
  const levels = [...html.matchAll(/<h([1-6])\b/gi)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = 2 - Math.min(...levels);
  if (shift === 0) return html;
  return html.replace(/<(\/?)h([1-6])\b/gi, (_m, slash: string, level: string) => {
    const next = Math.max(2, Math.min(6, Number(level) + shift));
    return `<${slash}h${next}`;
  });
}

export function htmlToMarkdown(html: string): HtmlConversion {
  service ??= createService();
  altFromFileName = [];
  const { html: safe, removed: unsafeRemoved } = sanitizeHtml(
    editorCodeLanguages(dropTrailingBreaks(html)),
    IMPORT_POLICY,
  );
  const markdown = service
    .turndown(giveTablesHeadings(shiftHtmlHeadings(safe)))
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, unsafeRemoved, altFromFileName };
}

/** Plain text of an HTML fragment (titles with entities, descriptions). */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** `&amp;`, `&#39;`, `&#x2019;` and the common named entities. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return NAMED[code.toLowerCase()] ?? m;
  });
}
