/**
 * Page weight of a built page: the gzip bytes of its HTML, the stylesheets it links (and their
 * @imports) and the scripts it loads (with their static imports) - what a first visit downloads
 * before the reader starts searching. Dynamic import() chunks (the search UI, Pagefind) load only
 * when searching and are not counted. Budgets live in test/budget.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { REPO_ROOT } from './build-site.ts';

export type WeightKind = 'html' | 'css' | 'js';
export type Weights = Record<WeightKind, number>;

export interface PageWeight {
  weights: Weights;
  /** The files counted, relative to the output folder. */
  files: Record<WeightKind, string[]>;
}

export interface PageWeightBudget {
  pages: Record<string, Weights>;
  /** The in-product widget's script, gzip bytes. */
  widget: { js: number };
}

export const BUDGET_FILE = path.join(REPO_ROOT, 'test/budget.json');

/** One representative page per page type (the article has tables, a code block and a table of contents). */
export const WEIGHT_PAGE_TYPES: Record<string, string> = {
  home: '/',
  category: '/billing/',
  article: '/orders-shipping/international-shipping/',
  faq: '/faq/',
  search: '/search/',
  '404': '/404.html',
};

export function loadBudget(): PageWeightBudget {
  return JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as PageWeightBudget;
}

/** The widget's cap from the issue that introduced it: a budget above this is an error, not a choice. */
export const WIDGET_HARD_CAP = 15 * 1024;

/** The in-product widget as a product page loads it: `/widget.js` and its static imports (none, it is one bundle). */
export function measureWidget(outDir: string): { js: number; files: string[] } {
  const file = path.join(outDir, 'widget.js');
  const code = readFileSync(file);
  const imports = getStaticImports(code.toString('utf8'));
  if (imports.length > 0) throw new Error(`widget.js imports ${imports.join(', ')} statically; it must be one file`);
  return { js: gzipSize(code), files: ['widget.js'] };
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Static `import ... from "x"`, `import "x"` and `export ... from "x"` specifiers; never `import("x")`. */
export function getStaticImports(code: string): string[] {
  const pattern = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{][^'"`;()]*?from\s*)?(["'])([^"'`]+)\1/g;
  return [...code.matchAll(pattern)].map((m) => m[2]!);
}

/** `@import url("x")` and `@import "x"` in a stylesheet. */
export function getCssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)].map((m) => m[1]!);
}

/** Measures one page of a build in `outDir` (a site path like "/faq/" or "/404.html", base "/"). */
export function measurePage(outDir: string, sitePath: string): PageWeight {
  const htmlFile = sitePath.endsWith('.html') ? path.join(outDir, sitePath) : path.join(outDir, sitePath, 'index.html');
  const html = readFileSync(htmlFile);
  const doc = parse(html.toString('utf8'));
  const weights: Weights = { html: gzipSize(html), css: 0, js: 0 };
  const files: Record<WeightKind, string[]> = { html: [path.relative(outDir, htmlFile)], css: [], js: [] };
  const seen = new Set<string>();

  /** A same-site URL (absolute path, or relative to `fromFile`) as a file in outDir. */
  const toFile = (url: string, fromFile: string): string | undefined => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined;
    const clean = url.split(/[?#]/)[0]!;
    return clean.startsWith('/') ? path.join(outDir, clean) : path.resolve(path.dirname(fromFile), clean);
  };
  const add = (kind: 'css' | 'js', file: string | undefined) => {
    if (!file || seen.has(file)) return;
    if (!existsSync(file))
      throw new Error(`${sitePath} loads ${path.relative(outDir, file)}, which the build did not write`);
    seen.add(file);
    const bytes = readFileSync(file);
    weights[kind] += gzipSize(bytes);
    files[kind].push(path.relative(outDir, file));
    const text = bytes.toString('utf8');
    for (const child of kind === 'css' ? getCssImports(text) : getStaticImports(text)) add(kind, toFile(child, file));
  };

  for (const link of doc.querySelectorAll('link[rel~="stylesheet"][href]'))
    add('css', toFile(link.getAttribute('href')!, htmlFile));
  for (const script of doc.querySelectorAll('script')) {
    const type = script.getAttribute('type') ?? '';
    if (type !== '' && type !== 'module' && !/javascript/.test(type)) continue;
    const src = script.getAttribute('src');
    if (src) add('js', toFile(src, htmlFile));
    else if (type === 'module')
      for (const child of getStaticImports(script.textContent)) add('js', toFile(child, htmlFile));
  }
  return { weights, files };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** "html 3.5 KB / 4.4 KB, css ..." for test output. */
export function formatWeights(weights: Weights, limit: Weights): string {
  return (['html', 'css', 'js'] as const).map((k) => `${k} ${kb(weights[k])} / ${kb(limit[k])}`).join(', ');
}

/** Budget failures as sentences, empty when within budget. */
export function getOverBudget(type: string, { weights, files }: PageWeight, limit: Weights): string[] {
  return (['html', 'css', 'js'] as const)
    .filter((k) => weights[k] > limit[k])
    .map(
      (k) =>
        `${type} ${k}: ${weights[k]} bytes gzip is over the budget of ${limit[k]} in test/budget.json (files: ${files[k].join(', ')})`,
    );
}
