/**
 * The help center's content collections, bound to the content schemas. A project's
 * src/content.config.ts re-exports them: `export { collections } from 'helpdesk-kit/collections';`
 * Translations (content/<locale>/articles/, content/<locale>/faqs/) are two more collections,
 * defined only when site.yaml lists `locales`.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { ArticleFrontmatterSchema, FaqFrontmatterSchema } from './content/schema.ts';
import { getTranslationLocales } from './content/locales.ts';
import { getHelpCenterConfig } from './site/config.ts';
import { withSearchIndexing } from './build/search-index/loader.ts';

const { contentDir, settings, hasFaqs } = getHelpCenterConfig();
// <category>/<slug> or <category>/<section>/<slug> (see parseEntryId).
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');
const codes = getTranslationLocales(settings).map((l) => l.code);
/** `de/articles/...` or `{de,ja}/articles/...`: a brace list of one item is not a list to the glob. */
const localeGlob = codes.length === 1 ? codes[0]! : `{${codes.join(',')}}`;
/**
 * Without FAQ files a glob would warn that the folder is missing or the collection empty; the
 * site has no FAQs then, translated ones included (they translate a FAQ that is not there).
 */
const noFaqs = (name: string): Loader => ({ name, load: ({ store }) => Promise.resolve(store.clear()) });

export const collections = {
  articles: defineCollection({
    loader: withSearchIndexing(
      'articles',
      glob({ pattern: '*/{*,*/*}.{md,mdx}', base: `${contentDir}/articles`, generateId: idFromPath }),
    ),
    schema: ArticleFrontmatterSchema,
  }),
  faqs: defineCollection({
    loader: withSearchIndexing(
      'faqs',
      hasFaqs
        ? glob({ pattern: '*/{*,*/*}.md', base: `${contentDir}/faqs`, generateId: idFromPath })
        : noFaqs('helpdesk-kit:no-faqs'),
    ),
    schema: FaqFrontmatterSchema,
  }),
  ...(codes.length > 0 && {
    articleTranslations: defineCollection({
      loader: withSearchIndexing(
        'articleTranslations',
        glob({ pattern: `${localeGlob}/articles/*/{*,*/*}.{md,mdx}`, base: contentDir, generateId: idFromPath }),
      ),
      schema: ArticleFrontmatterSchema,
    }),
    faqTranslations: defineCollection({
      loader: withSearchIndexing(
        'faqTranslations',
        hasFaqs
          ? glob({ pattern: `${localeGlob}/faqs/*/{*,*/*}.md`, base: contentDir, generateId: idFromPath })
          : noFaqs('helpdesk-kit:no-faq-translations'),
      ),
      schema: FaqFrontmatterSchema,
    }),
  }),
};
