/**
 * The widget builds its markup in someone else's page, so nothing from the network is ever parsed
 * as HTML in that page: elements come from tag names, strings go in as text nodes, URLs are
 * checked (fragment-allow-list.ts). The one piece of HTML it shows, an article's fragment, is
 * parsed by DOMParser into an inert document (no script runs, nothing loads) and rebuilt element
 * by element through the allow-list: nothing of the parsed document is moved into the page.
 */
import { getExcerptParts } from '../search/client/index-strings.ts';
import { FRAGMENT_TAGS, getAllowedAttribute } from './fragment-allow-list.ts';

export type Child = Node | string | false | null | undefined;

/** An element with attributes (undefined ones left out) and children (text as text; falsy ones left out). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | undefined> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const name in attrs) if (attrs[name] !== undefined) el.setAttribute(name, attrs[name]);
  return fill(el, ...children);
}

/** Replaces what `el` holds with `children` (text as text; falsy ones left out). */
export function fill<E extends Element | DocumentFragment>(el: E, ...children: Child[]): E {
  el.replaceChildren();
  for (const child of children) if (child) el.append(child);
  return el;
}

/** An article's HTML fragment as nodes of this page, rebuilt through the allow-list. */
export function buildFragment(html: string, helpUrl: string): DocumentFragment {
  const out = document.createDocumentFragment();
  // Not a defence (copyAllowed is): the build's fragments keep Shiki's colour styles, which the
  // allow-list drops anyway, and merely parsing a style attribute makes a page with a strict
  // style-src report a violation. Serialised HTML has no raw "<" or '"' inside text or values.
  const unstyled = html.replace(/(<[a-z][^>]*?)\s+style="[^"]*"/gi, '$1');
  copyAllowed(new DOMParser().parseFromString(getInertInput(unstyled), 'text/html').body, out, helpUrl);
  return out;
}

/** The Trusted Types policy of the widget's one HTML parse; null where the page has none. */
let policy: { createHTML(html: string): string } | null | undefined;

/**
 * On a page that enforces Trusted Types (`require-trusted-types-for 'script'`), DOMParser takes
 * only TrustedHTML: the widget's policy `helpdesk-kit-widget` passes the fragment through, for
 * this inert parse only (the page's CSP must list it in `trusted-types`). Everywhere else the string.
 */
function getInertInput(html: string): string {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } })
    .trustedTypes;
  if (policy === undefined)
    try {
      policy = factory?.createPolicy('helpdesk-kit-widget', { createHTML: (s: string) => s }) ?? null;
    } catch {
      // The page's `trusted-types` does not allow the name: the parse below fails, the panel says so.
      policy = null;
    }
  return policy ? policy.createHTML(html) : html;
}

function copyAllowed(from: Node, to: Node, helpUrl: string): void {
  for (const node of from.childNodes) {
    // 3: text, 1: element (comments and the rest are left out).
    if (node.nodeType === 3) to.appendChild(document.createTextNode(node.nodeValue!));
    if (node.nodeType !== 1) continue;
    const source = node as Element;
    const tag = source.localName;
    if (!FRAGMENT_TAGS.has(tag)) continue;
    const el = document.createElement(tag);
    for (const { name, value } of source.attributes) {
      const allowed = getAllowedAttribute(tag, name, value, helpUrl);
      if (allowed !== undefined) el.setAttribute(name, allowed);
    }
    // Links leave the product page for a new tab, without a handle back to it.
    if (tag === 'a' && el.getAttribute('href')?.[0] !== '#') {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
    copyAllowed(source, el, helpUrl);
    to.appendChild(el);
  }
}

/** A Pagefind excerpt as text, its matched words in `<mark>`. */
export const buildExcerpt = (excerpt: string): Child[] =>
  getExcerptParts(excerpt).map((part) => (part.marked ? h('mark', null, part.text) : part.text));

/** Styles for a shadow root as a constructed stylesheet: unlike a `<style>` element, a page's CSP (style-src) does not block it. */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}
