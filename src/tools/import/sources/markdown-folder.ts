/**
 * Markdown folders of other generators: Jekyll, Hugo, Docusaurus, MkDocs, and Document360's
 * export (Markdown or HTML files in category folders, from its ZIP). Each file becomes a page;
 * its folders become the category and section; its old URL is worked out the way that generator
 * builds URLs, so it can redirect; the generator's own syntax is converted (template-syntax.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mapFrontmatter, parseSourceFile } from '../frontmatter.ts';
import { htmlToMarkdown, htmlToText, recordAltFromFileName, recordUnsafeHtml } from '../html-to-markdown.ts';
import { stripNumberPrefix, toSlug } from '../slugs.ts';
import {
  convertDocusaurusAdmonitions,
  convertGithubAlerts,
  convertHtmlAndStructure,
  convertHugoShortcodes,
  convertLiquid,
  convertDocument360Callouts,
  convertMkdocsAdmonitions,
  mapProse,
  reindentFences,
  type TemplateContext,
} from '../template-syntax.ts';
import { balanceDirectiveFences } from '../directive-fences.ts';
import { convertDocusaurusMdx } from '../docusaurus-mdx.ts';
import { convertAbbreviations, convertMkdocs, type MkdocsContext } from '../mkdocs-syntax.ts';
import {
  readDocusaurusRouteBase,
  readDocusaurusSidebars,
  readMkdocsNavPlaces,
  readMkdocsRedirects,
  readSnippetOptions,
  type NavPlaces,
} from './generator-config.ts';
import {
  DOCUMENT360_CDN_IMAGE,
  dropDocument360Attributes,
  indexDocument360Media,
  parseDocument360File,
  readDocument360Tree,
} from './document360-export.ts';
import type { ConversionCounts, ImportSource, SourceGroup, SourcePage, SourceSet } from '../types.ts';

type FolderSource = Extract<ImportSource, 'jekyll' | 'hugo' | 'docusaurus' | 'mkdocs' | 'document360'>;

const PAGE_EXT = /\.(md|mdx|markdown|html?)$/i;
const INDEX_NAMES = /^(_?index|readme)\.(md|mdx|markdown|html?)$/i;
/** Folders that hold a generator's machinery, not pages. */
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '_site',
  'public',
  'build',
  'site',
  'vendor',
  '_layouts',
  '_includes',
  '_data',
  '_sass',
  '_plugins',
  'layouts',
  'themes',
  'archetypes',
  'i18n',
  'data',
  'static',
  'assets',
  'src',
  'blog',
  '.docusaurus',
  'overrides',
]);

interface Layout {
  /** The folder the pages are in. */
  pagesDir: string;
  staticDirs: string[];
  basePath?: string;
  /** Folder titles and orders the generator keeps beside the pages (mkdocs nav, _category_.json). */
  groupMeta: Map<string, { title?: string; order?: number; description?: string }>;
  /** Page titles from a nav file, by path relative to pagesDir. */
  navTitles: Map<string, { title: string; order: number }>;
  prettyUrls: boolean;
  language?: string;
  /** The old site's address from its config (Hugo baseURL, Jekyll url + baseurl). */
  siteUrl?: string;
  /** Categories from the sidebar (Docusaurus) or nav (MkDocs), by page path without extension. */
  navPlaces?: NavPlaces;
  /** MkDocs redirect_maps: old page file -> new page file. */
  redirectMaps: Map<string, string>;
  /** Folders snippet names are looked up in (pymdownx.snippets base_path, the docs folder). */
  snippetDirs: string[];
  /** Abbreviations the snippets appended to every page define. */
  abbreviations?: Map<string, string>;
  notes: string[];
}

