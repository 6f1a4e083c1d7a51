/**
 * Rewrites links and images written in content to real URLs: `../billing/refunds.md#timeline`
 * becomes `/billing/refunds/#timeline`, and root-relative paths get the deployment base.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
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
    visit(tree, ['link', 'image', 'definition'], (node) => {
      const target = node as { url: string };
      const resolved = resolveLink(fromContentPath, target.url);
      if (resolved.type === 'content') target.url = withBase(options.base, resolved.sitePath);
      else if (resolved.type === 'site')
        target.url = withBase(options.base, resolved.sitePath) + (resolved.anchor ? `#${resolved.anchor}` : '');
    });
  };
}
