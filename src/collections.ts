/**
 * The help center's content collections, bound to the content schemas. A project's
 * src/content.config.ts re-exports them: `export { collections } from 'helpdesk-kit/collections';`
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ArticleFrontmatterSchema, FaqFrontmatterSchema } from './content/schema.ts';
import { getHelpCenterConfig } from './site/config.ts';
import { withSearchIndexing } from './build/search-index/loader.ts';
import { withMarkdownThreads } from './build/markdown-threads/markdown-threads-loader.ts';

const { contentDir } = getHelpCenterConfig();
// <category>/<slug> or <category>/<section>/<slug> (see parseEntryId).
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  articles: defineCollection({
    loader: withSearchIndexing(
      'articles',
      withMarkdownThreads(
        glob({ pattern: '*/{*,*/*}.{md,mdx}', base: `${contentDir}/articles`, generateId: idFromPath }),
      ),
    ),
    schema: ArticleFrontmatterSchema,
  }),
  faqs: defineCollection({
    loader: withSearchIndexing(
      'faqs',
      withMarkdownThreads(glob({ pattern: '*/{*,*/*}.md', base: `${contentDir}/faqs`, generateId: idFromPath })),
    ),
    schema: FaqFrontmatterSchema,
  }),
};