/** A config's site address, unless it is a local preview address (0.0.0.0, localhost). */
function publicUrl(value: unknown, basePath = ''): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return undefined;
  try {
    const url = new URL(value);
    if (/^(localhost|0\.0\.0\.0|127\.\d+\.\d+\.\d+|\[::1?\])$/i.test(url.hostname)) return undefined;
    return `${url.origin}${`${url.pathname}${basePath}`.replace(/\/{2,}/g, '/').replace(/\/$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * Hugo's content folder: `contentDir`, or the default language's (`languages.<code>.contentDir`),
 * or `content/<code>` when the site keeps each language in its own folder; else `content`.
 */
function getHugoContentDir(root: string, config: Record<string, unknown> | undefined): string {
  const languages = (config?.languages ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const codes = Object.keys(languages);
  const byWeight = (a: string, b: string) => Number(languages[a]?.weight ?? 0) - Number(languages[b]?.weight ?? 0);
  const defaultCode =
    typeof config?.defaultContentLanguage === 'string'
      ? config.defaultContentLanguage
      : ([...codes].sort(byWeight)[0] ?? 'en');
  const given = languages[defaultCode]?.contentDir ?? config?.contentDir;
  if (typeof given === 'string' && existsSync(path.join(root, given))) return path.join(root, given);
  const content = path.join(root, 'content');
  if (codes.length > 0 && existsSync(path.join(content, defaultCode))) return path.join(content, defaultCode);
  return existsSync(content) ? content : root;
}

function readLayout(from: FolderSource, root: string): Layout {
  const layout: Layout = {
    pagesDir: root,
    staticDirs: [],
    groupMeta: new Map(),
    navTitles: new Map(),
    prettyUrls: true,
    redirectMaps: new Map(),
    snippetDirs: [],
    notes: [],
  };
  if (from === 'hugo') {
    const config = readConfig(root, [
      'hugo.yaml',
      'hugo.yml',
      'config.yaml',
      'config.yml',
      'config/_default/hugo.yaml',
      'config/_default/hugo.yml',
      'config/_default/config.yaml',
      'config/_default/config.yml',
    ]);
    layout.pagesDir = getHugoContentDir(root, config);
    layout.staticDirs = ['static', 'assets'].map((d) => path.join(root, d));
    layout.language = typeof config?.languageCode === 'string' ? config.languageCode : undefined;
    layout.siteUrl = publicUrl(config?.baseURL ?? config?.baseurl);
  } else if (from === 'jekyll') {
    const config = readConfig(root, ['_config.yml', '_config.yaml']);
    layout.staticDirs = [root];
    layout.basePath = typeof config?.baseurl === 'string' ? config.baseurl : undefined;
    layout.siteUrl = publicUrl(config?.url, layout.basePath ?? '');
    layout.prettyUrls = config?.permalink === 'pretty';
    layout.language = typeof config?.lang === 'string' ? config.lang : undefined;
  } else if (from === 'docusaurus') {
    if (existsSync(path.join(root, 'docs'))) layout.pagesDir = path.join(root, 'docs');
    layout.staticDirs = [path.join(root, 'static')];
    layout.basePath = readDocusaurusRouteBase(root);
    const sidebars = readDocusaurusSidebars(root);
    layout.navPlaces = sidebars.places;
    if (sidebars.problem) layout.notes.push(sidebars.problem);
  } else if (from === 'mkdocs') {
    const config = readConfig(root, ['mkdocs.yml', 'mkdocs.yaml']);
    const docsDir = typeof config?.docs_dir === 'string' ? config.docs_dir : 'docs';
    if (existsSync(path.join(root, docsDir))) layout.pagesDir = path.join(root, docsDir);
    layout.staticDirs = [layout.pagesDir];
    layout.prettyUrls = config?.use_directory_urls !== false;
    readMkdocsNav(config?.nav, [], layout, { n: 0 });
    if (Array.isArray(config?.nav)) layout.navPlaces = readMkdocsNavPlaces(config.nav);
    layout.redirectMaps = readMkdocsRedirects(config?.plugins);
    const snippets = readSnippetOptions(config?.markdown_extensions);
    layout.snippetDirs = [...snippets.basePaths.map((b) => path.resolve(root, b)), layout.pagesDir];
    const common = new Map<string, string>();
    for (const file of snippets.autoAppend) {
      const found = findSnippet(layout, root, file);
      if (found) convertAbbreviations(readFileSync(found, 'utf8'), undefined, common);
    }
    if (common.size) layout.abbreviations = common;
  } else if (from === 'document360') {
    // The export's tree file places every page; without one (a hand-made folder), folders do.
    const tree = readDocument360Tree(root);
    if (tree) {
      layout.pagesDir = tree.versionDir;
      layout.navPlaces = tree.places;
      layout.language = tree.languages[0];
      layout.notes.push(...tree.notes);
    }
  }
  return layout;
}

/** A snippet's file: under a snippet folder or the page's own, never outside the source. */
function findSnippet(layout: Layout, root: string, name: string, pageDir?: string): string | undefined {
  const bare = name.replace(/(?::-?\d*){1,2}$|:[\w-]+$/, '');
  for (const dir of [...layout.snippetDirs, ...(pageDir ? [pageDir] : [])]) {
    for (const candidate of [name, bare]) {
      const abs = path.resolve(dir, candidate);
      if (!abs.startsWith(path.resolve(root) + path.sep)) continue;
      if (existsSync(abs) && statSync(abs).isFile()) return abs;
    }
  }
  return undefined;
}

const SNIPPET_NAMES = /^[ \t]*-{1,}8<-{1,}[ \t]+["']?([^"'\s]+)["']?[ \t]*$|^[ \t]*\{!\s*([^!\n]+?)\s*!\}[ \t]*$/gm;

/** Files other pages include as snippets: they are parts of pages, not articles. */
function findSnippetTargets(layout: Layout, root: string, files: string[]): Set<string> {
  const targets = new Set<string>();
  for (const rel of files) {
    const abs = path.join(layout.pagesDir, rel);
    for (const m of readFileSync(abs, 'utf8').matchAll(SNIPPET_NAMES)) {
      const found = findSnippet(layout, root, (m[1] ?? m[2])!, path.dirname(abs));
      if (found) targets.add(found);
    }
  }
  return targets;
}

function readConfig(root: string, names: string[]): Record<string, unknown> | undefined {
  for (const name of names) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    try {
      // MkDocs configs use `!!python/name:` tags: read them as plain values. Anchors and aliases
      // (Docsy's `baseURL: *productionURL`) are resolved.
      return parseYaml(readFileSync(file, 'utf8'), {
        customTags: [],
        logLevel: 'silent',
        strict: false,
        maxAliasCount: -1,
      }) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The path a nav entry points at: "page.md" or { Title: "page.md" }. */
function navPath(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const value: unknown = Object.values(entry as Record<string, unknown>)[0];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function readMkdocsNav(nav: unknown, folders: string[], layout: Layout, counter: { n: number }): void {
  if (!Array.isArray(nav)) return;
  for (const item of nav as unknown[]) {
    if (typeof item === 'string') layout.navTitles.set(item, { title: '', order: counter.n++ });
    else if (item && typeof item === 'object') {
      for (const [title, value] of Object.entries(item as Record<string, unknown>)) {
        if (typeof value === 'string') layout.navTitles.set(value, { title, order: counter.n++ });
        else if (Array.isArray(value)) {
          const firstPath = (value as unknown[]).map(navPath).find(Boolean);
          if (firstPath) layout.groupMeta.set(path.posix.dirname(firstPath), { title, order: counter.n });
          readMkdocsNav(value, [...folders, title], layout, counter);
        }
      }
    }
  }
}

/** Index files first in each folder: a section's `_index.md` names the section before its pages are read. */
const byIndexFirst = (a: string, b: string) =>
  Number(!INDEX_NAMES.test(a)) - Number(!INDEX_NAMES.test(b)) || (a < b ? -1 : a > b ? 1 : 0);

/** Files a repository keeps beside its pages: pages of the site only when they have frontmatter. */
const REPOSITORY_FILES = /^(license|licence|changelog|contributing|code_of_conduct|security|404)\./i;

function listPages(dir: string, skipped: string[], rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort(byIndexFirst)) {
    const abs = path.join(dir, name);
    const relName = rel ? `${rel}/${name}` : name;
    if (statSync(abs).isDirectory()) {
      if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
      out.push(...listPages(abs, skipped, relName));
    } else if (PAGE_EXT.test(name)) {
      // A generator publishes a license.md with frontmatter as a page; without, it is the repository's file.
      if (REPOSITORY_FILES.test(name) && !/^(---|\+\+\+)\r?\n/.test(readFileSync(abs, 'utf8').slice(0, 8)))
        skipped.push(relName);
      else out.push(relName);
    }
  }
  return out;
}

/**
 * Hugo page bundles: the files under a folder with an `index.md` are its resources (snippets
 * a page reads with readfile), not pages; Hugo publishes none of them.
 */
function findBundleResources(files: string[]): Map<string, string> {
  const bundles = files
    .filter((f) => /(^|\/)index\.(md|markdown|html?)$/i.test(f))
    .map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : ''))
    .filter(Boolean);
  const out = new Map<string, string>();
  for (const f of files)
    for (const b of bundles) if (f.startsWith(b) && f.slice(b.length).includes('/')) out.set(f, `${b}index.md`);
  return out;
}

/** The date of each file's last commit, in one `git log` over the folder; empty outside a repository. */
function readGitDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let date = '';
    for (const line of log.split('\n')) {
      if (line.startsWith('\u0000')) date = line.slice(1);
      else if (line) {
        const abs = path.join(top, line);
        if (!dates.has(abs)) dates.set(abs, date);
      }
    }
  } catch {
    // Not a git repository, or git is missing: the frontmatter's dates are all there is.
  }
  return dates;
}

function readGroupMeta(
  from: FolderSource,
  layout: Layout,
  relDir: string,
): { title?: string; order?: number; description?: string } {
  const known = layout.groupMeta.get(relDir);
  if (known) return known;
  if (from === 'docusaurus') {
    for (const name of ['_category_.json', '_category_.yml', '_category_.yaml']) {
      const file = path.join(layout.pagesDir, relDir, name);
      if (!existsSync(file)) continue;
      try {
        const data = (
          name.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : parseYaml(readFileSync(file, 'utf8'))
        ) as Record<string, unknown>;
        const meta = {
          title: typeof data.label === 'string' ? data.label : undefined,
          order: typeof data.position === 'number' ? data.position : undefined,
          description:
            data.link &&
            typeof data.link === 'object' &&
            typeof (data.link as Record<string, unknown>).description === 'string'
              ? ((data.link as Record<string, unknown>).description as string)
              : undefined,
        };
        layout.groupMeta.set(relDir, meta);
        return meta;
      } catch {
        // A broken _category_ file: the folder name serves as the title.
      }
    }
  }
  return {};
}

const humanize = (name: string) => {
  const words = stripNumberPrefix(name)
    .name.replace(/^_/, '')
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The old site path of a page, as its generator built it. */
function getOldPath(from: FolderSource, layout: Layout, rel: string, slug: string | undefined): string {
  const noExt = rel.replace(PAGE_EXT, '');
  const dir = path.posix.dirname(noExt) === '.' ? '' : path.posix.dirname(noExt);
  const isIndex = INDEX_NAMES.test(path.posix.basename(rel));
  const base = layout.basePath && layout.basePath !== '/' ? layout.basePath.replace(/\/$/, '') : '';
  if (from === 'hugo') {
    const last = isIndex ? '' : (slug ?? path.posix.basename(noExt));
    return `/${[dir, last].filter(Boolean).join('/')}/`.toLowerCase().replace(/\/{2,}/g, '/');
  }
  if (from === 'docusaurus') {
    const clean = dir
      .split('/')
      .map((p) => stripNumberPrefix(p).name)
      .join('/');
    if (slug?.startsWith('/')) return `${base}${slug}`;
    const last = isIndex ? '' : (slug ?? stripNumberPrefix(path.posix.basename(noExt)).name);
    return `${base}/${[clean, last].filter(Boolean).join('/')}`.replace(/\/{2,}/g, '/');
  }
  if (from === 'jekyll') {
    // Jekyll's baseurl is where the site is deployed, like our `base`: old paths are without it.
    const clean = dir.replace(/^_/, '');
    if (isIndex) return `/${clean ? `${clean}/` : ''}`;
    const last = path.posix.basename(noExt);
    return `/${[clean, last].filter(Boolean).join('/')}${layout.prettyUrls ? '/' : '.html'}`;
  }
  if (from === 'document360') return `/docs/${toSlug(stripNumberPrefix(slug ?? path.posix.basename(noExt)).name)}`;
  // MkDocs: directory URLs.
  const last = isIndex ? '' : path.posix.basename(noExt);
  const joined = [dir, last].filter(Boolean).join('/');
  return layout.prettyUrls || isIndex ? `/${joined}${joined ? '/' : ''}` : `/${joined}.html`;
}

export function readMarkdownFolder(from: FolderSource, root: string, counts: ConversionCounts): SourceSet {
  const layout = readLayout(from, root);
  const set: SourceSet = {
    pages: [],
    skipped: [],
    mappings: [],
    staticDirs: layout.staticDirs,
    basePath: layout.basePath,
    language: layout.language,
    siteUrl: layout.siteUrl,
  };
  const repositoryFiles: string[] = [];
  let files = listPages(layout.pagesDir, repositoryFiles);
  // Document360 keeps its metadata in its own block, not frontmatter: a license.md there is an article.
  if (from === 'document360') files = [...files, ...repositoryFiles.splice(0)].sort();
  const media = from === 'document360' ? indexDocument360Media(root) : new Map<string, string>();
  if (from === 'document360')
    set.mappings.push(
      "Document360's export says nothing of drafts or hidden articles: every article in it was imported as published",
    );
  const relOfPage = (rel: string) => path.relative(root, path.join(layout.pagesDir, rel)).split(path.sep).join('/');
  for (const rel of repositoryFiles)
    set.skipped.push({
      origin: relOfPage(rel),
      message:
        'a repository file without frontmatter (the old site did not publish it): not imported; add frontmatter to import it',
    });
  if (from === 'hugo') {
    const resources = findBundleResources(files);
    for (const [rel, bundle] of resources)
      set.skipped.push({
        origin: relOfPage(rel),
        message: `a resource of the page bundle ${relOfPage(bundle)} (Hugo publishes it as no page): not imported; its text is in the pages that read it`,
      });
    files = files.filter((f) => !resources.has(f));
  }
  const gitDates = readGitDates(layout.pagesDir);
  // One folder that holds everything ("docs/", "content/docs/") is a wrapper, not a category.
  const topFolders = new Set(files.map((f) => (f.includes('/') ? f.split('/')[0]! : '')));
  const wrapper = topFolders.size === 1 && !topFolders.has('') ? [...topFolders][0]! : undefined;
  if (wrapper) set.mappings.push(`every page is in "${wrapper}/": its subfolders are the categories`);
  const mapped = new Set<string>();
  const relOf = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  set.mappings.push(...layout.notes);
  const snippetTargets = from === 'mkdocs' ? findSnippetTargets(layout, root, files) : new Set<string>();
  if (layout.navPlaces?.size && from !== 'document360')
    set.mappings.push(
      `the ${from === 'mkdocs' ? 'nav in mkdocs.yml' : 'sidebar'} names the categories and sections of the pages it lists`,
    );

  for (const rel of files) {
    const abs = path.join(layout.pagesDir, rel);
    const origin = relOf(abs);
    if (snippetTargets.has(abs)) {
      set.skipped.push({
        origin,
        message: 'a snippet other pages include (--8<-- or {!…!}): part of those pages, not an article',
      });
      continue;
    }
    const raw = readFileSync(abs, 'utf8');
    const d360 = from === 'document360' ? parseDocument360File(raw) : undefined;
    const { data, body: rawBody } =
      d360 && Object.keys(d360.data).length > 0 ? { data: d360.data, body: d360.body } : parseSourceFile(raw);
    const fm = mapFrontmatter(data);
    const ctx: TemplateContext = { origin, counts, dir: path.dirname(abs), root };
    const isHtml = /\.html?$/i.test(rel);
    let body = rawBody;
    let htmlTitle: string | undefined;
    if (isHtml) {
      // An HTML page's first <h1> is its title, not a heading of its text.
      body = body.replace(/^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>/i, (_m, text: string) => {
        htmlTitle = htmlToText(text);
        return '';
      });
      const converted = htmlToMarkdown(body);
      recordUnsafeHtml(counts, origin, converted.unsafeRemoved);
      recordAltFromFileName(counts, origin, converted.altFromFileName);
      body = converted.markdown;
    }

    // Folders: a page bundle (a folder with only index.md) is the page itself.
    let folders = path.posix.dirname(rel) === '.' ? [] : path.posix.dirname(rel).split('/');
    if (wrapper && folders[0] === wrapper) folders = folders.slice(1);
    const name = path.posix.basename(rel);
    let fileName = name.replace(PAGE_EXT, '');
    const isIndex = INDEX_NAMES.test(name);
    const siblings = files.filter((f) => f !== rel && f.startsWith(`${path.posix.dirname(rel)}/`)).length;
    if (isIndex && folders.length > 0 && siblings === 0) {
      fileName = folders.at(-1)!;
      folders = folders.slice(0, -1);
    } else if (isIndex && /^_index/i.test(name) && stripBody(body) === '') {
      // Hugo's section page with no text of its own: it names the section.
      const key = path.posix.dirname(rel);
      layout.groupMeta.set(key, { title: fm.title, order: fm.order, description: fm.description });
      set.skipped.push({
        origin,
        message: 'a section index without text of its own: its title and weight name the section',
      });
      continue;
    } else if (isIndex) fileName = folders.at(-1) ?? 'overview';

    const nav =
      layout.navTitles.get(rel) ??
      (findPlace(layout, rel, fm.id)?.title
        ? { title: findPlace(layout, rel, fm.id)!.title!, order: findPlace(layout, rel, fm.id)!.order }
        : undefined);
    const firstHeading = /^\s*#[ \t]+(.+?)[ \t]*#*$/m.exec(body)?.[1];
    const title =
      fm.title ??
      (nav?.title || undefined) ??
      htmlTitle ??
      (firstHeading ? htmlToText(firstHeading) : undefined) ??
      humanize(fileName);

    body = reindentFences(body);
    if (from === 'hugo') body = convertHugoShortcodes(body, ctx);
    if (from === 'jekyll') body = convertLiquid(body, ctx);
    if (from === 'docusaurus')
      // Admonitions first: the tabs and details the MDX step writes are directives too.
      body = convertDocusaurusMdx(convertDocusaurusAdmonitions(body, ctx), ctx);
    if (from === 'mkdocs') {
      const mkdocsCtx: MkdocsContext = {
        ...ctx,
        readSnippet: (name) => {
          const found = findSnippet(layout, root, name, path.dirname(abs));
          return found ? readFileSync(found, 'utf8') : undefined;
        },
      };
      body = convertMkdocs(body, mkdocsCtx);
    }
    if (from === 'document360') {
      body = convertDocument360Callouts(convertMkdocsAdmonitions(body), ctx);
      body = mapProse(body, (prose) => {
        const { text, count } = dropDocument360Attributes(prose);
        for (let i = 0; i < count; i++)
          counts.converted.push({
            origin,
            message: 'Document360 image and link attributes ({width=…}, {target=…}) -> removed',
          });
        // An image on Document360's CDN that the export's Media/ folder also holds is copied from there.
        return text.replace(/(!\[[^\]]*\]\()([^()\s]+)/g, (m, open: string, url: string) => {
          const file = DOCUMENT360_CDN_IMAGE.exec(url)?.[1];
          const local = file ? media.get(decodeURIComponent(file).toLowerCase()) : undefined;
          return local ? `${open}${encodeURI(path.relative(path.dirname(abs), local).split(path.sep).join('/'))}` : m;
        });
      });
    }
    body = convertGithubAlerts(body, ctx);
    // Any generator's leftovers: Hugo shortcodes and Liquid tags also turn up in others' folders.
    if (from !== 'hugo') body = convertHugoShortcodes(body, ctx);
    if (from !== 'jekyll') body = convertLiquid(body, ctx);
    body = convertHtmlAndStructure(body, ctx, title);
    if (from === 'mkdocs') body = convertAbbreviations(body, layout.abbreviations, undefined, ctx);
    if (from === 'docusaurus' || from === 'mkdocs' || from === 'hugo') body = balanceDirectiveFences(body);

    const groupKeys = folders.map((_f, i) => folders.slice(0, i + 1).join('/'));
    const groupOf = (i: number): SourceGroup => {
      const key = groupKeys[i]!;
      const fullKey = wrapper ? `${wrapper}/${key}` : key;
      const meta = readGroupMeta(from, layout, fullKey);
      return {
        key,
        title: meta.title ?? humanize(folders[i]!),
        order: meta.order ?? stripNumberPrefix(folders[i]!).order,
        description: meta.description,
      };
    };
    const place = findPlace(layout, rel, fm.id);
    let category: SourceGroup = folders.length > 0 ? groupOf(0) : { key: '', title: 'General' };
    let section: SourceGroup | undefined = folders.length > 1 ? groupOf(1) : undefined;
    if (place && place.sections.length > 0) {
      // The sidebar or nav is how readers found the page: its categories win over folders.
      const [first, second] = place.sections;
      category = { key: `nav:${first}`, title: first!, order: navOrder(layout, first!) };
      section = second
        ? { key: `nav:${first}/${second}`, title: place.sections.slice(1).join(' › '), order: place.order }
        : undefined;
    } else if (folders.length > 2) {
      const deeper = folders.slice(1).join('/');
      section = {
        key: folders.slice(0, folders.length).join('/'),
        title: folders.slice(1).map(humanize).join(' › '),
        order: section?.order,
      };
      if (!mapped.has(deeper))
        set.mappings.push(
          `"${folders.join('/')}/" is deeper than category > section: it became the section "${section.title}" of "${category.title}"`,
        );
      mapped.add(deeper);
    }

    const slugBase = fm.slug && !fm.slug.includes('/') ? fm.slug : stripNumberPrefix(fileName).name;
    const oldPath = getOldPath(from, layout, rel, fm.slug);
    // Hugo reads a relative alias from the page's section; Jekyll's paths are from the site root.
    const aliasBase = from === 'hugo' ? `${path.posix.dirname(oldPath.replace(/\/$/, ''))}/` : '/';
    const oldUrls = [
      oldPath,
      ...fm.oldUrls.map((u) =>
        u.startsWith('/') || /^https?:/.test(u) ? u : `${aliasBase}${u}`.replace(/\/{2,}/g, '/'),
      ),
    ];
    for (const [old, to] of layout.redirectMaps)
      if (stripExt(to) === stripExt(rel)) oldUrls.push(getOldPath(from, layout, old, undefined));
    if (from === 'jekyll' && fm.oldUrls.length && data.permalink) oldUrls.shift(); // the permalink replaced the default URL
    const page: SourcePage = {
      origin,
      kind: 'article',
      category,
      section,
      slugHint: toSlug(slugBase) || toSlug(title),
      title,
      description: fm.description,
      body,
      tags: fm.tags,
      order:
        fm.order ??
        nav?.order ??
        (from === 'document360' ? place?.order : undefined) ??
        stripNumberPrefix(fileName).order,
      draft: fm.draft,
      updated: fm.updated ?? gitDates.get(abs),
      owner: fm.owner,
      oldUrls,
      linkKeys: [rel, origin, ...(fm.id ? [fm.id, [...folders, fm.id].join('/')] : []), rel.replace(PAGE_EXT, '')],
      redirectTo: fm.redirectTo,
      sourceDir: path.dirname(abs),
      droppedKeys: fm.droppedKeys,
    };
    set.pages.push(page);
  }
  return set;
}

const stripExt = (p: string) => p.replace(PAGE_EXT, '');

/** A page's place in the sidebar or nav: by its path, its path without number prefixes, or its id. */
function findPlace(layout: Layout, rel: string, id: string | undefined) {
  if (!layout.navPlaces) return undefined;
  const noExt = stripExt(rel);
  const unprefixed = noExt
    .split('/')
    .map((p) => stripNumberPrefix(p).name)
    .join('/');
  const dir = path.posix.dirname(unprefixed);
  const byId = id ? [dir === '.' ? id : `${dir}/${id}`, id] : [];
  for (const key of [noExt, unprefixed, ...byId, noExt.replace(/\/index$/, '')]) {
    const place = layout.navPlaces.get(key);
    if (place) return place;
  }
  return undefined;
}

/** A category's order: where its first page is in the sidebar or nav. */
function navOrder(layout: Layout, title: string): number | undefined {
  let order: number | undefined;
  for (const place of layout.navPlaces?.values() ?? [])
    if (place.sections[0] === title && (order === undefined || place.order < order)) order = place.order;
  return order;
}

const stripBody = (body: string) => body.replace(/<!--[\s\S]*?-->/g, '').trim();
