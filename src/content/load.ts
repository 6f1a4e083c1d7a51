/**
 * Reads content/ from disk into typed, validated entries plus diagnostics. The build, the linter
 * and the reports all go through here, so there is one copy of the rules.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { ZodObject, ZodPipe, type ZodRawShape, type ZodType } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { parseFrontmatterYaml, parseYamlWithPositions, YamlSyntaxError, type ParsedYaml } from './yaml-source.ts';
import { schemaIssueDiagnostics, yamlSyntaxDiagnostic } from './yaml-diagnostics.ts';
import { CATEGORIES_FILE } from './paths.ts';
import { parseEntryId, type EntryLocation } from './entry-id.ts';
import { findClosest } from '../lib/did-you-mean.ts';
import {
  ArticleFrontmatterSchema,
  CategoriesFileSchema,
  FaqFrontmatterSchema,
  SiteSettingsSchema,
  SlugSchema,
  type ArticleFrontmatter,
  type Category,
  type FaqFrontmatter,
  type SiteSettings,
} from './schema.ts';

export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  file: string;
  /** Absolute path on disk. */
  absolutePath: string;
  /** Raw text of the whole file. */
  source: string;
  /** Markdown after the frontmatter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** Field positions in the frontmatter. */
  yaml: ParsedYaml;
}

export interface ArticleEntry extends SourceFile {
  kind: 'article';
  id: string;
  category: string;
  /** The section folder (content/articles/<category>/<section>/<slug>.md), if the article is in one. */
  section: string | undefined;
  data: ArticleFrontmatter;
}

export interface FaqEntry extends SourceFile {
  kind: 'faq';
  id: string;
  category: string;
  /** The section folder (content/faqs/<category>/<section>/<slug>.md), if the FAQ is in one. */
  section: string | undefined;
  data: FaqFrontmatter;
}

/** A file under content/<locale>/articles/ or content/<locale>/faqs/: the same relative path as its source. */
export type TranslationEntry = (ArticleEntry | FaqEntry) & {
  locale: string;
  /** The entry in the default language it translates; undefined (with a diagnostic) when there is none. */
  original: ArticleEntry | FaqEntry | undefined;
};

export interface LoadedContent {
  root: string;
  contentDir: string;
  site: SiteSettings | undefined;
  categories: Category[];
  articles: ArticleEntry[];
  faqs: FaqEntry[];
  /** Every translation of every locale in site.yaml's `locales`. */
  translations: TranslationEntry[];
  /**
   * Articles and FAQs whose frontmatter failed the schema (the diagnostics say why), with the
   * fields that are valid: the linter still checks their bodies, so a writer sees every finding
   * of a file at once. Nothing publishes them.
   */
  invalidEntries: Array<ArticleEntry | FaqEntry>;
  diagnostics: Diagnostic[];
}

/** The frontmatter schemas to validate with: the built-in ones, or a project's extensions of them. */
export interface FrontmatterSchemas {
  article: ZodType<ArticleFrontmatter>;
  faq: ZodType<FaqFrontmatter>;
}

export const BUILT_IN_SCHEMAS: FrontmatterSchemas = { article: ArticleFrontmatterSchema, faq: FaqFrontmatterSchema };

export const SITE_FILE = 'site.yaml';
const ARTICLE_EXT = /\.(md|mdx)$/;
const FAQ_EXT = /\.md$/;

/** Whether the content has any FAQ file: a help center without FAQs has no FAQ page. */
export function hasFaqFiles(contentDir: string): boolean {
  return listFiles(path.join(contentDir, 'faqs')).some((f) => FAQ_EXT.test(f));
}

