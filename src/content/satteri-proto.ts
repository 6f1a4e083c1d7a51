import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineMdastPlugin, defineHastPlugin, type HastNode } from 'satteri';
import type { Paragraph, PhrasingContent } from 'mdast';
import type { Element } from 'hast';
import { isCalloutType, CALLOUT_TYPES, type CalloutType } from './remark-callouts.ts';
import { resolveLink } from './links.ts';
import { withBase } from './routes.ts';
import type { RemarkLinksOptions } from './remark-links.ts';

type Labelled = Paragraph & { data?: { directiveLabel?: boolean } };

export const satteriCallouts = defineMdastPlugin({
  name: 'help-center-callouts',
  textDirective(node, ctx) {
    const label: PhrasingContent[] = node.children.length > 0 ? [{ type: 'text', value: '[' }, ...node.children, { type: 'text', value: ']' }] : [];
    ctx.replaceNode(node, [{ type: 'text', value: `:${node.name}` }, ...label]);
  },
  containerDirective(node, ctx) {
    let type: CalloutType;
    let collapse: 'open' | 'closed' | undefined;
    let defaultLabel: string;
    const attributes = node.attributes ?? {};
    if (isCalloutType(node.name)) {
      type = node.name;
      collapse = attributes.open != null ? 'open' : attributes.collapsed != null ? 'closed' : undefined;
      defaultLabel = CALLOUT_TYPES[type];
    } else if (node.name === 'details') {
      type = 'note';
      collapse = attributes.open != null ? 'open' : 'closed';
      defaultLabel = 'Details';
    } else return;
    const className = ['callout', `callout-${type}`, ...(collapse ? ['callout-collapsible'] : [])];
    ctx.setField(node, 'data', { hName: collapse ? 'details' : 'aside', hProperties: { className, ...(collapse === 'open' ? { open: true } : {}) } });
    const first = node.children[0] as Labelled | undefined;
    const title: Paragraph = {
      type: 'paragraph',
      data: { hName: collapse ? 'summary' : 'p', hProperties: { className: ['callout-title'] } } as never,
      children: [{ type: 'strong', children: first?.type === 'paragraph' && first.data?.directiveLabel ? first.children : [{ type: 'text', value: defaultLabel }] }],
    };
    if (first?.type === 'paragraph' && first.data?.directiveLabel) ctx.replaceNode(first, title);
    else ctx.prependChild(node, title);
  },
});

export function satteriLinks(options: RemarkLinksOptions) {
  return (fctx: { fileURL: URL | undefined }) => {
    if (!fctx.fileURL) return undefined;
    const abs = fileURLToPath(fctx.fileURL);
    const fromContentPath = path.relative(options.contentDir, abs).split(path.sep).join('/');
    if (fromContentPath.startsWith('..')) return undefined;
    const first = fromContentPath.split('/')[0]!;
    const locale = options.localeFolders?.includes(first) ? first : undefined;
    const within = locale ? fromContentPath.slice(locale.length + 1) : fromContentPath;
    const defaultRoute = { locale: options.defaultPrefix };
    const rewrite = (url: string) => {
      let resolved = resolveLink(within, url, locale ? { locale } : defaultRoute);
      if (locale && resolved.type === 'bad-content' && resolved.contentPath.startsWith('../'))
        resolved = resolveLink(fromContentPath, url, defaultRoute);
      if (resolved.type === 'content') return withBase(options.base, resolved.sitePath);
      if (resolved.type === 'site') return withBase(options.base, resolved.sitePath) + (resolved.anchor ? `#${resolved.anchor}` : '');
      return url;
    };
    const visit = (node: { url: string }, ctx: { setField: (...a: never[]) => void }) => {
      const url = rewrite(node.url);
      if (url !== node.url) (ctx.setField as (n: unknown, k: string, v: string) => void)(node, 'url', url);
    };
    return defineMdastPlugin({ name: 'help-center-links', link: visit, image: visit, definition: visit });
  };
}

