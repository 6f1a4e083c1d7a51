/**
 * Where the content lives and where the build writes. Tests and the benchmark point these at
 * fixture sites through environment variables; everyone else uses the defaults.
 */
import path from 'node:path';

/** Absolute path of the content folder (HELP_CENTER_CONTENT_DIR, default ./content). */
export function getContentDir(cwd = process.cwd()): string {
  return path.resolve(cwd, process.env.HELP_CENTER_CONTENT_DIR ?? 'content');
}

/** The project root that content paths in messages are relative to: the content folder's parent. */
export function getProjectRoot(cwd = process.cwd()): string {
  return path.dirname(getContentDir(cwd));
}

/** The category list, inside the content folder. */
export const CATEGORIES_FILE = 'categories.yaml';
