/**
 * The record builders of a build's search index: each article and FAQ becomes its Pagefind
 * record with its language, category titles and synonyms, read once here per language. A
 * translation's record has `<html lang>` of its locale, so Pagefind puts it in that language's
 * index, and its URL carries the locale's prefix.
 */
import path from 'node:path';
import { CATEGORIES_FILE, getProjectRoot } from '../../content/paths.ts';
import { CategoriesFileSchema, CategoryTranslationsFileSchema, type SiteSettings } from '../../content/schema.ts';
import { getLocales } from '../../content/locales.ts';
import { loadSynonyms } from '../../content/synonyms.ts';
import { readYamlData } from '../../site/read-yaml-data.ts';
import { buildArticleSearchRecord, type RecordPlace } from '../../search/article-records.ts';
import { buildFaqSearchRecord } from '../../search/faq-records.ts';
import type { SearchRecordBuilders } from './session.ts';
import { createSynonymExpander, type SynonymExpander } from '../../search/synonyms.ts';

interface LocaleRecordInputs {
  language: string;
  prefix: string | undefined;
  expander: SynonymExpander;
  placeOf: (entry: { category: string; section?: string | undefined }) => RecordPlace;
}

export function createSearchRecordBuilders(
  contentDir: string,
  settings: Pick<SiteSettings, 'language' | 'locales' | 'defaultLocalePrefix'>,
): SearchRecordBuilders {
  const root = getProjectRoot(contentDir);
  const categories = readYamlData(path.join(contentDir, CATEGORIES_FILE), CategoriesFileSchema) ?? [];
  const byLocale = new Map<string, LocaleRecordInputs>();
  for (const locale of getLocales(settings)) {
    const dir = locale.isDefault ? contentDir : path.join(contentDir, locale.code);
    const titles = new Map(categories.map((c) => [c.id, c.title]));
    const sectionTitles = new Map(categories.flatMap((c) => c.sections.map((s) => [`${c.id}/${s.id}`, s.title])));
    // A section's weight, else its category's: the same in every language (categories.yaml is the source's).
    const categoryWeights = new Map(categories.map((c) => [c.id, c.searchWeight]));
    const sectionWeights = new Map(
      categories.flatMap((c) => c.sections.map((s) => [`${c.id}/${s.id}`, s.searchWeight])),
    );
    if (!locale.isDefault) {
      const translated = readYamlData(path.join(dir, CATEGORIES_FILE), CategoryTranslationsFileSchema) ?? [];
      for (const t of translated) {
        titles.set(t.id, t.title);
        for (const s of t.sections) sectionTitles.set(`${t.id}/${s.id}`, s.title);
      }
    }
    byLocale.set(locale.code, {
      language: locale.code,
      prefix: locale.prefix,
      expander: createSynonymExpander(loadSynonyms(root, dir).groups, locale.code),
      placeOf: (entry) => ({
        categoryTitle: titles.get(entry.category) ?? entry.category,
        sectionTitle: entry.section === undefined ? undefined : sectionTitles.get(`${entry.category}/${entry.section}`),
        searchWeight:
          (entry.section === undefined ? undefined : sectionWeights.get(`${entry.category}/${entry.section}`)) ??
          categoryWeights.get(entry.category),
      }),
    });
  }
  const inputs = (locale: string | undefined) => byLocale.get(locale ?? settings.language)!;
  const article: SearchRecordBuilders['articles'] = (a) => {
    const l = inputs(a.locale);
    return buildArticleSearchRecord(a, l.placeOf(a), l.language, l.expander, l.prefix);
  };
  const faq: SearchRecordBuilders['faqs'] = (f) => {
    const l = inputs(f.locale);
    return buildFaqSearchRecord(f, l.placeOf(f), l.language, l.expander, l.prefix);
  };
  return { articles: article, faqs: faq, articleTranslations: article, faqTranslations: faq };
}
