/**
 * Every page names an icon that the build wrote: the site's logo, else a default favicon.svg in
 * the brand colour, unless the project's public/ has its own. Without one, `astro dev` logged a
 * missing favicon on every page and the built site answered 404.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, SITES_DIR } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';
import { article, writeTempSite } from '../helpers/temp-site.ts';

const iconOf = (outDir: string, sitePath: string) =>
  readPage(outDir, sitePath).querySelector('link[rel=icon]')?.getAttribute('href');

describe('the favicon', () => {
  it('is a default SVG in the brand colour when site.yaml has no logo, under the base path on every page', () => {
    const outDir = path.join(SITES_DIR, 'base-path');
    const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages)
      expect(iconOf(outDir, `/${path.dirname(page)}/`.replace('/./', '/')), page).toBe('/help/favicon.svg');
    const svg = readFileSync(path.join(outDir, 'favicon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('fill="#4f46e5"');
  });

  it('is the logo when site.yaml has one', () => {
    const outDir = path.join(SITES_DIR, 'sample');
    expect(iconOf(outDir, '/')).toBe('/images/logo.svg');
    expect(readdirSync(path.join(outDir, 'images'))).toContain('logo.svg');
  });

  it("is the project's own public/favicon.svg when it has one, in place of ours", () => {
    const root = writeTempSite({
      'content/site.yaml': 'name: Test Help\nurl: https://help.test.example\nbrandColor: "#0f766e"\n',
      'content/articles/billing/refunds.md': article('Refunds'),
    });
    mkdirSync(path.join(root, 'public'));
    const own = '<svg xmlns="http://www.w3.org/2000/svg"><!-- ours --></svg>\n';
    writeFileSync(path.join(root, 'public/favicon.svg'), own);
    const result = buildSite('favicon-own', path.join(root, 'content'), {
      HELP_CENTER_PUBLIC_DIR: path.join(root, 'public'),
    });
    expect(result.status, result.output).toBe(0);
    expect(result.output.trim()).toBe('');
    expect(iconOf(result.outDir, '/billing/refunds/')).toBe('/favicon.svg');
    expect(readFileSync(path.join(result.outDir, 'favicon.svg'), 'utf8')).toBe(own);
  }, 120_000);
});