/** Load and validate everything under `<root>/content`. Never throws for bad content. */
export function loadContent(
  root: string,
  contentDirName = 'content',
  schemas: FrontmatterSchemas = BUILT_IN_SCHEMAS,
): LoadedContent {
  const contentDir = path.join(root, contentDirName);
  const diagnostics: Diagnostic[] = [];
  const invalidEntries: Array<ArticleEntry | FaqEntry> = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

  const site = loadYamlFile(path.join(contentDir, SITE_FILE), rel, SiteSettingsSchema, diagnostics, 'site-settings');
  const categories =
    loadYamlFile(path.join(contentDir, CATEGORIES_FILE), rel, CategoriesFileSchema, diagnostics, 'categories') ?? [];
  const categoryIds = new Set(categories.map((c) => c.id));

  const articles = loadEntries(path.join(contentDir, 'articles'), ARTICLE_EXT, rel, diagnostics, (src, loc) => {
    const data = validateFrontmatter(src, schemas.article, diagnostics);
    if (data) return { ...src, kind: 'article', ...loc, data } satisfies ArticleEntry;
    const valid = getValidFields(schemas.article, src.yaml.value) as ArticleFrontmatter;
    invalidEntries.push({ ...src, kind: 'article', ...loc, data: valid });
    return undefined;
  });
  const faqs = loadEntries(path.join(contentDir, 'faqs'), FAQ_EXT, rel, diagnostics, (src, loc) => {
    const data = validateFrontmatter(src, schemas.faq, diagnostics);
    if (data) return { ...src, kind: 'faq', ...loc, data } satisfies FaqEntry;
    const valid = getValidFields(schemas.faq, src.yaml.value) as FaqFrontmatter;
    invalidEntries.push({ ...src, kind: 'faq', ...loc, data: valid });
    return undefined;
  });

  if (categories.length > 0) {
    const byId = new Map(categories.map((c) => [c.id, c]));
    for (const entry of [...articles, ...faqs]) {
      const category = byId.get(entry.category);
      if (!category) {
        diagnostics.push({
          file: entry.file,
          line: 1,
          column: 1,
          severity: 'error',
          ruleId: 'unknown-category',
          message: `the folder "${entry.category}" is not a category in content/${CATEGORIES_FILE}; add it there or move the file to one of: ${[...categoryIds].join(', ')}`,
        });
      } else if (entry.section !== undefined && !category.sections.some((s) => s.id === entry.section)) {
        diagnostics.push({
          file: entry.file,
          line: 1,
          column: 1,
          severity: 'error',
          ruleId: 'unknown-section',
          message: describeUnknownSection(entry.section, category),
        });
      }
    }
  }
  checkDuplicateSlugs(articles, 'article', diagnostics);
  checkDuplicateSlugs(faqs, 'FAQ', diagnostics);
  const articleIds = new Set(articles.map((a) => a.id));
  const unlistedIds = new Set(articles.filter((a) => a.data.unlisted).map((a) => a.id));
  for (const entry of [...articles, ...faqs]) {
    entry.data.related.forEach((id, i) => {
      const pos = entry.yaml.locate(['related', i]);
      if (unlistedIds.has(id)) {
        diagnostics.push({
          file: entry.file,
          ...pos,
          severity: 'warning',
          ruleId: 'unlisted-related',
          message: `related: "${id}" is unlisted, so it is never shown in related lists; remove it here, or remove "unlisted: true" from that article`,
        });
      }
      if (articleIds.has(id)) return;
      diagnostics.push({
        file: entry.file,
        ...pos,
        severity: 'error',
        ruleId: 'unknown-related',
        message: `related: "${id}" is not an article id; use the file name of an article without its extension${suggest(id, articleIds)}`,
      });
    });
  }
  const translations = loadTranslations(contentDir, site, rel, diagnostics, articles, faqs, schemas);
  return { root, contentDir, site, categories, articles, faqs, translations, invalidEntries, diagnostics };
}

/** An entry's path under articles/ or faqs/ without the extension: what a translation shares with its source. */
const sourcePath = (e: { category: string; section: string | undefined; id: string }) =>
  [e.category, e.section, e.id].filter((part) => part !== undefined).join('/');

