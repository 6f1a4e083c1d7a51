/**
 * `helpdesk-kit init`: the starter site from templates/ (published with the package), written by
 * templates/scaffold.mjs, the same code `npm create helpdesk-kit` runs. This file only supplies
 * what the site is made against, from this package's own package.json.
 */
import { readFileSync } from 'node:fs';
import { getKitInfo, scaffoldSite as writeStarter, type ScaffoldResult } from '../../../templates/scaffold.mjs';

export {
  STARTER_DIR,
  SECRET_FILE,
  createFeedbackSecret,
  formatNextSteps,
  getPackageName,
  getSecretFileText,
  type ScaffoldResult,
} from '../../../templates/scaffold.mjs';

/** This package's version, Astro peer range and Node range (this file is src/tools/init/ or dist/tools/init/). */
export const getOwnKitInfo = () =>
  getKitInfo(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')));

export interface ScaffoldOptions {
  /** The folder to create. It must not exist or be empty. */
  target: string;
  /** The version the site depends on (`^version`); default this package's. */
  version?: string;
  /** Where the template is; default templates/starter/ of this package. */
  templateDir?: string;
}

export function scaffoldSite(options: ScaffoldOptions): ScaffoldResult {
  const own = getOwnKitInfo();
  return writeStarter({
    target: options.target,
    templateDir: options.templateDir,
    kit: { ...own, version: options.version ?? own.version },
  });
}
