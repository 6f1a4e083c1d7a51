import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAstroOutDir } from './astro-out-dir.ts';
import { loadFeedbackManifest } from '../feedback/manifest.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A project folder with `config` as its astro.config.mjs (none when undefined). */
function project(config?: string, name = 'astro.config.mjs') {
  dir = mkdtempSync(path.join(tmpdir(), 'astro-out-dir-'));
  if (config !== undefined) writeFileSync(path.join(dir, name), config);
  return dir;
}

describe('findAstroOutDir', () => {
  it("is Astro's default dist/ without a config or without an outDir in it", async () => {
    expect(await findAstroOutDir(project())).toBe(path.join(dir, 'dist'));
    expect(await findAstroOutDir(project('export default { integrations: [] };'))).toBe(path.join(dir, 'dist'));
  });

  it("follows the config's outDir, as a path relative to the project or a file URL", async () => {
    expect(await findAstroOutDir(project("export default { outDir: './site-out' };"))).toBe(path.join(dir, 'site-out'));
    expect(
      await findAstroOutDir(
        project("export default { outDir: new URL('./built/', import.meta.url) };", 'astro.config.js'),
      ),
    ).toBe(path.join(dir, 'built'));
  });

  it('leads to a missing-manifest error that names the outDir looked in, not dist/', async () => {
    const outDir = await findAstroOutDir(project("export default { outDir: './site-out' };"));
    const file = path.join(outDir, 'feedback-manifest.json');
    expect(() => loadFeedbackManifest(file)).toThrow(
      `the feedback manifest ${file} does not exist; looked in ${path.join(dir, 'site-out')}: run "npm run build" first to write it there, or set FEEDBACK_MANIFEST to the feedback-manifest.json of the built site`,
    );
  });

  it("is this repository's dist-site/ (HELP_CENTER_OUT_DIR aside), where npm run build writes the sample", async () => {
    expect(await findAstroOutDir(REPO)).toBe(path.resolve(REPO, process.env.HELP_CENTER_OUT_DIR ?? 'dist-site'));
  });

  it('names the config when it cannot be loaded or its outDir is not a path', async () => {
    project("throw new Error('no astro here');");
    await expect(findAstroOutDir(dir)).rejects.toThrow(
      `${path.join(dir, 'astro.config.mjs')} could not be loaded to find the build folder (no astro here); run the command where npm install has run, or name the build's files with a flag`,
    );
    project('export default { outDir: 42 };');
    await expect(findAstroOutDir(dir)).rejects.toThrow(
      `the outDir of ${path.join(dir, 'astro.config.mjs')} is not a folder path (42); name the build's files with a flag`,
    );
  });
});
