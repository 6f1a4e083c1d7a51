/**
 * Document360's project export, as its ZIP unpacks (verified against a real export, see
 * test/fixtures/import-document360/PROVENANCE.md): a version folder `v1/` holding
 * `v1_categories_articles.json` (the category tree: `Categories[]` with `Title`, `Order`,
 * `CategoryType`, `Path`, `Languages[]`, `Articles[]` of `{ Id, Path, Order }` and
 * `SubCategories[]`), every article flat in `articles/<slug>.md` (or `.html` from the WYSIWYG
 * editor), and the text of categories that are pages (`CategoryType` 1) in `categories/<slug>.md`.
 * Each file starts with a `## Metadata_Start` ... `## Metadata_End` block of `## key: value`
 * lines (code, title, slug, seoTitle, description, contentType). Images stay on Document360's
 * CDN unless the export brought a `Media/` folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NavPlaces } from './generator-config.ts';

type Json = Record<string, unknown>;

export interface Document360Tree {
  /** The version folder (absolute): the pages are in its `articles/` and `categories/`. */
  versionDir: string;
  /** Each file's category path and place, by its path in the version folder without extension. */
  places: NavPlaces;
  /** The project's languages, default first (`Languages` of the tree). */
  languages: string[];
  notes: string[];
}

const TREE_FILE = /_categories_articles\.json$/i;

/** The folder with `<version>_categories_articles.json`: the export root itself or a folder in it (two levels at most). */
function findVersionDir(root: string, depth = 0): string | undefined {
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return undefined;
  }
  if (names.some((n) => TREE_FILE.test(n))) return root;
  if (depth >= 2) return undefined;
  for (const name of names) {
    const abs = path.join(root, name);
    if (name.startsWith('.') || name === 'Media' || !statSync(abs).isDirectory()) continue;
    const found = findVersionDir(abs, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const stripExt = (p: string) => p.replace(/\.(md|markdown|html?)$/i, '');

/** The category's title in the default language (what readers saw), else its internal `Title`. */
function categoryTitle(c: Json, language: string | undefined): string {
  const langs = Array.isArray(c.Languages) ? (c.Languages as Json[]) : [];
  const own = langs.find((l) => !language || text(l.Code)?.toLowerCase() === language.toLowerCase()) ?? langs[0];
  return text(own?.Title) ?? text(c.Title) ?? 'General';
}

const byOrder = (a: Json, b: Json) => Number(a.Order ?? 0) - Number(b.Order ?? 0);

/** Reads the category tree; undefined when the folder is not a Document360 export (no tree file). */
export function readDocument360Tree(root: string): Document360Tree | undefined {
  const versionDir = findVersionDir(root);
  if (!versionDir) return undefined;
  const treeFile = readdirSync(versionDir).find((n) => TREE_FILE.test(n))!;
  const tree: Document360Tree = { versionDir, places: new Map(), languages: [], notes: [] };
  let data: Json;
  try {
    data = JSON.parse(readFileSync(path.join(versionDir, treeFile), 'utf8')) as Json;
  } catch (err) {
    tree.notes.push(`${treeFile} could not be read (${(err as Error).message}): folders name the categories`);
    return tree;
  }
  tree.languages = (Array.isArray(data.Languages) ? data.Languages : []).filter(
    (l): l is string => typeof l === 'string',
  );
  const language = tree.languages[0];
  // One counter in tree order: a page's order sorts it within its section, a category's first page orders the category.
  let n = 0;
  const walk = (categories: unknown, sections: string[]) => {
    if (!Array.isArray(categories)) return;
    for (const c of [...(categories as Json[])].sort(byOrder)) {
      const here = [...sections, categoryTitle(c, language)];
      // A category that is a page (CategoryType 1) keeps its text in categories/: first in its own place.
      const own = text(c.Path);
      if (own) tree.places.set(`categories/${stripExt(own)}`, { sections: here, order: n++ });
      const articles = Array.isArray(c.Articles) ? [...(c.Articles as Json[])].sort(byOrder) : [];
      for (const a of articles) {
        const file = text(a.Path);
        if (file) tree.places.set(`articles/${stripExt(file)}`, { sections: here, order: n++ });
      }
      walk(c.SubCategories, here);
    }
  };
  walk(data.Categories, []);
  tree.notes.push(`${treeFile} names the categories and the order of the pages`);
  if (tree.languages.length > 1)
    tree.notes.push(
      `the project has the languages ${tree.languages.join(', ')}; the pages in ${path.basename(versionDir)}/ are imported in ${language}, and translations are not read from this export`,
    );
  return tree;
}

export interface Document360File {
  /** `title`, `slug` and `description` of the metadata block, for the frontmatter mapping. */
  data: Record<string, string>;
  /** The language code the file is in (`code`). */
  language?: string;
  body: string;
}

/**
 * A page file: its `## Metadata_Start` ... `## Metadata_End` block (at the top, also inside an
 * HTML comment) read and taken off; a file without one is returned as it is.
 */
export function parseDocument360File(source: string): Document360File {
  const text_ = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m =
    /^\s*(?:<!--\s*)?(?:##\s*)?Metadata_Start\s*\n([\s\S]*?)\n\s*(?:##\s*)?Metadata_End[ \t]*(?:-->)?[ \t]*(?:\n|$)/.exec(
      text_,
    );
  if (!m) return { data: {}, body: text_ };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^\s*(?:##\s*)?([A-Za-z][\w-]*)\s*:(.*)$/.exec(line);
    if (kv && kv[2]!.trim()) meta[kv[1]!.toLowerCase()] = kv[2]!.trim();
  }
  const data: Record<string, string> = {};
  for (const key of ['title', 'slug', 'description']) if (meta[key]) data[key] = meta[key];
  return { data, language: meta.code, body: text_.slice(m.index + m[0].length) };
}

/**
 * Document360's Markdown editor writes attribute lists after images and links
 * (`![x](y.png){height="" width="316"}`, `[x](y){target=\`_blank\`}`): sizes and targets the
 * site sets itself, so they are taken off (outside code, which the caller masks).
 */
export function dropDocument360Attributes(prose: string): { text: string; count: number } {
  let count = 0;
  const out = prose.replace(
    /(\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\))\{(?:[\w-]+=(?:"[^"]*"|`[^`]*`|'[^']*'|[^\s}]*)\s*)+\}/g,
    (_m, link: string) => {
      count++;
      return link;
    },
  );
  return { text: out, count };
}

/** Files under the export's `Media/` folder by lower-case file name, for CDN image URLs the export also holds. */
export function indexDocument360Media(root: string): Map<string, string> {
  const media = new Map<string, string>();
  const dir = [root, path.dirname(root)].map((d) => path.join(d, 'Media')).find((d) => existsSync(d));
  if (!dir) return media;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) media.set(e.name.toLowerCase(), path.join(e.parentPath, e.name));
  return media;
}

/** `https://cdn.document360.io/<project>/Images/Documentation/<file>`: an image the project uploaded. */
export const DOCUMENT360_CDN_IMAGE = /^https:\/\/cdn\.document360\.io\/[^?#\s]*\/([^/?#\s]+)$/i;
