/**
 * The search vocabularies of the dev server's index (dev-index.ts), one per language, from
 * the entries it holds: what the browser corrects typos against, and the result list's words in
 * the page's language. Made as a build makes them (build/content-check.ts), from the entries the
 * content loaders hand over rather than from a second read of the content folder; category
 * titles, synonyms and ui.yaml are read once, when the dev server starts.
 */
import path from 'node:path';
import { getLocales } from '../../content/locales.ts';
import { CATEGORIES_FILE, getProjectRoot } from '../../content/paths.ts';
import { CategoriesFileSchema, CategoryTranslationsFileSchema, type SiteSettings } from '../../content/schema.ts';
import { loadSynonyms } from '../../content/synonyms.ts';
import { createSiteTranslator } from '../../content/ui-strings-file.ts';
import { pickResultStrings } from '../../i18n/ui-strings.ts';
import type { ArticleForSearch } from '../../search/article-records.ts';
import type { FaqForSearch } from '../../search/faq-records.ts';
import { buildSearchVocabularyFor, type VocabularySource } from '../../search/search-inputs.ts';
import type { SearchVocabulary } from '../../search/vocabulary.ts';
import { readYamlData } from '../../site/read-yaml-data.ts';

export interface DevSearchEntries {
  articles: readonly ArticleForSearch[];
  faqs: readonly FaqForSearch[];
}

/** The vocabularies of every language, the default language first. */
export type DevVocabularies = (entries: DevSearchEntries) => SearchVocabulary[];

export function createDevVocabularies(
  contentDir: string,
  settings: Pick<SiteSettings, 'name' | 'language' | 'locales' | 'defaultLocalePrefix'>,
): DevVocabularies {
  const root = getProjectRoot(contentDir);
  const categories = readYamlData(path.join(contentDir, CATEGORIES_FILE), CategoriesFileSchema) ?? [];
  const languages = getLocales(settings).map((locale) => {
    const dir = locale.isDefault ? contentDir : path.join(contentDir, locale.code);
    const translated = locale.isDefault
      ? []
      : (readYamlData(path.join(dir, CATEGORIES_FILE), CategoryTranslationsFileSchema) ?? []);
    return {
      code: locale.code,
      isDefault: locale.isDefault,
      categoryTitles: [...categories.map((c) => c.title), ...translated.map((t) => t.title)],
      synonyms: loadSynonyms(root, dir).groups,
      ui: pickResultStrings(createSiteTranslator(root, dir, locale.code).strings),
    };
  });
  return ({ articles, faqs }) =>
    languages.map((language) => {
      const mine = <T extends { locale?: string }>(entries: readonly T[]) =>
        entries.filter((e) => (language.isDefault ? e.locale === undefined : e.locale === language.code));
      // The handed entries are published ones; the vocabulary reads only these fields of them.
      const source = {
        site: { name: settings.name },
        categories: language.categoryTitles.map((title) => ({ title })),
        articles: mine(articles).map((a) => ({
          data: { title: a.title, description: a.description, draft: false },
          body: a.markdown,
        })),
        faqs: mine(faqs).map((f) => ({ data: { question: f.question, draft: false }, body: f.markdown })),
      } as unknown as VocabularySource;
      return { ...buildSearchVocabularyFor(source, language.synonyms, language.code), ui: language.ui };
    });
}
