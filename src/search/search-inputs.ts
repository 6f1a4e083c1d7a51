/**
 * What the search index needs besides the articles, computed from the loaded content: the FAQ
 * question records (with their synonyms) and the vocabulary the client corrects typos against
 * (which includes the synonyms, so a synonym is never "corrected" away).
 */
import type { LoadedContent } from '../content/load.ts';
import type { SynonymGroup } from '../content/synonyms-schema.ts';
import { buildFaqSearchRecords } from './faq-records.ts';
import { getPlainText } from './plain-text.ts';
import type { SearchHtmlRecord } from './record-html.ts';
import type { SynonymExpander } from './synonyms.ts';
import { buildSearchVocabulary, type SearchVocabulary } from './vocabulary.ts';

const published = <T extends { data: { draft: boolean } }>(entries: readonly T[]) => entries.filter((e) => !e.data.draft);

export function buildFaqRecordsFor(content: LoadedContent, language: string, synonyms: SynonymExpander): SearchHtmlRecord[] {
  return buildFaqSearchRecords(published(content.faqs), content.categories, language, synonyms);
}

/** Each published article's words (getPlainText of its body), by "category/slug": for the vocabulary and the search records. */
export function getArticleTexts(content: LoadedContent): Map<string, string> {
  return new Map(published(content.articles).map((a) => [`${a.category}/${a.id}`, getPlainText(a.body)]));
}

export function buildSearchVocabularyFor(
  content: LoadedContent,
  synonyms: readonly SynonymGroup[],
  language: string,
  articleTexts: ReadonlyMap<string, string> = getArticleTexts(content),
): SearchVocabulary {
  const texts = function* (): Generator<string> {
    for (const c of content.categories) yield c.title;
    for (const g of synonyms) yield* g.phrases;
    for (const a of published(content.articles)) {
      yield a.data.title;
      yield a.data.description;
      yield articleTexts.get(`${a.category}/${a.id}`) ?? getPlainText(a.body);
    }
    for (const f of published(content.faqs)) {
      yield f.data.question;
      yield getPlainText(f.body);
    }
  };
  return buildSearchVocabulary(texts(), language);
}
