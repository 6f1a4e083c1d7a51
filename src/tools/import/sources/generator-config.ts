/**
 * What Docusaurus and MkDocs keep about a site outside its pages: where the docs are served
 * (`routeBasePath`), the sidebar's and the nav's categories, mkdocs-redirects' `redirect_maps`,
 * and the snippets and abbreviations pymdownx adds to pages. Read, never run: a `sidebars.js` is
 * parsed as an object literal, so a sidebar built by code is reported, not executed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlToText } from '../html-to-markdown.ts';

/** A page's place in the sidebar or nav: the titles of the categories it is in, outermost first. */
export type NavPlaces = Map<string, { sections: string[]; title?: string; order: number }>;

const stripExt = (p: string) => p.replace(/\.(mdx?|markdown)$/i, '');

/** `routeBasePath` of the docs (preset or plugin option); `/docs` when the config does not say. */
export function readDocusaurusRouteBase(root: string): string {
  for (const name of [
    'docusaurus.config.js',
    'docusaurus.config.ts',
    'docusaurus.config.mjs',
    'docusaurus.config.cjs',
  ]) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    const m = /routeBasePath\s*:\s*['"`]([^'"`]*)['"`]/.exec(readFileSync(file, 'utf8'));
    if (m) return `/${m[1]!.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  }
  return '/docs';
}

/** The first object literal assigned or exported in a JS/TS file, as data (strings, arrays, objects). */
export function parseObjectLiteral(source: string): unknown {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const start = /(?:module\.exports\s*=|export\s+default|=)\s*(?:\{|\[)/.exec(text);
  if (!start) return undefined;
  let i = start.index + start[0].length - 1;
  const open = i;
  let depth = 0;
  let quote: string | undefined;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  const literal = text.slice(open, i + 1);
  // To JSON: strings double-quoted, keys quoted, spreads and identifiers null, no trailing commas.
  const json = literal
    // TypeScript: `{…} as PropSidebarItemLink`, `[…] satisfies X`.
    .replace(/([}\])])\s+(?:as|satisfies)\s+[A-Za-z_$][\w$.]*(?:<[^<>]*>)?(?:\[\])?/g, '$1')
    .replace(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g, (_m, _q: string, s: string) =>
      JSON.stringify(s.replace(/\\(['"`])/g, '$1')),
    )
    .replace(/\.\.\.[\w.]+\s*,?/g, '')
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/:\s*(?!true\b|false\b|null\b)[A-Za-z_$][\w$.]*(\([^()]*\))?/g, ': null')
    .replace(/([[,]\s*)(?!true\b|false\b|null\b)[A-Za-z_$][\w$.]*(\([^()]*\))?(?=\s*[,\]])/g, '$1null')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Sidebar categories per doc id (`guides/setup`), from sidebars.js/ts; undefined when there is none or it cannot be read. */
export function readDocusaurusSidebars(root: string): { places?: NavPlaces; problem?: string } {
  const file = ['sidebars.js', 'sidebars.ts', 'sidebars.mjs', 'sidebars.cjs', 'sidebars.json']
    .map((n) => path.join(root, n))
    .find((f) => existsSync(f));
  if (!file) return {};
  const data = parseObjectLiteral(readFileSync(file, 'utf8'));
  if (!data || typeof data !== 'object')
    return { problem: `${path.basename(file)} could not be read as data: folders name the categories` };
  const places: NavPlaces = new Map();
  const counter = { n: 0 };
  const walk = (items: unknown, sections: string[]) => {
    if (Array.isArray(items)) {
      for (const item of items) walk(item, sections);
      return;
    }
    if (typeof items === 'string') {
      if (!places.has(items)) places.set(items, { sections, order: counter.n++ });
      return;
    }
    if (!items || typeof items !== 'object') return;
    const o = items as Record<string, unknown>;
    if (o.type === 'doc' && typeof o.id === 'string') {
      if (!places.has(o.id))
        places.set(o.id, { sections, title: typeof o.label === 'string' ? o.label : undefined, order: counter.n++ });
    } else if (o.type === 'category' && typeof o.label === 'string') {
      const link = o.link as Record<string, unknown> | undefined;
      if (link?.type === 'doc' && typeof link.id === 'string')
        places.set(link.id, { sections: [...sections, o.label], order: counter.n++ });
      walk(o.items, [...sections, o.label]);
    } else if (!('type' in o)) {
      // Shorthand: { "Category label": [items] }.
      for (const [label, value] of Object.entries(o)) walk(value, [...sections, label]);
    }
  };
  // Each sidebar is a list of items (or the shorthand object); its own name is not a category.
  for (const sidebar of Object.values(data as Record<string, unknown>)) walk(sidebar, []);
  return { places };
}

/** MkDocs nav: each page's category titles, own title (HTML in titles as text) and order. */
export function readMkdocsNavPlaces(nav: unknown): NavPlaces {
  const places: NavPlaces = new Map();
  const counter = { n: 0 };
  const walk = (items: unknown, sections: string[]) => {
    if (!Array.isArray(items)) return;
    for (const item of items as unknown[]) {
      if (typeof item === 'string') places.set(stripExt(item), { sections, order: counter.n++ });
      else if (item && typeof item === 'object') {
        for (const [rawTitle, value] of Object.entries(item as Record<string, unknown>)) {
          const title = /[<&]/.test(rawTitle) ? htmlToText(rawTitle).trim() : rawTitle;
          if (typeof value === 'string') {
            if (!/^[a-z][\w+.-]*:/i.test(value)) places.set(stripExt(value), { sections, title, order: counter.n++ });
          } else walk(value, [...sections, title]);
        }
      }
    }
  };
  walk(nav, []);
  return places;
}

/** mkdocs-redirects' `redirect_maps`: old page file -> new page file (or a URL). */
export function readMkdocsRedirects(plugins: unknown): Map<string, string> {
  const maps = new Map<string, string>();
  if (!Array.isArray(plugins)) return maps;
  for (const p of plugins as unknown[]) {
    const options = p && typeof p === 'object' ? (p as Record<string, unknown>).redirects : undefined;
    const redirectMaps =
      options && typeof options === 'object' ? (options as Record<string, unknown>).redirect_maps : undefined;
    if (!redirectMaps || typeof redirectMaps !== 'object') continue;
    for (const [from, to] of Object.entries(redirectMaps as Record<string, unknown>))
      if (typeof to === 'string') maps.set(from, to);
  }
  return maps;
}

/** pymdownx.snippets options: where snippet names are looked up, and the files appended to every page. */
export function readSnippetOptions(extensions: unknown): { basePaths: string[]; autoAppend: string[] } {
  const result = { basePaths: ['.'], autoAppend: [] as string[] };
  if (!Array.isArray(extensions)) return result;
  for (const e of extensions as unknown[]) {
    const options = e && typeof e === 'object' ? (e as Record<string, unknown>)['pymdownx.snippets'] : undefined;
    if (!options || typeof options !== 'object') continue;
    const o = options as Record<string, unknown>;
    if (typeof o.base_path === 'string') result.basePaths = [o.base_path];
    else if (Array.isArray(o.base_path))
      result.basePaths = o.base_path.filter((b): b is string => typeof b === 'string');
    if (Array.isArray(o.auto_append))
      result.autoAppend = o.auto_append.filter((b): b is string => typeof b === 'string');
  }
  return result;
}
