/**
 * Builds a help center with the real `astro build` in a child process, pointed at a content
 * folder, into its own output and cache folders. Returns the output folder and what the build printed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SITES_DIR = path.join(REPO_ROOT, '.cache', 'sites');

export interface BuildResult {
  outDir: string;
  status: number | null;
  output: string;
}

/** The environment of a plain shell: without what vitest sets (NODE_ENV=test, BASE_URL, MODE, PROD...). */
export function getCleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key))
      delete env[key];
  }
  return env;
}

/**
 * `log: true` keeps Astro's info log (what the integration says) in `output`; by default only
 * warnings and errors. `verbose: true` builds with --verbose: the debug log too (the integration's details).
 */
export function buildSite(
  name: string,
  contentDir: string,
  env: Record<string, string> = {},
  { log = false, verbose = false } = {},
): BuildResult {
  const outDir = path.join(SITES_DIR, name);
  const result = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'),
      'build',
      ...(verbose ? ['--verbose'] : log ? [] : ['--silent']),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...getCleanEnv(),
        HELP_CENTER_CONTENT_DIR: contentDir,
        HELP_CENTER_OUT_DIR: outDir,
        HELP_CENTER_CACHE_DIR: path.join(REPO_ROOT, '.cache', 'astro', name),
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // Astro colours its log when CI is set, even into a pipe; tests read the words.
  return { outDir, status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}
