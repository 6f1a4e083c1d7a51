/**
 * What of an article's HTML the widget puts into the host page: the build sanitises every widget
 * fragment (src/lib/sanitize-html.ts); this allow-list is the widget's last defence, applied while
 * copying the fragment out of an inert document (safe-dom.ts). Pure: which elements, which
 * attributes with which values, which URLs.
 */

/**
 * Elements the widget rebuilds: the text elements the build's widget schema keeps (TEXT_TAGS of
 * sanitize-html.ts); any other element is dropped with everything inside it.
 */
export const FRAGMENT_TAGS: ReadonlySet<string> = new Set(
  'a abbr aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'.split(
    ' ',
  ),
);

/**
 * An absolute URL for `url` (relative ones resolve against the help center) when it is http(s),
 * mailto or tel, else undefined: `javascript:`, `data:` and the like never become a link.
 */
export function getSafeUrl(url: string, helpUrl: string): string | undefined {
  try {
    const resolved = new URL(url.replace(/^\/(?!\/)/, ''), helpUrl);
    return /^(https?|mailto|tel):$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The value to give attribute `name` of an allowed element `tag`, or undefined to leave it out.
 * Links go to http(s) (or stay in-page anchors); images load only from the help center; classes
 * only the content's own (callouts, table regions, content tabs' panels and labels), so an
 * article cannot take on the widget's fixed-position styles; ids not the widget's own (`hc1-…`).
 */
export function getAllowedAttribute(tag: string, name: string, value: string, helpUrl: string): string | undefined {
  if (name === 'href') return tag !== 'a' ? undefined : value[0] === '#' ? value : getSafeUrl(value, helpUrl);
  if (name === 'src') {
    const url = tag === 'img' ? getSafeUrl(value, helpUrl) : undefined;
    return url?.startsWith(new URL(helpUrl).origin + '/') ? url : undefined;
  }
  if (name === 'class')
    return (
      value
        .split(/\s+/)
        // Content tabs have no script in the widget: every panel shows under its label, as on a page without JavaScript.
        .filter((c) => /^(callout[\w-]*|table-scroll|tabs|tab-panel|tab-label)$/.test(c))
        .join(' ') || undefined
    );
  const allowed =
    (name === 'role' && /^(region|note|group)$/.test(value)) ||
    (name === 'tabindex' && /^(0|-1)$/.test(value)) ||
    (name === 'id' && !/^hc\d/.test(value)) ||
    /^(alt|title|aria-label|aria-hidden|width|height|colspan|rowspan|scope|align|start|type|open|datetime|lang|dir)$/.test(
      name,
    );
  return allowed ? value : undefined;
}
