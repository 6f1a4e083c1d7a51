/**
 * How a link written in an article resolves. Writers link to other content by file
 * (`../account/reset-password.md#change-it`), which also works when browsing the repository,
 * or by site path (`/account/reset-password/`). The build rewrites both to real URLs; the linter
 * uses the same resolution to find broken links.
 */
import path from 'node:path';
import { getArticlePath, getFaqPath, type RouteOptions } from './routes.ts';

export type ResolvedLink =
  | { type: 'external'; href: string }
  | { type: 'anchor'; anchor: string }
  /** A link to a content file: `contentPath` is relative to content/, like "articles/billing/refunds.md". */
  | { type: 'content'; contentPath: string; kind: 'article' | 'faq'; category: string; slug: string; anchor?: string; sitePath: string }
  /** A link to a Markdown file outside articles/ or faqs/, or not one or two folders deep in them. */
  | { type: 'bad-content'; contentPath: string }
  /** A root-relative site path such as "/billing/" or "/images/card.png". */
  | { type: 'site'; sitePath: string; anchor?: string }
  | { type: 'other'; href: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * @param fromContentPath the linking file, relative to content/ (e.g. "articles/billing/refunds.md")
 * @param href the link target as written
 * @param route the language prefix the linked page's URL takes (none for the default language)
 */
export function resolveLink(fromContentPath: string, href: string, route?: RouteOptions): ResolvedLink {
  if (SCHEME.test(href) || href.startsWith('//')) return { type: 'external', href };
  if (href.startsWith('#')) return { type: 'anchor', anchor: decodeURIComponent(href.slice(1)) };
  const [rawPath = '', rawAnchor] = splitOnce(href, '#');
  const anchor = rawAnchor ? decodeURIComponent(rawAnchor) : undefined;
  const cleanPath = rawPath.split('?')[0]!;
  if (cleanPath.startsWith('/')) return { type: 'site', sitePath: cleanPath, anchor };
  if (!/\.mdx?$/.test(cleanPath)) return { type: 'other', href };
  const contentPath = path.posix.normalize(path.posix.join(path.posix.dirname(fromContentPath), decodeURIComponent(cleanPath)));
  const parts = contentPath.split('/');
  // <collection>/<category>/<slug>.md, or with a section folder between: its URL leaves the section out.
  if (parts.length !== 3 && parts.length !== 4) return { type: 'bad-content', contentPath };
  const [collection = '', category = ''] = parts;
  const slug = parts.at(-1)!.replace(/\.mdx?$/, '');
  if (collection === 'articles') {
    const sitePath = getArticlePath(category, slug, route) + (anchor ? `#${anchor}` : '');
    return { type: 'content', contentPath, kind: 'article', category, slug, anchor, sitePath };
  }
  if (collection === 'faqs') {
    return { type: 'content', contentPath, kind: 'faq', category, slug, anchor, sitePath: getFaqPath(slug, route) };
  }
  return { type: 'bad-content', contentPath };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i === -1 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
