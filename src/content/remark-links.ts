/**
 * Rewrites links and images written in content to real URLs: `../billing/refunds.md#timeline`
 * becomes `/billing/refunds/#timeline`, and root-relative paths get the deployment base.
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
}

export function remarkLinks(options: RemarkLinksOptions) {
  return (tree: Root, file: VFile) => {
    const abs = file.path ?? file.history[0];
    if (!abs) return;
    const fromContentPath = path.relative(options.contentDir, abs).split(path.sep).join('/');
    if (fromContentPath.startsWith('..')) return;
    rewriteUrls(tree, (url) => {
      const resolved = resolveLink(fromContentPath, url);
      if (resolved.type === 'content') return withBase(options.base, resolved.sitePath);
      if (resolved.type === 'site') return withBase(options.base, resolved.sitePath) + (resolved.anchor ? `#${resolved.anchor}` : '');
      return url;
    });
  };
}

/** Every link, image and link definition, in one plain walk (it runs on every file of every build). */
function rewriteUrls(node: Nodes, rewrite: (url: string) => string): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') node.url = rewrite(node.url);
  if ('children' in node) for (const child of node.children) rewriteUrls(child, rewrite);
}
