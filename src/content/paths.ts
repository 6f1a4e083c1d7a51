/**
 * Where the content lives. The integration resolves the content folder from the Astro project's
 * root and its `contentDir` option; the CLI from `--root`. Nothing here reads the environment.
 */
import path from 'node:path';

/** The content folder a project uses unless the integration's `contentDir` option says otherwise. */
export const DEFAULT_CONTENT_DIR = 'content';

/** Absolute path of the content folder of the project at `root`. */
export function resolveContentDir(root: string, contentDir: string = DEFAULT_CONTENT_DIR): string {
  return path.resolve(root, contentDir);
}

/** The folder that content paths in messages are relative to: the content folder's parent. */
export function getProjectRoot(contentDir: string): string {
  return path.dirname(contentDir);
}

/** The category list, inside the content folder. */
export const CATEGORIES_FILE = 'categories.yaml';