/** The `.md` and `.mdx` files of each locale's articles/ and faqs/, each matched to its source by path. */
function loadTranslations(
  contentDir: string,
  site: SiteSettings | undefined,
  rel: (abs: string) => string,
  diagnostics: Diagnostic[],
  articles: readonly ArticleEntry[],
  faqs: readonly FaqEntry[],
  schemas: FrontmatterSchemas,
): TranslationEntry[] {
  const out: TranslationEntry[] = [];
  const codes = new Set((site?.locales ?? []).map((l) => l.code));
  const sources = new Map<string, ArticleEntry | FaqEntry>(
    [...articles, ...faqs].map((e) => [`${e.kind}:${sourcePath(e)}`, e]),
  );
  for (const name of existsSync(contentDir) ? readdirSync(contentDir).sort() : []) {
    const dir = path.join(contentDir, name);
    const looksLikeLocale = ['articles', 'faqs'].some((sub) => existsSync(path.join(dir, sub)));
    if (!statSync(dir).isDirectory() || ['articles', 'faqs'].includes(name) || !looksLikeLocale) continue;
    if (!codes.has(name)) {
      diagnostics.push({
        file: rel(dir),
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'unknown-locale',
        message: `the folder "${name}" holds translations, but "${name}" is not in \`locales\` in content/${SITE_FILE}; add { code: ${name} } there${codes.size ? ` or move the files to one of: ${[...codes].join(', ')}` : ''}`,
      });
      continue;
    }
    const collect = (kind: 'article' | 'faq', folder: string, ext: RegExp) =>
      loadEntries<TranslationEntry>(path.join(dir, folder), ext, rel, diagnostics, (src, loc) => {
        const data =
          kind === 'article'
            ? validateFrontmatter(src, schemas.article, diagnostics)
            : validateFrontmatter(src, schemas.faq, diagnostics);
        if (!data) return undefined;
        const original = sources.get(`${kind}:${sourcePath(loc)}`);
        if (!original) {
          diagnostics.push({
            file: src.file,
            line: 1,
            column: 1,
            severity: 'error',
            ruleId: 'translation-source',
            message: `this translation has no source: content/${folder}/${sourcePath(loc)}${path.extname(src.file)} does not exist; a translation has the same path under content/${name}/ as the file it translates, so rename it or add the source`,
          });
        }
        return { ...src, kind, ...loc, data, locale: name, original } as TranslationEntry;
      });
    out.push(...collect('article', 'articles', ARTICLE_EXT), ...collect('faq', 'faqs', FAQ_EXT));
  }
  return out;
}

/**
 * The fields of `value` that pass their part of an object schema (defaults for the rest), for
 * frontmatter that failed as a whole: "title is missing" must not hide what else the file gets wrong.
 */
function getValidFields(schema: ZodType, value: unknown): Record<string, unknown> {
  let inner: ZodType = schema;
  while (inner instanceof ZodPipe) inner = inner.in as ZodType;
  if (!(inner instanceof ZodObject)) return {};
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries((inner as ZodObject<ZodRawShape>).shape) as Array<[string, ZodType]>) {
    const parsed = field.safeParse(raw[key]);
    const fallback = parsed.success ? parsed : field.safeParse(undefined);
    if (fallback.success && fallback.data !== undefined) out[key] = fallback.data;

  }
  return out;
}

/** Just the categories (for pages, after the build's content check has validated everything). */
/** Only the errors, for a build that must stop on them. */
export function getContentErrors(content: LoadedContent): Diagnostic[] {
  return content.diagnostics.filter((d) => d.severity === 'error');
}

function describeUnknownSection(section: string, category: Category): string {
  const declared = category.sections.map((s) => s.id);
  const where = `under the category "${category.id}" in content/${CATEGORIES_FILE}`;
  return declared.length > 0
    ? `the folder "${section}" is not a section of "${category.id}"; declare it (sections: [{ id: ${section}, title: ... }]) ${where}, or move the file to one of: ${declared.join(', ')}`
    : `the folder "${section}" is not a section: "${category.id}" declares none; add sections: [{ id: ${section}, title: ... }] ${where}, or move the file up into the "${category.id}" folder`;
}

function suggest(id: string, known: Set<string>): string {
  const near = findClosest(id, known);
  return near ? ` (did you mean "${near}"?)` : '';
}

function checkDuplicateSlugs(entries: Array<ArticleEntry | FaqEntry>, noun: string, diagnostics: Diagnostic[]): void {
  const byId = new Map<string, string>();
  for (const entry of entries) {
    const first = byId.get(entry.id);
    if (first) {
      diagnostics.push({
        file: entry.file,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'duplicate-slug',
        message: `the ${noun} slug "${entry.id}" is already used by ${first}; slugs become URLs and ids, so rename one of the files`,
      });
    } else byId.set(entry.id, entry.file);
  }
}