const HEADING = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
export const satteriTableRegions = defineHastPlugin({
  name: 'help-center-table-regions',
  element: {
    filter: [...HEADING, 'table'],
    visit(node, ctx) {
      const state = ((ctx.data as { tableRegion?: { heading: string } }).tableRegion ??= { heading: '' });
      const clean = (t: string) => t.replace(/\s+/g, ' ').trim();
      if (node.tagName !== 'table') { state.heading = clean(ctx.textContent(node)); return; }
      const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
      const fm = ctx.data.astro?.frontmatter ?? {};
      const title = typeof fm.title === 'string' ? fm.title : typeof fm.question === 'string' ? fm.question : '';
      const label = (caption ? clean(ctx.textContent(caption)) : '') || state.heading || clean(title);
      ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ...(label && { ariaLabel: label }) }, children: [] });
    },
  },
});

const PHONE = String.raw`\+\d[\d ().\-\u00a0]*\d`;
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const RUN = new RegExp(`${PHONE}|${EMAIL}`, 'g');
const ANY = new RegExp(`${PHONE}|${EMAIL}`);
const SKIP = new Set(['code', 'pre', 'kbd', 'samp', 'bdi', 'bdo', 'script', 'style', 'a']);
export const satteriBidi = defineHastPlugin({
  name: 'help-center-bidi-isolate',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const ref = node.properties.href;
      if (typeof ref === 'string' && /^(tel|mailto):/i.test(ref)) ctx.wrapNode(node, { type: 'element', tagName: 'bdi', properties: {}, children: [] });
    },
  },
  text(node, ctx) {
    if (!ANY.test(node.value)) return;
    for (let p: HastNode | undefined = ctx.parent(node) as HastNode; p && p.type === 'element'; p = ctx.parent(p) as HastNode | undefined)
      if (SKIP.has(p.tagName)) return;
    const out: HastNode[] = [];
    let last = 0;
    for (const m of node.value.matchAll(RUN)) {
      if (m[0].startsWith('+') && (m[0].match(/\d/g)?.length ?? 0) < 7) continue;
      if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
      out.push({ type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: m[0] }] });
      last = m.index + m[0].length;
    }
    if (last === 0) return;
    if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
    ctx.replaceNode(node, out);
  },
});

function panel(label: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', data: { hName: 'p', hProperties: { className: ['tab-label'] } } as never, children: [{ type: 'strong', children: label }] };
}
export const satteriTabs = defineMdastPlugin({
  name: 'help-center-tabs',
  containerDirective(node, ctx) {
    if (node.name === 'tabs') {
      const group = node.attributes?.group?.trim();
      ctx.setField(node, 'data', { hName: 'div', hProperties: { className: ['tabs'], ...(group ? { dataTabsGroup: group } : {}) } });
      const first = node.children[0] as Labelled | undefined;
      if (first?.type === 'paragraph' && first.data?.directiveLabel) ctx.setField(first, 'data', null);
      const astro = ctx.data.astro;
      if (astro) astro.frontmatter = { ...astro.frontmatter, hasTabs: true };
      return;
    }
    if (node.name !== 'tab') return;
    const parent = ctx.parent(node);
    let index = 0;
    if (parent?.type === 'containerDirective' && parent.name === 'tabs') {
      const at = ctx.indexOf(node) ?? 0;
      for (let i = 0; i < at; i++) {
        const sibling = parent.children[i]!;
        if (sibling.type === 'containerDirective' && sibling.name === 'tab') index++;
      }
    }
    ctx.setField(node, 'data', { hName: 'div', hProperties: { className: ['tab-panel'] } });
    const first = node.children[0] as Labelled | undefined;
    if (first?.type === 'paragraph' && first.data?.directiveLabel) ctx.replaceNode(first, panel(first.children));
    else ctx.prependChild(node, panel([{ type: 'text', value: `Tab ${index + 1}` }]));
  },
});
