/**
 * Every URL of the help center comes from here, so a locale prefix can be added in one place.
 * Paths are site-relative and do not include the deployment base (see `withBase`).
 */

/** Category ids that would collide with built-in routes. */
export const RESERVED_SEGMENTS = ['faq', 'search', '404', 'pagefind', '_astro', 'images', 'assets', 'feedback', 'widget'] as const;

export interface RouteOptions {
  /** A locale prefix such as "de"; omitted for the default language. */
  locale?: string;
}

const prefix = (opts?: RouteOptions) => (opts?.locale ? `/${opts.locale}` : '');

export const getHomePath = (opts?: RouteOptions) => `${prefix(opts)}/`;
export const getCategoryPath = (category: string, opts?: RouteOptions) => `${prefix(opts)}/${category}/`;
export const getArticlePath = (category: string, slug: string, opts?: RouteOptions) =>
  `${prefix(opts)}/${category}/${slug}/`;
/**
 * The element id of a section's heading on its category page. Sections have no URL of their own:
 * an article's URL leaves its section out, so moving it between sections changes nothing.
 */
export const getSectionAnchor = (section: string) => `section-${section}`;
export const getFaqIndexPath = (opts?: RouteOptions) => `${prefix(opts)}/faq/`;
/** The element id of a FAQ question on the FAQ page and on its category page. */
export const getFaqAnchor = (slug: string) => slug;
export const getFaqPath = (slug: string, opts?: RouteOptions) => `${getFaqIndexPath(opts)}#${getFaqAnchor(slug)}`;
export const getSearchPath = (opts?: RouteOptions) => `${prefix(opts)}/search/`;

/** Prefix a site-relative path with the deployment base ("/" or "/help/"). */
export function withBase(base: string, sitePath: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}

/** The Markdown copy of an article or FAQ answer the build writes for assistants and the widget. */
export const getArticleMarkdownPath = (category: string, slug: string, opts?: RouteOptions) =>
  `${prefix(opts)}/${category}/${slug}.md`;
export const getFaqMarkdownPath = (slug: string, opts?: RouteOptions) => `${getFaqIndexPath(opts)}${slug}.md`;

/** The id the feedback endpoint and reports use for an article or FAQ. */
export const getFeedbackId = (kind: 'article' | 'faq', slug: string) => `${kind}:${slug}`;
