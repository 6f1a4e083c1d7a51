/** Builds the sample help center and the fixture sites once for all built-site tests. */
import path from 'node:path';
import { buildSite, REPO_ROOT } from '../helpers/build-site.ts';

export const SITE_BUILDS = {
  sample: { content: path.join(REPO_ROOT, 'content'), env: {} },
  'base-path': { content: path.join(REPO_ROOT, 'test/fixtures/base-path/content'), env: {} },
  'languages-omit': { content: path.join(REPO_ROOT, 'test/fixtures/languages-omit/content'), env: {} },
} as const;

export default function setup(): void {
  for (const [name, { content, env }] of Object.entries(SITE_BUILDS)) {
    const result = buildSite(name, content, env);
    if (result.status !== 0) throw new Error(`Building the ${name} site failed:\n${result.output}`);
  }
}
