/**
 * The record builders of a build's search index: each article and FAQ becomes its Pagefind
 * record with the site's language, category titles and synonyms, read once here.
 */
import path from 'node:path';
import { CATEGORIES_FILE, getProjectRoot } from '../content/paths.ts';
import { CategoriesFileSchema } from '../content/schema.ts';
import { loadSynonyms } from '../content/synonyms.ts';
import { readYamlData } from '../site/read-yaml-data.ts';
import { buildArticleSearchRecord, type RecordPlace } from './article-records.ts';
import { buildFaqSearchRecord } from './faq-records.ts';
import type { SearchRecordBuilders } from '../build/search-index/session.ts';
import { createSynonymExpander } from './synonyms.ts';

export function createSearchRecordBuilders(contentDir: string, language: string): SearchRecordBuilders {
  const expander = createSynonymExpander(loadSynonyms(getProjectRoot(contentDir), contentDir).groups, language);
  const categories = readYamlData(path.join(contentDir, CATEGORIES_FILE), CategoriesFileSchema) ?? [];
  const titles = new Map(categories.map((c) => [c.id, c.title]));
  const sectionTitles = new Map(categories.flatMap((c) => c.sections.map((s) => [`${c.id}/${s.id}`, s.title])));
  const placeOf = (entry: { category: string; section?: string | undefined }): RecordPlace => ({
    categoryTitle: titles.get(entry.category) ?? entry.category,
    sectionTitle: entry.section === undefined ? undefined : sectionTitles.get(`${entry.category}/${entry.section}`),
  });
  return {
    articles: (article) => buildArticleSearchRecord(article, placeOf(article), language, expander),
    faqs: (faq) => buildFaqSearchRecord(faq, placeOf(faq), language, expander),
  };
}
