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
  if (parts.length !== 2) return undefined;
  const [category = '', name = ''] = parts;
  const slug = name.replace(/\.mdx?$/, '');
  if (slug === name || !SlugSchema.safeParse(slug).success || !SlugSchema.safeParse(category).success) return undefined;
  return getArticlePath(category, slug);
}
