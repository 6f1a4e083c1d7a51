/**
 * `npm run new`: a new article or FAQ with frontmatter that passes the schema, TODO markers where
 * the writer still has to write (the linter's todo-placeholder rule keeps them from being
 * published), and a slug made from the title by the same slugify the loader suggests.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { getContentRevision } from '../content/revision.ts';
import { findSimilarTitles } from './lint/checks/similar-faqs.ts';
import { findClosest } from '../lib/did-you-mean.ts';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadContent, slugify } from '../content/load.ts';
import { ArticleFrontmatterSchema, FaqFrontmatterSchema, SlugSchema } from '../content/schema.ts';

export type EntryKind = 'article' | 'faq';

export interface NewEntryOptions {
  root: string;
  /** The content folder relative to `root`. Default "content". */
  contentDir?: string;
  kind: EntryKind;
  title: string;
  category: string;
  /** One of the category's sections, to create the file in its folder. */
  section?: string;
  /** Use this slug instead of one made from the title. */
  slug?: string;
  owner?: string;
  /** Today as YYYY-MM-DD; reviewBy is one year later. */
  today?: string;
}

export type NewEntryResult =
  | { ok: true; file: string; text: string; /** Existing entries whose title is nearly the same. */ similar: string[] }
  | { ok: false; message: string };

export const DESCRIPTION_PLACEHOLDER =
  'TODO: Say in one or two sentences (50 to 160 characters) what this article helps readers do. Search results show this text.';