function loadYamlFile<T>(
  abs: string,
  rel: (abs: string) => string,
  schema: ZodType<T>,
  diagnostics: Diagnostic[],
  ruleId: string,
): T | undefined {
  const file = rel(abs);
  if (!existsSync(abs)) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', ruleId, message: `${file} is missing; create it (see the README)` });
    return undefined;
  }
  let parsed: ParsedYaml;
  try {
    parsed = parseYamlWithPositions(readFileSync(abs, 'utf8'));
  } catch (err) {
    pushYamlError(err, file, diagnostics);
    return undefined;
  }
  const result = schema.safeParse(parsed.value ?? undefined, { reportInput: true });
  if (result.success) return result.data;
  diagnostics.push(...schemaIssueDiagnostics(result.error.issues, parsed, file, ruleId));
  return undefined;
}

function pushYamlError(err: unknown, file: string, diagnostics: Diagnostic[]): void {
  if (err instanceof YamlSyntaxError) diagnostics.push(yamlSyntaxDiagnostic(err, file));
  else throw err;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs));
    else out.push(abs);
  }
  return out;
}

function loadEntries<T>(
  dir: string,
  ext: RegExp,
  rel: (abs: string) => string,
  diagnostics: Diagnostic[],
  make: (src: SourceFile, location: Omit<EntryLocation, 'slug'> & { id: string }) => T | undefined,
): T[] {
  const out: T[] = [];
  for (const abs of listFiles(dir)) {
    if (!ext.test(abs)) continue;
    const file = rel(abs);
    const parts = path.relative(dir, abs).split(path.sep);
    if (parts.length !== 2 && parts.length !== 3) {
      const folder = path.basename(dir);
      const extension = abs.match(ext)![0];
      diagnostics.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'file-location',
        message: `content files go one or two folders deep, as ${folder}/<category>/<slug>${extension} or ${folder}/<category>/<section>/<slug>${extension}; move this file`,
      });
      continue;
    }
    const location = parseEntryId(parts.join('/').replace(ext, ''));
    const id = location.slug;
    if (!SlugSchema.safeParse(id).success) {
      diagnostics.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'file-name',
        message: `the file name "${id}" is used as the URL slug and must be lowercase letters, digits and hyphens; rename it, e.g. "${slugify(id)}"`,
      });
      continue;
    }
    const src = readSource(abs, file, diagnostics);
    if (!src) continue;
    const entry = make(src, { id, category: location.category, section: location.section });
    if (entry) out.push(entry);
  }
  return out;
}

/** Split frontmatter from body, keeping positions. Returns undefined (with a diagnostic) on bad YAML. */
export function readSource(abs: string, file: string, diagnostics: Diagnostic[]): SourceFile | undefined {
  const source = readFileSync(abs, 'utf8');
  let yaml: ParsedYaml = parseYamlWithPositions('');
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      engines: {
        yaml: (text: string) => {
          // gray-matter hands over the text after the opening `---`, starting with its newline.
          yaml = parseFrontmatterYaml(text, 0);
          return (yaml.value ?? {});
        },
      },
    });
  } catch (err) {
    pushYamlError(err, file, diagnostics);
    return undefined;
  }
  if (!source.startsWith('---')) {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      ruleId: 'frontmatter-missing',
      message: 'the file has no frontmatter; start it with a "---" line, the fields (title, description, ...), and another "---" line',
    });
    return undefined;
  }
  const bodyStart = source.length - parsed.content.length;
  const bodyLine = source.slice(0, bodyStart).split('\n').length;
  return { file, absolutePath: abs, source, body: parsed.content, bodyLine, yaml };
}

function validateFrontmatter<T>(
  src: SourceFile,
  schema: ZodType<T>,
  diagnostics: Diagnostic[],
): T | undefined {
  const result = schema.safeParse(src.yaml.value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  diagnostics.push(...schemaIssueDiagnostics(result.error.issues, src.yaml, src.file, 'frontmatter-schema'));
  return undefined;
}

/** A URL slug from a title: "Reset your password!" -> "reset-your-password". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
