/**
 * Moved articles without a redirect: git history (one pass, loadGitHistory) shows renames; the old
 * file's URL must be in the article's `redirectFrom`, or links and bookmarks to it break.
 */
import path from 'node:path';
import { normalizeRedirectPath } from '../../../content/redirects.ts';
import { getArticlePath, getCategoryPath } from '../../../content/routes.ts';
import { SlugSchema } from '../../../content/schema.ts';
import { createFieldFinding, type Finding, type LintContext } from '../context.ts';

export function checkRenames(ctx: LintContext): Finding[] {
  const history = ctx.history;
  if (!history?.available || history.renamedFrom.size === 0 || !ctx.isEnabled('missing-redirect')) return [];
  const contentDir = path.relative(ctx.root, ctx.content.contentDir).split(path.sep).join('/');
  const live = new Set<string>([
    ...ctx.content.articles.map((a) => getArticlePath(a.category, a.id)),
    ...ctx.content.categories.map((c) => getCategoryPath(c.id)),
  ]);
  const out: Finding[] = [];
  for (const doc of ctx.documents) {
    const { entry } = doc;
    if (entry.kind !== 'article' || entry.data.draft || !doc.frontmatterValid) continue;
    const own = getArticlePath(entry.category, entry.id);
    const listed = new Set(entry.data.redirectFrom.map(normalizeRedirectPath));
    const reported = new Set<string>();
    for (const old of getOldPaths(history.renamedFrom, entry.file)) {
      const oldUrl = getOldArticleUrl(old, contentDir);
      if (!oldUrl || oldUrl === own || live.has(oldUrl) || listed.has(oldUrl) || reported.has(oldUrl)) continue;
      reported.add(oldUrl);
      out.push(
        createFieldFinding(
          doc,
          'missing-redirect',
          ['redirectFrom'],
          `git shows this article was moved from ${old}; add "${oldUrl}" to redirectFrom so links to the old URL keep working`,
        ),
      );
    }
  }
  return out;
}

/**
 * A `redirectFrom` path that spells out a section, `/<category>/<section>/<slug>/` with this
 * article's slug: sections are not part of URLs, so that page never existed, and an article that
 * moved between sections kept its URL and needs no redirect.
 */
export function checkSectionRedirects(ctx: LintContext): Finding[] {
  if (!ctx.isEnabled('redirect-unneeded')) return [];
  const sections = new Map(ctx.content.categories.map((c) => [c.id, new Set(c.sections.map((s) => s.id))]));
  const out: Finding[] = [];
  for (const doc of ctx.documents) {
    const { entry } = doc;
    if (entry.kind !== 'article') continue;
    entry.data.redirectFrom.forEach((old, i) => {
      const own = getArticlePath(entry.category, entry.id);
      if (normalizeRedirectPath(old) === own) {
        // The build leaves a redirect to the page itself alone (imports write them); say it can go.
        out.push(
          createFieldFinding(
            doc,
            'redirect-unneeded',
            ['redirectFrom', i],
            `redirectFrom: "${old}" is this article's own path, so it redirects nowhere (moving an article between sections keeps its URL); remove it`,
          ),
        );
        return;
      }
      const [category = '', section = '', slug, ...rest] = normalizeRedirectPath(old).split('/').filter(Boolean);
      if (slug !== entry.id || rest.length > 0 || !sections.get(category)?.has(section)) return;
      out.push(
        createFieldFinding(
          doc,
          'redirect-unneeded',
          ['redirectFrom', i],
          `redirectFrom: "${old}" is not needed: a section is not part of any URL, so moving an article between sections keeps its URL (${getArticlePath(entry.category, entry.id)}); remove it`,
        ),
      );
    });
  }
  return out;
}

/** All earlier paths of a file, following renames of renames. */
export function getOldPaths(renamedFrom: ReadonlyMap<string, readonly string[]>, file: string): string[] {
  const seen = new Set<string>([file]);
  const queue = [file];
  const out: string[] = [];
  while (queue.length > 0) {
    for (const old of renamedFrom.get(queue.shift()!) ?? []) {
      if (seen.has(old)) continue;
      seen.add(old);
      out.push(old);
      queue.push(old);
    }
  }
  return out;
}

/** The URL an old article file was published at, or undefined if it was not an article. */
export function getOldArticleUrl(oldFile: string, contentDir: string): string | undefined {
  const prefix = `${contentDir}/articles/`;
  if (!oldFile.startsWith(prefix)) return undefined;
  const parts = oldFile.slice(prefix.length).split('/');
  // <category>/<slug>.md or <category>/<section>/<slug>.md: the section is not part of the URL.
  if (parts.length !== 2 && parts.length !== 3) return undefined;
  const category = parts[0] ?? '';
  const name = parts.at(-1) ?? '';
  const slug = name.replace(/\.mdx?$/, '');
  if (slug === name || !SlugSchema.safeParse(slug).success || !SlugSchema.safeParse(category).success) return undefined;
  return getArticlePath(category, slug);
}