/** The date one year after `today` (Feb 29 becomes Mar 1). */
export function getReviewDate(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/** The text of the new file. */
export function buildEntryText(kind: EntryKind, title: string, options: { owner?: string; reviewBy: string }): string {
  if (kind === 'faq') {
    return `---\n${stringify({ question: title }, { lineWidth: 0 })}---\n\nTODO: Answer the question in the first sentence, then add the details a reader needs.\n`;
  }
  const frontmatter: Record<string, string> = { title, description: DESCRIPTION_PLACEHOLDER };
  if (options.owner) frontmatter.owner = options.owner;
  frontmatter.reviewBy = options.reviewBy;
  return `---
${stringify(frontmatter, { lineWidth: 0 })}---

TODO: Start with one or two sentences: who this article is for and what it helps them do.

## TODO: Name the first task, like "Change your delivery address"

1. TODO: Write each step as one action, like "Go to **Orders**".
2. TODO: Say what the reader sees when it worked.

:::tip
TODO: Add a tip, or delete this block.
:::
`;
}

/** Create the file; never overwrites. */
export function createEntry(options: NewEntryOptions): NewEntryResult {
  const title = options.title.trim();
  const titleCheck = (
    options.kind === 'article' ? ArticleFrontmatterSchema.shape.title : FaqFrontmatterSchema.shape.question
  ).safeParse(title);
  if (!titleCheck.success) {
    return {
      ok: false,
      message: `the ${options.kind === 'article' ? 'title' : 'question'} ${titleCheck.error.issues[0]!.message}`,
    };
  }
  const contentDirName = options.contentDir ?? 'content';
  const content = loadContent(options.root, contentDirName);
  if (content.categories.length === 0) {
    return {
      ok: false,
      message: `there are no categories: ${contentDirName}/categories.yaml is missing or invalid; run npx helpdesk-kit lint to see why`,
    };
  }
  const category = content.categories.find((c) => c.id === options.category);
  if (!category) {
    const list = content.categories.map((c) => `  ${c.id.padEnd(20)} ${c.title}`).join('\n');
    const closest = findClosest(options.category, content.categories, (c) => c.id);
    return {
      ok: false,
      message: `"${options.category}" is not a category${closest ? `; did you mean "${closest.id}"? Use` : '; use'} one of these with --category:\n${list}`,
    };
  }
  if (options.section !== undefined && !category.sections.some((s) => s.id === options.section)) {
    const list = category.sections.map((s) => `  ${s.id.padEnd(20)} ${s.title}`).join('\n');
    return {
      ok: false,
      message: list
        ? `"${options.section}" is not a section of "${category.id}"; use one of these with --section:\n${list}`
        : `"${category.id}" has no sections; leave out --section, or declare the section under the category in ${contentDirName}/categories.yaml`,
    };
  }
  const slug = options.slug ?? slugify(title);
  if (!slug)
    return {
      ok: false,
      message: `cannot make a file name from "${title}"; pass one with --slug, like --slug pay-in-installments`,
    };
  if (!SlugSchema.safeParse(slug).success)
    return {
      ok: false,
      message: `--slug "${slug}" must be lowercase letters, digits and hyphens, like "pay-in-installments"`,
    };

  const folder = options.kind === 'article' ? 'articles' : 'faqs';
  const file = `${contentDirName}/${folder}/${category.id}/${options.section ? `${options.section}/` : ''}${slug}.md`;
  const sameSlug = (options.kind === 'article' ? content.articles : content.faqs).find((e) => e.id === slug);
  if (sameSlug && sameSlug.file !== file) {
    return {
      ok: false,
      message: `the slug "${slug}" is already used by ${sameSlug.file}; slugs must be unique, so choose another title or pass --slug`,
    };
  }
  if (options.kind === 'article' && content.site?.lint.requireOwner && !options.owner) {
    // Still valid frontmatter; the linter's todo-placeholder rule asks for the real owner.
    options = { ...options, owner: 'TODO' };
  }
  const text = buildEntryText(options.kind, title, {
    owner: options.owner,
    reviewBy: getReviewDate(options.today ?? new Date().toISOString().slice(0, 10)),
  });
  const abs = path.join(options.root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  try {
    writeFileSync(abs, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return { ok: false, message: `${file} already exists and was not changed; choose another title, or pass --slug` };
    }
    throw err;
  }
  const existing =
    options.kind === 'article'
      ? content.articles.map((a) => ({ file: a.file, title: a.data.title }))
      : content.faqs.map((f) => ({ file: f.file, title: f.data.question }));
  const similar = findSimilarTitles([...existing.map((e) => e.title), title])
    .filter((p) => p.b === existing.length)
    .map((p) => `${existing[p.a]!.file} ("${existing[p.a]!.title}")`);
  return { ok: true, file, text, similar };
}

export interface NewTranslationOptions {
  root: string;
  contentDir?: string;
  /** The source file, relative to `root` (or absolute): content/articles/<category>/.../<slug>.md. */
  source: string;
  /** One of site.yaml's `locales`. */
  locale: string;
}

/**
 * A translation's file beside its source's path under content/<locale>/: the source's title,
 * description (or question), tags and owner and its body, to translate in place, and the
 * revision of the source it starts from (`sourceRevision`, docs/languages.md).
 */
export function createTranslation(options: NewTranslationOptions): NewEntryResult {
  const contentDirName = options.contentDir ?? 'content';
  const content = loadContent(options.root, contentDirName);
  const codes = (content.site?.locales ?? []).map((l) => l.code);
  if (!codes.includes(options.locale)) {
    return {
      ok: false,
      message: `"${options.locale}" is not a language of the site; ${codes.length ? `site.yaml's locales are: ${codes.join(', ')}` : 'add it to `locales` in content/site.yaml first'}`,
    };
  }
  const wanted = path.relative(options.root, path.resolve(options.root, options.source)).split(path.sep).join('/');
  const source = [...content.articles, ...content.faqs].find((e) => e.file === wanted);
  if (!source) {
    return {
      ok: false,
      message: `${wanted} is not an article or FAQ of the default language; give the path of a file under ${contentDirName}/articles/ or ${contentDirName}/faqs/`,
    };
  }
  const relative = path.relative(content.contentDir, source.absolutePath);
  const target = path.join(content.contentDir, options.locale, relative);
  const file = path.relative(options.root, target).split(path.sep).join('/');
  if (existsSync(target)) return { ok: false, message: `${file} already exists; edit it, or delete it first` };
  const frontmatter: Record<string, unknown> =
    source.kind === 'article'
      ? {
          title: source.data.title,
          description: source.data.description,
          ...(source.data.tags.length > 0 && { tags: source.data.tags }),
          ...(source.data.owner && { owner: source.data.owner }),
        }
      : { question: source.data.question, ...(source.data.tags.length > 0 && { tags: source.data.tags }) };
  frontmatter.sourceRevision = getContentRevision(source.body);
  const text = `---\n${stringify(frontmatter, { lineWidth: 0, defaultStringType: 'PLAIN' }).replace(/^sourceRevision: (.*)$/m, 'sourceRevision: "$1"')}---\n${source.body}`;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
  return { ok: true, file, text, similar: [] };
}
