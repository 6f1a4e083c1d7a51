/**
 * HTML bodies of hosted help desks to Markdown, with turndown and its GFM plugin (tables, strike,
 * task lists). Before converting: scripts, styles, forms, iframes that are not on the video
 * allow-list and inline event handlers are removed and counted; alert and callout boxes become
 * our `:::note|tip|warning`; headings are shifted so the article title stays the only `#`.
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

/** Embeds a help center may keep (as a link to the video: our pages carry no third-party frames). */
const IFRAME_ALLOW =
  /^https?:\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com|youtu\.be|player\.vimeo\.com|vimeo\.com|www\.loom\.com|loom\.com|fast\.wistia\.net)\//i;

export interface HtmlConversion {
  markdown: string;
  /** Scripts, styles, forms, iframes off the allow-list and inline event handlers taken out. */
  unsafeRemoved: number;
}

/** Which callout a CSS class list or an alert word stands for. */
export function calloutTypeOf(word: string): 'note' | 'tip' | 'warning' | undefined {
  const w = word.toLowerCase();
  if (/\b(warning|warn|danger|caution|error|alert-danger|important|attention|failure|bug)\b/.test(w)) return 'warning';
  if (/\b(tip|hint|success|check|done)\b/.test(w)) return 'tip';
  if (
    /\b(note|info|information|notice|abstract|summary|question|example|quote|callout|alert|primary|secondary)\b/.test(w)
  )
    return 'note';
  return undefined;
}

/** The ids `{#id}` can hold (remark-heading-ids.ts). */
const HEADING_ID = /^[A-Za-z][\w:.-]*$/;

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  service.use(gfm);
  service.remove(['script', 'style', 'noscript', 'form', 'button', 'input', 'select', 'textarea', 'object', 'embed']);
  service.addRule('callout', {
    filter: (node) =>
      (node.nodeName === 'DIV' || node.nodeName === 'ASIDE' || node.nodeName === 'BLOCKQUOTE') &&
      /\b(alert|callout|admonition|notice|note|tip|warning|info|danger)\b/i.test(node.getAttribute('class') ?? ''),
    replacement: (content, node) => {
      const type = calloutTypeOf(node.getAttribute('class') ?? '') ?? 'note';
      return `\n\n:::${type}\n${content.trim()}\n:::\n\n`;
    },
  });
  service.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const src = node.getAttribute('src') ?? '';
      if (!IFRAME_ALLOW.test(src)) return '';
      const title = node.getAttribute('title') || 'Watch the video';
      return `\n\n[${title}](${src})\n\n`;
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
    filter: ['section', 'article', 'header', 'footer', 'main'],
    replacement: (content) => `\n\n${content}\n\n`,
  });
  return service;
}

let service: TurndownService | undefined;

/** Count what is unsafe in the HTML; the converter then leaves it out. */
function countUnsafe(html: string): number {
  const tags = html.match(/<(script|style|form|object|embed)\b/gi)?.length ?? 0;
  const handlers = html.match(/\son[a-z]+\s*=/gi)?.length ?? 0;
  const frames = [...html.matchAll(/<iframe\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/gi)].filter(
    (m) => !IFRAME_ALLOW.test(m[1]!),
  ).length;
  const javascriptLinks = html.match(/href\s*=\s*["']?\s*javascript:/gi)?.length ?? 0;
  return tags + handlers + frames + javascriptLinks;
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
  const unsafeRemoved = countUnsafe(html);
  const clean = giveTablesHeadings(shiftHtmlHeadings(html)).replace(/href\s*=\s*(["'])\s*javascript:[^"']*\1/gi, '');
  const markdown = service
    .turndown(clean)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, unsafeRemoved };
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
