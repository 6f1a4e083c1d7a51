/**
 * Where the site's build is: the `outDir` of its Astro config, so the commands that read the
 * build (`feedback serve`, `mcp`) find it where `astro build` wrote it, in a team's site and in
 * this repository (whose config builds into dist-site/). The config is imported as Astro itself
 * does; a site without one builds into Astro's default, dist/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, HelpCenterError } from '../lib/errors.ts';

/** The names Astro looks for, in its order. */
const CONFIG_NAMES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

/** Astro's own default. */
export const DEFAULT_OUT_DIR = 'dist';

/**
 * The absolute build folder of the Astro project in `root`.
 * @throws HelpCenterError naming the config file when it cannot be loaded or its outDir is not a path
 */
export async function findAstroOutDir(root: string): Promise<string> {
  const name = CONFIG_NAMES.find((n) => existsSync(path.join(root, n)));
  if (!name) return path.join(root, DEFAULT_OUT_DIR);
  const file = path.join(root, name);
  let config: unknown;
  try {
    config = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (err) {
    throw new HelpCenterError(
      ErrorCodes.InvalidFeedbackConfig,
      `${file} could not be loaded to find the build folder (${(err as Error).message}); run the command where npm install has run, or name the build's files with a flag`,
    );
  }
  const outDir = (config as { outDir?: unknown } | undefined)?.outDir;
  if (outDir === undefined) return path.join(root, DEFAULT_OUT_DIR);
  if (outDir instanceof URL) return path.resolve(fileURLToPath(outDir));
  if (typeof outDir === 'string' && outDir) return path.resolve(root, outDir);
  throw new HelpCenterError(
    ErrorCodes.InvalidFeedbackConfig,
    `the outDir of ${file} is not a folder path (${JSON.stringify(outDir)}); name the build's files with a flag`,
  );
}
