/**
 * Rewrites links and images written in content to real URLs: `../billing/refunds.md#timeline`
 * becomes `/billing/refunds/#timeline`, and root-relative paths get the deployment base. A file
 * link in a translation (content/de/...) stays in its language (`/de/billing/refunds/`), unless
 * it leaves the language's folder for the default language's file.
 */
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { resolveLink } from './links.ts';
import { withBase } from './routes.ts';

export interface RemarkLinksOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Deployment base, "/" or "/help/". */
  base: string;
  /** The content folders of the other languages ("de" for content/de/); their URLs take that prefix. */
  localeFolders?: readonly string[];
  /** The default language's URL prefix, when site.yaml sets `defaultLocalePrefix`. */
  defaultPrefix?: string;
}

/** How the URLs written in the file at `abs` are rewritten; undefined for a file outside the content folder. */
export function linkRewriter(options: RemarkLinksOptions, abs: string): ((url: string) => string) | undefined {
  const fromContentPath = path.relative(options.contentDir, abs).split(path.sep).join('/');
  if (fromContentPath.startsWith('..')) return undefined;
  const first = fromContentPath.split('/')[0]!;
  const locale = options.localeFolders?.includes(first) ? first : undefined;
  const within = locale ? fromContentPath.slice(locale.length + 1) : fromContentPath;
  const defaultRoute = { locale: options.defaultPrefix };
  return (url) => {
    let resolved = resolveLink(within, url, locale ? { locale } : defaultRoute);
    if (locale && resolved.type === 'bad-content' && resolved.contentPath.startsWith('../'))
      resolved = resolveLink(fromContentPath, url, defaultRoute);
    if (resolved.type === 'content') return withBase(options.base, resolved.sitePath);
    if (resolved.type === 'site') return withBase(options.base, resolved.sitePath) + (resolved.anchor ? `#${resolved.anchor}` : '');
    return url;
  };
}

export function remarkLinks(options: RemarkLinksOptions) {
  return (tree: Root, file: VFile) => {
    const abs = file.path ?? file.history[0];
    const rewrite = abs ? linkRewriter(options, abs) : undefined;
    if (rewrite) rewriteUrls(tree, rewrite);
  };
}

/** Every link, image and link definition, in one plain walk (it runs on every file of every build). */
function rewriteUrls(node: Nodes, rewrite: (url: string) => string): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') node.url = rewrite(node.url);
  if ('children' in node) for (const child of node.children) rewriteUrls(child, rewrite);
}
